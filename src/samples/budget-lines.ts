/**
 * The line-level budget behind the key activities: one line per bullet, in whole pounds, with the
 * forecast moved only where the seed states a forecast difference (LCPF re-profiling, the CCF set
 * aside for the VRU). Pure: exact decimals in, exact decimals out.
 */
import Decimal from 'decimal.js';
import type { SourceNote } from '../model/types';
import { asArray, asObject, DataFileError, oneOf, stringField, stringList } from './json-fields';
import type { KeyActivities, StreamBasis } from './key-activities';
import { readSource } from './seed-source';
import { toPounds } from '../money/units';

export interface ForecastAdjustment {
  readonly id: string;
  readonly description: string;
  /** Whole pounds, negative for a forecast below budget. */
  readonly amountPounds: string;
  /** "single": all on the one ref; "pro-rata": apportioned by budget over the refs. */
  readonly method: 'single' | 'pro-rata';
  readonly refs: readonly string[];
  readonly source: SourceNote;
}

export interface BudgetLine {
  readonly ref: string;
  readonly line: string;
  readonly priorityArea: string;
  readonly fundingStream: string;
  readonly streamBasis: StreamBasis;
  readonly programme?: string;
  readonly year: string;
  /** Whole pounds as decimal strings. */
  readonly budget: string;
  readonly forecast: string;
}

export function readForecastAdjustments(value: unknown, where: string): readonly ForecastAdjustment[] {
  const obj = asObject(value, where);
  return asArray(obj.forecastAdjustments, `${where}.forecastAdjustments`).map((item, i) => {
    const at = `${where}.forecastAdjustments[${i}]`;
    const adjustment = asObject(item, at);
    const amountPounds = stringField(adjustment, 'amountPounds', at);
    if (!/^-?\d+$/.test(amountPounds)) throw new DataFileError(`${at}.amountPounds`, `"${amountPounds}" is not whole pounds`);
    const method = oneOf(adjustment, 'method', ['single', 'pro-rata'] as const, at);
    const refs = stringList(adjustment.refs, `${at}.refs`);
    if (method === 'single' && refs.length !== 1) throw new DataFileError(`${at}.refs`, 'a single adjustment names exactly one ref');
    if (refs.length === 0) throw new DataFileError(`${at}.refs`, 'names no budget line');
    return {
      id: stringField(adjustment, 'id', at),
      description: stringField(adjustment, 'description', at),
      amountPounds,
      method,
      refs,
      source: readSource(adjustment.source, `${at}.source`),
    };
  });
}

/**
 * Splits a whole-pound total over weights in proportion, so the parts are whole pounds adding up to
 * the total exactly: each part is rounded towards zero and the pounds left over go to the largest
 * remainders (earlier parts first on a tie).
 */
export function apportionWholePounds(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  const weightSum = weights.reduce((sum, w) => sum.plus(w), new Decimal(0));
  if (weightSum.isZero() || weights.some((w) => w.isNegative())) {
    throw new RangeError('weights must be non-negative and not all zero');
  }
  if (!total.isInteger()) throw new RangeError(`${total.toString()} is not whole pounds`);
  const magnitude = total.abs();
  const exact = weights.map((w) => magnitude.times(w).div(weightSum));
  const parts = exact.map((share) => share.floor());
  let leftOver = magnitude.minus(parts.reduce((sum, p) => sum.plus(p), new Decimal(0))).toNumber();
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share.minus(share.floor()) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftOver === 0) break;
    parts[index] = parts[index].plus(1);
    leftOver -= 1;
  }
  return parts.map((part) => (total.isNegative() ? part.negated() : part));
}

export function buildBudgetLines(activities: KeyActivities, adjustments: readonly ForecastAdjustment[]): BudgetLine[] {
  const lines = activities.priorityAreas.flatMap((area) =>
    area.activities.map((activity) => ({
      ref: activity.ref,
      line: activity.label,
      priorityArea: area.name,
      fundingStream: activity.fundingStream,
      streamBasis: activity.streamBasis,
      ...(activity.programme === undefined ? {} : { programme: activity.programme }),
      year: activities.year,
      budget: toPounds(new Decimal(activity.amountMillions), '£m'),
    })),
  );
  const forecastChange = new Map<string, Decimal>();
  for (const adjustment of adjustments) {
    const budgets = adjustment.refs.map((ref) => {
      const line = lines.find((l) => l.ref === ref);
      if (!line) throw new DataFileError(`forecast adjustment ${adjustment.id}`, `names ${ref}, which is no key activity`);
      return line.budget;
    });
    const amount = new Decimal(adjustment.amountPounds);
    const parts = adjustment.method === 'single' ? [amount] : apportionWholePounds(amount, budgets);
    adjustment.refs.forEach((ref, i) => {
      forecastChange.set(ref, (forecastChange.get(ref) ?? new Decimal(0)).plus(parts[i]));
    });
  }
  return lines.map(({ budget, ...line }) => ({
    ...line,
    budget: budget.toFixed(0),
    forecast: budget.plus(forecastChange.get(line.ref) ?? 0).toFixed(0),
  }));
}
