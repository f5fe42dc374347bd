/**
 * Puts the generated sheets into the user's own package. ExcelJS writes the generated sheets into a
 * workbook of their own; their parts are then copied into the user's .xlsx, whose other parts are
 * kept byte for byte. Loading and re-saving the user's workbook with ExcelJS would lose what ExcelJS
 * does not model (charts, pivot tables, slicers, sparklines, macros, links to other workbooks, data
 * connections), and ExcelJS cannot load some workbooks with charts at all.
 *
 * A generated sheet that replaces our own earlier one takes over its part and tab position, and the
 * parts only that sheet used (its tables, drawings) are removed, and its tables' ids go to the new
 * tables of the same names; a new one goes last. Cell formats are merged by appending those the user's
 * styles lack (graft-styles.ts); text goes into the sheets as inline strings (graft-sheet.ts).
 */
import type JSZip from 'jszip';
import { mergeStyles, type StyleMerge } from './graft-styles';
import { renumberSheet, renumberTable, sharedStringItems } from './graft-sheet';
import { rawAttribute, setAttribute, withPrefix } from './graft-xml';
import { isOwnerName, sheetOfReference } from '../layout/marker';
import { definedNameElements, escapeXml, parseTag, partEntry, partName, readOptionalPart, readPart, relsPathOf, startTags } from './write-xml';
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
};

interface GraftOptions {
  /** Recorded as the package's modified time. */
  readonly modified: Date;
  /** The content type to give the workbook part (the main part), when the copy is another kind of file than the input. */
  readonly mainContentType?: string;
}

/** Copies every sheet of `generated` into `user`, replacing user-package sheets of the same names. */
export async function graftSheets(user: JSZip, generated: JSZip, options: GraftOptions): Promise<void> {
  const workbookPath = partName(user, 'xl/workbook.xml');
  let workbookXml = await readPart(user, workbookPath);
  const workbookRels = await PackageRelations.read(user, workbookPath);
  const types = await contentTypes(user);
  const generatedWorkbookXml = await readPart(generated, 'xl/workbook.xml');
  const generatedRels = await PackageRelations.read(generated, 'xl/workbook.xml');
  const workbookPrefix = /<([\w.-]+:)?workbook\b/.exec(workbookXml)?.[1] ?? '';

  // Styles: the user's, with the generated sheets' formats that the user's lack appended (an identical
  // format is reused, so running again on the copy adds none).
  const stylesPath = partName(user, workbookRels.targetOfType(TYPE.styles) ?? 'xl/styles.xml');
  const userStyles = await readOptionalPart(user, stylesPath);
  const styles = mergeStyles(userStyles, await readPart(generated, generatedRels.targetOfType(TYPE.styles) ?? 'xl/styles.xml'));
  if (styles.stylesXml !== userStyles) putPart(user, stylesPath, styles.stylesXml, CONTENT_TYPE.styles, TYPE.styles, workbookRels, types);
  // Text: written into the generated sheets as inline strings, so the user's string table is kept as it
  // is and a replaced sheet leaves no strings behind in it.
  const generatedStringsPath = generatedRels.targetOfType(TYPE.sharedStrings);
  const strings = sharedStringItems(generatedStringsPath === undefined ? undefined : await readOptionalPart(generated, generatedStringsPath));

  const userSheets = listSheets(workbookXml, workbookRels);
  let nextTableId = await highestTableId(user);
  // Sheet ids are unique over every sheet, chart sheets and dialog sheets included.
  let nextSheetId = Math.max(0, ...startTags(workbookXml, 'sheet').map((s) => Number(s.attributes.sheetId ?? 0) || 0));
  const replaced = new Set<string>();
  for (const sheet of listSheets(generatedWorkbookXml, generatedRels)) {
    const sheetXml = renumberSheet(await readPart(generated, sheet.path), styles, strings);
    const old = userSheets.find((s) => s.name.toUpperCase() === sheet.name.toUpperCase());
    const state = parseTag(sheet.tag).attributes.state;
    let path: string;
    // The ids of the replaced sheet's tables, by name: a table keeps its id from run to run, so what
    // refers to it by id (a slicer) still finds it.
    let oldTableIds = new Map<string, number>();
    if (old) {
      // Our own earlier sheet: its part, relationship and tab position are reused.
      path = partName(user, old.path);
      oldTableIds = await tableIdsOf(user, path);
      await removePartsOnlyUsedBy(user, path, types);
      replaced.add(old.name.toUpperCase());
      let tag = old.name !== sheet.name ? setAttribute(old.tag, 'name', escapeXml(sheet.name)) : old.tag;
      // A sheet written hidden (the decisions sheet) is hidden again, though a reader unhid it to look.
      if (state !== undefined) tag = setAttribute(tag, 'state', state);
      if (tag !== old.tag) workbookXml = workbookXml.replace(old.tag, () => tag);
    } else {
      path = unusedPath(user, 'xl/worksheets/sheet', '.xml');
      const relId = workbookRels.add(TYPE.worksheet, path);
      const rPrefix = relationshipPrefix(workbookXml);
      const idAttribute = rPrefix === undefined ? `r:id="${relId}" xmlns:r="${RELATIONSHIPS}"` : `${rPrefix}:id="${relId}"`;
      const stateAttribute = state === undefined ? '' : ` state="${state}"`;
      const tag = withPrefix(`<sheet name="${escapeXml(sheet.name)}" sheetId="${++nextSheetId}"${stateAttribute} ${idAttribute}/>`, workbookPrefix);
      workbookXml = workbookXml.replace(new RegExp(`</${workbookPrefix}sheets>`), (close) => `${tag}${close}`);
    }
    user.file(path, sheetXml);
    types.override(path, CONTENT_TYPE.worksheet);
    nextTableId = await copySheetTables({ user, generated, types, styles }, sheet.path, path, oldTableIds, nextTableId);
  }

  workbookXml = mergeDefinedNames(workbookXml, generatedWorkbookXml, replaced, workbookPrefix);
  // The calculation chain lists formula cells by sheet: replaced sheets make it stale, which Excel
  // reports as damage, and added ones are missing from it. Excel rebuilds a missing chain on opening.
  const calcChain = workbookRels.targetOfType(TYPE.calcChain);
  if (calcChain !== undefined) {
    user.remove(partName(user, calcChain));
    types.remove(calcChain);
    workbookRels.removeTarget(calcChain);
  }
  if (options.mainContentType !== undefined) types.override(workbookPath, options.mainContentType);
  user.file(workbookPath, workbookXml);
  workbookRels.write(user);
  types.write(user);
  await stampModified(user, options.modified);
}

interface GraftParts {
  readonly user: JSZip;
  readonly generated: JSZip;
  readonly types: ContentTypes;
  readonly styles: StyleMerge;
}

/**
 * The sheet's own parts: its tables, under new names and workbook-wide ids (a replaced table's own id,
 * else the next free one). Returns the highest table id now used.
 */
async function copySheetTables(
  { user, generated, types, styles }: GraftParts,
  generatedPath: string,
  path: string,
  oldTableIds: ReadonlyMap<string, number>,
  highestTableId: number,
): Promise<number> {
  let nextTableId = highestTableId;
  const sheetRels = await PackageRelations.read(generated, generatedPath);
  const movedRels = PackageRelations.empty(path);
  for (const rel of sheetRels.all()) {
    if (rel.external) {
      movedRels.addRaw(rel);
      continue;
    }
    if (rel.type !== TYPE.table) throw new Error(`a generated sheet refers to a part the graft does not copy (${rel.type})`);
    const tablePath = unusedPath(user, 'xl/tables/table', '.xml');
    const tableXml = await readPart(generated, rel.target);
    const id = oldTableIds.get(tableNameOf(tableXml)?.toUpperCase() ?? '') ?? ++nextTableId;
    user.file(tablePath, renumberTable(tableXml, id, styles));
    types.override(tablePath, CONTENT_TYPE.table);
    movedRels.addRaw({ ...rel, target: tablePath });
  }
  if (movedRels.size > 0) movedRels.write(user);
  return nextTableId;
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

/** A part path `${stem}N${extension}` that the package does not hold yet, compared case-insensitively as part names are. */
function unusedPath(zip: JSZip, stem: string, extension: string): string {
  const taken = new Set(Object.keys(zip.files).map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const path = `${stem}${n}${extension}`;
    if (!taken.has(path.toLowerCase())) return path;
  }
}

const TABLE_TAG = /<(?:[\w.-]+:)?table\b[^>]*>/;

async function highestTableId(zip: JSZip): Promise<number> {
  let highest = 0;
  for (const path of Object.keys(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(path)) continue;
    const id = Number(rawAttribute(TABLE_TAG.exec(await readPart(zip, path))?.[0] ?? '', 'id') ?? 0);
    highest = Math.max(highest, Number.isFinite(id) ? id : 0);
  }
  return highest;
}

/** A table part's name (its displayName, which formulas use, else its name). */
function tableNameOf(tableXml: string): string | undefined {
  const tag = startTags(TABLE_TAG.exec(tableXml)?.[0] ?? '', 'table')[0];
  return tag?.attributes.displayName ?? tag?.attributes.name;
}

/** The ids of the tables on the sheet at `sheetPath`, by upper-cased table name. */
async function tableIdsOf(zip: JSZip, sheetPath: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const rel of (await PackageRelations.read(zip, sheetPath)).all()) {
    if (rel.external || rel.type !== TYPE.table) continue;
    const xml = await readOptionalPart(zip, rel.target);
    const name = xml === undefined ? undefined : tableNameOf(xml);
    const id = Number(rawAttribute(TABLE_TAG.exec(xml ?? '')?.[0] ?? '', 'id'));
    if (name !== undefined && Number.isInteger(id) && id > 0) ids.set(name.toUpperCase(), id);
  }
  return ids;
}

/**
 * Removes the relationships part of `path` and every part it points to that no other relationship
 * in the package points to, following their relationships in turn (a drawing's charts, a chart's
 * style parts). Part names are compared case-insensitively.
 */
async function removePartsOnlyUsedBy(zip: JSZip, path: string, types: ContentTypes): Promise<void> {
  const relsPath = partEntry(zip, relsPathOf(path))?.name;
  if (relsPath === undefined) return;
  const rels = await PackageRelations.read(zip, path);
  zip.remove(relsPath);
  const stillUsed = new Set<string>();
  for (const other of Object.keys(zip.files).filter((p) => p.toLowerCase().endsWith('.rels'))) {
    for (const tag of startTags(await readPart(zip, other), 'Relationship')) {
      if (tag.attributes.TargetMode === 'External') continue;
      stillUsed.add(resolvePartTarget(sourceOfRels(other), tag.attributes.Target ?? '').toLowerCase());
    }
  }
  for (const rel of rels.all()) {
    const target = rel.external ? undefined : partEntry(zip, rel.target)?.name;
    if (target === undefined || stillUsed.has(target.toLowerCase())) continue;
    await removePartsOnlyUsedBy(zip, target, types);
    zip.remove(target);
    types.remove(target);
  }
}

/** "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml" ("_rels/.rels" → ""). */
function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : '';
}

/** Workbook elements that follow <definedNames>, in schema order. */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
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
  const path = partName(zip, 'docProps/core.xml');
  const core = await readOptionalPart(zip, path);
  if (core === undefined) return;
  const stamp = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  zip.file(
    path,
    core.replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, (_, open: string, close: string) => `${open}${stamp}${close}`),
  );
}
