/** Figures as a reader of the generated tables sees them: rounded to the display unit. */
import { Money, ZERO } from '../../money/decimal';
import { formatAmount, roundToUnit } from '../../money/format';
import type { MoneyDisplay } from './context';

/** DESIGN.md's footnote wherever the displayed parts do not add up to the displayed total. */
export const ROUNDING_NOTE = 'Figures may not sum due to rounding.';

export function showMoney(pounds: Money, display: MoneyDisplay): string {
  return formatAmount(pounds, { unit: display.unit, decimals: display.decimals });
}

/**
 * Two figures shown with enough decimals to tell them apart: £17.9m and £18.1m at the display's
 * precision, but £53.60m and £53.63m where one decimal would show both as £53.6m.
 */
export function showPair(a: Money, b: Money, display: MoneyDisplay): [string, string] {
  for (let decimals = display.decimals; decimals < display.decimals + 6; decimals++) {
    const shown: [string, string] = [showMoney(a, { ...display, decimals }), showMoney(b, { ...display, decimals })];
    if (shown[0] !== shown[1] || a.eq(b)) return shown;
  }
  return [formatAmount(a, { unit: '£', decimals: 2 }), formatAmount(b, { unit: '£', decimals: 2 })];
}

/** Whether the parts, each rounded for display, fail to add up to the total rounded for display. */
export function displayedPartsDiffer(parts: readonly (Money | null)[], total: Money, display: MoneyDisplay): boolean {
  let shownSum = ZERO;
  for (const part of parts) if (part) shownSum = shownSum.plus(roundToUnit(part, display.unit, display.decimals));
  return !shownSum.eq(roundToUnit(total, display.unit, display.decimals));
}

/** The fewest decimals (at least the display's) that show every figure as written: 0.64 needs two in £m. */
export function decimalsFor(steps: readonly Money[], display: MoneyDisplay, factor: Money, most = 4): number {
  let decimals = display.decimals;
  for (const step of steps) {
    if (step.isZero()) continue;
    const inUnit = new Money(step).div(factor);
    decimals = Math.max(decimals, Math.min(most, inUnit.decimalPlaces()));
  }
  return decimals;
}
