/**
 * formula-missing and formula-among-inputs: a typed figure in a column whose lines are otherwise worked
 * out by one formula (a variance or row total typed over), and a formula among typed inputs (one budget
 * line derived from another). Only money columns and line rows: a total typed in as a number is
 * hardcoded-total's finding.
 */
import { appendAll } from '../../../util/append';
import { toA1 } from '../../../sheet/a1';
import { shiftFormula } from '../../../sheet/formulas/shift';
import type { Grid } from '../../../sheet/grid';
import { readAmountCell } from '../../../sheet/tables/amount-cell';
import { formulaTerms, rowsAggregated } from '../../../sheet/tables/formula-terms';
import type { AmountCell, Column, Table, TableRow } from '../../../sheet/tables/types';
import { ZERO, type Money } from '../../../money/decimal';
import { compareStated, type Term } from '../../../money/tolerance';
import type { CheckContext } from '../../context';
import type { Finding } from '../../finding';
import { columnTitle, decimalsFor, inUnit, money, rowName } from '../../present';
import { defineRule, formulaFix } from '../meta';
import type { TableRule } from '../rule';
import { ratioRules } from '../ratios';
import { totalRules } from '../totals';
import { varianceRules } from '../variance';

const TYPED =
  "{column} for {line} in {cell} is typed in as a number, while the column's other {count} lines work it out with a formula ({example} holds ={formula}).";

const formulaMissing = defineRule({
  id: 'formula-missing',
  group: 'formulas',
  title: 'Typed figure among formulas',
  checks:
    'A number typed into a money column whose other lines are all, or nearly all, worked out by one formula filled down (a variance or a row total typed ' +
    'over). A total typed in is hardcoded-total’s finding instead.',
  why:
    'A typed figure does not change when the figures on its row do: it may already be wrong, and if it is right today it will be wrong after the next ' +
    'update, while looking just like its neighbours.',
  fix: 'Put the column’s formula back in the cell (the suggestion is the neighbours’ formula moved to this row).',
  reportedAt: 'the typed cell, with the column’s formula as the suggestion',
  severity: 'error',
  otherSeverities: 'warning where the typed figure equals what the formula gives today, or that cannot be worked out',
  messages: {
    wrongFigure: `${TYPED} It shows {typed}; {fix} would give {computed}, {difference} apart.`,
    sameFigure: `${TYPED} {fix} gives the same figure today, but a typed figure will not change when the row does.`,
    unknownFigure: `${TYPED} {fix} would keep it in step with its row.`,
  },
});

const formulaAmongInputs = defineRule({
  id: 'formula-among-inputs',
  group: 'formulas',
  title: 'Formula among typed figures',
  checks: 'A single line worked out by a formula in a money column whose other lines (five or more) are typed figures: one budget line derived from another.',
  why:
    'Usually deliberate, but a reviewer reading a column of inputs should know one figure is derived, and from what: if the cells it uses change, so ' +
    'does this line.',
  fix: 'Check the formula is meant. If it is, say so in the line’s label or a note; if the figure is an input, type it in.',
  reportedAt: 'the formula cell',
  severity: 'info',
  messages: {
    derived:
      "{column} for {line} in {cell} is worked out by a formula, ={formula}, while the column's other {count} lines are typed figures: a reviewer should " +
      'know this figure is derived, and check it is meant to be.',
  },
});

export const inputRuleDefinitions = [formulaMissing, formulaAmongInputs] as const;

/** A cell reference in A1 style, as shiftFormula moves them: a formula without one is a typed figure in disguise. */
const CELL_REFERENCE = /(^|[^A-Za-z0-9_.$])\$?[A-Za-z]{1,3}\$?\d{1,7}(?![A-Za-z0-9_(])/;
/** Formula neighbours of one shape a typed figure needs around it, and their share of the column's other lines. */
const MIN_SHAPED = 3;
const SHAPED_SHARE = 0.75;
/** Typed neighbours a lone formula needs around it to stand out. */
const MIN_TYPED = 5;
/** The most cells an additive formula is evaluated over. */
const MAX_CELLS = 10_000;
/** Findings of other rules that already say a typed figure is wrong at its cell. */
const FIGURE_RULES = new Set(['total-mismatch', 'total-rounding', 'variance-mismatch', 'percent-mismatch']);

interface LineCell {
  readonly line: TableRow;
  /** Set for a formula that refers to cells; a formula of constants alone counts as typed. */
  readonly formula?: string;
}

/** A candidate finding, and whether it says the figure is wrong (then another rule may already say so). */
interface Candidate {
  readonly finding: Finding;
  readonly wrongFigure: boolean;
}

export const inputRules: TableRule = (table, ctx) => {
  const grid = ctx.grids.get(table.sheet);
  const lines = table.rows.filter((r) => r.kind === 'line');
  if (!grid || lines.length < MIN_SHAPED + 1) return [];
  const candidates: Candidate[] = [];
  for (const col of table.columns) {
    if (col.kind !== 'money' || col.hidden) continue;
    const cells = lineCells(grid, lines, col);
    appendAll(candidates, missingFormulas(table, grid, col, cells));
    appendAll(candidates, formulasAmongInputs(table, col, cells));
  }
  return withoutFigureOverlap(candidates, table, ctx);
};

/** The column's lines that hold a number or a formula: blanks and text are neither inputs nor formulas. */
function lineCells(grid: Grid, lines: readonly TableRow[], col: Column): LineCell[] {
  const out: LineCell[] = [];
  for (const line of lines) {
    const cell = grid.cell(line.row, col.col);
    if (cell?.formula) out.push(CELL_REFERENCE.test(cell.formula) ? { line, formula: cell.formula } : { line });
    else if (typeof cell?.value === 'number') out.push({ line });
  }
  return out;
}

/** The formula moved to `anchor`'s row and written plainly: two cells filled from one formula share it. */
function shapeKey(formula: string, row: number, anchor: number): string {
  return shiftFormula(formula.replace(/^=/, ''), anchor - row, 0)
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The cells of the column's commonest formula shape. */
function commonestShape(cells: readonly LineCell[]): LineCell[] {
  const anchor = cells.reduce((last, c) => Math.max(last, c.line.row), -Infinity);
  const groups = new Map<string, LineCell[]>();
  for (const c of cells) {
    if (!c.formula) continue;
    const key = shapeKey(c.formula, c.line.row, anchor);
    if (key.includes('#REF!')) continue;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  let best: LineCell[] = [];
  for (const group of groups.values()) if (group.length > best.length) best = group;
  return best;
}

/** Typed figures among lines that are, all but a few, one formula filled down. */
function missingFormulas(table: Table, grid: Grid, col: Column, cells: readonly LineCell[]): Candidate[] {
  const shaped = commonestShape(cells);
  if (shaped.length < MIN_SHAPED || shaped.length < SHAPED_SHARE * (cells.length - 1)) return [];
  const out: Candidate[] = [];
  for (const c of cells) {
    if (c.formula || sitsInColumnTotals(table, grid, c.line, col)) continue;
    const model = nearest(shaped, c.line.row);
    const moved = shiftFormula((model.formula ?? '').replace(/^=/, ''), c.line.row - model.line.row, 0);
    if (moved.includes('#REF!') || (startsSeries(moved, c.line.row, col.col) && !grid.cell(c.line.row - 1, col.col)?.formula)) continue;
    out.push(missingFinding(table, grid, col, c.line, { cell: toA1(model.line.row, col.col), formula: model.formula ?? '', moved, count: shaped.length }));
  }
  return out;
}

/**
 * A running series (=I17+1, a balance =C8+B9) builds on the cell above, so its first figure is typed:
 * the formula moved to a typed cell that would refer to the cell just above it, where that cell is no
 * formula of the series, is the series' seed.
 */
function startsSeries(moved: string, row: number, col: number): boolean {
  const above = toA1(row - 1, col);
  return row > 0 && new RegExp(`(^|[^A-Za-z$\\d])\\$?${above.replace(/\d+$/, '')}\\$?${row}(?!\\d)`).test(moved);
}

/** The cell of `cells` (in row order) nearest to `row`, by binary search: a long column has many typed lines to place. */
function nearest(cells: readonly LineCell[], row: number): LineCell {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].line.row < row) lo = mid + 1;
    else hi = mid;
  }
  const before = cells[lo - 1];
  return before && row - before.line.row <= cells[lo].line.row - row ? before : cells[lo];
}

/** A line whose other figures add up their columns is a total in all but name: hardcoded-total's territory. */
function sitsInColumnTotals(table: Table, grid: Grid, line: TableRow, col: Column): boolean {
  return table.columns.some((other) => {
    if (other.col === col.col || other.kind !== 'money') return false;
    const formula = grid.cell(line.row, other.col)?.formula;
    const rows = formula ? rowsAggregated(formula, other.col) : undefined;
    return rows !== undefined && rows.adds.length + rows.subtracts.length >= 2;
  });
}

interface Neighbours {
  /** A neighbour's cell and formula, shown as the example. */
  readonly cell: string;
  readonly formula: string;
  /** The same formula moved to this cell. */
  readonly moved: string;
  readonly count: number;
}

/**
 * An error when the typed figure differs from what the formula would give (computed for sums and
 * differences of cells only); a warning when it agrees, or when that cannot be worked out.
 */
function missingFinding(table: Table, grid: Grid, col: Column, line: TableRow, n: Neighbours): Candidate {
  const cell = toA1(line.row, col.col);
  const typed = readAmountCell(grid.cell(line.row, col.col), line.row, col.col, col.unit);
  const computed = typed.kind === 'amount' ? evaluateAdditive(grid, n.moved, col, line.row) : undefined;
  const fix = `=${n.moved}`;
  const place = { sheet: table.sheet, cell, ...formulaFix(fix) };
  const data = { column: columnTitle(col), line: rowName(line), cell, count: n.count, example: n.cell, formula: n.formula, fix };
  if (!computed || typed.kind !== 'amount') {
    return { finding: formulaMissing.report({ ...place, severity: 'warning' }, 'unknownFigure', data), wrongFigure: false };
  }
  const c = compareStated(typed, computed.pounds, computed.terms);
  const d = decimalsFor(col, typed.pounds, computed.pounds, c.difference);
  if (c.verdict !== 'error') return { finding: formulaMissing.report({ ...place, severity: 'warning' }, 'sameFigure', data), wrongFigure: false };
  const figures = { expected: inUnit(computed.pounds, col.unit), actual: inUnit(typed.pounds, col.unit), unit: col.unit, decimals: d };
  const finding = formulaMissing.report({ ...place, ...figures }, 'wrongFigure', {
    ...data,
    typed: money(typed.pounds, col.unit, d),
    computed: money(computed.pounds, col.unit, d),
    difference: money(c.difference.abs(), col.unit, d),
  });
  return { finding, wrongFigure: true };
}

/**
 * What a formula of sums and differences of cells on this sheet gives, reading every figure in the
 * column's unit (Excel adds the numbers as written). Undefined for any other formula, or where a cell
 * holds text or an error, or the formula refers to its own cell.
 */
function evaluateAdditive(grid: Grid, formula: string, col: Column, row: number): { pounds: Money; terms: Term[] } | undefined {
  const parsed = formulaTerms(formula);
  if (!parsed) return undefined;
  let pounds = ZERO;
  const terms: Term[] = [];
  let cells = 0;
  for (const t of parsed) {
    const { start, end } = t.range;
    cells += (end.row - start.row + 1) * (end.col - start.col + 1);
    if (cells > MAX_CELLS || (row >= start.row && row <= end.row && col.col >= start.col && col.col <= end.col)) return undefined;
    for (let r = start.row; r <= end.row; r++) {
      for (let c = start.col; c <= end.col; c++) {
        const a: AmountCell = readAmountCell(grid.cell(r, c), r, c, col.unit);
        if (a.kind === 'missing' && a.formula === undefined && a.reason !== 'suppressed' && a.reason !== 'not-available') continue;
        if (a.kind !== 'amount') return undefined;
        pounds = t.sign === 1 ? pounds.plus(a.pounds) : pounds.minus(a.pounds);
        terms.push(a);
      }
    }
  }
  return { pounds, terms };
}

/** A formula among lines that are all typed: usually deliberate, but the reviewer should know the figure is derived. */
function formulasAmongInputs(table: Table, col: Column, cells: readonly LineCell[]): Candidate[] {
  const formulas = cells.filter((c) => c.formula);
  if (formulas.length !== 1 || cells.length - 1 < MIN_TYPED) return [];
  const [c] = formulas;
  const cell = toA1(c.line.row, col.col);
  const data = { column: columnTitle(col), line: rowName(c.line), cell, formula: c.formula ?? '', count: cells.length - 1 };
  return [{ finding: formulaAmongInputs.report({ sheet: table.sheet, cell }, 'derived', data), wrongFigure: false }];
}

/** A typed figure another rule already reports as wrong (with its own fix) is left to that rule. */
function withoutFigureOverlap(candidates: readonly Candidate[], table: Table, ctx: CheckContext): Finding[] {
  if (!candidates.some((c) => c.wrongFigure)) return candidates.map((c) => c.finding);
  const reported = new Set(
    [...totalRules(table, ctx), ...varianceRules(table, ctx), ...ratioRules(table, ctx)].filter((f) => FIGURE_RULES.has(f.rule)).map((f) => f.cell),
  );
  return candidates.filter((c) => !(c.wrongFigure && reported.has(c.finding.cell))).map((c) => c.finding);
}
