/**
 * Puts the generated sheets into the user's own package. ExcelJS writes the generated sheets into a
 * workbook of their own; their parts are then copied into the user's .xlsx, whose other parts are
 * kept byte for byte. Loading and re-saving the user's workbook with ExcelJS would lose what ExcelJS
 * does not model (charts, pivot tables, slicers, sparklines, macros, links to other workbooks, data
 * connections), and ExcelJS cannot load some workbooks with charts at all.
 *
 * A generated sheet that replaces our own earlier one takes over its part and tab position, and the
 * parts only that sheet used (its tables, drawings) are removed; a new one goes last. Shared tables
 * (strings, styles) are merged by appending (graft-styles.ts, graft-sheet.ts).
 */
import type JSZip from 'jszip';
import { mergeStyles } from './graft-styles';
import { mergeSharedStrings, renumberSheet, renumberTable } from './graft-sheet';
import { rawAttribute, setAttribute, withPrefix } from './graft-xml';
import { isOwnerName, sheetOfReference } from './write-marker';
import { definedNameElements, escapeXml, readOptionalPart, readPart, relsPathOf, startTags } from './write-xml';
import { PackageRelations, WORKSHEET_RELATIONSHIP, contentTypes, resolvePartTarget, workbookSheets, type ContentTypes, type SheetPart } from './package-parts';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = {
  worksheet: WORKSHEET_RELATIONSHIP,
  table: `${RELATIONSHIPS}/table`,
  styles: `${RELATIONSHIPS}/styles`,
  sharedStrings: `${RELATIONSHIPS}/sharedStrings`,
  calcChain: `${RELATIONSHIPS}/calcChain`,
};
const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
};

/** Copies every sheet of `generated` into `user`, replacing user-package sheets of the same names. */
export async function graftSheets(user: JSZip, generated: JSZip, modified: Date): Promise<void> {
  let workbookXml = await readPart(user, 'xl/workbook.xml');
  const workbookRels = await PackageRelations.read(user, 'xl/workbook.xml');
  const types = await contentTypes(user);
  const generatedWorkbookXml = await readPart(generated, 'xl/workbook.xml');
  const generatedRels = await PackageRelations.read(generated, 'xl/workbook.xml');
  const workbookPrefix = /<([\w.-]+:)?workbook\b/.exec(workbookXml)?.[1] ?? '';

  // Shared tables: the user's, with the generated sheets' entries appended.
  const stylesPath = workbookRels.targetOfType(TYPE.styles) ?? 'xl/styles.xml';
  const styles = mergeStyles(await readOptionalPart(user, stylesPath), await readPart(generated, generatedRels.targetOfType(TYPE.styles) ?? 'xl/styles.xml'));
  putPart(user, stylesPath, styles.stylesXml, CONTENT_TYPE.styles, TYPE.styles, workbookRels, types);
  const stringsPath = workbookRels.targetOfType(TYPE.sharedStrings) ?? 'xl/sharedStrings.xml';
  const generatedStringsPath = generatedRels.targetOfType(TYPE.sharedStrings);
  const strings = mergeSharedStrings(
    await readOptionalPart(user, stringsPath),
    generatedStringsPath === undefined ? undefined : await readOptionalPart(generated, generatedStringsPath),
  );
  putPart(user, stringsPath, strings.sharedStringsXml, CONTENT_TYPE.sharedStrings, TYPE.sharedStrings, workbookRels, types);

  const userSheets = listSheets(workbookXml, workbookRels);
  let nextTableId = await highestTableId(user);
  let nextSheetId = Math.max(0, ...userSheets.map((s) => Number(rawAttribute(s.tag, 'sheetId') ?? 0)));
  const replaced = new Set<string>();
  for (const sheet of listSheets(generatedWorkbookXml, generatedRels)) {
    const sheetXml = renumberSheet(await readPart(generated, sheet.path), styles, strings.offset);
    const old = userSheets.find((s) => s.name.toUpperCase() === sheet.name.toUpperCase());
    let path: string;
    if (old) {
      // Our own earlier sheet: its part, relationship and tab position are reused.
      path = old.path;
      await removePartsOnlyUsedBy(user, path, types);
      replaced.add(old.name.toUpperCase());
      if (old.name !== sheet.name) workbookXml = workbookXml.replace(old.tag, () => setAttribute(old.tag, 'name', escapeXml(sheet.name)));
    } else {
      path = unusedPath(user, 'xl/worksheets/sheet', '.xml');
      const relId = workbookRels.add(TYPE.worksheet, path);
      const rPrefix = relationshipPrefix(workbookXml);
      const idAttribute = rPrefix === undefined ? `r:id="${relId}" xmlns:r="${RELATIONSHIPS}"` : `${rPrefix}:id="${relId}"`;
      const tag = withPrefix(`<sheet name="${escapeXml(sheet.name)}" sheetId="${++nextSheetId}" ${idAttribute}/>`, workbookPrefix);
      workbookXml = workbookXml.replace(new RegExp(`</${workbookPrefix}sheets>`), (close) => `${tag}${close}`);
    }
    user.file(path, sheetXml);
    types.override(path, CONTENT_TYPE.worksheet);

    // The sheet's own parts: its tables, under new names and workbook-wide ids.
    const sheetRels = await PackageRelations.read(generated, sheet.path);
    const movedRels = PackageRelations.empty(path);
    for (const rel of sheetRels.all()) {
      if (rel.external) {
        movedRels.addRaw(rel);
        continue;
      }
      if (rel.type !== TYPE.table) throw new Error(`a generated sheet refers to a part the graft does not copy (${rel.type})`);
      const tablePath = unusedPath(user, 'xl/tables/table', '.xml');
      user.file(tablePath, renumberTable(await readPart(generated, rel.target), ++nextTableId, styles));
      types.override(tablePath, CONTENT_TYPE.table);
      movedRels.addRaw({ ...rel, target: tablePath });
    }
    if (movedRels.size > 0) movedRels.write(user);
  }

  workbookXml = mergeDefinedNames(workbookXml, generatedWorkbookXml, replaced, workbookPrefix);
  // The calculation chain lists formula cells by sheet: replaced sheets make it stale, which Excel
  // reports as damage, and added ones are missing from it. Excel rebuilds a missing chain on opening.
  const calcChain = workbookRels.targetOfType(TYPE.calcChain);
  if (calcChain !== undefined) {
    user.remove(calcChain);
    types.remove(calcChain);
    workbookRels.removeTarget(calcChain);
  }
  user.file('xl/workbook.xml', workbookXml);
  workbookRels.write(user);
  types.write(user);
  await stampModified(user, modified);
}

/** The worksheets of a workbook.xml (chart sheets hold no cells and are never ours). */
function listSheets(workbookXml: string, rels: PackageRelations): SheetPart[] {
  return workbookSheets(workbookXml, rels).filter((sheet) => sheet.type === TYPE.worksheet);
}

/** The prefix workbook.xml binds to the relationships namespace, usually "r"; undefined when none. */
function relationshipPrefix(workbookXml: string): string | undefined {
  const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  return new RegExp(`\\sxmlns:([\\w.-]+)="${RELATIONSHIPS}"`).exec(root)?.[1];
}

/** Adds (or replaces) a workbook-level part such as styles, with its relationship and content type. */
function putPart(zip: JSZip, path: string, xml: string, contentType: string, type: string, rels: PackageRelations, types: ContentTypes): void {
  zip.file(path, xml);
  types.override(path, contentType);
  if (rels.targetOfType(type) === undefined) rels.add(type, path);
}

/** A part path `${stem}N${extension}` that the package does not hold yet. */
function unusedPath(zip: JSZip, stem: string, extension: string): string {
  for (let n = 1; ; n++) {
    const path = `${stem}${n}${extension}`;
    if (!zip.file(path)) return path;
  }
}

async function highestTableId(zip: JSZip): Promise<number> {
  let highest = 0;
  for (const path of Object.keys(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(path)) continue;
    const id = Number(rawAttribute(/<(?:[\w.-]+:)?table\b[^>]*>/.exec(await readPart(zip, path))?.[0] ?? '', 'id') ?? 0);
    highest = Math.max(highest, id);
  }
  return highest;
}

/**
 * Removes the relationships part of `path` and every part it points to that no other relationship
 * in the package points to, following their relationships in turn (a drawing's charts, a chart's
 * style parts).
 */
async function removePartsOnlyUsedBy(zip: JSZip, path: string, types: ContentTypes): Promise<void> {
  const relsPath = relsPathOf(path);
  if (!zip.file(relsPath)) return;
  const rels = await PackageRelations.read(zip, path);
  zip.remove(relsPath);
  const stillUsed = new Set<string>();
  for (const other of Object.keys(zip.files).filter((p) => p.endsWith('.rels'))) {
    for (const tag of startTags(await readPart(zip, other), 'Relationship')) {
      if (tag.attributes.TargetMode === 'External') continue;
      stillUsed.add(resolvePartTarget(sourceOfRels(other), tag.attributes.Target ?? ''));
    }
  }
  for (const rel of rels.all()) {
    if (rel.external || stillUsed.has(rel.target) || !zip.file(rel.target)) continue;
    await removePartsOnlyUsedBy(zip, rel.target, types);
    zip.remove(rel.target);
    types.remove(rel.target);
  }
}

/** "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml" ("_rels/.rels" → ""). */
function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : '';
}

/** Workbook elements that follow <definedNames>, in schema order. */
const AFTER_DEFINED_NAMES = [
  'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
];


/**
 * The user's defined names, less the owner names and sheet-scoped names of the sheets being replaced,
 * plus the generated workbook's names with their sheet scope moved to the sheet's tab in the user's
 * workbook.
 */
function mergeDefinedNames(workbookXml: string, generatedXml: string, replaced: ReadonlySet<string>, prefix: string): string {
  const tabs = startTags(workbookXml, 'sheet').map((s) => (s.attributes.name ?? '').toUpperCase());
  const generatedTabs = startTags(generatedXml, 'sheet').map((s) => (s.attributes.name ?? '').toUpperCase());
  const generatedNames = new Set(generatedTabs);
  const kept = definedNameElements(workbookXml)
    .filter(({ attributes, reference }) => {
      const scope = attributes.localSheetId === undefined ? undefined : tabs[Number(attributes.localSheetId)];
      if (scope !== undefined && replaced.has(scope)) return false;
      if (!isOwnerName(attributes.name ?? '')) return true;
      const sheet = sheetOfReference(reference)?.toUpperCase();
      return sheet === undefined || !generatedNames.has(sheet);
    })
    .map((n) => n.element);
  const added = definedNameElements(generatedXml).map(({ element }) => {
    const scope = rawAttribute(element, 'localSheetId');
    if (scope === undefined) return withPrefix(element, prefix);
    const tab = tabs.indexOf(generatedTabs[Number(scope)]);
    return withPrefix(element.replace(/\slocalSheetId="\d+"/, ` localSheetId="${tab}"`), prefix);
  });
  const names = [...kept, ...added];
  const block = names.length > 0 ? `<${prefix}definedNames>${names.join('')}</${prefix}definedNames>` : '';
  const existing = new RegExp(`<${prefix}definedNames\\b[\\s\\S]*?</${prefix}definedNames>|<${prefix}definedNames\\b[^>]*/>`);
  if (existing.test(workbookXml)) return workbookXml.replace(existing, () => block);
  // In schema order, after the sheets and any links to other workbooks, before calculation settings.
  // Searched after </sheets> only: an extLst also occurs inside the workbook views, before it.
  const sheetsEnd = workbookXml.search(new RegExp(`</${prefix}sheets>`));
  const tail = workbookXml.slice(sheetsEnd);
  for (const later of AFTER_DEFINED_NAMES) {
    const at = tail.search(new RegExp(`<${prefix}${later}\\b`));
    if (at !== -1) return workbookXml.slice(0, sheetsEnd + at) + block + tail.slice(at);
  }
  return workbookXml.replace(new RegExp(`</${prefix}workbook>`), (close) => `${block}${close}`);
}

/** Records when the copy was written, in the package's core properties when it has them. */
async function stampModified(zip: JSZip, modified: Date): Promise<void> {
  const core = await readOptionalPart(zip, 'docProps/core.xml');
  if (core === undefined) return;
  const stamp = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  zip.file('docProps/core.xml', core.replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, (_, open: string, close: string) => `${open}${stamp}${close}`));
}
