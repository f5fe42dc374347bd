/** How the pages show figures: money in the display unit of the settings, percentages to one place. */
import type { Money } from '../money/decimal';
import { formatAmountSeen } from '../money/format';
import type { PaneSettings } from '../app/settings';

/**
 * The pane's one way to show money: in the display unit to the display decimals, with separators, negatives
 * with a minus or in brackets as the settings say, and a small amount that is not zero never shown as an
 * unsigned zero (-£22,900 in £m to 1 dp is "-£0.02m"). Settings without `negatives` show a minus.
 */
export function showMoney(pounds: Money, settings: Pick<PaneSettings, 'displayUnit' | 'displayDecimals'> & Partial<Pick<PaneSettings, 'negatives'>>): string {
  return formatAmountSeen(pounds, { unit: settings.displayUnit, decimals: settings.displayDecimals, negative: settings.negatives ?? 'minus' });
}

export function showPercent(value: Money | null): string {
  return value === null ? '–' : `${value.toDecimalPlaces(1).toFixed(1)}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}
