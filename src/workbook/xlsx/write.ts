/**
 * Writes table specs into a copy of an .xlsx workbook with ExcelJS: each SheetSpec becomes a generated
 * sheet, added at the end or replacing the product's own sheet of that name in the same tab position.
 * No other sheet's cells are changed; the input bytes are never modified.
 *
 * Ownership marker (shared with the office.js writer; details in write-marker.ts): a workbook-level
 * defined name CW_GENERATED_<sheet name with non-alphanumerics as _> referring to the sheet's $A$1,
 * commented "commissioning-workbench:generated" (OWNER_MARKER). A sheet is ours when any name
 * starting CW_GENERATED_ (any case) refers to it. A sheet of a generated name without one is the
 * user's, and writing stops with NotOurSheetError.
 */
import type ExcelJS from 'exceljs';
import type { SheetSpec } from '../../reports/spec';
import { loadExcelJs } from './read';
import { NotOurSheetError, SheetSpecError } from './write-errors';
import { planSheet } from './write-layout';
import { isOwnerName, markSheet, markedSheetKeys } from './write-marker';
import { finishPackage, type SheetFinish } from './write-package';
import { withChartDataBars } from './write-formats';
import { renderSheet } from './write-sheet';
import { TAB_COLOUR } from './write-styles';

export { NotOurSheetError, SheetSpecError } from './write-errors';
export { OWNER_NAME_PREFIX, ownerNameFor } from './write-marker';

export interface WriteOptions {
  /** Recorded as the workbook's modified time; defaults to now. */
  readonly generatedAt?: Date;
}

/**
 * The workbook `input` with `sheets` written into it, as new .xlsx bytes.
 * @throws NotOurSheetError when a sheet of a spec's name exists and was not made by the product.
 * @throws SheetSpecError for a spec that cannot be laid out, or a table name the workbook already uses.
 * @throws UnreadableWorkbookError when `input` is not a readable .xlsx workbook.
 */
export async function writeSheetSpecs(
  input: Uint8Array,
  sheets: readonly SheetSpec[],
  options: WriteOptions = {},
): Promise<Uint8Array> {
  const workbook = await loadExcelJs(input, 'the workbook');
  const existing = new Map(workbook.worksheets.map((ws) => [ws.name.toUpperCase(), ws] as const));

  // Everything is checked before anything changes.
  refuseSheetsNotOurs(workbook, sheets, existing);
  refuseTableNameClashes(workbook, sheets, existing);
  const plans = sheets.map((spec) => withChartDataBars(planSheet(spec)));

  const finishes: SheetFinish[] = [];
  for (const plan of plans) {
    const worksheet = replaceOrAddWorksheet(workbook, plan.spec.name, existing.get(plan.spec.name.toUpperCase()));
    finishes.push(renderSheet(worksheet, plan));
    markSheet(workbook, plan.spec.name);
  }
  workbook.modified = options.generatedAt ?? new Date();

  const written = await workbook.xlsx.writeBuffer();
  return finishPackage(new Uint8Array(written as ArrayBuffer), input, finishes);
}

function refuseSheetsNotOurs(
  workbook: ExcelJS.Workbook,
  sheets: readonly SheetSpec[],
  existing: ReadonlyMap<string, ExcelJS.Worksheet>,
): void {
  const seen = new Set<string>();
  for (const spec of sheets) {
    const key = spec.name.toUpperCase();
    if (seen.has(key)) throw new SheetSpecError(`the sheet "${spec.name}" is asked for twice in one write`);
    seen.add(key);
  }
  const ours = markedSheetKeys(workbook);
  for (const spec of sheets) {
    const sheet = existing.get(spec.name.toUpperCase());
    if (sheet && !ours.has(sheet.name.toUpperCase())) throw new NotOurSheetError(sheet.name);
  }
}

/** Excel table names and defined names share one namespace, across the whole workbook. */
function refuseTableNameClashes(
  workbook: ExcelJS.Workbook,
  sheets: readonly SheetSpec[],
  existing: ReadonlyMap<string, ExcelJS.Worksheet>,
): void {
  const replaced = new Set(sheets.map((s) => s.name.toUpperCase()).filter((key) => existing.has(key)));
  const taken = new Map<string, string>();
  for (const worksheet of workbook.worksheets) {
    if (replaced.has(worksheet.name.toUpperCase())) continue;
    for (const table of worksheet.getTables() as unknown as { name: string }[]) {
      taken.set(table.name.toUpperCase(), `a table on sheet "${worksheet.name}"`);
    }
  }
  for (const { name } of workbook.definedNames.model) {
    if (!isOwnerName(name)) taken.set(name.toUpperCase(), 'a defined name');
  }
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

/** A fresh worksheet: in the old one's tab position when it replaces our own sheet, otherwise last. */
function replaceOrAddWorksheet(workbook: ExcelJS.Workbook, name: string, old: ExcelJS.Worksheet | undefined): ExcelJS.Worksheet {
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);
  const worksheet = workbook.addWorksheet(name, { properties: { tabColor: { argb: TAB_COLOUR } } });
  if (orderNo !== undefined) (worksheet as unknown as { orderNo: number }).orderNo = orderNo;
  return worksheet;
}
