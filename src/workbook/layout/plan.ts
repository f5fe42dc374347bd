/**
 * Where each part of a SheetSpec goes on the sheet, and its formulas in A1 form. Pure (no ExcelJS),
 * so the office.js writer can lay sheets out the same way. Rows and columns are 0-based, as in
 * src/sheet/a1.ts; every table starts in column A.
 *
 *   paragraphs, blank row
 *   per table: title, unit note, header (the Excel table starts here), body rows, total rows,
 *              blank row, footnotes, source line, blank row
 */
import { columnLetters, parseA1, quoteSheetName } from '../../sheet/a1';
import type { SheetSpec, SpecFormula, SpecParagraph, TableSpec } from '../../reports/spec';
import { SheetSpecError } from './errors';

export interface TablePlan {
  readonly spec: TableSpec;
  readonly titleRow: number | undefined;
  readonly unitRow: number | undefined;
  readonly headerRow: number;
  /** Row of each spec.rows entry, in order. */
  readonly bodyRows: readonly number[];
  /** Data rows of the Excel table: the body, or one blank row when the body is empty (Excel needs one). */
  readonly tableDataRows: number;
  /** Row of each spec.totals entry, in order, directly under the table. */
  readonly totalRows: readonly number[];
  readonly footnoteRows: readonly number[];
  readonly sourceRow: number | undefined;
  /** Header text per column: one line, never empty, unique within the table (Excel requires both). */
  readonly headers: readonly string[];
  /** Column index of each column key. */
  readonly columnOf: ReadonlyMap<string, number>;
}

export interface SheetPlan {
  readonly spec: SheetSpec;
  readonly paragraphs: readonly { readonly row: number; readonly paragraph: SpecParagraph }[];
  readonly tables: readonly TablePlan[];
  /** Rows kept in view when scrolling: down to the first table's header; 0 for none. */
  readonly frozenRows: number;
}

/** Beyond this many rows the frozen area would fill the window, so nothing is frozen. */
const MAX_FROZEN_ROWS = 20;

/** Excel table names: a letter, _ or \ first, then letters, digits, _ and .; at most 255 characters. */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

export function planSheet(spec: SheetSpec): SheetPlan {
  let row = 0;
  const paragraphs = spec.paragraphs.map((paragraph) => ({ row: row++, paragraph }));
  if (paragraphs.length > 0) row++;
  const tables: TablePlan[] = [];
  for (const table of spec.tables) {
    const plan = planTable(table, row);
    tables.push(plan);
    row = lastRowOf(plan) + 2;
  }
  const first = tables[0];
  const frozen = first ? first.headerRow + 1 : 0;
  return { spec, paragraphs, tables, frozenRows: frozen <= MAX_FROZEN_ROWS ? frozen : 0 };
}

function planTable(spec: TableSpec, startRow: number): TablePlan {
  validateTable(spec);
  let row = startRow;
  const titleRow = spec.title.trim() ? row++ : undefined;
  const unitRow = spec.unitNote.trim() ? row++ : undefined;
  const headerRow = row++;
  const bodyRows = spec.rows.map(() => row++);
  const tableDataRows = Math.max(1, spec.rows.length);
  row = headerRow + 1 + tableDataRows;
  const totalRows = spec.totals.map(() => row++);
  const source = spec.source.trim();
  if (spec.footnotes.length > 0 || source) row++;
  const footnoteRows = spec.footnotes.map(() => row++);
  const sourceRow = source ? row++ : undefined;
  const columnOf = new Map(spec.columns.map((c, i) => [c.key, i] as const));
  return { spec, titleRow, unitRow, headerRow, bodyRows, tableDataRows, totalRows, footnoteRows, sourceRow, headers: tableHeaders(spec), columnOf };
}

/** The last row a table uses (its source line, last footnote, last total or last data row). */
export function lastRowOf(plan: TablePlan): number {
  return Math.max(plan.headerRow + plan.tableDataRows, ...plan.totalRows, ...plan.footnoteRows, plan.sourceRow ?? -1);
}

function validateTable(spec: TableSpec): void {
  if (!TABLE_NAME.test(spec.name) || parseA1(spec.name) !== undefined || /^[RrCc]$/.test(spec.name)) {
    throw new SheetSpecError(`table name "${spec.name}" is not a valid Excel table name: use letters, digits and underscores, starting with a letter`);
  }
  if (spec.columns.length === 0) throw new SheetSpecError(`table "${spec.name}" has no columns`);
  const keys = new Set<string>();
  for (const column of spec.columns) {
    if (keys.has(column.key)) throw new SheetSpecError(`table "${spec.name}" has two columns with the key "${column.key}"`);
    keys.add(column.key);
  }
  for (const row of [...spec.rows, ...spec.totals]) {
    for (const key of Object.keys(row.cells)) {
      if (!keys.has(key)) throw new SheetSpecError(`table "${spec.name}" has a value for "${key}", which is not one of its columns`);
    }
  }
}

/** One line each, "Column 3" for a blank header, and " (2)", " (3)" after repeats (Excel compares without case). */
function tableHeaders(spec: TableSpec): string[] {
  const seen = new Set<string>();
  return spec.columns.map((column, i) => {
    const base = column.header.replace(/[\r\n\t]+/g, ' ').trim() || `Column ${i + 1}`;
    let header = base;
    for (let n = 2; seen.has(header.toUpperCase()); n++) header = `${base} (${n})`;
    seen.add(header.toUpperCase());
    return header;
  });
}

/** Excel allows 255 arguments per function; longer lists are summed in nested groups. */
const MAX_FUNCTION_ARGUMENTS = 255;
/** Excel's longest formula. */
const MAX_FORMULA_LENGTH = 8192;

/**
 * A SpecFormula in A1 form, without the "=", for the cell in column `column` on sheet row `row`:
 * sum → SUM(C5:C9,C12); minus → D5-C5; percent → IF(C5=0,"",D5/C5*100).
 * "body" sums every body row except subtotal and total rows, so a subtotal inside the body is not
 * counted twice.
 */
export function renderFormula(formula: SpecFormula, table: TablePlan, column: string, row: number): string {
  let text: string;
  switch (formula.op) {
    case 'sum':
      text = sumFormula(columnLetter(table, column), bodyRowsToSum(table, formula.rows));
      break;
    case 'minus':
      text = `${columnLetter(table, formula.a)}${row + 1}-${columnLetter(table, formula.b)}${row + 1}`;
      break;
    case 'percent': {
      const a = `${columnLetter(table, formula.a)}${row + 1}`;
      const b = `${columnLetter(table, formula.b)}${row + 1}`;
      text = `IF(${b}=0,"",${a}/${b}*100)`;
      break;
    }
  }
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new SheetSpecError(`a total in table "${table.spec.name}" sums too many separate rows for one Excel formula`);
  }
  return text;
}

function columnLetter(table: TablePlan, key: string): string {
  const index = table.columnOf.get(key);
  if (index === undefined) {
    throw new SheetSpecError(`a formula in table "${table.spec.name}" refers to "${key}", which is not one of its columns`);
  }
  return columnLetters(index);
}

function bodyRowsToSum(table: TablePlan, rows: 'body' | readonly number[]): number[] {
  if (rows === 'body') {
    // An empty body still has its one blank data row, so the total is a live SUM of nothing.
    if (table.bodyRows.length === 0) return [table.headerRow + 1];
    return table.bodyRows.filter((_, i) => !isTotalStyle(table.spec.rows[i].style));
  }
  return rows.map((index) => {
    const sheetRow = table.bodyRows[index];
    if (!Number.isInteger(index) || sheetRow === undefined) {
      throw new SheetSpecError(`a subtotal in table "${table.spec.name}" sums body row ${index}, which it does not have`);
    }
    return sheetRow;
  });
}

function isTotalStyle(style: string | undefined): boolean {
  return style === 'subtotal' || style === 'total';
}

/** SUM over the rows of one column, consecutive rows as ranges, nested when there are too many ranges. */
function sumFormula(letter: string, rows: readonly number[]): string {
  if (rows.length === 0) return '0';
  const ranges = consecutiveRuns([...new Set(rows)].sort((x, y) => x - y)).map(([from, to]) =>
    from === to ? `${letter}${from + 1}` : `${letter}${from + 1}:${letter}${to + 1}`,
  );
  return nestedSum(ranges);
}

function nestedSum(args: readonly string[]): string {
  if (args.length <= MAX_FUNCTION_ARGUMENTS) return `SUM(${args.join(',')})`;
  const groups: string[] = [];
  for (let i = 0; i < args.length; i += MAX_FUNCTION_ARGUMENTS) groups.push(nestedSum(args.slice(i, i + MAX_FUNCTION_ARGUMENTS)));
  return nestedSum(groups);
}

function consecutiveRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** Where a link goes, as a hyperlink location: 'Panel report'!B7 (no "#"). */
export function linkLocation(sheet: string, cell: string): string {
  const ref = parseA1(cell);
  if (!ref) throw new SheetSpecError(`a link to "${sheet}" points at "${cell}", which is not a cell address such as B7`);
  return `${quoteSheetName(sheet)}!${columnLetters(ref.col)}${ref.row + 1}`;
}
