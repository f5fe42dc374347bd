/** RAG status of a variance from the model's thresholds: amber or red once it passes either the percentage or the absolute limit. */
import { Money } from '../money/decimal';
import { absPence, isZeroFigure, penceOfPounds, type Figure } from '../money/pence';
import type { CommissioningModel } from '../model/types';

/** A variance's status against the model's thresholds. */
export type Rag = 'green' | 'amber' | 'red';

/** A status in words: never shown by colour alone. */
export const RAG_WORD: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Amber', red: 'Red' };

const HUNDRED = new Money(100);

export interface RagLimits {
  readonly amberPct: Money;
  readonly redPct: Money;
  readonly amberAbs: Money;
  readonly redAbs: Money;
  /** The same limits for whole-pence figures: absolute limits in pence, percentages as exact fractions. */
  readonly inPence?: PenceLimits;
}

interface PenceLimits {
  readonly amberAbs: bigint;
  readonly redAbs: bigint;
  readonly amberPct: Fraction;
  readonly redPct: Fraction;
}

interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function fractionOf(value: Money): Fraction {
  const [n, d] = value.toFraction();
  return { numerator: BigInt(n.toFixed(0)), denominator: BigInt(d.toFixed(0)) };
}

export function ragLimits(model: CommissioningModel): RagLimits {
  const rag = model.settings.rag;
  const limits = { amberPct: new Money(rag.amberPct), redPct: new Money(rag.redPct), amberAbs: new Money(rag.amberAbs), redAbs: new Money(rag.redAbs) };
  const amberAbs = penceOfPounds(limits.amberAbs);
  const redAbs = penceOfPounds(limits.redAbs);
  if (amberAbs === undefined || redAbs === undefined) return limits;
  return { ...limits, inPence: { amberAbs, redAbs, amberPct: fractionOf(limits.amberPct), redPct: fractionOf(limits.redPct) } };
}

/** ragFor for figures, in exact integer pence where both are whole pence (the same verdict, far cheaper). */
export function ragForFigures(variance: Figure, budget: Figure, limits: RagLimits): Rag {
  if (isZeroFigure(variance)) return 'green';
  const size = absPence(variance);
  const budgetSize = absPence(budget);
  const inPence = limits.inPence;
  if (size === undefined || budgetSize === undefined || inPence === undefined) return ragFor(variance.pounds, budget.pounds, limits);
  // size ≥ pct% of budget: size × 100 × denominator ≥ numerator × |budget|.
  const passes = (pct: Fraction, abs: bigint): boolean => size >= abs || budgetSize === 0n || size * 100n * pct.denominator >= pct.numerator * budgetSize;
  if (passes(inPence.redPct, inPence.redAbs)) return 'red';
  if (passes(inPence.amberPct, inPence.amberAbs)) return 'amber';
  return 'green';
}

export function ragFor(variance: Money, budget: Money, limits: RagLimits): Rag {
  const size = variance.abs();
  if (size.isZero()) return 'green';
  // size ≥ pct% of budget, compared without dividing: size × 100 ≥ pct × |budget|.
  const scaled = size.times(HUNDRED);
  const budgetSize = budget.abs();
  const passes = (pct: Money, abs: Money): boolean => size.gte(abs) || budgetSize.isZero() || scaled.gte(pct.times(budgetSize));
  if (passes(limits.redPct, limits.redAbs)) return 'red';
  if (passes(limits.amberPct, limits.amberAbs)) return 'amber';
  return 'green';
}

/** variance ÷ budget × 100, or null for a zero budget. */
export function percentOf(part: Money, whole: Money): Money | null {
  return whole.isZero() ? null : part.div(whole.abs()).times(HUNDRED);
}
