/**
 * The grid: what the engine sees of one worksheet. Sparse by row and column, so a sheet whose
 * used range reaches XFD1048576 costs only the cells that hold something.
 */
import { RangeRef, toA1 } from './a1';
import type { FormulaReport } from './formulas/report';

/** Excel's error values, as they appear in a cell. */
export const EXCEL_ERROR_CODES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;
type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

interface ErrorValue {
  readonly kind: 'error';
  readonly code: ExcelErrorCode;
}

export type CellValue = string | number | boolean | Date | ErrorValue;

export interface Cell {
  /** The value shown: for a formula cell, its cached result (null when the file holds none). */
  readonly value: CellValue | null;
  /** The formula without its leading "=", when the cell holds one. */
  readonly formula?: string;
  /** Excel number format code, such as `£#,##0.0,,"m"`; absent means General. */
  readonly numFmt?: string;
}

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === 'object' && value !== null && (value as ErrorValue).kind === 'error';
}

export function errorValue(code: string): ErrorValue | undefined {
  const upper = code.trim().toUpperCase();
  return (EXCEL_ERROR_CODES as readonly string[]).includes(upper) ? { kind: 'error', code: upper as ExcelErrorCode } : undefined;
}

/** True when a cell holds nothing a reader would see (no value, or only whitespace, and no formula). */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula) return false;
  const v = cell.value;
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Beyond this length a row is walked by its keys: a lone cell at XFD is one visit, not 16,384. */
const LONG_ROW = 256;

/**
 * Visits a row's cells in column order. A row's array ends at its last cell, so most rows are short
 * and walked directly; a long one (a cell far to the right) is walked by its keys, which holes lack.
 */
export function forEachCellIn(cells: readonly (Cell | undefined)[], visit: (cell: Cell, col: number) => void): void {
  if (cells.length <= LONG_ROW) {
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell !== undefined) visit(cell, c);
    }
    return;
  }
  // Integer keys of an array come in ascending order.
  for (const key of Object.keys(cells)) {
    const c = Number(key);
    const cell = cells[c];
    if (cell !== undefined) visit(cell, c);
  }
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

const NO_CELLS: readonly (Cell | undefined)[] = Object.freeze([]);

export class Grid {
  private readonly rowsByIndex = new Map<number, Cell[]>();
  /**
   * The same rows by index, for reading: every rule reads rows by number, and an array index is
   * cheaper than a map lookup. Sparse rows (a cell at row 1,048,576) leave holes, which V8 keeps as a
   * dictionary, not a dense allocation.
   */
  private readonly rowArray: (Cell[] | undefined)[] = [];
  private sortedRowIndexes: number[] | undefined = [];
  private maxCol = -1;
  readonly merges: RangeRef[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  visibility: SheetVisibility = 'visible';
  /** True for a sheet the product generated (Findings, Rollup, ...): derived figures, not checked again. */
  generated = false;

  constructor(readonly name: string) {}

  setCell(row: number, col: number, cell: Cell): void {
    let cells = this.rowArray[row];
    if (!cells) {
      cells = [];
      this.rowsByIndex.set(row, cells);
      this.rowArray[row] = cells;
      this.sortedRowIndexes = undefined;
    }
    cells[col] = cell;
    if (col > this.maxCol) this.maxCol = col;
  }

  /** Convenience for tests and generators: a plain value with an optional number format. */
  set(row: number, col: number, value: CellValue | null, numFmt?: string): void {
    this.setCell(row, col, numFmt === undefined ? { value } : { value, numFmt });
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rowArray[row]?.[col];
  }

  value(row: number, col: number): CellValue | null {
    return this.cell(row, col)?.value ?? null;
  }

  /** The row's cells, indexed by column; holes are empty cells. */
  row(row: number): readonly (Cell | undefined)[] {
    return this.rowArray[row] ?? NO_CELLS;
  }

  /** Indexes of rows that hold at least one cell, in sheet order. */
  rowIndexes(): readonly number[] {
    if (!this.sortedRowIndexes) {
      this.sortedRowIndexes = [...this.rowsByIndex.keys()].sort((a, b) => a - b);
    }
    return this.sortedRowIndexes;
  }

  /** One past the last row and column holding a cell (0 for an empty sheet). */
  get rowCount(): number {
    const rows = this.rowIndexes();
    return rows.length === 0 ? 0 : rows[rows.length - 1] + 1;
  }

  get colCount(): number {
    return this.maxCol + 1;
  }

  get cellCount(): number {
    let n = 0;
    for (const cells of this.rowsByIndex.values()) for (const c of cells) if (c) n++;
    return n;
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }
}

/** A workbook-level name (Insert > Name): what it refers to, as written, without a leading "=". */
export interface DefinedName {
  readonly name: string;
  /** The sheet it belongs to, for a name local to one sheet. */
  readonly sheet?: string;
  readonly refersTo: string;
}

/** A workbook as the engine sees it: its sheets in tab order. */
export interface GridWorkbook {
  readonly sheets: readonly Grid[];
  /** The 1904 date system (old Mac workbooks): serials count from 1 January 1904. */
  readonly date1904?: boolean;
  /** The file asks to be recalculated when opened (<calcPr fullCalcOnLoad>): its saved results are not to be trusted. */
  readonly fullCalcOnLoad?: boolean;
  readonly definedNames?: readonly DefinedName[];
  /** What calculating its formulas found (sheet/formulas/calculate.ts), for a workbook read from a file. */
  readonly formulas?: FormulaReport;
}

export function findSheet(workbook: GridWorkbook, name: string): Grid | undefined {
  const wanted = name.trim().toLowerCase();
  return workbook.sheets.find((g) => g.name.trim().toLowerCase() === wanted);
}
