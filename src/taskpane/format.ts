/** How the pages show figures: money in the display unit of the settings, percentages to one place. */
import type { Money } from '../money/decimal';
import { formatAmount } from '../money/format';
import type { PaneSettings } from '../app/settings';

export function showMoney(pounds: Money, settings: Pick<PaneSettings, 'displayUnit' | 'displayDecimals'>): string {
  return formatAmount(pounds, { unit: settings.displayUnit, decimals: settings.displayDecimals });
}

export function showPercent(value: Money | null): string {
  return value === null ? '–' : `${value.toDecimalPlaces(1).toFixed(1)}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}
