/**
 * Validates .xlsx/.xlsm packages the way a strict consumer would: every XML part against the ECMA-376
 * transitional schemas (ISO/IEC 29500-4, in shared/reference/ooxml-xsd) with xmllint, after markup
 * compatibility processing, plus the package rules the schemas cannot express (unique sheet ids and
 * names, part names unique ignoring case, relationship targets, content types, table ids and headers,
 * style indexes, defined names, the calculation chain, the main part's kind against the file's
 * extension).
 *
 * Several packages are validated together so xmllint runs once per schema, not once per part.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { MC_NS, parseXml, processCompatibility, serializeXml } from './markup-compatibility';
import { sharedPath } from './shared-folder';
import { makeTempDir } from './temp-dir';

export const XSD_ROOT = sharedPath('reference', 'ooxml-xsd');
const ISO = path.join(XSD_ROOT, 'ISO-IEC29500-4_2016');
const OPC = path.join(XSD_ROOT, 'ecma', 'fouth-edition');

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const CDR = 'http://schemas.openxmlformats.org/drawingml/2006/chartDrawing';
const CORE = 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties';
const EXT = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';
const CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

/** Namespaces the reference schemas define: what this consumer "understands" for markup compatibility. */
export const UNDERSTOOD = new Set([
  SML,
  R,
  PKG_RELS,
  CT,
  A,
  C,
  XDR,
  CDR,
  CORE,
  EXT,
  CUSTOM,
  VT,
  MC_NS,
  'http://schemas.openxmlformats.org/drawingml/2006/diagram',
  'http://schemas.openxmlformats.org/drawingml/2006/picture',
  'http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas',
  'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://purl.org/dc/dcmitype/',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2001/XMLSchema-instance',
]);

interface SchemaTarget {
  readonly schema: string;
  readonly ns: string;
  readonly root: string;
}

const sml = (root: string): SchemaTarget => ({ schema: path.join(ISO, 'sml.xsd'), ns: SML, root });
const SML_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';

/** Content type → the schema and root element (hence complex type) its parts must have. */
export const SCHEMA_BY_CONTENT_TYPE: Readonly<Record<string, SchemaTarget>> = {
  [`${SML_TYPE}sheet.main+xml`]: sml('workbook'),
  [`${SML_TYPE}template.main+xml`]: sml('workbook'),
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': sml('workbook'),
  'application/vnd.ms-excel.template.macroEnabled.main+xml': sml('workbook'),
  [`${SML_TYPE}worksheet+xml`]: sml('worksheet'),
  [`${SML_TYPE}chartsheet+xml`]: sml('chartsheet'),
  [`${SML_TYPE}dialogsheet+xml`]: sml('dialogsheet'),
  [`${SML_TYPE}styles+xml`]: sml('styleSheet'),
  [`${SML_TYPE}sharedStrings+xml`]: sml('sst'),
  [`${SML_TYPE}table+xml`]: sml('table'),
  [`${SML_TYPE}calcChain+xml`]: sml('calcChain'),
  [`${SML_TYPE}comments+xml`]: sml('comments'),
  [`${SML_TYPE}pivotTable+xml`]: sml('pivotTableDefinition'),
  [`${SML_TYPE}pivotCacheDefinition+xml`]: sml('pivotCacheDefinition'),
  [`${SML_TYPE}pivotCacheRecords+xml`]: sml('pivotCacheRecords'),
  [`${SML_TYPE}externalLink+xml`]: sml('externalLink'),
  [`${SML_TYPE}connections+xml`]: sml('connections'),
  [`${SML_TYPE}queryTable+xml`]: sml('queryTable'),
  [`${SML_TYPE}tableSingleCells+xml`]: sml('singleXmlCells'),
  [`${SML_TYPE}sheetMetadata+xml`]: sml('metadata'),
  [`${SML_TYPE}volatileDependencies+xml`]: sml('volTypes'),
  [`${SML_TYPE}revisionHeaders+xml`]: sml('headers'),
  [`${SML_TYPE}revisionLog+xml`]: sml('revisions'),
  [`${SML_TYPE}userNames+xml`]: sml('users'),
  'application/vnd.openxmlformats-officedocument.theme+xml': { schema: path.join(ISO, 'dml-main.xsd'), ns: A, root: 'theme' },
  'application/vnd.openxmlformats-officedocument.drawing+xml': { schema: path.join(ISO, 'dml-spreadsheetDrawing.xsd'), ns: XDR, root: 'wsDr' },
  'application/vnd.openxmlformats-officedocument.drawingml.chart+xml': { schema: path.join(ISO, 'dml-chart.xsd'), ns: C, root: 'chartSpace' },
  'application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml': { schema: path.join(ISO, 'dml-chartDrawing.xsd'), ns: C, root: 'userShapes' },
  'application/vnd.openxmlformats-package.core-properties+xml': { schema: path.join(OPC, 'opc-coreProperties.local.xsd'), ns: CORE, root: 'coreProperties' },
  'application/vnd.openxmlformats-officedocument.extended-properties+xml': {
    schema: path.join(ISO, 'shared-documentPropertiesExtended.xsd'),
    ns: EXT,
    root: 'Properties',
  },
  'application/vnd.openxmlformats-officedocument.custom-properties+xml': {
    schema: path.join(ISO, 'shared-documentPropertiesCustom.xsd'),
    ns: CUSTOM,
    root: 'Properties',
  },
  'application/vnd.openxmlformats-package.relationships+xml': { schema: path.join(OPC, 'opc-relationships.xsd'), ns: PKG_RELS, root: 'Relationships' },
};
const CONTENT_TYPES_TARGET: SchemaTarget = { schema: path.join(OPC, 'opc-contentTypes.xsd'), ns: CT, root: 'Types' };

const MAIN_TYPES: Record<string, string> = {
  xlsx: `${SML_TYPE}sheet.main+xml`,
  xltx: `${SML_TYPE}template.main+xml`,
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  xltm: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
};

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export interface PackageReport {
  readonly label: string;
  /** Schema and rule violations, each prefixed with the part it concerns. */
  readonly problems: string[];
  /** Parts validated, with the root element they were validated as. */
  readonly validated: string[];
  /** XML parts with no schema in the reference folder, and non-XML parts: not validated. */
  readonly skipped: string[];
}

export interface PackageInput {
  readonly label: string;
  /** The file name the package is saved as: its extension says which main content type it must have. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

interface Part {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
  doc?: Document;
}

const decoder = new TextDecoder();

/** Validates several packages, running xmllint once per schema over all their parts. */
export async function validatePackages(inputs: readonly PackageInput[]): Promise<PackageReport[]> {
  const work = await makeTempDir('cw-ooxml-');
  const reports: PackageReport[] = [];
  const batches = new Map<string, { file: string; report: PackageReport; part: string }[]>();
  for (const [index, input] of inputs.entries()) {
    const report: PackageReport = { label: input.label, problems: [], validated: [], skipped: [] };
    reports.push(report);
    let parts: Map<string, Part>;
    try {
      parts = await readParts(input.bytes, report);
    } catch (error) {
      report.problems.push(`not a zip package: ${(error as Error).message}`);
      continue;
    }
    for (const part of parts.values()) {
      const target = part.name === '[Content_Types].xml' ? CONTENT_TYPES_TARGET : part.contentType ? SCHEMA_BY_CONTENT_TYPE[part.contentType] : undefined;
      const isXml = part.contentType?.endsWith('xml') || part.name === '[Content_Types].xml' || /\.(xml|rels)$/i.test(part.name);
      if (isXml) {
        try {
          part.doc = parseXml(decoder.decode(part.bytes), part.name);
        } catch (error) {
          report.problems.push(`${part.name}: ${(error as Error).message}`);
          continue;
        }
      }
      if (!target) {
        report.skipped.push(`${part.name} (${part.contentType ?? 'no content type'}${isXml ? ', no schema in the reference folder' : ', not XML'})`);
        continue;
      }
      const copy = part.doc!.cloneNode(true) as Document;
      for (const problem of processCompatibility(copy, UNDERSTOOD)) report.problems.push(`${part.name}: ${problem}`);
      allowXmlSpaceOnText(copy);
      const root = copy.documentElement;
      if (root.namespaceURI !== target.ns || root.localName !== target.root) {
        report.problems.push(
          `${part.name}: root element {${root.namespaceURI}}${root.localName}, but its content type ${part.contentType} needs {${target.ns}}${target.root}`,
        );
        continue;
      }
      const file = path.join(work, `${index}-${part.name.replace(/[^A-Za-z0-9._-]+/g, '_')}`);
      await fs.writeFile(file, serializeXml(copy));
      report.validated.push(`${part.name} as ${target.root}`);
      const batch = batches.get(target.schema) ?? [];
      batch.push({ file, report, part: part.name });
      batches.set(target.schema, batch);
    }
    checkConsistency(input, parts, report);
  }
  for (const [schema, batch] of batches) {
    const output = await xmllint(
      schema,
      batch.map((b) => b.file),
    );
    for (const entry of batch) {
      const failed = output.failed.has(entry.file);
      const errors = output.errors.get(entry.file) ?? [];
      if (failed || errors.length) {
        entry.report.problems.push(
          ...(errors.length ? errors.slice(0, 20).map((e) => `${entry.part}: ${e}`) : [`${entry.part}: fails to validate against ${path.basename(schema)}`]),
        );
        if (errors.length > 20) entry.report.problems.push(`${entry.part}: … and ${errors.length - 20} more schema errors`);
      } else if (!output.validated.has(entry.file)) {
        entry.report.problems.push(`${entry.part}: xmllint said nothing about it: ${output.raw.slice(0, 500)}`);
      }
    }
  }
  return reports;
}

export async function validatePackage(input: PackageInput): Promise<PackageReport> {
  return (await validatePackages([input]))[0];
}

/**
 * xml:space="preserve" on a SpreadsheetML <t> (text with leading or trailing spaces): the standard's text
 * (Part 1, §18.4.12 and its examples) and every producer (Excel, LibreOffice) write it, but the
 * published schema types <t> as a plain ST_Xstring with no attributes, so xmllint would reject it.
 * Removed before validation; any other value than "preserve" or "default" is still an error.
 */
function allowXmlSpaceOnText(doc: Document): void {
  const XML_NS = 'http://www.w3.org/XML/1998/namespace';
  for (const t of elements(doc, SML, 't')) {
    const value = t.getAttributeNS(XML_NS, 'space');
    if (value === 'preserve' || value === 'default') t.removeAttributeNS(XML_NS, 'space');
  }
}

interface XmllintOutput {
  readonly validated: Set<string>;
  readonly failed: Set<string>;
  readonly errors: Map<string, string[]>;
  readonly raw: string;
}

function xmllint(schema: string, files: readonly string[]): Promise<XmllintOutput> {
  return new Promise((resolve, reject) => {
    execFile('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit 3: some files are invalid; anything else non-zero means the schema or xmllint failed.
      const code: unknown = error ? (error as { code?: unknown }).code : 0;
      if (error && code !== 3) {
        reject(new Error(`xmllint failed (${String(code)}) on ${schema}: ${stderr.slice(0, 2000)}`));
        return;
      }
      const output: XmllintOutput = { validated: new Set(), failed: new Set(), errors: new Map(), raw: stderr };
      const known = new Set(files);
      for (const line of `${stdout}\n${stderr}`.split('\n')) {
        const ok = /^(.*) validates$/.exec(line);
        if (ok && known.has(ok[1])) {
          output.validated.add(ok[1]);
          continue;
        }
        const bad = /^(.*) fails to validate$/.exec(line);
        if (bad && known.has(bad[1])) {
          output.failed.add(bad[1]);
          continue;
        }
        const err = /^(.*?):(\d+): (.*)$/.exec(line);
        if (err && known.has(err[1])) {
          const list = output.errors.get(err[1]) ?? [];
          list.push(`line ${err[2]}: ${err[3]}`);
          output.errors.set(err[1], list);
        }
      }
      resolve(output);
    });
  });
}

async function readParts(bytes: Uint8Array, report: PackageReport): Promise<Map<string, Part>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) report.problems.push(`package: part names ${seen.get(key)} and ${name} differ only in case (OPC part names compare case-insensitively)`);
    else seen.set(key, name);
  }
  const typesEntry = names.find((n) => n === '[Content_Types].xml');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (!typesEntry) report.problems.push('package: no [Content_Types].xml');
  else {
    const types = parseXml(await zip.file(typesEntry)!.async('string'), '[Content_Types].xml');
    for (const d of [...types.getElementsByTagNameNS(CT, 'Default')]) {
      const ext = (d.getAttribute('Extension') ?? '').toLowerCase();
      if (defaults.has(ext)) report.problems.push(`[Content_Types].xml: two Default entries for extension ${ext}`);
      defaults.set(ext, d.getAttribute('ContentType') ?? '');
    }
    for (const o of [...types.getElementsByTagNameNS(CT, 'Override')]) {
      const name = (o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase();
      if (overrides.has(name)) report.problems.push(`[Content_Types].xml: two Override entries for /${name}`);
      overrides.set(name, o.getAttribute('ContentType') ?? '');
      if (!seen.has(name)) report.problems.push(`[Content_Types].xml: Override for /${name}, which is not in the package`);
    }
  }
  const parts = new Map<string, Part>();
  for (const name of names) {
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    const contentType = name === '[Content_Types].xml' ? undefined : (overrides.get(name.toLowerCase()) ?? defaults.get(extension));
    if (name !== '[Content_Types].xml' && contentType === undefined)
      report.problems.push(`${name}: no content type (no Override and no Default for ".${extension}")`);
    parts.set(name, { name, bytes: await zip.file(name)!.async('uint8array'), contentType });
  }
  return parts;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const pieces = source.split('/').slice(0, -1);
  for (const piece of decodeURI(target).split('/')) {
    if (piece === '..') pieces.pop();
    else if (piece !== '.' && piece !== '') pieces.push(piece);
  }
  return pieces.join('/');
}

/** "A1" → [0, 0]; "$AB$12" → [27, 11]. */
export function cellPosition(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col - 1, Number(m[2]) - 1];
}

function cellName(col: number, row: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** Excel's escape for characters XML cannot hold: _x000A_ and so on (_x005F_ escapes an underscore). */
const unescapeX = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function elements(parent: Document | Element, ns: string, local: string): Element[] {
  return [...parent.getElementsByTagNameNS(ns, local)];
}

function childElements(parent: Element, ns: string, local: string): Element[] {
  return [...parent.children].filter((c) => c.namespaceURI === ns && c.localName === local);
}

function textOf(si: Element): string {
  // A shared string's text: its t, or its runs' t, not the phonetic runs (rPh).
  return elements(si, SML, 't')
    .filter((t) => t.parentElement?.localName !== 'rPh')
    .map((t) => t.textContent ?? '')
    .join('');
}

/** A name needs quotes in a reference when it is not a plain name or could be read as a cell, R1C1 ref or boolean. */
export function sheetNameNeedsQuotes(name: string): boolean {
  return (
    !/^[A-Za-z_\u00A1-\uFFFF][A-Za-z0-9_.\u00A1-\uFFFF]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d/.test(name) ||
    /^(?:R\d*C?\d*|C\d*)$/i.test(name) ||
    /^(?:TRUE|FALSE)$/i.test(name)
  );
}

/**
 * The sheet names a formula refers to ('Sheet name'!A1, Sheet1!A1), with whether each is wrongly
 * unquoted; string literals are skipped except as returned in `literals`, external ([1]Sheet!) refs ignored.
 */
export function sheetReferences(formula: string): { sheets: { name: string; badlyUnquoted: boolean }[]; literals: string[] } {
  const literals: string[] = [];
  const code = formula.replace(/"((?:[^"]|"")*)"/g, (_, body: string) => {
    literals.push(body.replace(/""/g, '"'));
    return '""';
  });
  const sheets: { name: string; badlyUnquoted: boolean }[] = [];
  const pattern = /(\[[^\]]*\])?(?:'((?:[^']|'')+)'|([A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\u00A1-\uFFFF]*))!/g;
  for (const m of code.matchAll(pattern)) {
    const before = code[m.index - 1];
    if (m[1] || (before && /[A-Za-z0-9_.\]]/.test(before))) continue;
    if (m[2] !== undefined) {
      const name = m[2].replace(/''/g, "'");
      if (name.includes(':')) continue; // 3-D reference Sheet1:Sheet3
      sheets.push({ name, badlyUnquoted: false });
    } else {
      sheets.push({ name: m[3], badlyUnquoted: sheetNameNeedsQuotes(m[3]) });
    }
  }
  return { sheets, literals };
}

/** Defined names: letters, digits, _ . \ ?; starting with a letter, _ or \; never a cell reference. */
export function definedNameProblem(name: string): string | undefined {
  if (name.startsWith('_xlnm.')) return undefined;
  if (name.length === 0 || name.length > 255) return 'must be 1 to 255 characters';
  if (!/^[A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\?\u00A1-\uFFFF]*$/.test(name)) return 'has a character a name cannot hold, or starts with one';
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && cellPosition(name) && cellPosition(name)![0] < 16384 && cellPosition(name)![1] < 1048576) return 'is a cell reference';
  if (/^(?:R\d*C?\d*|C\d*|R|C)$/i.test(name)) return 'is an R1C1 reference';
  if (/^(?:TRUE|FALSE)$/i.test(name)) return 'is a boolean';
  return undefined;
}

interface SheetInfo {
  readonly name: string;
  readonly sheetId: string;
  readonly part: string | undefined;
  readonly kind: string;
}

function checkConsistency(input: PackageInput, parts: Map<string, Part>, report: PackageReport): void {
  const problems = report.problems;
  const byLower = new Map([...parts.keys()].map((n) => [n.toLowerCase(), n]));
  const find = (name: string) => parts.get(byLower.get(name.toLowerCase()) ?? '');

  // Relationships: every internal target is a part (names compare case-insensitively, as OPC says).
  const relsOf = new Map<string, Rel[]>();
  for (const part of parts.values()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(part.name);
    if (!m || !part.doc) continue;
    const source = `${m[1]}${m[2]}`;
    if (source !== '' && !find(source)) problems.push(`${part.name}: relationships of a part that is not in the package (${source})`);
    const rels = elements(part.doc, PKG_RELS, 'Relationship').map((r) => ({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      target: r.getAttribute('Target') ?? '',
      external: r.getAttribute('TargetMode') === 'External',
    }));
    const ids = rels.map((r) => r.id);
    for (const [i, id] of ids.entries()) if (ids.indexOf(id) !== i) problems.push(`${part.name}: relationship id ${id} repeats`);
    for (const rel of rels) {
      if (rel.external) continue;
      const target = resolveTarget(source, rel.target);
      if (!find(target)) problems.push(`${part.name}: ${rel.id} (${rel.type.split('/').pop()}) points at ${target}, which is not in the package`);
    }
    relsOf.set(find(source)?.name ?? source, rels);
  }
  const relTarget = (source: string, id: string): string | undefined => {
    const rel = relsOf.get(source)?.find((r) => r.id === id);
    return rel && !rel.external ? find(resolveTarget(source, rel.target))?.name : undefined;
  };

  // The main part, and its kind against the file's extension.
  const officeDocument = (relsOf.get('') ?? []).find((r) => r.type === `${REL}officeDocument`);
  if (!officeDocument) {
    problems.push('_rels/.rels: no officeDocument relationship');
    return;
  }
  const workbookPart = find(resolveTarget('', officeDocument.target));
  if (!workbookPart?.doc) {
    problems.push(`_rels/.rels: the main part ${officeDocument.target} is missing or not XML`);
    return;
  }
  const extension = path.extname(input.fileName).slice(1).toLowerCase();
  const wantedMain = MAIN_TYPES[extension];
  if (wantedMain && workbookPart.contentType !== wantedMain) {
    problems.push(`${workbookPart.name}: content type ${workbookPart.contentType} in a .${extension} file, which Excel opens only with ${wantedMain}`);
  }
  const hasVba = [...(relsOf.get(workbookPart.name) ?? [])].some((r) => r.type.endsWith('/vbaProject'));
  if (hasVba && (extension === 'xlsx' || extension === 'xltx')) problems.push(`package: a VBA project in a .${extension} file`);

  const workbook = workbookPart.doc;
  const wbName = workbookPart.name;

  // Sheets: ids and names unique, every r:id a sheet part.
  const sheets: SheetInfo[] = elements(workbook, SML, 'sheet').map((s) => {
    const id = s.getAttributeNS(R, 'id') ?? '';
    const rel = relsOf.get(wbName)?.find((r) => r.id === id);
    const part = relTarget(wbName, id);
    if (!part) problems.push(`${wbName}: sheet "${s.getAttribute('name')}" has r:id ${id}, which names no part`);
    return { name: s.getAttribute('name') ?? '', sheetId: s.getAttribute('sheetId') ?? '', part, kind: rel?.type.split('/').pop() ?? '' };
  });
  const ids = sheets.map((s) => s.sheetId);
  for (const [i, id] of ids.entries())
    if (ids.indexOf(id) !== i)
      problems.push(
        `${wbName}: sheetId ${id} repeats (${sheets
          .filter((s) => s.sheetId === id)
          .map((s) => `"${s.name}"`)
          .join(', ')})`,
      );
  const names = sheets.map((s) => s.name.toLowerCase());
  for (const [i, name] of names.entries())
    if (names.indexOf(name) !== i) problems.push(`${wbName}: sheet name "${sheets[i].name}" repeats (names compare case-insensitively)`);
  for (const s of sheets) {
    if (s.name.length === 0 || s.name.length > 31 || /[\\/?*[\]:]/.test(s.name) || /^'|'$/.test(s.name) || s.name.toLowerCase() === 'history') {
      problems.push(`${wbName}: sheet name "${s.name}" is not one Excel allows`);
    }
  }
  const sheetByLower = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));

  // Styles: counts of cell formats and differential formats.
  const stylesName = (relsOf.get(wbName) ?? []).filter((r) => r.type === `${REL}styles`).map((r) => find(resolveTarget(wbName, r.target))?.name)[0];
  const styles = stylesName ? parts.get(stylesName)?.doc : undefined;
  const count = (local: string, item: string): number => {
    const section = styles ? elements(styles, SML, local)[0] : undefined;
    return section ? childElements(section, SML, item).length : 0;
  };
  const xfCount = count('cellXfs', 'xf');
  const dxfCount = count('dxfs', 'dxf');
  if (styles) {
    const styleXfCount = count('cellStyleXfs', 'xf');
    for (const xf of childElements(elements(styles, SML, 'cellXfs')[0] ?? styles.documentElement, SML, 'xf')) {
      const xfId = Number(xf.getAttribute('xfId') ?? 0);
      if (styleXfCount && xfId >= styleXfCount) problems.push(`${stylesName}: cellXfs xf has xfId ${xfId} of ${styleXfCount} cellStyleXfs`);
    }
    for (const e of elements(styles, SML, 'tableStyleElement')) checkDxf(stylesName!, e);
  }
  function checkDxf(partName: string, element: Element): void {
    for (const attribute of ['dxfId', 'headerRowDxfId', 'dataDxfId', 'totalsRowDxfId', 'headerRowBorderDxfId', 'tableBorderDxfId', 'totalsRowBorderDxfId']) {
      const value = element.getAttribute(attribute);
      if (value !== null && Number(value) >= dxfCount)
        problems.push(`${partName}: ${element.localName} ${attribute}="${value}", but styles have ${dxfCount} dxfs`);
    }
  }

  // Shared strings.
  const sstName = (relsOf.get(wbName) ?? []).filter((r) => r.type === `${REL}sharedStrings`).map((r) => find(resolveTarget(wbName, r.target))?.name)[0];
  const sst = sstName ? parts.get(sstName)?.doc : undefined;
  const strings = sst ? childElements(sst.documentElement, SML, 'si').map(textOf) : [];

  // Worksheets: style indexes, formulas, cells' text (for table headers).
  const formulaCells = new Map<string, Set<string>>();
  const cellText = new Map<string, Map<string, string>>();
  for (const sheet of sheets) {
    if (!sheet.part || sheet.kind !== 'worksheet') continue;
    const doc = parts.get(sheet.part)?.doc;
    if (!doc) continue;
    const formulas = new Set<string>();
    const texts = new Map<string, string>();
    formulaCells.set(sheet.part, formulas);
    cellText.set(sheet.part, texts);
    for (const row of elements(doc, SML, 'row')) {
      const s = row.getAttribute('s');
      if (s !== null && Number(s) >= xfCount) problems.push(`${sheet.part}: row ${row.getAttribute('r')} s="${s}", but styles have ${xfCount} cellXfs`);
    }
    for (const col of elements(doc, SML, 'col')) {
      const s = col.getAttribute('style');
      if (s !== null && Number(s) >= xfCount) problems.push(`${sheet.part}: col style="${s}", but styles have ${xfCount} cellXfs`);
    }
    for (const c of elements(doc, SML, 'c')) {
      const r = c.getAttribute('r') ?? '';
      const s = c.getAttribute('s');
      if (s !== null && Number(s) >= xfCount) problems.push(`${sheet.part}: cell ${r} s="${s}", but styles have ${xfCount} cellXfs`);
      const f = childElements(c, SML, 'f')[0];
      if (f) {
        formulas.add(r);
        checkFormula(`${sheet.part}: cell ${r} formula`, f.textContent ?? '');
      }
      const t = c.getAttribute('t') ?? 'n';
      const v = childElements(c, SML, 'v')[0]?.textContent ?? '';
      if (t === 's') {
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= strings.length) problems.push(`${sheet.part}: cell ${r} shared string ${v} of ${strings.length}`);
        else texts.set(r, strings[i]);
      } else if (t === 'inlineStr') {
        const is = childElements(c, SML, 'is')[0];
        texts.set(r, is ? textOf(is) : '');
      } else if (v !== '') texts.set(r, v);
    }
    for (const e of elements(doc, SML, 'cfRule')) checkDxf(sheet.part, e);
    for (const link of elements(doc, SML, 'hyperlink')) {
      const location = link.getAttribute('location');
      if (location) checkLocation(`${sheet.part}: hyperlink ${link.getAttribute('ref')} location`, location);
    }
    for (const dv of elements(doc, SML, 'dataValidation')) {
      // Excel's limits (MS-OI29500 §2.1.613), which the schema's ST_Xstring does not state.
      for (const [attribute, max] of [
        ['errorTitle', 32],
        ['promptTitle', 32],
        ['error', 225],
        ['prompt', 255],
      ] as const) {
        const value = dv.getAttribute(attribute);
        if (value !== null && value.length > max)
          problems.push(`${sheet.part}: dataValidation ${dv.getAttribute('sqref')} ${attribute} "${value}" is over Excel's ${max} characters`);
      }
      for (const local of ['formula1', 'formula2']) {
        for (const f of childElements(dv, SML, local)) checkFormula(`${sheet.part}: dataValidation ${dv.getAttribute('sqref')} ${local}`, f.textContent ?? '');
      }
    }
  }

  function checkSheetName(where: string, name: string, badlyUnquoted: boolean): void {
    if (badlyUnquoted) problems.push(`${where}: sheet name ${name} must be quoted ('${name}'!)`);
    if (!sheetByLower.has(name.toLowerCase())) problems.push(`${where}: names sheet "${name}", which the workbook does not have`);
  }
  function checkFormula(where: string, formula: string): void {
    const { sheets: refs, literals } = sheetReferences(formula);
    for (const ref of refs) checkSheetName(where, ref.name, ref.badlyUnquoted);
    // HYPERLINK("#'Sheet'!A1", …): the link's location is a reference too.
    if (/HYPERLINK\s*\(/i.test(formula)) for (const literal of literals) if (literal.startsWith('#')) checkLocation(`${where} link`, literal.slice(1));
  }
  function checkLocation(where: string, location: string): void {
    const { sheets: refs } = sheetReferences(location);
    for (const ref of refs) checkSheetName(where, ref.name, ref.badlyUnquoted);
  }

  // Defined names.
  const seenNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const dn of elements(workbook, SML, 'definedName')) {
    const name = dn.getAttribute('name') ?? '';
    const local = dn.getAttribute('localSheetId');
    const problem = definedNameProblem(name);
    if (problem) problems.push(`${wbName}: defined name "${name}" ${problem}`);
    if (local !== null && !(Number(local) >= 0 && Number(local) < sheets.length))
      problems.push(`${wbName}: defined name "${name}" has localSheetId ${local} of ${sheets.length} sheets`);
    const key = `${local ?? ''}|${name.toLowerCase()}`;
    if (seenNames.has(key)) problems.push(`${wbName}: defined name "${name}" repeats in its scope`);
    seenNames.add(key);
    checkFormula(`${wbName}: defined name "${name}"`, dn.textContent ?? '');
  }

  // Tables: ids and names unique in the workbook, columns named as their header cells.
  const tableIds = new Map<string, string>();
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    for (const rel of relsOf.get(sheet.part) ?? []) {
      if (rel.type !== `${REL}table` || rel.external) continue;
      const tablePart = find(resolveTarget(sheet.part, rel.target));
      const table = tablePart?.doc?.documentElement;
      if (!tablePart || !table) continue;
      const where = `${tablePart.name}`;
      const id = table.getAttribute('id') ?? '';
      if (tableIds.has(id)) problems.push(`${where}: table id ${id} repeats (also ${tableIds.get(id)})`);
      tableIds.set(id, tablePart.name);
      const displayName = (table.getAttribute('displayName') ?? '').toLowerCase();
      if (tableNames.has(displayName)) problems.push(`${where}: table name ${table.getAttribute('displayName')} repeats`);
      if ([...seenNames].some((k) => k.endsWith(`|${displayName}`)))
        problems.push(`${where}: table name ${table.getAttribute('displayName')} is also a defined name`);
      tableNames.add(displayName);
      checkDxf(where, table);
      const columns = elements(table, SML, 'tableColumn');
      for (const column of columns) checkDxf(where, column);
      const [from, to] = (table.getAttribute('ref') ?? '').split(':').map(cellPosition);
      if (!from || !to) {
        problems.push(`${where}: ref "${table.getAttribute('ref')}" is not a range`);
        continue;
      }
      if (to[0] - from[0] + 1 !== columns.length) problems.push(`${where}: ${columns.length} tableColumns for a ref ${to[0] - from[0] + 1} columns wide`);
      const colNames = columns.map((c) => (c.getAttribute('name') ?? '').toLowerCase());
      for (const [i, n] of colNames.entries())
        if (colNames.indexOf(n) !== i) problems.push(`${where}: column name "${columns[i].getAttribute('name')}" repeats`);
      if (table.getAttribute('headerRowCount') === '0') continue;
      const texts = cellText.get(sheet.part) ?? new Map<string, string>();
      columns.forEach((column, i) => {
        const cell = cellName(from[0] + i, from[1]);
        const header = unescapeX(texts.get(cell) ?? '');
        const name = unescapeX(column.getAttribute('name') ?? '');
        if (header !== name) problems.push(`${where}: column ${i + 1} is named "${name}", but its header cell ${cell} holds "${header}"`);
      });
    }
  }

  // Calculation chain: every entry a formula cell of a sheet (i is the sheetId, sticky).
  const chainName = (relsOf.get(wbName) ?? []).filter((r) => r.type === `${REL}calcChain`).map((r) => find(resolveTarget(wbName, r.target))?.name)[0];
  const chain = chainName ? parts.get(chainName)?.doc : undefined;
  if (chain) {
    let current = '';
    const bad: string[] = [];
    for (const c of childElements(chain.documentElement, SML, 'c')) {
      current = c.getAttribute('i') ?? current;
      const sheet = sheets.find((s) => s.sheetId === current);
      const r = c.getAttribute('r') ?? '';
      if (!sheet?.part) bad.push(`${r} on sheetId ${current}, which is no sheet`);
      else if (sheet.kind === 'worksheet' && !formulaCells.get(sheet.part)?.has(r)) bad.push(`${sheet.name}!${r}, which holds no formula`);
    }
    if (bad.length) problems.push(`${chainName}: stale entries: ${bad.slice(0, 10).join('; ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}`);
  }
}

/** Whether the reference schemas are where this helper expects them. */
export function schemasPresent(): boolean {
  return existsSync(path.join(ISO, 'sml.xsd')) && existsSync(path.join(OPC, 'opc-relationships.xsd'));
}
