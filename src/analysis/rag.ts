/** RAG status of a variance from the model's thresholds: amber or red once it passes either the percentage or the absolute limit. */
import { Money } from '../money/decimal';
import type { CommissioningModel } from '../model/types';
import type { Rag } from './types';

const HUNDRED = new Money(100);

export interface RagLimits {
  readonly amberPct: Money;
  readonly redPct: Money;
  readonly amberAbs: Money;
  readonly redAbs: Money;
}

export function ragLimits(model: CommissioningModel): RagLimits {
  const rag = model.settings.rag;
  return { amberPct: new Money(rag.amberPct), redPct: new Money(rag.redPct), amberAbs: new Money(rag.amberAbs), redAbs: new Money(rag.redAbs) };
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
