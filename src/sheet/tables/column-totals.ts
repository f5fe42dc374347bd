/**
 * Totals across columns: a Total column over years, a full-year forecast over quarters, an outturn
 * form's C3 = C1 + C2 and C7 = C3 − C6, surplus = income − costs. Found from formulas in the column
 * (=SUM(B5:E5), =C5-B5), else by search: a column that equals a run of other columns, or the
 * difference of two, in nearly every row. A row where such an identity breaks is then a finding.
 */
import type { Money } from '../../money/decimal';
import { screeningFloat } from '../../money/pence';
import { columnsAggregated } from './formula-terms';
import type { AmountCell, Column, ColumnTotal } from './types';

export interface RowFigures {
  readonly row: number;
  readonly amounts: ReadonlyMap<number, AmountCell>;
}

/** Beyond this many rows only formulas are read: searching every combination costs too much. */
const SEARCH_ROWS = 5000;
/** Beyond this many money columns the search would try too many combinations. */
const SEARCH_COLUMNS = 40;

/** Pairs of columns apart are tried only among this many: beyond, two columns agree by chance. */
const PAIR_COLUMNS = 24;

interface Candidate {
  readonly col: number;
  readonly adds: readonly number[];
  readonly subtracts: readonly number[];
}

export function findColumnTotals(rows: readonly RowFigures[], measureCols: readonly Column[]): ColumnTotal[] {
  if (measureCols.length < 3) return [];
  const found: ColumnTotal[] = [];
  const targets = new Set<number>();
  for (const col of measureCols) {
    const fromFormula = formulaIdentity(rows, col, measureCols);
    if (fromFormula) {
      found.push({ ...fromFormula, evidence: 'formula' });
      targets.add(col.col);
    }
  }
  if (rows.length > SEARCH_ROWS || measureCols.length > SEARCH_COLUMNS) return found;
  const values = floatValues(rows, measureCols);
  // Totals stand to the right of what they add: look from the right, so D = B + C is found before its
  // rearrangement B = D − C, which says nothing more and is then skipped.
  for (const col of [...measureCols].reverse()) {
    // A variance column is read as the difference it is (its own rule reports it, not this one).
    if (targets.has(col.col)) continue;
    const identity = searchIdentity(col, measureCols, values, found);
    if (identity) {
      found.push({ ...identity, evidence: 'arithmetic' });
      targets.add(col.col);
    }
  }
  // A group's column that adds its namesakes in the other groups ("Aged 16-24" = 16-17 + 18-24) is
  // found wherever it stands (the search above leaves out its rearrangements, 18-24 = 16-24 − 16-17).
  for (const col of measureCols) {
    if (targets.has(col.col)) continue;
    const namesakes = namesakeTotal(col, measureCols);
    if (namesakes && breaksOf(namesakes, values.get(col.col) ?? [], values) !== undefined) {
      found.push({ ...namesakes, evidence: 'arithmetic' });
      targets.add(col.col);
    }
  }
  searchTotalsOfTotals(measureCols, values, found, targets);
  return found.map((t) => overSubtotals(t, found));
}

/**
 * A total found by arithmetic, stated over the subtotal columns it spans: Grand = A total + B + C1 + C2
 * reads Grand = A total + B + C total where C total = C1 + C2, the way the table is built.
 */
function overSubtotals(total: ColumnTotal, found: readonly ColumnTotal[]): ColumnTotal {
  if (total.evidence !== 'arithmetic' || total.subtracts.length > 0) return total;
  let adds = [...total.adds];
  for (const sub of found) {
    if (sub === total || sub.subtracts.length > 0 || sub.col === total.col || adds.includes(sub.col)) continue;
    if (!sub.adds.every((c) => adds.includes(c))) continue;
    adds = [...adds.filter((c) => !sub.adds.includes(c)), sub.col].sort((a, b) => a - b);
  }
  return adds.length === total.adds.length && adds.every((c, i) => c === total.adds[i]) ? total : { ...total, adds };
}

/**
 * A grand total over subtotal columns (Y = N + O + S + X, where N, S and X total the columns before
 * them): once those totals are known, their parts drop out and what is left is searched again.
 */
function searchTotalsOfTotals(measureCols: readonly Column[], values: Map<number, (Figure | undefined)[]>, found: ColumnTotal[], targets: Set<number>): void {
  if (found.length === 0) return;
  const parts = new Set(found.flatMap((t) => [...t.adds, ...t.subtracts]));
  const collapsed = measureCols.filter((c) => !parts.has(c.col));
  if (collapsed.length < 3 || collapsed.length === measureCols.length) return;
  for (const col of [...collapsed].reverse()) {
    if (targets.has(col.col)) continue;
    const identity = searchIdentity(col, collapsed, values, found);
    if (identity && identity.adds.some((c) => targets.has(c))) {
      found.push({ ...identity, evidence: 'arithmetic' });
      targets.add(col.col);
    }
  }
}

/** The identity most of a column's formulas state, when they all add or subtract cells of their own row. */
function formulaIdentity(rows: readonly RowFigures[], col: Column, measureCols: readonly Column[]): Candidate | undefined {
  const isMeasure = new Set(measureCols.map((c) => c.col));
  const counts = new Map<string, { candidate: Candidate; n: number }>();
  let formulas = 0;
  for (const r of rows) {
    const a = r.amounts.get(col.col);
    const formula = a && (a.kind === 'amount' || a.kind === 'missing') ? a.formula : undefined;
    if (!formula) continue;
    formulas++;
    const refs = columnsAggregated(formula, r.row);
    if (!refs || ![...refs.adds, ...refs.subtracts].every((c) => isMeasure.has(c) && c !== col.col)) continue;
    const key = `${refs.adds.join(',')}-${refs.subtracts.join(',')}`;
    const entry = counts.get(key) ?? { candidate: { col: col.col, adds: refs.adds, subtracts: refs.subtracts }, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n * 2 > formulas ? best.candidate : undefined;
}

/** A figure as a float, with half its rounding step: screening allows rounding, the rules judge exactly. */
export interface Figure {
  readonly value: number;
  readonly half: number;
}

/** Each row's figures as floats, for screening combinations; exact checks come later, in the rules. */
export function floatValues(rows: readonly RowFigures[], measureCols: readonly Column[]): Map<number, (Figure | undefined)[]> {
  const values = new Map<number, (Figure | undefined)[]>();
  const halves = new Map<Money, number>();
  const halfOf = (step: Money): number => {
    let half = halves.get(step);
    if (half === undefined) halves.set(step, (half = step.toNumber() / 2));
    return half;
  };
  for (const col of measureCols) {
    values.set(
      col.col,
      rows.map((r) => {
        const a = r.amounts.get(col.col);
        return a?.kind === 'amount' ? { value: screeningFloat(a), half: halfOf(a.step) } : undefined;
      }),
    );
  }
  return values;
}

/** Candidate identities for a column, most usual first: runs of columns beside it, then differences. */
function candidatesFor(target: Column, measureCols: readonly Column[]): Candidate[] {
  // Variances are tied to budgets and forecasts by a rule of their own; they make no other identity.
  // Money adds to money and counts to counts: never one with the other.
  const others = measureCols.filter((c) => c.col !== target.col && c.kind === target.kind && c.role !== 'variance');
  const position = measureCols.indexOf(target);
  const runs: Candidate[] = [];
  for (let start = 0; start < others.length; start++) {
    for (let end = start + 1; end < others.length; end++) {
      const run = others.slice(start, end + 1);
      // A run must be contiguous among the money columns, not straddling the target.
      const straddles = measureCols.indexOf(run[0]) < position && measureCols.indexOf(run[run.length - 1]) > position;
      if (straddles) continue;
      runs.push({ col: target.col, adds: run.map((c) => c.col), subtracts: [] });
    }
  }
  // Runs that end beside the target first ("Total" after the years), longest first.
  runs.sort((a, b) => distance(a, target) - distance(b, target) || b.adds.length - a.adds.length);

  // Differences are searched only in narrow tables or under a header that names one (net, surplus,
  // change): among dozens of columns, mostly zero, some pair agrees by chance.
  const differences: Candidate[] = [];
  if (others.length <= 8 || target.role === 'variance' || /\b(net|surplus|deficit|change|difference|movement|balance|variance)\b/i.test(target.header)) {
    for (const a of others)
      for (const b of others) if (a !== b && !namesakes(target, a, b)) differences.push({ col: target.col, adds: [a.col], subtracts: [b.col] });
  }
  // Two columns apart, with others between them (Total waiting = within 18 weeks + over 18 weeks, a
  // per cent and an estimate between): tried after runs, among no more columns than differences are.
  const pairs: Candidate[] = [];
  if (others.length <= PAIR_COLUMNS) {
    for (let a = 0; a < others.length; a++) {
      for (let b = a + 2; b < others.length; b++) {
        const straddles = measureCols.indexOf(others[a]) < position && measureCols.indexOf(others[b]) > position;
        if (!straddles) pairs.push({ col: target.col, adds: [others[a].col, others[b].col], subtracts: [] });
      }
    }
  }
  return [...runs, ...pairs, ...differences];
}

/** Three columns of one name under three groups: a total of two of them, not a difference. */
function namesakes(...cols: readonly Column[]): boolean {
  const groups = new Set(cols.map((c) => c.group));
  return groups.size === cols.length && !groups.has(undefined) && new Set(cols.map(ownName)).size === 1;
}

/** A column under one group as the total of the columns of the same name under the others. */
function namesakeTotal(target: Column, measureCols: readonly Column[]): Candidate | undefined {
  if (target.group === undefined) return undefined;
  const namesakes = measureCols.filter(
    (c) => c !== target && c.kind === target.kind && c.group !== undefined && c.group !== target.group && ownName(c) === ownName(target),
  );
  return namesakes.length >= 2 ? { col: target.col, adds: namesakes.map((c) => c.col), subtracts: [] } : undefined;
}

/** A column's header without the group heading over it. */
function ownName(c: Column): string {
  return c.group && c.header.startsWith(`${c.group} / `) ? c.header.slice(c.group.length + 3) : c.header;
}

function distance(c: Candidate, target: Column): number {
  return Math.min(...c.adds.map((col) => Math.abs(col - target.col)));
}

/**
 * The candidate that holds in nearly every row: at least three rows with figures other than zero, at
 * most one row in ten (or one row) where it breaks (those the rules report), and every part other than
 * zero in some row where it holds, so "Total = A + B" with B all zero is not taken. Among runs, the one
 * that breaks least wins (a run that leaves out a column of mostly zeros breaks where it is not zero).
 */
function searchIdentity(
  target: Column,
  measureCols: readonly Column[],
  values: Map<number, (Figure | undefined)[]>,
  known: readonly Candidate[],
): Candidate | undefined {
  const knownSets = new Set(known.map(columnSet));
  let best: { candidate: Candidate; breaks: number } | undefined;
  for (const candidate of candidatesFor(target, measureCols)) {
    if (knownSets.has(columnSet(candidate))) continue;
    const isRun = candidate.subtracts.length === 0;
    if (!isRun && best) break;
    const breaks = breaksOf(candidate, values.get(target.col) ?? [], values);
    if (breaks !== undefined && (!best || breaks < best.breaks)) best = { candidate, breaks };
  }
  return best?.candidate;
}

/** How many rows a candidate breaks in, or undefined when it is not an identity of the table. */
function breaksOf(candidate: Candidate, t: readonly (Figure | undefined)[], values: Map<number, (Figure | undefined)[]>): number | undefined {
  const parts = [
    ...candidate.adds.map((c) => ({ v: values.get(c) ?? [], sign: 1 })),
    ...candidate.subtracts.map((c) => ({ v: values.get(c) ?? [], sign: -1 })),
  ];
  let holds = 0;
  let breaks = 0;
  const counted = new Uint8Array(parts.length);
  for (let i = 0; i < t.length; i++) {
    const stated = t[i];
    if (stated === undefined) continue;
    let sum = 0;
    let bound = 0.005 + stated.half;
    let complete = true;
    for (const p of parts) {
      const f = p.v[i];
      if (f === undefined) {
        complete = false;
        break;
      }
      sum += p.sign * f.value;
      bound += f.half;
    }
    if (!complete) continue;
    if (Math.abs(stated.value - sum) > bound) {
      breaks++;
      continue;
    }
    if (stated.value !== 0) holds++;
    parts.forEach((p, k) => {
      if ((p.v[i]?.value ?? 0) !== 0) counted[k] = 1;
    });
  }
  const everyPartCounts = counted.every((c) => c === 1);
  return everyPartCounts && holds >= 3 && breaks <= Math.max(1, Math.floor((holds + breaks) / 10)) ? breaks : undefined;
}

/** The columns an identity ties together, whichever of them is written as the total. */
function columnSet(c: Candidate): string {
  return [c.col, ...c.adds, ...c.subtracts].sort((a, b) => a - b).join(',');
}
