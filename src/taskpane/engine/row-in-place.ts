/**
 * A finding's row as the check read it, for "Go to" outside Excel, where no cell can be selected: the
 * row's label and its cells under their column headers, the finding's own cell marked. Only the one row
 * goes to the pane, never the sheet.
 */
import type { Money } from '../../money/decimal';
import { columnLetters, parseA1, rangeToA1, toA1 } from '../../sheet/a1';
import type { Grid } from '../../sheet/grid';
import { cellText } from '../../sheet/tables/cell-text';
import type { AmountCell, Table } from '../../sheet/tables/types';

export interface RowCell {
  /** The column's header as the table was read ("Budget 2019/20 £m"), or its letter where it has none. */
  readonly header: string;
  /** "C16". */
  readonly address: string;
  /** True for the finding's own cell. */
  readonly isFinding: boolean;
  /** An amount, in pounds, where the check read one. */
  readonly pounds?: Money;
  /** What the cell holds otherwise, as written: text, a placeholder such as "TBC", an error code; '' when blank. */
  readonly text: string;
  /** The cell's formula, with its "=". */
  readonly formula?: string;
}

export interface RowInPlace {
  readonly sheet: string;
  /** The row as Excel numbers it (1-based). */
  readonly row: number;
  /** The row's label ('' when it has none). */
  readonly label: string;
  /** The table's title, or its range where it has none: "London Crime Prevention Fund", "A3:F40". */
  readonly table: string;
  readonly cells: readonly RowCell[];
}

/** Most cells shown: a row of a wide table keeps the finding's cell and its neighbours. */
const MAX_CELLS = 24;

function amountText(amount: AmountCell | undefined, fallback: string): { pounds?: Money; text: string } {
  if (amount?.kind === 'amount') return { pounds: amount.pounds, text: fallback };
  if (amount?.kind === 'missing') return { text: amount.placeholder };
  if (amount?.kind === 'invalid') return { text: amount.text };
  if (amount?.kind === 'error') return { text: amount.code };
  return { text: fallback };
}

function cellOf(grid: Grid, table: Table, row: number, col: number, findingCol: number): RowCell {
  const column = table.columns.find((c) => c.col === col);
  const cell = grid.cell(row, col);
  const tableRow = table.rows.find((r) => r.row === row);
  const written = cellText(cell);
  const shown = column?.kind === 'money' ? amountText(tableRow?.amounts.get(col), written) : { text: written };
  return {
    header: column?.header.trim() || `Column ${columnLetters(col)}`,
    address: toA1(row, col),
    isFinding: col === findingCol,
    ...shown,
    ...(cell?.formula ? { formula: `=${cell.formula}` } : {}),
  };
}

/** The columns to show: the table's, nearest the finding's cell first when there are too many, in sheet order. */
function columnsToShow(table: Table, findingCol: number): number[] {
  const all = table.columns.map((c) => c.col);
  if (!all.includes(findingCol)) all.push(findingCol);
  const nearest = [...all].sort((a, b) => Math.abs(a - findingCol) - Math.abs(b - findingCol)).slice(0, MAX_CELLS);
  return nearest.sort((a, b) => a - b);
}

/** The row of `cell` in the table that holds it; null when no table the check read holds the cell. */
export function rowInPlace(grid: Grid, tables: readonly Table[], cell: string): RowInPlace | null {
  const at = parseA1(cell.replace(/\$/g, '').split(':')[0]);
  if (!at) return null;
  const table = tables.find(
    (t) => t.sheet === grid.name && at.row >= t.range.start.row && at.row <= t.range.end.row && at.col >= t.range.start.col && at.col <= t.range.end.col,
  );
  if (!table) return null;
  const tableRow = table.rows.find((r) => r.row === at.row);
  const label = tableRow?.label ?? (table.labelCol !== undefined ? cellText(grid.cell(at.row, table.labelCol)) : '');
  return {
    sheet: grid.name,
    row: at.row + 1,
    label,
    table: table.title ?? rangeToA1(table.range),
    cells: columnsToShow(table, at.col).map((col) => cellOf(grid, table, at.row, col, at.col)),
  };
}
