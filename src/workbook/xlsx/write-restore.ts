/**
 * Puts back what ExcelJS loses from the user's sheets when it loads and saves a workbook:
 * - defined names that are not plain ranges (a constant such as VAT_rate = 0.2, a formula) are
 *   dropped, so formulas using them would turn to #NAME?; names scoped to one sheet become
 *   workbook-wide; hidden names (such as an autofilter's _xlnm._FilterDatabase) lose their flag;
 * - hyperlinks to a place in the workbook (a location and no relationship) are dropped.
 * The original workbook's own XML for these is copied back. The sheets keep their positions (new
 * sheets go last, replaced ones stay where they were), so sheet-scoped names keep their localSheetId.
 */
import type JSZip from 'jszip';
import { isOwnerName } from './write-marker';
import { parseTag, readOptionalPart, readPart, sheetParts, startTags } from './write-xml';

const DEFINED_NAME = /<(?:[\w.-]+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?definedName>)/g;

/**
 * The written workbook.xml with the original's defined names for the user's sheets, and the written
 * ones (owner names, print settings) for the generated sheets.
 */
export async function restoreDefinedNames(zip: JSZip, originalZip: JSZip, generated: ReadonlySet<string>): Promise<string> {
  const workbookXml = await readPart(zip, 'xl/workbook.xml');
  const originalXml = await readOptionalPart(originalZip, 'xl/workbook.xml');
  if (originalXml === undefined) return workbookXml;

  const originalSheets = startTags(originalXml, 'sheet').map((s) => s.attributes.name);
  const writtenSheets = startTags(workbookXml, 'sheet').map((s) => s.attributes.name);
  const isGeneratedIndex = (sheets: readonly (string | undefined)[], id: string | undefined): boolean =>
    id !== undefined && generated.has(sheets[Number(id)] ?? '');

  const kept = (originalXml.match(DEFINED_NAME) ?? [])
    .map(withoutPrefix)
    .filter((element) => {
      const { attributes } = parseTag(element);
      return !isOwnerName(attributes.name ?? '') && !isGeneratedIndex(originalSheets, attributes.localSheetId);
    });
  const ours = (workbookXml.match(DEFINED_NAME) ?? []).filter((element) => {
    const { attributes } = parseTag(element);
    return isOwnerName(attributes.name ?? '') || isGeneratedIndex(writtenSheets, attributes.localSheetId);
  });
  const names = [...kept, ...ours];
  const block = names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '';
  if (/<definedNames\b[\s\S]*?<\/definedNames>/.test(workbookXml)) {
    return workbookXml.replace(/<definedNames\b[\s\S]*?<\/definedNames>/, block);
  }
  return workbookXml.replace(/<\/sheets>/, `</sheets>${block}`);
}

/** Adds back each user sheet's links to places in the workbook, which ExcelJS drops on loading. */
export async function restoreInternalHyperlinks(zip: JSZip, originalZip: JSZip, generated: ReadonlySet<string>): Promise<void> {
  const written = new Map((await sheetParts(zip)).map((p) => [p.name, p.path] as const));
  for (const original of await sheetParts(originalZip)) {
    const path = written.get(original.name);
    if (!path || generated.has(original.name)) continue;
    const originalXml = await readOptionalPart(originalZip, original.path);
    if (originalXml === undefined) continue;
    const links = startTags(originalXml, 'hyperlink').filter(
      (link) => link.attributes.location !== undefined && !Object.keys(link.attributes).some((k) => /(^|:)id$/.test(k)),
    );
    if (links.length === 0) continue;
    const sheetXml = await readPart(zip, path);
    const present = new Set(startTags(sheetXml, 'hyperlink').map((l) => l.attributes.ref));
    const missing = links.filter((l) => !present.has(l.attributes.ref)).map((l) => withoutPrefix(l.tag.replace(/\s*\/?>$/, '/>')));
    if (missing.length > 0) zip.file(path, insertHyperlinks(sheetXml, missing.join('')));
  }
}

/** Elements that follow <hyperlinks> in a worksheet, in schema order. */
const AFTER_HYPERLINKS = [
  'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties',
  'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture',
  'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

function insertHyperlinks(sheetXml: string, links: string): string {
  if (/<\/hyperlinks>/.test(sheetXml)) return sheetXml.replace(/<\/hyperlinks>/, `${links}</hyperlinks>`);
  for (const name of AFTER_HYPERLINKS) {
    const at = sheetXml.search(new RegExp(`<${name}\\b`));
    if (at >= 0) return `${sheetXml.slice(0, at)}<hyperlinks>${links}</hyperlinks>${sheetXml.slice(at)}`;
  }
  return sheetXml.replace(/<\/worksheet>/, `<hyperlinks>${links}</hyperlinks></worksheet>`);
}

/** `<x:definedName ...>` → `<definedName ...>`: ExcelJS writes the main namespace as the default one. */
function withoutPrefix(element: string): string {
  return element.replace(/<(\/?)[\w.-]+:(definedName|hyperlink)\b/g, '<$1$2');
}
