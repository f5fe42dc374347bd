/**
 * "Apply" from a finding: one cell written with what the finding suggests, and a row appended to the
 * product's hidden log sheet ("Workbench log"), in one Excel.run. The cell is read again first: if it no
 * longer holds what the preview showed the user, nothing is written.
 *
 * Requests: one sync reads the cell, the sheet names and the owner names; a second writes the cell and
 * adds the log row (creating, hiding and marking the log sheet the first time), loading the log's used
 * range when it exists already; a third appends the row there and reads back what the cell now shows.
 */
import { parseA1 } from '../../sheet/a1';
import { APPLY_LOG_SHEET_NAME } from '../../sheet/reserved-sheet-names';
import { OWNER_MARKER } from '../../reports/spec';
import { describeContent, type CellContent } from './cell-content';
import { SheetNotFoundError } from './errors';
import { planWrite } from './ownership';
import { errorCode, runRetryingCellEdit, type ExcelRunner } from './requests';

type OfficeValue = string | number | boolean;

/** What to write: a formula with its "=", or a value (a decimal, or text kept as text). */
type CellWrite = { readonly formula: string } | { readonly value: string };

export type { CellContent } from './cell-content';

export interface ApplyRequest {
  readonly sheet: string;
  readonly cell: string;
  /** What the preview showed the cell holding: the write is refused if it holds anything else now. */
  readonly before: CellContent;
  readonly write: CellWrite;
  /** For the log row. */
  readonly rule: string;
  readonly message: string;
  readonly when: Date;
}

export interface ApplyResult {
  /** The cell as it is after the write (the formula's result calculated by Excel). */
  readonly after: CellContent;
  /** The log sheet the row went to: "Workbench log", or "Workbench log (2)" beside a user's own sheet of that name. */
  readonly logSheet: string;
}

/** The log's columns, as its header row shows them. */
export const APPLY_LOG_HEADERS = ['Date and time', 'Sheet', 'Cell', 'Before', 'After', 'Rule', 'Finding'] as const;

/** The cell changed between the preview and the click: nothing was written. */
export class CellChangedError extends Error {
  constructor(sheet: string, cell: string, now: CellContent) {
    super(`${sheet}!${cell} has changed since the preview (it now holds ${describeContent(now)}), so nothing was written`);
    this.name = 'CellChangedError';
  }
}

function sameContent(a: CellContent, b: CellContent): boolean {
  return a.value === b.value && a.formula === b.formula;
}

function address(cell: string): string {
  const plain = cell.replace(/\$/g, '').toUpperCase();
  if (!parseA1(plain)) throw new RangeError(`"${cell}" is not a cell address such as B7`);
  return plain;
}

function notFound(error: unknown, sheet: string): unknown {
  return errorCode(error) === 'ItemNotFound' ? new SheetNotFoundError(sheet) : error;
}

/** The cell as it is now: for the preview. One request. */
export async function readCell(run: ExcelRunner, sheet: string, cell: string): Promise<CellContent> {
  const at = address(cell);
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(at).load('values,formulas');
    try {
      await context.sync();
    } catch (error) {
      throw notFound(error, sheet);
    }
    return { value: range.values[0][0] as OfficeValue, formula: range.formulas[0][0] as OfficeValue };
  });
}

/** A value as Excel should take it: a decimal as a number (Excel holds doubles), anything else as text, never a formula or a date. */
function officeValue(value: string): OfficeValue {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : `'${value}`;
}

/** Text kept as text in the log, whatever it looks like ("=SUM(…)" stays words, not a formula). */
function asText(value: OfficeValue): string {
  return `'${String(value)}`;
}

function logRow(request: ApplyRequest, after: string): string[] {
  const when = request.when;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`;
  return [stamp, request.sheet, address(request.cell), describeContent(request.before), after, request.rule, request.message].map(asText);
}

/**
 * Writes the suggestion into the cell and logs it, or refuses with CellChangedError when the cell no
 * longer holds `request.before`. Waits out cell-edit mode as the other writes do.
 */
export async function applyToCell(run: ExcelRunner, request: ApplyRequest): Promise<ApplyResult> {
  const at = address(request.cell);
  return runRetryingCellEdit(run, async (context) => {
    const worksheets = context.workbook.worksheets.load('items/name');
    const names = context.workbook.names.load('items/name,items/value');
    const range = context.workbook.worksheets.getItem(request.sheet).getRange(at).load('values,formulas');
    try {
      await context.sync();
    } catch (error) {
      throw notFound(error, request.sheet);
    }
    const now = { value: range.values[0][0] as OfficeValue, formula: range.formulas[0][0] as OfficeValue };
    if (!sameContent(now, request.before)) throw new CellChangedError(request.sheet, request.cell, now);

    if ('formula' in request.write) range.formulas = [[request.write.formula]];
    else range.values = [[officeValue(request.write.value)]];
    range.load('values,formulas');
    // Which sheet is the log, and its owner marker, are decided as for every generated sheet (a user's own
    // "Workbench log" is kept; a marker left by a deleted log goes before the new one is added).
    const state = {
      sheets: worksheets.items.map((w, position) => ({ name: w.name, position })),
      names: names.items.map((n) => ({ name: n.name, value: String(n.value) })),
      tables: [],
    };
    const [plan] = planWrite(state, [APPLY_LOG_SHEET_NAME], []).sheets;
    const logName = plan.name;
    const row = logRow(request, 'formula' in request.write ? request.write.formula : request.write.value);
    if (plan.kind === 'add') {
      const log = worksheets.add(logName);
      log.getRangeByIndexes(0, 0, 2, APPLY_LOG_HEADERS.length).values = [APPLY_LOG_HEADERS.map(asText), row];
      log.getRangeByIndexes(0, 0, 1, APPLY_LOG_HEADERS.length).format.font.bold = true;
      if (plan.staleMarker) context.workbook.names.getItem(plan.staleMarker).delete();
      context.workbook.names.add(plan.markerName, log.getRange('A1'), OWNER_MARKER);
      log.visibility = 'Hidden';
      await context.sync();
    } else {
      const used = context.workbook.worksheets.getItem(plan.existingName).getUsedRangeOrNullObject(true).load('rowCount,address');
      await context.sync();
      const next = used.isNullObject ? 0 : usedEndRow(used.address) + 1;
      context.workbook.worksheets.getItem(plan.existingName).getRangeByIndexes(next, 0, 1, APPLY_LOG_HEADERS.length).values = [row];
      await context.sync();
    }
    return { after: { value: range.values[0][0] as OfficeValue, formula: range.formulas[0][0] as OfficeValue }, logSheet: logName };
  });
}

/** The last row (0-based) of a used range's address: "'Workbench log'!A1:G5" → 4. */
function usedEndRow(rangeAddress: string): number {
  const corners = rangeAddress.slice(rangeAddress.lastIndexOf('!') + 1).split(':');
  const end = parseA1(corners[corners.length - 1]);
  if (!end) throw new Error(`Excel reported a used range "${rangeAddress}" that is not an address`);
  return end.row;
}
