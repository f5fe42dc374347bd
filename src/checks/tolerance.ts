/**
 * Real errors versus rounding (DESIGN.md "Tolerance"). Arithmetic is exact. Full-precision figures
 * must agree to half a penny; figures stored already rounded may honestly differ by up to half a
 * unit of their last digit each.
 */
import { Money, ZERO } from '../money/decimal';

export const HALF_PENNY = new Money('0.005');

export interface Term {
  readonly pounds: Money;
  /** Pounds value of the figure's last written digit; zero when stored at full precision. */
  readonly step: Money;
}

export type Verdict = 'equal' | 'rounding' | 'error';

export interface Comparison {
  readonly verdict: Verdict;
  /** stated − computed, in pounds. */
  readonly difference: Money;
  /** The most that rounding of the figures involved could explain, in pounds. */
  readonly bound: Money;
  /** How many of the figures involved were stored rounded, and whether they share one step. */
  readonly roundedTerms: number;
  readonly commonStep?: Money;
}

export function sumPounds(terms: readonly Term[]): Money {
  let total = ZERO;
  for (const t of terms) total = total.plus(t.pounds);
  return total;
}

/** Compares a stated figure with one computed from `parts`; every figure involved contributes to the bound. */
export function compareStated(stated: Term, computed: Money, parts: readonly Term[]): Comparison {
  const involved = [stated, ...parts];
  let bound = ZERO;
  let roundedTerms = 0;
  let commonStep: Money | undefined;
  let mixed = false;
  for (const t of involved) {
    if (t.step.isZero()) continue;
    roundedTerms++;
    bound = bound.plus(t.step.div(2));
    if (commonStep === undefined) commonStep = t.step;
    else if (!commonStep.eq(t.step)) mixed = true;
  }
  const difference = stated.pounds.minus(computed);
  const size = difference.abs();
  let verdict: Verdict;
  if (size.lte(HALF_PENNY)) verdict = 'equal';
  else if (roundedTerms > 0 && size.lte(bound)) verdict = 'rounding';
  else verdict = 'error';
  return {
    verdict,
    difference,
    bound: roundedTerms > 0 ? bound : HALF_PENNY,
    roundedTerms,
    ...(commonStep && !mixed ? { commonStep } : {}),
  };
}
