/**
 * formula-inconsistent: a formula unlike its neighbours. Down a money column a table's lines are
 * worked out one way (=Dn-Cn on every line); along a total row each column is totalled one way. One
 * cell whose relative (R1C1) shape differs from a clear majority around it is usually a formula
 * copied wrongly or overtyped.
 */
import { parseA1, toA1 } from '../../../sheet/a1';
import { isBlankCell, type Grid } from '../../../sheet/grid';
import { fromR1C1, toR1C1 } from '../../../sheet/formulas/r1c1';
import { formulaTerms, rowsAggregated } from '../../../sheet/tables/formula-terms';
import type { Column, Table, TableRow } from '../../../sheet/tables/types';
import { ExactSum, figureMinus, type Figure } from '../../../money/pence';
import type { Finding } from '../../finding';
import { decimalsFor, inUnit, money, plural } from '../../present';
import { defineRule, formulaFix } from '../meta';
import type { TableRule } from '../rule';
import { plugsIn } from './constants';
import { cellName, figureOf, formulaAt, gridFor, moneyColumns, sameFigure, sumOfArea } from './shape-cells';

const UNLIKE = '{name} is worked out as ={formula}, unlike {neighbours}, which follow the pattern that would be ={fixed} here.';

const formulaInconsistent = defineRule({
  id: 'formula-inconsistent',
  group: 'formulas',
  title: 'Formula unlike its neighbours',
  checks:
    'Down a money column a table’s lines are worked out one way (=Dn-Cn on every line), and along a total row each column is totalled one way. A cell ' +
    'whose formula, compared in relative (R1C1) form, differs from a clear majority around it is reported.',
  why:
    'A formula unlike its neighbours is usually one copied wrongly or typed over: it points at the wrong row or column, so its figure, and every total ' +
    'over it, may be wrong without anything looking odd on the sheet.',
  fix:
    'Use the pattern the neighbouring cells follow (the suggestion is that formula at this cell), or, if the difference is meant, make it visible with a ' +
    'note beside the cell.',
  reportedAt: 'the odd formula cell, with the neighbours’ pattern as the suggestion',
  severity: 'error',
  otherSeverities: 'warning where the neighbours’ formula gives the same figure today, or its figure cannot be worked out',
  messages: {
    changesFigure: `${UNLIKE} That formula gives {wouldBe}, not the {stated} shown: {difference} apart.`,
    sameFigure: `${UNLIKE} It gives the same figure today, but a formula unlike its neighbours breaks easily when lines are changed, sorted or copied.`,
    unknownFigure: `${UNLIKE} Check which of the two is meant.`,
  },
});

export const shapeRuleDefinitions = [formulaInconsistent] as const;

interface Shaped {
  readonly row: TableRow;
  readonly col: Column;
  readonly formula: string;
  readonly shape: string;
}

interface Odd {
  readonly cell: Shaped;
  readonly majority: string;
  /** How many cells of the run share the majority shape. */
  readonly alike: number;
}

/** A majority needs this many neighbours sharing one shape, and this share of the run. */
const MIN_MAJORITY = 3;
const MIN_SHARE = 0.75;

export const shapeRules: TableRule = (table, ctx) => {
  const grid = gridFor(table, ctx);
  if (!grid) return [];
  const findings: Finding[] = [];
  const cols = moneyColumns(table);
  for (const col of cols) {
    for (const run of lineRuns(table)) {
      const cells = shapedCells(
        grid,
        run.map((row) => ({ row, col })),
      );
      for (const odd of oddOnesOut(cells)) {
        // A line that sums lines above it is a subtotal read as a line: its own shape is expected.
        const sums = rowsAggregated(odd.cell.formula, col.col);
        if (sums && sums.adds.length + sums.subtracts.length >= 2) continue;
        if (isPlugOn(odd)) continue;
        const f = inconsistent(table, grid, odd, 'column');
        if (f) findings.push(f);
      }
    }
  }
  // Along a total row: columns that are totalled down (not columns that add up other columns, nor variances).
  const acrossTotals = new Set(table.columnTotals.map((t) => t.col));
  const totalled = cols.filter((c) => !acrossTotals.has(c.col) && c.role !== 'variance');
  for (const row of table.rows) {
    if (row.kind !== 'total') continue;
    const cells = shapedCells(
      grid,
      totalled.map((col) => ({ row, col })),
    );
    for (const odd of oddOnesOut(cells)) {
      if (isPlugOn(odd)) continue;
      const f = inconsistent(table, grid, odd, 'row');
      if (f) findings.push(f);
    }
  }
  return findings;
};

/** True when the odd cell is the majority's formula with a number added: formula-constant says so, more exactly. */
function isPlugOn(odd: Odd): boolean {
  const plugs = plugsIn(odd.cell.formula);
  return plugs !== undefined && toR1C1(plugs.fixed, odd.cell.row.row, odd.cell.col.col) === odd.majority;
}

/** The table's lines in runs: a run ends at a total, a section or a header, and where the section changes (sections may differ in sign). */
function lineRuns(table: Table): TableRow[][] {
  const runs: TableRow[][] = [];
  let run: TableRow[] = [];
  for (const row of table.rows) {
    const breaks = row.kind !== 'line' || (run.length > 0 && run[0].section !== row.section);
    if (breaks && run.length > 0) {
      runs.push(run);
      run = [];
    }
    if (row.kind === 'line') run.push(row);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function shapedCells(grid: Grid, at: readonly { row: TableRow; col: Column }[]): Shaped[] {
  const cells: Shaped[] = [];
  for (const { row, col } of at) {
    const formula = formulaAt(grid, row, col);
    const shape = formula === undefined ? undefined : toR1C1(formula, row.row, col.col);
    if (formula !== undefined && shape !== undefined) cells.push({ row, col, formula, shape });
  }
  return cells;
}

/**
 * Cells whose shape differs from a clear majority of their run: the majority shape held by at least
 * three cells and three quarters of the run, the odd shape held by this cell alone (two alike are a
 * pattern, not a slip), and the nearest cells either side in the majority.
 */
function oddOnesOut(cells: readonly Shaped[]): Odd[] {
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c.shape, (counts.get(c.shape) ?? 0) + 1);
  let majority: string | undefined;
  let most = 0;
  for (const [shape, n] of counts) {
    if (n > most) [majority, most] = [shape, n];
  }
  if (majority === undefined || most < MIN_MAJORITY || most < MIN_SHARE * cells.length) return [];
  const odd: Odd[] = [];
  cells.forEach((cell, i) => {
    if (cell.shape === majority || counts.get(cell.shape) !== 1) return;
    const before = cells[i - 1];
    const after = cells[i + 1];
    if ((before && before.shape !== majority) || (after && after.shape !== majority)) return;
    odd.push({ cell, majority, alike: most });
  });
  return odd;
}

const SAME_SHEET_CELL = /(?<![!\w$])\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\w(!])/g;

function pointsIntoEmptyRow(grid: Grid, formula: string): boolean {
  for (const m of formula.matchAll(SAME_SHEET_CELL)) {
    const at = parseA1(`${m[1]}${m[2]}`);
    if (at && grid.row(at.row).every((cell) => isBlankCell(cell))) return true;
  }
  return false;
}

/** What an additive formula (=D7-C7, =SUM(C5:C9)) gives from the grid's figures, in the column's unit. */
function valueOf(grid: Grid, formula: string, col: Column): Figure | undefined {
  const terms = formulaTerms(formula);
  if (!terms) return undefined;
  const plus = new ExactSum();
  const minus = new ExactSum();
  for (const t of terms) {
    const area = { top: t.range.start.row, bottom: t.range.end.row, left: t.range.start.col, right: t.range.end.col, single: false };
    if (!sumOfArea(grid, area, col.unit, t.sign === 1 ? plus : minus)) return undefined;
  }
  return figureMinus(plus, minus);
}

function inconsistent(table: Table, grid: Grid, odd: Odd, direction: 'column' | 'row'): Finding | undefined {
  const cell = odd.cell;
  const fixed = fromR1C1(odd.majority, cell.row.row, cell.col.col);
  // A formula that steps over an empty row (=I30+1 below a spacer, among =In+1) is the pattern kept, not broken.
  if (fixed === undefined || pointsIntoEmptyRow(grid, fixed)) return undefined;
  const unit = cell.col.unit;
  const value = grid.value(cell.row.row, cell.col.col);
  // A formula giving text (a heading worked out as ="end "&…) is no figure among figures.
  if (typeof value === 'string') return undefined;
  const stated = typeof value === 'number' ? figureOf(value, unit) : undefined;
  const wouldBe = valueOf(grid, fixed, cell.col);
  const neighbours =
    direction === 'column' ? `the ${plural(odd.alike, 'line')} around it in this column` : `the ${plural(odd.alike, 'total')} beside it in this row`;
  const place = { sheet: table.sheet, cell: toA1(cell.row.row, cell.col.col), ...formulaFix(`=${fixed}`) };
  const data = { name: cellName(cell.row, cell.col), formula: cell.formula, neighbours, fixed };
  if (stated === undefined || wouldBe === undefined) return formulaInconsistent.report({ ...place, severity: 'warning' }, 'unknownFigure', data);
  if (sameFigure(stated, wouldBe)) return formulaInconsistent.report({ ...place, severity: 'warning' }, 'sameFigure', data);
  const d = decimalsFor(cell.col, stated.pounds, wouldBe.pounds, figureMinus(wouldBe, stated).pounds);
  const figures = { expected: inUnit(wouldBe, unit), actual: inUnit(stated, unit), unit, decimals: d };
  return formulaInconsistent.report({ ...place, ...figures }, 'changesFigure', {
    ...data,
    wouldBe: money(wouldBe, unit, d),
    stated: money(stated, unit, d),
    difference: money(figureMinus(wouldBe, stated).pounds.abs(), unit, d),
  });
}
