/**
 * Reading what a user types into the pane's settings: thresholds as the model stores them, with a
 * problem per field. The settings themselves, and how they are stored, are app/settings.ts.
 */
import type { PaneSettings } from '../app/settings';
import { Money } from '../money/decimal';
import { parseAmount } from '../money/parse';
import type { RagThresholds } from '../model/types';

/**
 * A threshold typed by a user, as the plain decimal the model stores: "5", "5%", "£100,000", "£0.5m"
 * (pounds for the absolute limits). Undefined when the text is not a figure.
 */
export function thresholdFromInput(text: string, kind: 'percent' | 'pounds'): string | undefined {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '') return undefined;
  const parsed = parseAmount(trimmed, '£');
  if (parsed.kind !== 'amount' || parsed.pounds.isNegative()) return undefined;
  // A percentage typed as "5" parses as £5; only its figure matters.
  return kind === 'percent' ? parsed.value.toString() : parsed.pounds.toString();
}

export function sameSettings(a: PaneSettings, b: PaneSettings): boolean {
  return (
    a.displayUnit === b.displayUnit &&
    a.displayDecimals === b.displayDecimals &&
    a.roundingPolicy === b.roundingPolicy &&
    a.negatives === b.negatives &&
    a.rag.amberPct === b.rag.amberPct &&
    a.rag.redPct === b.rag.redPct &&
    a.rag.amberAbs === b.rag.amberAbs &&
    a.rag.redAbs === b.rag.redAbs
  );
}

export type RagKey = keyof RagThresholds;

/**
 * Thresholds typed by a user, read as the model stores them, with a problem per field where one is
 * not a figure or amber would come after red.
 */
export function ragFromInputs(inputs: Readonly<Record<RagKey, string>>): { rag?: RagThresholds; problems: Partial<Record<RagKey, string>> } {
  const problems: Partial<Record<RagKey, string>> = {};
  const read = (key: RagKey, kind: 'percent' | 'pounds'): string | undefined => {
    const value = thresholdFromInput(inputs[key], kind);
    if (value === undefined)
      problems[key] = kind === 'percent' ? 'Enter a percentage of zero or more, such as 5.' : 'Enter an amount in pounds of zero or more, such as 100,000.';
    return value;
  };
  const amberPct = read('amberPct', 'percent');
  const redPct = read('redPct', 'percent');
  const amberAbs = read('amberAbs', 'pounds');
  const redAbs = read('redAbs', 'pounds');
  if (amberPct !== undefined && redPct !== undefined && new Money(amberPct).gt(new Money(redPct))) problems.redPct = 'Red must be at or above amber.';
  if (amberAbs !== undefined && redAbs !== undefined && new Money(amberAbs).gt(new Money(redAbs))) problems.redAbs = 'Red must be at or above amber.';
  if (Object.keys(problems).length > 0 || amberPct === undefined || redPct === undefined || amberAbs === undefined || redAbs === undefined) {
    return { problems };
  }
  return { rag: { amberPct, redPct, amberAbs, redAbs }, problems };
}
