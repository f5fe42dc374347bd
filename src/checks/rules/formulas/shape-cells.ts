/** What the formula rules of this folder share: the table's formula cells, their figures, and how to name them. */
import { toA1 } from '../../../sheet/a1';
import { findSheet, type Grid } from '../../../sheet/grid';
import type { RefArea } from '../../../sheet/formulas/r1c1';
import type { Column, Table, TableRow } from '../../../sheet/tables/types';
import { fromNumber, Money } from '../../../money/decimal';
import { decimalFigure, ExactSum, PenceFigure, wholePence, type Figure } from '../../../money/pence';
import { HALF_PENNY } from '../../../money/tolerance';
import { POUNDS_PER_UNIT, toPounds, type UnitId } from '../../../money/units';
import type { CheckContext } from '../../context';
import { columnTitle, rowName } from '../../present';

export interface FormulaCell {
  readonly row: TableRow;
  readonly col: Column;
  /** Without its leading "=". */
  readonly formula: string;
  readonly address: string;
}

/** The grid a table was read from, found as the runner keys it. */
export function gridFor(table: Table, ctx: CheckContext): Grid | undefined {
  return ctx.grids.get(table.sheet);
}

/** A sheet named in a reference, matched as Excel matches it (case aside). */
export function sheetNamed(ctx: CheckContext, name: string | undefined, home: Grid): Grid | undefined {
  return name === undefined ? home : findSheet({ sheets: [...ctx.grids.values()] }, name);
}

export function moneyColumns(table: Table): Column[] {
  return table.columns.filter((c) => c.kind === 'money');
}

/** The formula in a table's cell: the grid's, else the one its amount cell kept. */
export function formulaAt(grid: Grid, row: TableRow, col: Column): string | undefined {
  const amount = row.amounts.get(col.col);
  const formula = grid.cell(row.row, col.col)?.formula ?? (amount && 'formula' in amount ? amount.formula : undefined);
  return formula === undefined || formula.trim() === '' ? undefined : formula.trim().replace(/^=/, '');
}

/** Every formula in the table's money columns on rows of the given kinds, row by row. */
export function formulaCells(table: Table, grid: Grid, kinds: readonly TableRow['kind'][]): FormulaCell[] {
  const cells: FormulaCell[] = [];
  const cols = moneyColumns(table);
  for (const row of table.rows) {
    if (!kinds.includes(row.kind)) continue;
    for (const col of cols) {
      const formula = formulaAt(grid, row, col);
      if (formula !== undefined) cells.push({ row, col, formula, address: toA1(row.row, col.col) });
    }
  }
  return cells;
}

/** “Forecast for “Youth services””, or “Total (Forecast)” for a total row, as the totals rule names them. */
export function cellName(row: TableRow, col: Column): string {
  if (row.kind === 'total') return `${row.label === '' ? 'Total' : row.label} (${columnTitle(col)})`;
  return `${columnTitle(col)} for ${rowName(row)}`;
}

/** A number as written in a column of `unit`: whole pence when it is, else exact decimal pounds. */
export function figureOf(written: number, unit: UnitId): Figure | undefined {
  if (!Number.isFinite(written)) return undefined;
  const pence = wholePence(written, POUNDS_PER_UNIT[unit]);
  return pence !== undefined ? new PenceFigure(pence) : decimalFigure(toPounds(fromNumber(written), unit));
}

/** A constant typed in a formula ("40", "1.5E3"), in pounds, in the column's unit. */
export function constantPounds(text: string, unit: UnitId): Money | undefined {
  try {
    return toPounds(new Money(text), unit);
  } catch {
    return undefined;
  }
}

/**
 * True when two figures are the same to half a penny: a formula's saved result is a float, so
 * 0.1 + 0.2 comes back as 0.30000000000000004 and must still count as 0.3.
 */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.pence !== undefined && b.pence !== undefined) return a.pence === b.pence;
  return a.pounds.minus(b.pounds).abs().lt(HALF_PENNY);
}

/** Beyond this many cells a range is not read cell by cell: such a formula is not a table's line arithmetic. */
const MAX_RANGE_CELLS = 100_000;

/** Visits the cells of an area that hold something, row by row; false when the area is too big to read. */
export function forEachCellIn(grid: Grid, area: RefArea, visit: (row: number, col: number) => void): boolean {
  let seen = 0;
  for (const r of grid.rowIndexes()) {
    if (r < area.top || r > area.bottom) continue;
    const cells = grid.row(r);
    const last = Math.min(area.right, cells.length - 1);
    for (let c = area.left; c <= last; c++) {
      if (++seen > MAX_RANGE_CELLS) return false;
      if (cells[c] !== undefined) visit(r, c);
    }
  }
  return true;
}

/** Adds an area's numbers, in the column's unit, to `sum`; false when a cell holds text, an error or a formula without a result. */
export function sumOfArea(grid: Grid, area: RefArea, unit: UnitId, sum: ExactSum): boolean {
  let ok = true;
  const complete = forEachCellIn(grid, area, (r, c) => {
    const cell = grid.cell(r, c);
    const value = cell?.value ?? null;
    if (value === null ? cell?.formula !== undefined : typeof value === 'string' ? value.trim() !== '' : typeof value !== 'number') ok = false;
    else if (typeof value === 'number') {
      const f = figureOf(value, unit);
      if (f) sum.add(f);
      else ok = false;
    }
  });
  return ok && complete;
}
