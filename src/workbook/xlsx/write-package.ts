/**
 * Finishing touches ExcelJS cannot write, applied to the package it wrote for the generated sheets
 * (with JSZip, which ExcelJS itself uses), before they are grafted into the user's (write-graft.ts):
 * - plain data bars without ExcelJS's dangling extension;
 * - internal hyperlinks as Excel writes them: `<hyperlink ref="G8" location="'Budget lines'!B7"/>`.
 *   ExcelJS also adds an external relationship whose target is the location, which LibreOffice and
 *   Excel then follow as a file path;
 * - a quote prefix on cells whose text starts like a formula, so Excel shows and keeps them as typed
 *   text even when someone edits the cell;
 * - the OWNER_MARKER comment on the owner names, for people reading Name Manager.
 * The XML edited here is what ExcelJS writes, so simple patterns over it are enough.
 */
import JSZip from 'jszip';
import { OWNER_MARKER } from '../../reports/spec';
import { isOwnerName } from '../layout/marker';
import { escapeXml, parseTag, readPart, relsPathOf, startTags } from './write-xml';
import { sheetParts } from './package-parts';

export interface SheetFinish {
  readonly sheetName: string;
  /** A1 addresses of cells to give a quote prefix. */
  readonly quotePrefixCells: readonly string[];
}

const HYPERLINK_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** `written` (from ExcelJS, holding only generated sheets) finished, as a package to graft from. */
export async function finishGeneratedPackage(written: Uint8Array, sheets: readonly SheetFinish[]): Promise<JSZip> {
  const zip = await JSZip.loadAsync(written);
  const parts = await sheetParts(zip);

  const quotePrefixBySheet: { path: string; cells: Set<string> }[] = [];
  for (const sheet of sheets) {
    const path = parts.find((p) => p.name === sheet.sheetName)?.path;
    if (!path) throw new Error(`the written workbook has no part for sheet "${sheet.sheetName}"`);
    await fixInternalHyperlinks(zip, path);
    await dropEmptyDataBarExtensions(zip, path);
    if (sheet.quotePrefixCells.length > 0) quotePrefixBySheet.push({ path, cells: new Set(sheet.quotePrefixCells) });
  }
  if (quotePrefixBySheet.length > 0) await addQuotePrefixes(zip, quotePrefixBySheet);

  zip.file('xl/workbook.xml', commentOwnerNames(await readPart(zip, 'xl/workbook.xml')));
  return zip;
}

/** Hyperlinks whose relationship target is their own location become location-only links. */
async function fixInternalHyperlinks(zip: JSZip, sheetPath: string): Promise<void> {
  const relsPath = relsPathOf(sheetPath);
  const relsPart = zip.file(relsPath);
  if (!relsPart) return;
  let relsXml = await relsPart.async('string');
  let sheetXml = await readPart(zip, sheetPath);
  const rels = new Map(startTags(relsXml, 'Relationship').map((r) => [r.attributes.Id, r.attributes] as const));
  const dropped = new Set<string>();
  sheetXml = sheetXml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const { attributes } = parseTag(tag);
    const rel = rels.get(attributes['r:id'] ?? '');
    const location = attributes.location;
    if (!rel || location === undefined || rel.Type !== HYPERLINK_RELATIONSHIP) return tag;
    if (rel.Target !== location && rel.Target !== `#${location}`) return tag;
    dropped.add(rel.Id);
    const kept: Record<string, string> = { ref: attributes.ref, location: location.replace(/^#/, '') };
    if (attributes.tooltip !== undefined) kept.tooltip = attributes.tooltip;
    return `<hyperlink ${Object.entries(kept)
      .map(([k, v]) => `${k}="${escapeXml(v)}"`)
      .join(' ')}/>`;
  });
  if (dropped.size === 0) return;
  relsXml = relsXml.replace(/<Relationship\b[^>]*\/>/g, (tag) => (dropped.has(parseTag(tag).attributes.Id) ? '' : tag));
  zip.file(sheetPath, sheetXml);
  zip.file(relsPath, relsXml);
}

/**
 * ExcelJS gives a plain (Excel 2007) data bar an extension pointing at an x14 rule it never writes,
 * with an empty id; the bar is complete without it.
 */
async function dropEmptyDataBarExtensions(zip: JSZip, sheetPath: string): Promise<void> {
  const sheetXml = await readPart(zip, sheetPath);
  const cleaned = sheetXml.replace(/<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g, '');
  if (cleaned !== sheetXml) zip.file(sheetPath, cleaned);
}

/** Gives each listed cell a copy of its cell format with quotePrefix="1". */
async function addQuotePrefixes(zip: JSZip, sheets: readonly { path: string; cells: Set<string> }[]): Promise<void> {
  const stylesXml = await readPart(zip, 'xl/styles.xml');
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!cellXfs) throw new Error('the written workbook has no cell formats (cellXfs) in xl/styles.xml');
  const xfs: string[] = [...(cellXfs[1].match(/<xf\b[^>]*?\/>|<xf\b[^>]*?>[\s\S]*?<\/xf>/g) ?? [])];
  const prefixedIndex = new Map<number, number>();
  const prefixed = (index: number): number => {
    let found = prefixedIndex.get(index);
    if (found === undefined) {
      const xf = xfs[index] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      found = xfs.length;
      xfs.push(/\bquotePrefix=/.test(xf) ? xf : xf.replace(/^<xf\b/, '<xf quotePrefix="1"'));
      prefixedIndex.set(index, found);
    }
    return found;
  };
  for (const { path, cells } of sheets) {
    const sheetXml = (await readPart(zip, path)).replace(/<c\b([^>]*?)(\/?)>/g, (tag, attrs: string, selfClosing: string) => {
      const { attributes } = parseTag(`<c${attrs}/>`);
      if (!cells.has(attributes.r)) return tag;
      const index = prefixed(Number(attributes.s ?? '0'));
      return `<c${attrs.replace(/\s+s="[^"]*"/, '')} s="${index}"${selfClosing}>`;
    });
    zip.file(path, sheetXml);
  }
  const replacement = `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`;
  zip.file('xl/styles.xml', stylesXml.slice(0, cellXfs.index) + replacement + stylesXml.slice(cellXfs.index + cellXfs[0].length));
}

function commentOwnerNames(workbookXml: string): string {
  return workbookXml.replace(/<definedName\b([^>]*)>/g, (tag, attrs: string) => {
    const { attributes } = parseTag(tag);
    if (!isOwnerName(attributes.name ?? '') || attributes.comment !== undefined) return tag;
    return `<definedName${attrs} comment="${escapeXml(OWNER_MARKER)}">`;
  });
}
