/**
 * What Excel checks when it opens a package, as far as a test can: every part is well-formed XML with
 * a content type, every internal relationship names a part that exists, sheet ids and table ids and
 * names are unique, and every index a sheet holds into the shared tables (cell formats, differential
 * formats, shared strings) is in range. Returns the problems found, so a test can show them.
 */
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { resolvePartTarget as resolve } from '../../../src/workbook/xlsx/package-parts';

const count = (xml: string, section: string, item: string): number => {
  const body = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml)?.[1] ?? '';
  return (body.match(new RegExp(`<${item}\\b`, 'g')) ?? []).length;
};

export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const files = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const text = new Map<string, string>();
  const parser = new new JSDOM('').window.DOMParser();
  for (const path of files.filter((p) => /\.(xml|rels|vml)$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    text.set(path, xml);
    // Namespace-aware: an element or attribute prefix without its declaration is an error too.
    const error = parser.parseFromString(xml, 'application/xml').getElementsByTagName('parsererror')[0];
    if (error) problems.push(`${path} is not well-formed: ${error.textContent?.slice(0, 200)}`);
  }

  const types = text.get('[Content_Types].xml') ?? '';
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1].slice(1).toLowerCase()));
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  for (const path of files) {
    if (path === '[Content_Types].xml') continue;
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(path.toLowerCase()) && !defaults.has(extension)) problems.push(`${path} has no content type`);
  }
  for (const part of overrides) if (!files.some((p) => p.toLowerCase() === part)) problems.push(`content type for missing part ${part}`);

  for (const [path, xml] of text) {
    if (!path.endsWith('.rels')) continue;
    const m = /^(.*?)_rels\/(.*)\.rels$/.exec(path);
    const source = m ? `${m[1]}${m[2]}` : '';
    for (const rel of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(rel[0])) continue;
      const target = resolve(source, /Target="([^"]*)"/.exec(rel[0])?.[1] ?? '');
      if (!files.includes(target)) problems.push(`${path} points at missing part ${target}`);
    }
  }

  const workbook = text.get('xl/workbook.xml') ?? '';
  const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*sheetId="(\d+)"/g)].map((m) => m[1]);
  if (new Set(sheetIds).size !== sheetIds.length) problems.push(`sheet ids repeat: ${sheetIds.join(',')}`);
  const tables = [...text].filter(([p]) => p.startsWith('xl/tables/')).map(([, xml]) => /<table\b[^>]*>/.exec(xml)?.[0] ?? '');
  const tableIds = tables.map((t) => /\sid="(\d+)"/.exec(t)?.[1]);
  if (new Set(tableIds).size !== tableIds.length) problems.push(`table ids repeat: ${tableIds.join(',')}`);
  const tableNames = tables.map((t) => /displayName="([^"]*)"/.exec(t)?.[1]?.toUpperCase());
  if (new Set(tableNames).size !== tableNames.length) problems.push(`table names repeat: ${tableNames.join(',')}`);

  const styles = text.get('xl/styles.xml') ?? '';
  const xfs = count(styles, 'cellXfs', 'xf');
  const dxfs = count(styles, 'dxfs', 'dxf');
  const strings = count(text.get('xl/sharedStrings.xml') ?? '', 'sst', 'si');
  for (const [path, xml] of text) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    for (const m of xml.matchAll(/<(?:c|row)\b[^>]*\ss="(\d+)"/g)) if (Number(m[1]) >= xfs) problems.push(`${path}: cell format ${m[1]} of ${xfs}`);
    for (const m of xml.matchAll(/\sdxfId="(\d+)"/g)) if (Number(m[1]) >= dxfs) problems.push(`${path}: differential format ${m[1]} of ${dxfs}`);
    for (const m of xml.matchAll(/<c\b[^>]*\st="s"[^>]*><v>(\d+)<\/v>/g))
      if (Number(m[1]) >= strings) problems.push(`${path}: shared string ${m[1]} of ${strings}`);
  }
  return problems;
}
