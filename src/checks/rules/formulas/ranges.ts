/**
 * formula-range and formula-double-count: a total's SUM that leaves out lines of its block, takes in
 * another total or the header, or adds a subtotal together with the lines it already adds.
 *
 * The structure layer reads a total's SUM range as the rows it adds, so the stated figure always agrees
 * with its "lines" and totals.ts cannot see such a fault. Here the block is worked out again from
 * position alone (the lines between the total and the previous total, heading or header), and only a
 * clear case is reported: nothing but lines, without a gap, between the range and where its block ends.
 */
import { rangeToA1, toA1, type RangeRef } from '../../../sheet/a1';
import type { Grid } from '../../../sheet/grid';
import { NOTHING, readAmountCell } from '../../../sheet/tables/amount-cell';
import { formulaTerms } from '../../../sheet/tables/formula-terms';
import { totalWords } from '../../../sheet/tables/header-roles';
import type { AmountCell, Column, Table, TableRow } from '../../../sheet/tables/types';
import { ZERO } from '../../../money/decimal';
import { compareStated, sumPounds, type Term } from '../../../money/tolerance';
import type { CheckContext } from '../../context';
import type { Finding, Severity } from '../../finding';
import { columnTitle, decimalsFor, inUnit, money } from '../../present';
import type { TableRule } from '../rule';
import { totalRules } from '../totals';

/** What a row is to a SUM down one column. */
type RowClass = 'line' | 'total' | 'header' | 'other' | 'empty';

/** Lines that are not part of a block's sum by their nature: memoranda, balances brought forward. */
const NOT_ADDED =
  /^\s*(of which|memo\b|memorandum|n\.?b\.?\b|note\b|for information|excluding|including)|brought forward|carried forward|\bb\/f\b|\bc\/f\b|opening balance/i;
/** The widest range read: beyond it a formula is not a table total. */
const MAX_SPAN = 5000;

interface Scope {
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
interface TotalFormula {
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
interface Candidate {
  readonly finding: Finding;
  readonly seenByTotals: boolean;
}

export const rangeRules: TableRule = (table, ctx) => {
  const grid = ctx.grids.get(table.sheet);
  if (!grid || !table.rows.some((r) => r.kind === 'total')) return [];
  const scope = scopeOf(table, grid);
  const cols = table.columns.filter((c) => c.kind === 'money' && !c.hidden);
  const candidates: Candidate[] = [];
  for (const total of table.rows) {
    if (total.kind !== 'total') continue;
    for (const col of cols) {
      const tf = readTotalFormula(scope, total, col);
      if (!tf) continue;
      const found = doubleCount(scope, tf) ?? reachIntoTotal(scope, tf) ?? reachIntoHeader(scope, tf) ?? omission(scope, tf);
      if (found) candidates.push(found);
    }
  }
  return withoutTotalsOverlap(candidates, table, ctx);
};

function scopeOf(table: Table, grid: Grid): Scope {
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
function readTotalFormula(scope: Scope, total: TableRow, col: Column): TotalFormula | undefined {
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

function classOf(scope: Scope, r: number, col: Column): RowClass {
  if (scope.headerRows.has(r)) return 'header';
  const row = scope.byRow.get(r);
  if (!row) return typeof scope.grid.value(r, col.col) === 'number' ? 'other' : 'empty';
  // Text in the column (a date line read as a line) is not a figure a SUM could have left out.
  if (row.kind === 'line') return NOT_ADDED.test(row.label) || row.amounts.kindOf(col.col) === 'invalid' ? 'other' : 'line';
  if (row.kind === 'total') return 'total';
  return row.kind === 'header' ? 'header' : 'other';
}

/** A total the structure is sure of: its own formula, or words that say so. */
function isCredibleTotal(row: TableRow | undefined): row is TableRow {
  return (
    row !== undefined &&
    row.kind === 'total' &&
    (row.sums?.length ?? 0) > 0 &&
    (row.subtracts?.length ?? 0) === 0 &&
    (row.evidence === 'formula' || totalWords(row.label) !== undefined)
  );
}

/** A total that adds a subtotal and (some of) the rows that subtotal already adds. */
function doubleCount(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const covered = new Set(tf.covered);
  const twice = new Set<number>();
  const subtotals: TableRow[] = [];
  for (const r of tf.covered) {
    const sub = scope.byRow.get(r);
    if (!isCredibleTotal(sub)) continue;
    // A subtotal that adds a total among its own lines is that subtotal's fault (formula-range there), not this one's.
    const mixed = (sub.sums ?? []).some((x) => scope.byRow.get(x)?.kind === 'line');
    const inside = (sub.sums ?? []).filter((x) => covered.has(x) && !(mixed && scope.byRow.get(x)?.kind === 'total'));
    if (inside.length === 0) continue;
    subtotals.push(sub);
    for (const x of inside) twice.add(x);
  }
  if (twice.size === 0) return undefined;
  const kept = tf.covered.filter((r) => !twice.has(r) && isAdded(classOf(scope, r, tf.col)));
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const doubled = [...twice].sort((a, b) => a - b);
  const effect = figureEffect(scope, tf, doubled, -1, kept);
  const what = subtotals.map((s) => `${nameOf(s)} in ${toA1(s.row, tf.col.col)} already adds ${rowsText(s.sums ?? [], tf.col.col)}`).join('; ');
  const message =
    `${totalName(tf)} in ${tf.cell} adds ${formulaText(tf)}, which counts figures twice: ${what}, and the formula adds ${doubled.length === 1 ? 'that row' : 'those rows'} as well. ` +
    `${effect.sentence} ${fix} adds each figure once.`;
  return { finding: finding(scope, tf, 'formula-double-count', effect, message, fix), seenByTotals: false };
}

/**
 * A total that takes in the total of another block as well as lines of its own. Reported only where that
 * is clearly wrong: a later total adds both (so the other block is counted twice there), or the range
 * crosses a section heading. "Subtotal + contingency = Total" is a common honest shape.
 */
function reachIntoTotal(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const edge = tf.below ? tf.covered[0] : tf.covered[tf.covered.length - 1];
  const other = scope.byRow.get(edge);
  if (!isCredibleTotal(other) || other.row === tf.total.row) return undefined;
  const rest = tf.covered.filter((r) => r !== edge);
  const classes = rest.map((r) => classOf(scope, r, tf.col));
  if (!classes.includes('line') || classes.some((c) => c === 'total' || c === 'header')) return undefined;
  const later = scope.table.rows.find(
    (g) => g.kind === 'total' && g !== tf.total && g !== other && (g.sums ?? []).includes(other.row) && (g.sums ?? []).includes(tf.total.row),
  );
  const heading = scope.table.rows.find((s) => s.kind === 'section' && s.row > Math.min(edge, tf.total.row) && s.row < Math.max(edge, tf.total.row));
  if (!later && !heading) return undefined;
  const kept = rest.filter((r) => isAdded(classOf(scope, r, tf.col)));
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const effect = figureEffect(scope, tf, [edge], -1, kept);
  const why = later
    ? `${nameOf(later)} in ${toA1(later.row, tf.col.col)} adds both, so ${nameOf(other)} is counted twice there`
    : `the range runs back across the heading “${heading?.label ?? ''}” into another block`;
  const message =
    `${totalName(tf)} in ${tf.cell} adds ${formulaText(tf)}, which takes in ${nameOf(other)} in ${toA1(edge, tf.col.col)}, the total of another block, as well as its own lines: ${why}. ` +
    `${effect.sentence} ${fix} adds only its own lines.`;
  return { finding: finding(scope, tf, 'formula-range', effect, message, fix), seenByTotals: false };
}

/** A total whose range runs up (or down) into the header rows. */
function reachIntoHeader(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const classes = tf.covered.map((r) => classOf(scope, r, tf.col));
  const headers = tf.covered.filter((_, i) => classes[i] === 'header');
  if (headers.length === 0 || !classes.includes('line') || classes.includes('total')) return undefined;
  const kept = tf.covered.filter((_, i) => classes[i] === 'line');
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const effect = figureEffect(scope, tf, headers, -1, kept);
  const message =
    `${totalName(tf)} in ${tf.cell} adds ${formulaText(tf)}, which reaches into the header (${rowsText(headers, tf.col.col)}). ${effect.sentence} ` +
    `${fix} adds only the lines.`;
  return { finding: finding(scope, tf, 'formula-range', effect, message, fix), seenByTotals: false };
}

/** Lines of the total's block that its range stops short of, on either side. */
function omission(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const classes = tf.covered.map((r) => classOf(scope, r, tf.col));
  if (!classes.includes('line') || classes.some((c) => c !== 'line' && c !== 'empty' && c !== 'other')) return undefined;
  const firstLine = tf.covered[classes.indexOf('line')];
  const lo = tf.covered[0];
  const hi = tf.covered[tf.covered.length - 1];
  // Toward the total: lines between the range and the total, then nothing but blank rows.
  const near = tf.below ? nearRun(scope, tf, hi + 1, tf.total.row, 1) : nearRun(scope, tf, lo - 1, tf.total.row, -1);
  // Away from it: lines just beyond the range, back to the previous total, heading or header.
  const far = tf.below ? farRun(scope, tf, lo - 1, -1) : farRun(scope, tf, hi + 1, 1);
  const left = [...near, ...far].filter((r) => !addedElsewhere(scope, r, tf, firstLine)).sort((a, b) => a - b);
  if (left.length === 0 || left.length !== near.length + far.length) return undefined;
  const kept = [...tf.covered.filter((_, i) => classes[i] === 'line'), ...left].sort((a, b) => a - b);
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const effect = figureEffect(scope, tf, left, 1, kept);
  const blockEnd =
    far.length > 0 && near.length === 0 ? `start at ${toA1(left[0], tf.col.col)}` : `run to ${toA1(tf.below ? kept[kept.length - 1] : kept[0], tf.col.col)}`;
  const message =
    `${totalName(tf)} in ${tf.cell} adds ${formulaText(tf)} but the lines of its block ${far.length > 0 && near.length > 0 ? `run from ${toA1(kept[0], tf.col.col)} to ${toA1(kept[kept.length - 1], tf.col.col)}` : blockEnd}: ` +
    `${itemsText(scope, left, tf.col)} ${left.length === 1 ? 'is' : 'are'} left out. ${effect.sentence}`;
  const seenByTotals = left.every((r) => (tf.total.sums ?? []).includes(r));
  return { finding: finding(scope, tf, 'formula-range', effect, message, fix), seenByTotals };
}

/** Lines from `from` stepping toward the total, followed only by blank rows up to it; none if anything else is there. */
function nearRun(scope: Scope, tf: TotalFormula, from: number, to: number, step: 1 | -1): number[] {
  const run: number[] = [];
  let r = from;
  for (; r !== to && classOf(scope, r, tf.col) === 'line'; r += step) run.push(r);
  for (; r !== to; r += step) if (classOf(scope, r, tf.col) !== 'empty') return [];
  return run;
}

/** Lines from `from` stepping away from the total, when what lies beyond them (past blank rows) closes the block. */
function farRun(scope: Scope, tf: TotalFormula, from: number, step: 1 | -1): number[] {
  const run: number[] = [];
  let r = from;
  for (; r >= scope.firstRow && r <= scope.lastRow && classOf(scope, r, tf.col) === 'line'; r += step) run.push(r);
  if (run.length === 0) return run;
  for (; r >= scope.firstRow && r <= scope.lastRow; r += step) {
    const c = classOf(scope, r, tf.col);
    if (c === 'empty') continue;
    const row = scope.byRow.get(r);
    return c === 'header' || c === 'total' || row?.kind === 'section' ? run : [];
  }
  // The table's edge closes the block of a total above its lines; lines above a total end at the header.
  return step === 1 ? run : [];
}

/** A line another total adds, where that total does not add this one's lines too: it belongs to another block. */
function addedElsewhere(scope: Scope, r: number, tf: TotalFormula, firstLine: number): boolean {
  return (scope.addedBy.get(r) ?? []).some((t) => t !== tf.total && !(t.sums ?? []).includes(firstLine));
}

function isAdded(c: RowClass): boolean {
  return c === 'line' || c === 'total';
}

/** The corrected formula: runs of rows as SUM ranges, across blank rows and headings (a SUM skips their text). */
function sumFormula(scope: Scope, col: Column, rows: readonly number[]): string | undefined {
  if (rows.length === 0) return undefined;
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const bridge = (from: number, to: number): boolean => {
    for (let r = from + 1; r < to; r++)
      if (isAdded(classOf(scope, r, col)) || classOf(scope, r, col) === 'header' || typeof scope.grid.value(r, col.col) === 'number') return false;
    return true;
  };
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && bridge(last[1], r)) last[1] = r;
    else runs.push([r, r]);
  }
  const parts = runs.map(([a, b]) => (a === b ? toA1(a, col.col) : `SUM(${toA1(a, col.col)}:${toA1(b, col.col)})`));
  return `=${parts.length === 1 && runs[0][0] === runs[0][1] ? parts[0] : parts.join('+')}`;
}

interface Effect {
  readonly severity: Severity;
  readonly sentence: string;
  readonly expected?: string;
  readonly actual?: string;
}

/**
 * How the fix changes the figure: rows left out (sign +1) or counted twice (sign −1). An error when the
 * change is beyond half a penny or what rounding of the figures involved could explain; otherwise the
 * figure is right today and the formula is the fault (a warning).
 */
function figureEffect(scope: Scope, tf: TotalFormula, rows: readonly number[], sign: 1 | -1, kept: readonly number[]): Effect {
  const moved = sumPounds(rows.map((r) => termAt(scope, r, tf.col)));
  const statedCell = amountAt(scope, tf.total.row, tf.col);
  const stated: Term | undefined = statedCell.kind === 'amount' ? statedCell : undefined;
  const base = stated?.pounds ?? ZERO;
  const corrected = sign === 1 ? base.plus(moved) : base.minus(moved);
  const c = compareStated(
    stated ?? NOTHING,
    corrected,
    kept.map((r) => termAt(scope, r, tf.col)),
  );
  const unit = tf.col.unit;
  const rowsWord = rows.length === 1 ? 'it' : 'them';
  if (c.verdict === 'equal') {
    const quiet =
      sign === 1
        ? `${rows.length === 1 ? 'It is' : 'They are'} blank or zero today, so the figure is right, but it will not follow ${rows.length === 1 ? 'it when it changes' : 'them when they change'}.`
        : 'They add nothing today, so the figure is right, but it will be wrong once they do.';
    return { severity: 'warning', sentence: quiet };
  }
  const d = decimalsFor(unit, base, corrected, moved);
  const how = sign === 1 ? `with ${rowsWord}, it` : 'counting each figure once, it';
  const sentence = stated
    ? `It shows ${money(base, unit, d)}; ${how} would be ${money(corrected, unit, d)}.`
    : `The fix changes the figure by ${money(moved.abs(), unit, d)}.`;
  return {
    severity: c.verdict === 'error' ? 'error' : 'warning',
    sentence,
    ...(stated ? { expected: inUnit(corrected, unit), actual: inUnit(base, unit) } : {}),
  };
}

function finding(scope: Scope, tf: TotalFormula, rule: 'formula-range' | 'formula-double-count', effect: Effect, message: string, fix: string): Finding {
  return {
    rule,
    severity: effect.severity,
    sheet: scope.table.sheet,
    cell: tf.cell,
    message,
    ...(effect.expected !== undefined ? { expected: effect.expected, actual: effect.actual, unit: tf.col.unit } : {}),
    suggestion: fix,
  };
}

function amountAt(scope: Scope, r: number, col: Column): AmountCell {
  return scope.byRow.get(r)?.amounts.get(col.col) ?? readAmountCell(scope.grid.cell(r, col.col), r, col.col, col.unit);
}

/** What a row adds to a SUM: its figure, or nothing (SUM passes over blanks and text). */
function termAt(scope: Scope, r: number, col: Column): Term {
  const a = amountAt(scope, r, col);
  return a.kind === 'amount' ? a : NOTHING;
}

function nameOf(row: TableRow): string {
  return row.label === '' ? `row ${row.row + 1}` : `“${row.label}”`;
}

function totalName(tf: TotalFormula): string {
  return `${tf.total.label === '' ? 'Total' : tf.total.label} (${columnTitle(tf.col)})`;
}

/** The formula as a reviewer reads it: "C5:C10" for a plain SUM of one range, else the formula. */
function formulaText(tf: TotalFormula): string {
  return tf.ranges.length === 1 && /^\s*=?\s*SUM\(/i.test(tf.formula) ? rangeToA1(tf.ranges[0]) : `=${tf.formula.replace(/^=/, '')}`;
}

/** Rows as cells: "C5:C8" for a run, else "C5, C7 and C9". */
function rowsText(rows: readonly number[], col: number): string {
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.length > 1 && sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1)) return `${toA1(sorted[0], col)}:${toA1(sorted[sorted.length - 1], col)}`;
  return listText(sorted.map((r) => toA1(r, col)));
}

/** “Victim services” (£12,300), “Outreach” (blank). */
function itemsText(scope: Scope, rows: readonly number[], col: Column): string {
  const items = rows.map((r) => {
    const row = scope.byRow.get(r);
    const a = amountAt(scope, r, col);
    const figure = a.kind === 'amount' ? money(a.pounds, col.unit, decimalsFor(col.unit, a.pounds)) : 'blank';
    return `${row && row.label !== '' ? `“${row.label}”` : `row ${r + 1}`} in ${toA1(r, col.col)} (${figure})`;
  });
  return listText(items);
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const shown = items.length > 5 ? [...items.slice(0, 4), `${items.length - 4} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Where totals.ts compared the stated figure with the same lines (a SUM stopping short of the total is
 * read as adding the lines it skips) and reported a difference, that finding stands for the omission.
 */
function withoutTotalsOverlap(candidates: readonly Candidate[], table: Table, ctx: CheckContext): Finding[] {
  if (!candidates.some((c) => c.seenByTotals)) return candidates.map((c) => c.finding);
  const reported = new Set(
    totalRules(table, ctx)
      .filter((f) => f.rule === 'total-mismatch' || f.rule === 'total-rounding')
      .map((f) => f.cell),
  );
  return candidates.filter((c) => !(c.seenByTotals && reported.has(c.finding.cell))).map((c) => c.finding);
}
