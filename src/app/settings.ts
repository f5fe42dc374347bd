/**
 * The settings a user lays over the model in effect: how money is shown and rounded, and when a variance
 * turns amber or red. Set in the pane, saved with the workbook (in Excel) or in the browser, and used by
 * the pane and the ribbon command alike; reading and writing where they are kept belongs to each host.
 */
import { Money } from '../money/decimal';
import { UNIT_IDS } from '../money/units';
import type { CommissioningModel, ModelSettings, RagThresholds, RoundingPolicy } from '../model/types';
import type { UnitId } from '../money/units';
import { NEGATIVE_STYLES, type NegativeStyle } from '../money/format';

/** Where Excel keeps the pane's settings inside the workbook (Office.context.document.settings). */
export const WORKBOOK_SETTINGS_KEY = 'commissioningWorkbench.settings';

export interface PaneSettings {
  readonly displayUnit: UnitId;
  readonly displayDecimals: number;
  readonly roundingPolicy: RoundingPolicy;
  readonly rag: RagThresholds;
  /** Negative amounts as "-£1.0m" or "(£1.0m)", in the pane's figures and the check's messages alike. */
  readonly negatives: NegativeStyle;
}

/** Most decimal places the pane offers: finer than a penny in £ makes no sense for published tables. */
export const MAX_DISPLAY_DECIMALS = 4;

export function settingsOf(model: CommissioningModel): PaneSettings {
  const { displayUnit, displayDecimals, roundingPolicy, rag, negatives } = model.settings;
  return { displayUnit, displayDecimals, roundingPolicy, rag, negatives: negatives ?? 'minus' };
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
  if (!NEGATIVE_STYLES.includes(settings.negatives)) problems.push('Negatives must be shown with a minus or in brackets.');
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
    displayUnit: d.displayUnit,
    displayDecimals: d.displayDecimals,
    roundingPolicy: d.roundingPolicy,
    rag: { amberPct: rag.amberPct!, redPct: rag.redPct!, amberAbs: rag.amberAbs!, redAbs: rag.redAbs! },
    // Settings saved before negatives could be chosen show them as they were shown then, with a minus.
    negatives: d.negatives ?? 'minus',
  };
  return settingsProblems(settings).length === 0 ? settings : null;
}
