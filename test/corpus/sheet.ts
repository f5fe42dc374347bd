/** Writing generated tables into a Grid, and the Excel-style addresses their expectations use. */
import { columnLetters } from '../../src/sheet/a1';
import { Cell, CellValue, forEachCellIn, Grid, GridWorkbook } from '../../src/sheet/grid';
import { Amount, toNumber } from './money';

/** One cell to write: a plain value, a full cell (formula, number format), or nothing. */
export type CellSpec = CellValue | Cell | null | undefined;

function isCell(spec: CellSpec): spec is Cell {
  return typeof spec === 'object' && spec !== null && !(spec instanceof Date) && 'value' in spec;
}

/** Writes rows downwards from a starting cell, the way a finance team fills a sheet. */
export class GridWriter {
  /** The next row to write (0-based). */
  row: number;
  readonly left: number;

  constructor(
    readonly grid: Grid,
    at: { readonly row?: number; readonly col?: number } = {},
  ) {
    this.row = at.row ?? 0;
    this.left = at.col ?? 0;
  }

  /** Writes one row from the left column (nulls leave cells empty) and returns its 0-based index. */
  write(cells: readonly CellSpec[]): number {
    const row = this.row++;
    cells.forEach((spec, i) => {
      if (spec === null || spec === undefined) return;
      this.grid.setCell(row, this.left + i, isCell(spec) ? spec : { value: spec });
    });
    return row;
  }

  skip(rows = 1): void {
    this.row += rows;
  }
}

export function moneyCell(a: Amount, numFmt?: string): Cell {
  return numFmt === undefined ? { value: toNumber(a) } : { value: toNumber(a), numFmt };
}

export const PERCENT_FORMAT = '0.0%';

/**
 * A percentage as Excel stores it: the fraction, from the exact Amounts divided once (both convert to
 * doubles exactly, so this is the same double Excel's division gives). Blank when the base is zero.
 */
export function percentCell(numerator: Amount, denominator: Amount, formula?: string): Cell {
  const value = denominator === 0n ? null : Number(numerator) / Number(denominator);
  return formula === undefined ? { value, numFmt: PERCENT_FORMAT } : { value, formula, numFmt: PERCENT_FORMAT };
}

export const DATE_FORMAT = 'dd/mm/yyyy';

/** A date at midnight UTC, as a spreadsheet reader returns a date serial. */
export function dateCell(year: number, month: number, day: number): Cell {
  return { value: new Date(Date.UTC(year, month - 1, day)), numFmt: DATE_FORMAT };
}

/** Excel's row number for a 0-based row. */
export function excelRow(row: number): number {
  return row + 1;
}

export function letter(col: number): string {
  return columnLetters(col);
}

/** "B4:F20" from 0-based corners. */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${letter(left)}${top + 1}:${letter(right)}${bottom + 1}`;
}

/** A deep enough copy of a workbook that a fault can be put into it without touching the clean case. */
export function cloneWorkbook(workbook: GridWorkbook): GridWorkbook {
  return {
    sheets: workbook.sheets.map((grid) => {
      const copy = new Grid(grid.name);
      for (const r of grid.rowIndexes()) {
        forEachCellIn(grid.row(r), (cell, c) => {
          const value = cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value;
          copy.setCell(r, c, { ...cell, value });
        });
      }
      copy.merges.push(...grid.merges.map((m) => ({ start: { ...m.start }, end: { ...m.end } })));
      grid.hiddenRows.forEach((r) => copy.hiddenRows.add(r));
      copy.visibility = grid.visibility;
      copy.generated = grid.generated;
      return copy;
    }),
  };
}

/** Number formats finance teams put on money, or none (General). */
export const MONEY_FORMATS: readonly (string | undefined)[] = ['#,##0;(#,##0)', '#,##0;-#,##0', '#,##0', undefined];
