/**
 * Real errors versus rounding (DESIGN.md "Tolerance"). Arithmetic is exact. Full-precision figures
 * must agree to half a penny; figures stored already rounded may honestly differ by up to half a
 * unit of their last digit each.
 */
import { Money, ZERO } from './decimal';
import { ExactSum, absPence, figureMinus, penceOfPounds, type Figure } from './pence';

export const HALF_PENNY = new Money('0.005');

export interface Term extends Figure {
  /** Pounds value of the figure's last written digit; zero when stored at full precision. */
  readonly step: Money;
}

type Verdict = 'equal' | 'rounding' | 'error';

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
  const total = new ExactSum();
  for (const t of terms) total.add(t);
  return total.pounds;
}

/**
 * A running total of figures that remembers what their rounding could hide: the sum, half of each
 * rounded figure's step, how many were rounded and whether they share a step. Large tables add their
 * lines once and compare many times.
 */
export class TermTotal {
  private readonly sum = new ExactSum();
  private halfStepsSoFar: Money = ZERO;
  /** A run of terms with the same step, added to halfSteps in one multiplication when read. */
  private runStep: Money | undefined;
  private runTerms = 0;
  roundedTerms = 0;
  count = 0;
  commonStep: Money | undefined;
  mixedSteps = false;

  static of(terms: Iterable<Term>): TermTotal {
    const total = new TermTotal();
    for (const t of terms) total.add(t);
    return total;
  }

  add(t: Term): void {
    this.count++;
    this.sum.add(t);
    this.addStep(t.step, 1);
  }

  get pounds(): Money {
    return this.sum.pounds;
  }

  get pence(): bigint | undefined {
    return this.sum.pence;
  }

  /** Half of each rounded figure's step, summed: the most their rounding could hide. */
  get halfSteps(): Money {
    this.settleRun();
    return this.halfStepsSoFar;
  }

  set halfSteps(value: Money) {
    this.settleRun();
    this.halfStepsSoFar = value;
  }

  merge(other: TermTotal): void {
    this.count += other.count;
    this.sum.addSum(other.sum);
    this.halfSteps = this.halfSteps.plus(other.halfSteps);
    this.roundedTerms += other.roundedTerms;
    if (other.mixedSteps) this.mixedSteps = true;
    if (other.commonStep) this.noteStep(other.commonStep);
  }

  /** Counts a step in the bound without adding a figure (the stated side of a comparison). */
  addStep(step: Money, terms: number): void {
    if (step.isZero()) return;
    this.roundedTerms += terms;
    // Steps are shared objects, and a column's figures mostly share one: count the run, multiply once.
    if (step === this.runStep) {
      this.runTerms += terms;
    } else {
      this.settleRun();
      this.runStep = step;
      this.runTerms = terms;
    }
    this.noteStep(step);
  }

  private settleRun(): void {
    if (this.runStep === undefined) return;
    const half = halfOf(this.runStep);
    this.halfStepsSoFar = this.halfStepsSoFar.plus(this.runTerms === 1 ? half : half.times(this.runTerms));
    this.runStep = undefined;
    this.runTerms = 0;
  }

  private noteStep(step: Money): void {
    if (this.commonStep === undefined) this.commonStep = step;
    else if (this.commonStep !== step && !this.commonStep.eq(step)) this.mixedSteps = true;
  }
}

/** Steps are few (one per unit and precision in use): halve each once, found by the object first. */
const halvesByStep = new Map<Money, Money>();
const halves = new Map<string, Money>();
function halfOf(step: Money): Money {
  const known = halvesByStep.get(step);
  if (known !== undefined) return known;
  const key = step.toString();
  let half = halves.get(key);
  if (half === undefined) {
    half = step.div(2);
    if (halves.size < 1000) halves.set(key, half);
  }
  if (halvesByStep.size < 1000) halvesByStep.set(step, half);
  return half;
}

const halfPenceByStep = new Map<Money, bigint | undefined>();

/** Half a step in whole pence (steps are £0.10 or coarser, so their halves are whole pence), once per step. */
function halfStepPence(step: Money): bigint | undefined {
  if (halfPenceByStep.has(step)) return halfPenceByStep.get(step);
  const half = penceOfPounds(halfOf(step));
  if (halfPenceByStep.size < 1000) halfPenceByStep.set(step, half);
  return half;
}

/**
 * compareStated's question, "is this an error?", answered in whole pence when the figures and the halves
 * of their steps all are: the same verdict without building a comparison (a large table asks it for
 * every row). Undefined when it cannot be answered so; then ask compareStated.
 */
export function isErrorInPence(stated: Figure, computed: Figure, steps: readonly Money[]): boolean | undefined {
  const difference = absPence(figureMinus(stated, computed));
  if (difference === undefined) return undefined;
  if (difference === 0n) return false;
  let bound = 0n;
  let rounded = 0;
  for (const step of steps) {
    if (step.isZero()) continue;
    const half = halfStepPence(step);
    if (half === undefined) return undefined;
    bound += half;
    rounded++;
  }
  // A whole-pence difference is at least a penny, more than the half penny full-precision figures allow.
  return rounded === 0 || difference > bound;
}

/** Compares a stated figure with the figure computed from `parts`; every figure involved contributes to the bound. */
export function compareStated(stated: Term, computed: Money, parts: readonly Term[]): Comparison {
  // Only the parts' steps matter here (the caller has the computed figure), so nothing is summed.
  const steps = new TermTotal();
  for (const part of parts) steps.addStep(part.step, 1);
  return compareWithTotal(stated, computed, steps);
}

/** As compareStated, with the parts already totalled. */
export function compareWithTotal(stated: Term, computed: Money, parts: TermTotal): Comparison {
  const involved = new TermTotal();
  involved.halfSteps = parts.halfSteps;
  involved.roundedTerms = parts.roundedTerms;
  involved.commonStep = parts.commonStep;
  involved.mixedSteps = parts.mixedSteps;
  involved.addStep(stated.step, 1);
  if (stated.pounds.eq(computed)) {
    return { verdict: 'equal', difference: ZERO, bound: involved.roundedTerms > 0 ? involved.halfSteps : HALF_PENNY, roundedTerms: involved.roundedTerms };
  }
  const difference = stated.pounds.minus(computed);
  const size = difference.abs();
  let verdict: Verdict;
  if (size.lte(HALF_PENNY)) verdict = 'equal';
  else if (involved.roundedTerms > 0 && size.lte(involved.halfSteps)) verdict = 'rounding';
  else verdict = 'error';
  return {
    verdict,
    difference,
    bound: involved.roundedTerms > 0 ? involved.halfSteps : HALF_PENNY,
    roundedTerms: involved.roundedTerms,
    ...(involved.commonStep && !involved.mixedSteps ? { commonStep: involved.commonStep } : {}),
  };
}

/** How precisely the model states a figure: taken from its trailing zeros, at most to the nearest £0.1m. */
export function modelStep(amount: Money): Money {
  let step = new Money(1);
  const cap = new Money(100000);
  while (step.lt(cap) && amount.mod(step.times(10)).isZero()) step = step.times(10);
  return amount.isZero() ? ZERO : step.eq(1) ? ZERO : step;
}
