/**
 * How a total's SUM reads against its table: the rows its ranges cover, and what each of those rows is
 * to a sum down one column (a line, another total, the header, something else, nothing). The range
 * rules (omission, reach, double counting) all work from this reading.
 */
import { toA1, type RangeRef } from '../../../sheet/a1';
import type { Grid } from '../../../sheet/grid';
import { NOTHING, readAmountCell } from '../../../sheet/tables/amount-cell';
import { formulaTerms } from '../../../sheet/tables/formula-terms';
import { totalWords } from '../../../sheet/tables/header-roles';
import type { AmountCell, Column, Table, TableRow } from '../../../sheet/tables/types';
import type { Term } from '../../../money/tolerance';
import type { Finding } from '../../finding';

/** What a row is to a SUM down one column. */
type RowClass = 'line' | 'total' | 'header' | 'other' | 'empty';

/** Lines that are not part of a block's sum by their nature: memoranda, balances brought forward. */
const NOT_ADDED =
  /^\s*(of which|memo\b|memorandum|n\.?b\.?\b|note\b|for information|excluding|including)|brought forward|carried forward|\bb\/f\b|\bc\/f\b|opening balance/i;
/** The widest range read: beyond it a formula is not a table total. */
const MAX_SPAN = 5000;

export interface Scope {
  readonly table: Table;
  readonly grid: Grid;
  readonly byRow: ReadonlyMap<number, TableRow>;
  readonly headerRows: ReadonlySet<number>;
  /** For each row, the totals (other than the one looked at) whose sums take it in. */
  readonly addedBy: ReadonlyMap<number, readonly TableRow[]>;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** One total's formula in one money column, read as the rows its ranges cover. */
export interface TotalFormula {
  readonly total: TableRow;
  readonly col: Column;
  readonly cell: string;
  readonly formula: string;
  readonly ranges: readonly RangeRef[];
  /** Rows the ranges cover, in order, each once. */
  readonly covered: readonly number[];
  /** True when the lines are above the total. */
  readonly below: boolean;
}

/** A finding, and whether totals.ts compared the stated figure with the same lines (then it reports there). */
export interface Candidate {
  readonly finding: Finding;
  readonly seenByTotals: boolean;
}

export function scopeOf(table: Table, grid: Grid): Scope {
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const headerRows = new Set([...table.headerRows, ...table.rows.filter((r) => r.kind === 'header').map((r) => r.row)]);
  const addedBy = new Map<number, TableRow[]>();
  for (const t of table.rows) {
    if (t.kind !== 'total') continue;
    for (const r of t.sums ?? []) {
      const list = addedBy.get(r);
      if (list) list.push(t);
      else addedBy.set(r, [t]);
    }
  }
  return { table, grid, byRow, headerRows, addedBy, firstRow: table.range.start.row, lastRow: table.range.end.row };
}

/** A total's formula when it only adds ranges of its own column, all inside the table and on one side of it. */
export function readTotalFormula(scope: Scope, total: TableRow, col: Column): TotalFormula | undefined {
  const formula = scope.grid.cell(total.row, col.col)?.formula;
  const terms = formula ? formulaTerms(formula) : undefined;
  if (!formula || !terms) return undefined;
  const rows = new Set<number>();
  for (const t of terms) {
    const { start, end } = t.range;
    if (t.sign !== 1 || start.col !== col.col || end.col !== col.col || end.row - start.row > MAX_SPAN) return undefined;
    for (let r = start.row; r <= end.row; r++) rows.add(r);
  }
  const covered = [...rows].sort((a, b) => a - b);
  const first = covered[0];
  const last = covered[covered.length - 1];
  if (rows.has(total.row) || first < scope.firstRow || last > scope.lastRow || (first < total.row && last > total.row)) return undefined;
  return { total, col, cell: toA1(total.row, col.col), formula, ranges: terms.map((t) => t.range), covered, below: last < total.row };
}

export function classOf(scope: Scope, r: number, col: Column): RowClass {
  if (scope.headerRows.has(r)) return 'header';
  const row = scope.byRow.get(r);
  if (!row) return typeof scope.grid.value(r, col.col) === 'number' ? 'other' : 'empty';
  // Text in the column (a date line read as a line) is not a figure a SUM could have left out.
  if (row.kind === 'line') return NOT_ADDED.test(row.label) || row.amounts.kindOf(col.col) === 'invalid' ? 'other' : 'line';
  if (row.kind === 'total') return 'total';
  return row.kind === 'header' ? 'header' : 'other';
}

/** A total the structure is sure of: its own formula, or words that say so. */
export function isCredibleTotal(row: TableRow | undefined): row is TableRow {
  return (
    row !== undefined &&
    row.kind === 'total' &&
    (row.sums?.length ?? 0) > 0 &&
    (row.subtracts?.length ?? 0) === 0 &&
    (row.evidence === 'formula' || totalWords(row.label) !== undefined)
  );
}

export function isAdded(c: RowClass): boolean {
  return c === 'line' || c === 'total';
}

export function amountAt(scope: Scope, r: number, col: Column): AmountCell {
  return scope.byRow.get(r)?.amounts.get(col.col) ?? readAmountCell(scope.grid.cell(r, col.col), r, col.col, col.unit);
}

/** What a row adds to a SUM: its figure, or nothing (SUM passes over blanks and text). */
export function termAt(scope: Scope, r: number, col: Column): Term {
  const a = amountAt(scope, r, col);
  return a.kind === 'amount' ? a : NOTHING;
}
