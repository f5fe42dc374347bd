/**
 * Puts formulas on a finished clean table's totals, as a workbook saved by Excel holds them: the formula
 * (no leading "=") with its cached result, which is the typed figure already there. Row totals get
 * SUM over a run of rows where the run holds only their lines, otherwise a list of cells; column totals
 * get a sum or difference along their row.
 */
import { toA1 } from '../../src/sheet/a1';
import type { Grid } from '../../src/sheet/grid';
import type { ExpectedTable } from '../structure/expected';
import { columnOf, moneyColumns, tableRange } from './identities';
import { parseAmount } from './money';

function holdsNumber(grid: Grid, row: number, col: number): boolean {
  return typeof grid.value(row, col) === 'number';
}

/** "C5+C9-C12", or "SUM(C5:C12)" when the rows are one run with nothing else in that column between. */
function rowSumFormula(grid: Grid, col: number, adds: readonly number[], subtracts: readonly number[]): string {
  const at = (row: number) => toA1(row, col);
  if (subtracts.length === 0 && adds.length >= 2) {
    const first = Math.min(...adds);
    const last = Math.max(...adds);
    const wanted = new Set(adds);
    let onlyLines = true;
    for (let r = first; r <= last; r++) {
      if (wanted.has(r)) continue;
      // A figure in the run that is not one of its lines (a subtotal, say): a SUM over the run would take it in.
      const between = parseAmount(grid.value(r, col));
      if (between !== null && between !== undefined) onlyLines = false;
    }
    if (onlyLines) return `SUM(${at(first)}:${at(last)})`;
  }
  return [...adds.map((r, i) => `${i === 0 ? '' : '+'}${at(r)}`), ...subtracts.map((r) => `-${at(r)}`)].join('');
}

function columnSumFormula(row: number, adds: readonly number[], subtracts: readonly number[]): string {
  const contiguous = adds.length >= 3 && adds.every((c, i) => i === 0 || c === adds[i - 1] + 1);
  const plus = contiguous ? `SUM(${toA1(row, adds[0])}:${toA1(row, adds[adds.length - 1])})` : adds.map((c) => toA1(row, c)).join('+');
  return plus + subtracts.map((c) => `-${toA1(row, c)}`).join('');
}

function setFormula(grid: Grid, row: number, col: number, formula: string): void {
  const cell = grid.cell(row, col);
  if (!cell || typeof cell.value !== 'number') return;
  grid.setCell(row, col, { ...cell, formula });
}

/** Column identities first, then row totals, so a total row's cell in a Total column sums down the column. */
export function addTotalFormulas(grid: Grid, table: ExpectedTable): void {
  const range = tableRange(table);
  for (const total of table.columnTotals ?? []) {
    const col = columnOf(total.col);
    const adds = total.adds.map(columnOf);
    const subtracts = (total.subtracts ?? []).map(columnOf);
    for (let row = range.start.row; row <= range.end.row; row++) {
      if (holdsNumber(grid, row, col)) setFormula(grid, row, col, columnSumFormula(row, adds, subtracts));
    }
  }
  for (const total of table.rowTotals ?? []) {
    const row = total.row - 1;
    const adds = total.adds.map((r) => r - 1);
    const subtracts = (total.subtracts ?? []).map((r) => r - 1);
    for (const col of moneyColumns(table)) {
      if (holdsNumber(grid, row, col)) setFormula(grid, row, col, rowSumFormula(grid, col, adds, subtracts));
    }
  }
}
