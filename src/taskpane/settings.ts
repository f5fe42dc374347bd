/**
 * The pane's settings: how money is shown and rounded, and when a variance turns amber or red. They
 * start as the model's settings; what the user changes is saved with the workbook (in Excel) or in the
 * browser (outside Excel) and laid over the model in effect.
 */
import { Money } from '../money/decimal';
import { parseAmount } from '../money/parse';
import { UNIT_IDS } from '../money/units';
import type { CommissioningModel, ModelSettings, RagThresholds, RoundingPolicy, UnitId } from '../model/types';

/** Where Excel keeps the pane's settings inside the workbook (Office.context.document.settings). */
export const WORKBOOK_SETTINGS_KEY = 'commissioningWorkbench.settings';

export interface PaneSettings {
  readonly displayUnit: UnitId;
  readonly displayDecimals: number;
  readonly roundingPolicy: RoundingPolicy;
  readonly rag: RagThresholds;
}

/** Most decimal places the pane offers: finer than a penny in £ makes no sense for published tables. */
export const MAX_DISPLAY_DECIMALS = 4;

export function settingsOf(model: CommissioningModel): PaneSettings {
  const { displayUnit, displayDecimals, roundingPolicy, rag } = model.settings;
  return { displayUnit, displayDecimals, roundingPolicy, rag };
}

/** The model with the pane's settings in place of its own (variance convention stays the model's). */
export function withSettings(model: CommissioningModel, settings: PaneSettings | null): CommissioningModel {
  if (!settings) return model;
  const merged: ModelSettings = { ...model.settings, ...settings, rag: { ...settings.rag } };
  return { ...model, settings: merged };
}

/** Plain-English problems with a set of settings; empty when they can be used. */
export function settingsProblems(settings: PaneSettings): string[] {
  const problems: string[] = [];
  if (!UNIT_IDS.includes(settings.displayUnit)) problems.push(`Display unit must be one of ${UNIT_IDS.join(', ')}.`);
  if (!Number.isInteger(settings.displayDecimals) || settings.displayDecimals < 0 || settings.displayDecimals > MAX_DISPLAY_DECIMALS) {
    problems.push(`Decimal places must be a whole number from 0 to ${MAX_DISPLAY_DECIMALS}.`);
  }
  const { amberPct, redPct, amberAbs, redAbs } = settings.rag;
  const figures: [string, string][] = [
    ['Amber at (% of budget)', amberPct],
    ['Red at (% of budget)', redPct],
    ['Amber at (£)', amberAbs],
    ['Red at (£)', redAbs],
  ];
  let allNumbers = true;
  for (const [label, text] of figures) {
    if (!/^\d+(\.\d+)?$/.test(text)) {
      problems.push(`${label} must be a number of zero or more, such as 5 or 100000.`);
      allNumbers = false;
    }
  }
  if (allNumbers) {
    if (new Money(amberPct).gt(new Money(redPct))) problems.push('Amber % must not be above red %: amber warns before red.');
    if (new Money(amberAbs).gt(new Money(redAbs))) problems.push('Amber £ must not be above red £: amber warns before red.');
  }
  return problems;
}

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

/** Settings read back from storage: used only when every field is there and valid. */
export function parseStoredSettings(json: string | null | undefined): PaneSettings | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<PaneSettings>;
  const rag = d.rag as Partial<RagThresholds> | undefined;
  if (
    typeof d.displayUnit !== 'string' ||
    typeof d.displayDecimals !== 'number' ||
    (d.roundingPolicy !== 'as-stated' && d.roundingPolicy !== 'largest-remainder') ||
    !rag ||
    [rag.amberPct, rag.redPct, rag.amberAbs, rag.redAbs].some((v) => typeof v !== 'string')
  ) {
    return null;
  }
  const settings: PaneSettings = {
    displayUnit: d.displayUnit as UnitId,
    displayDecimals: d.displayDecimals,
    roundingPolicy: d.roundingPolicy,
    rag: { amberPct: rag.amberPct!, redPct: rag.redPct!, amberAbs: rag.amberAbs!, redAbs: rag.redAbs! },
  };
  return settingsProblems(settings).length === 0 ? settings : null;
}

export function sameSettings(a: PaneSettings, b: PaneSettings): boolean {
  return (
    a.displayUnit === b.displayUnit &&
    a.displayDecimals === b.displayDecimals &&
    a.roundingPolicy === b.roundingPolicy &&
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
    if (value === undefined) problems[key] = kind === 'percent' ? 'Enter a percentage of zero or more, such as 5.' : 'Enter an amount in pounds of zero or more, such as 100000.';
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
