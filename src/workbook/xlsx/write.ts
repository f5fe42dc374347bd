/**
 * Writes table specs into a copy of an .xlsx workbook: each SheetSpec becomes a generated sheet (laid
 * out by ExcelJS), added at the end or replacing the product's own sheet of that name in the same tab
 * position. Every other part of the workbook is carried over as it was (write-graft.ts), so charts,
 * pivot tables and anything else ExcelJS does not model survive; the input bytes are never modified.
 *
 * Ownership marker (shared with the office.js writer; details in layout/marker.ts): a workbook-level
 * defined name CW_GENERATED_<sheet name with non-alphanumerics as _> referring to the sheet's $A$1,
 * commented "commissioning-workbench:generated" (OWNER_MARKER). A sheet is ours when any name
 * starting CW_GENERATED_ (any case) refers to it. A sheet of a generated name without one is the
 * user's and is never written over: the generated sheet takes the next free name, as Excel names a
 * copy ("Register (2)"), and a later run finds it there again by its marker and replaces it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetSpec } from '../../reports/spec';
import { chooseGeneratedSheetNames } from '../layout/sheet-names';
import { SheetSpecError } from '../layout/errors';
import { planSheet } from '../layout/plan';
import { isOwnerName } from '../layout/marker';
import { OutputKindError, UnreadableWorkbookError } from './errors';
import { assertWorkbookPackage } from './read';
import { markSheet, markedSheetKeysInXml } from './write-marker';
import { finishGeneratedPackage, type SheetFinish } from './write-package';
import { graftSheets } from './write-graft';
import { withChartDataBars } from './write-formats';
import { renderSheet } from './write-sheet';
import { TAB_COLOUR } from '../layout/looks';
import { assertWellFormedParts } from './package-check';
import { MAIN_CONTENT_TYPE, isMacroEnabled, kindOfContentTypes, type PackageKind } from './package-kind';
import { PackageRelations, sheetParts } from './package-parts';
import { definedNameElements, readOptionalPart, startTags } from './write-xml';

interface WriteOptions {
  /** Recorded as the workbook's modified time; defaults to now. */
  readonly generatedAt?: Date;
  /**
   * The kind of file the copy is written as (by the extension it will be saved under): its main part
   * gets that kind's content type, since Excel opens only a file whose extension agrees with it. A
   * template becomes a workbook this way; a macro-enabled workbook cannot become an .xlsx, nor the
   * reverse (OutputKindError). Defaults to the input's kind.
   */
  readonly kind?: PackageKind;
}

/** The copy, and the names its generated sheets were written under, in the order of the specs. */
interface WrittenReport {
  readonly bytes: Uint8Array;
  readonly sheetNames: readonly string[];
}

/**
 * The workbook `input` with `sheets` written into it, as new .xlsx bytes.
 * @throws SheetSpecError for a spec that cannot be laid out, or a table name the workbook already uses.
 * @throws OutputKindError when `options.kind` cannot hold the input (see WriteOptions.kind).
 * @throws UnreadableWorkbookError when `input` is not a readable .xlsx workbook.
 */
export async function writeSheetSpecs(input: Uint8Array, sheets: readonly SheetSpec[], options: WriteOptions = {}): Promise<Uint8Array> {
  return (await writeReport(input, sheets, options)).bytes;
}

/**
 * writeSheetSpecs, also saying what each generated sheet is called in the copy: its spec's name, or
 * "<name> (2)" and so on where the user has a sheet of that name.
 */
export async function writeReport(input: Uint8Array, sheets: readonly SheetSpec[], options: WriteOptions = {}): Promise<WrittenReport> {
  const user = await openPackage(input);
  await assertWellFormedParts(user);
  const facts = await readUserPackage(user);

  // Everything is checked before anything is written.
  const mainContentType = mainContentTypeFor(facts.kind, options.kind);
  const names = chooseSheetNames(facts, sheets);
  refuseTableNameClashes(facts, sheets, names);
  const plans = sheets.map((spec) => withChartDataBars(planSheet(spec)));

  // The generated sheets are written by ExcelJS into a workbook of their own, then grafted into the
  // user's package, whose other parts are kept as they are (write-graft.ts).
  const generated = new ExcelJS.Workbook();
  const finishes: SheetFinish[] = [];
  plans.forEach((plan, i) => {
    const worksheet = generated.addWorksheet(names[i], {
      properties: { tabColor: { argb: TAB_COLOUR } },
      ...(plan.spec.hidden ? { state: 'hidden' as const } : {}),
    });
    finishes.push(renderSheet(worksheet, plan));
    markSheet(generated, names[i]);
  });
  const written = await generated.xlsx.writeBuffer();
  const generatedPackage = await finishGeneratedPackage(new Uint8Array(written), finishes);
  await graftSheets(user, generatedPackage, { modified: options.generatedAt ?? new Date(), ...(mainContentType !== undefined ? { mainContentType } : {}) });
  const bytes = await user.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, sheetNames: names };
}

async function openPackage(input: Uint8Array): Promise<JSZip> {
  assertWorkbookPackage(input, 'the workbook');
  try {
    return await JSZip.loadAsync(input);
  } catch (err) {
    throw new UnreadableWorkbookError(`the workbook could not be read as an .xlsx workbook (${err instanceof Error ? err.message : String(err)}).`);
  }
}

/** The content type the main part must be given for the copy to be a `wanted` file; undefined to keep the input's. */
function mainContentTypeFor(input: PackageKind, wanted: PackageKind | undefined): string | undefined {
  if (wanted === undefined || wanted === input) return undefined;
  if (isMacroEnabled(input) && !isMacroEnabled(wanted)) {
    throw new OutputKindError(
      `the workbook is macro-enabled (.${input}), and Excel will not open a macro-enabled workbook saved as .${wanted}: write the copy as .xlsm`,
    );
  }
  if (!isMacroEnabled(input) && isMacroEnabled(wanted)) {
    throw new OutputKindError(`the workbook has no macros (.${input}), and Excel will not open it saved as .${wanted}: write the copy as .xlsx`);
  }
  return MAIN_CONTENT_TYPE[wanted];
}

/** What the checks before writing need from the user's package. */
interface UserPackage {
  /** Sheet names in tab order. */
  readonly sheetNames: readonly string[];
  /** Upper-cased names of the sheets an owner name marks as ours. */
  readonly ours: ReadonlySet<string>;
  /** Excel table names on each sheet (by upper-cased sheet name). */
  readonly tablesBySheet: ReadonlyMap<string, readonly string[]>;
  /** Defined names other than owner names. */
  readonly definedNames: readonly string[];
  /** What kind of file the package is, by its main part's content type. */
  readonly kind: PackageKind;
}

const TABLE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

async function readUserPackage(zip: JSZip): Promise<UserPackage> {
  const workbookXml = await readOptionalPart(zip, 'xl/workbook.xml');
  if (workbookXml === undefined) throw new UnreadableWorkbookError('the workbook is a zip file but not an Excel workbook: it has no xl/workbook.xml part.');
  if (workbookXml.includes('http://purl.oclc.org/ooxml/spreadsheetml/main')) {
    // Sheets written in the transitional dialect cannot join a Strict package.
    throw new UnreadableWorkbookError(
      'the workbook is saved as Strict Open XML; save it in Excel as an Excel Workbook (.xlsx) and run again. Nothing was written.',
    );
  }
  const ours = markedSheetKeysInXml(workbookXml);
  const definedNames = definedNameElements(workbookXml)
    .map((n) => n.attributes.name ?? '')
    .filter((name) => !isOwnerName(name));
  const tablesBySheet = new Map<string, string[]>();
  const sheets = await sheetParts(zip);
  for (const sheet of sheets) {
    const names: string[] = [];
    for (const rel of (await PackageRelations.read(zip, sheet.path)).all()) {
      if (rel.external || rel.type !== TABLE_RELATIONSHIP) continue;
      const tableTag = startTags((await readOptionalPart(zip, rel.target)) ?? '', 'table')[0];
      const name = tableTag?.attributes.displayName ?? tableTag?.attributes.name;
      if (name !== undefined) names.push(name);
    }
    tablesBySheet.set(sheet.name.toUpperCase(), names);
  }
  const kind = kindOfContentTypes((await readOptionalPart(zip, '[Content_Types].xml')) ?? '');
  return { sheetNames: sheets.map((s) => s.name), ours, tablesBySheet, definedNames, kind };
}

/**
 * The name each spec's sheet is written under: the sheet the product made for it on an earlier run
 * (the first of "Register", "Register (2)", … that an owner name marks), else the first of those
 * names no sheet has. A user's own sheet is never written over.
 */
function chooseSheetNames(user: UserPackage, sheets: readonly SheetSpec[]): string[] {
  const seen = new Set<string>();
  for (const spec of sheets) {
    const key = spec.name.toUpperCase();
    if (seen.has(key)) throw new SheetSpecError(`the sheet "${spec.name}" is asked for twice in one write`);
    seen.add(key);
  }
  return chooseGeneratedSheetNames(
    sheets.map((spec) => spec.name),
    user.sheetNames,
    user.ours,
  );
}

/** Excel table names and defined names share one namespace, across the whole workbook. */
function refuseTableNameClashes(user: UserPackage, sheets: readonly SheetSpec[], names: readonly string[]): void {
  // The sheets replaced are the product's own under the names chosen; a user's sheet of a generated
  // name is kept, and so are its tables.
  const replaced = new Set(names.map((name) => name.toUpperCase()).filter((key) => user.ours.has(key)));
  const taken = new Map<string, string>();
  for (const sheetName of user.sheetNames) {
    if (replaced.has(sheetName.toUpperCase())) continue;
    for (const table of user.tablesBySheet.get(sheetName.toUpperCase()) ?? []) {
      taken.set(table.toUpperCase(), `a table on sheet "${sheetName}"`);
    }
  }
  for (const name of user.definedNames) taken.set(name.toUpperCase(), 'a defined name');
  const ours = new Set<string>();
  for (const spec of sheets) {
    for (const table of spec.tables) {
      const key = table.name.toUpperCase();
      const holder = taken.get(key);
      if (holder) {
        throw new SheetSpecError(`the workbook already has ${holder} called "${table.name}"; rename it and run again`);
      }
      if (ours.has(key)) throw new SheetSpecError(`two generated tables are both called "${table.name}"`);
      ours.add(key);
    }
  }
}
