/**
 * What correcting a total's range does: the corrected formula, and how the figure moves. The sentence
 * saying so is shared by formula-range and formula-double-count, so its wording lives here, as templates.
 */
import { toA1 } from '../../../sheet/a1';
import { NOTHING } from '../../../sheet/tables/amount-cell';
import type { Column } from '../../../sheet/tables/types';
import { ZERO } from '../../../money/decimal';
import { compareStated, sumPounds, type Term } from '../../../money/tolerance';
import type { Severity } from '../../finding';
import { decimalsFor, inUnit, money } from '../../present';
import { fillTemplate, formulaFix, type FindingPlace } from '../meta';
import { amountAt, classOf, isAdded, termAt, type Scope, type TotalFormula } from './range-scope';

const EFFECT = {
  /** Rows left out hold nothing today. */
  quietOne: 'It is blank or zero today, so the figure is right, but it will not follow it when it changes.',
  quietSome: 'They are blank or zero today, so the figure is right, but it will not follow them when they change.',
  /** Rows counted twice hold nothing today. */
  quietTwice: 'They add nothing today, so the figure is right, but it will be wrong once they do.',
  withIt: 'It shows {stated}; with it, it would be {corrected}.',
  withThem: 'It shows {stated}; with them, it would be {corrected}.',
  countedOnce: 'It shows {stated}; counting each figure once, it would be {corrected}.',
  /** The total's cell holds no figure to state. */
  changeBy: 'The fix changes the figure by {change}.',
} as const;

interface Effect {
  readonly severity: Severity;
  readonly sentence: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly decimals?: number;
}

/** The corrected formula: runs of rows as SUM ranges, across blank rows and headings (a SUM skips their text). */
export function sumFormula(scope: Scope, col: Column, rows: readonly number[]): string | undefined {
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

/**
 * How the fix changes the figure: rows left out (sign +1) or counted twice (sign −1). An error when the
 * change is beyond half a penny or what rounding of the figures involved could explain; otherwise the
 * figure is right today and the formula is the fault (a warning).
 */
export function figureEffect(scope: Scope, tf: TotalFormula, rows: readonly number[], sign: 1 | -1, kept: readonly number[]): Effect {
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
  if (c.verdict === 'equal') {
    const quiet = sign === -1 ? EFFECT.quietTwice : rows.length === 1 ? EFFECT.quietOne : EFFECT.quietSome;
    return { severity: 'warning', sentence: quiet };
  }
  const unit = tf.col.unit;
  const d = decimalsFor(tf.col, base, corrected, moved);
  const severity = c.verdict === 'error' ? 'error' : 'warning';
  if (!stated) return { severity, sentence: fillTemplate(EFFECT.changeBy, { change: money(moved.abs(), unit, d) }) };
  const template = sign === -1 ? EFFECT.countedOnce : rows.length === 1 ? EFFECT.withIt : EFFECT.withThem;
  const sentence = fillTemplate(template, { stated: money(base, unit, d), corrected: money(corrected, unit, d) });
  return { severity, sentence, expected: inUnit(corrected, unit), actual: inUnit(base, unit), decimals: d };
}

/** Where a range finding is, with the figures its effect states and the corrected formula. */
export function placeOf(scope: Scope, tf: TotalFormula, effect: Effect, fix: string): FindingPlace {
  return {
    sheet: scope.table.sheet,
    cell: tf.cell,
    severity: effect.severity,
    ...(effect.expected !== undefined && effect.actual !== undefined
      ? { expected: effect.expected, actual: effect.actual, unit: tf.col.unit, ...(effect.decimals !== undefined ? { decimals: effect.decimals } : {}) }
      : {}),
    ...formulaFix(fix),
  };
}
