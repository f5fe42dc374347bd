/**
 * Units money is written in: pounds, thousands (as "£k" or as "£000") and millions. Every figure is
 * held in pounds; a unit only says how a column or a cell writes it.
 */
import { Money, asMoney } from './decimal';

/** How money is written: pounds, thousands (as £k or £000), millions or billions. */
export type UnitId = '£' | '£k' | '£000' | '£m' | '£bn';

export interface Unit {
  readonly id: UnitId;
  /** Pounds per unit: 1, 1000 or 1000000. */
  readonly factor: Money;
  /** Plain English, for messages: "millions of pounds". */
  readonly label: string;
  /** What follows a displayed figure: "m" for £1.4m, "k" for £400k, nothing for £ and £000. */
  readonly suffix: string;
}

export const UNITS: Readonly<Record<UnitId, Unit>> = {
  '£': { id: '£', factor: new Money(1), label: 'pounds', suffix: '' },
  '£k': { id: '£k', factor: new Money(1000), label: 'thousands of pounds', suffix: 'k' },
  '£000': { id: '£000', factor: new Money(1000), label: "thousands of pounds (£'000)", suffix: '' },
  '£m': { id: '£m', factor: new Money(1_000_000), label: 'millions of pounds', suffix: 'm' },
  '£bn': { id: '£bn', factor: new Money(1_000_000_000), label: 'billions of pounds', suffix: 'bn' },
};

export const UNIT_IDS: readonly UnitId[] = ['£', '£k', '£000', '£m', '£bn'];

/** The same factors as plain numbers, for integer arithmetic on whole pence (money/pence.ts). */
export const POUNDS_PER_UNIT = Object.fromEntries(UNIT_IDS.map((id) => [id, UNITS[id].factor.toNumber()])) as Readonly<Record<UnitId, number>>;

export function isUnitId(value: unknown): value is UnitId {
  return typeof value === 'string' && (UNIT_IDS as readonly string[]).includes(value);
}

// Taken into Money first: a Decimal from another constructor would compute with that one's precision.
export function toPounds(value: Money, unit: UnitId): Money {
  return asMoney(value).times(UNITS[unit].factor);
}

export function fromPounds(pounds: Money, unit: UnitId): Money {
  const own = asMoney(pounds);
  return unit === '£' ? own : own.div(UNITS[unit].factor);
}

/** Spaces people paste from other documents: no-break, figure, thin and narrow no-break spaces. */
const UNUSUAL_SPACES = /[\u00a0\u2007\u2009\u202f]/g;

/** What may follow "£" or "GBP" (after optional spaces) to name a scale; the scale must end the word. */
const SCALE_AFTER_CURRENCY: readonly { readonly pattern: RegExp; readonly unit: UnitId }[] = [
  { pattern: /^(?:ms?|mns?|mill?|millions?)(?![a-z0-9])/, unit: '£m' },
  { pattern: /^(?:ks?|thousands?)(?![a-z0-9])/, unit: '£k' },
  { pattern: /^['’]?000(?:['’]?s)?(?![a-z0-9])/, unit: '£000' },
  { pattern: /^(?:bn|billions?)(?![a-z0-9])/, unit: '£bn' },
];

/** Scales stated in brackets without a currency sign: "Budget (m)", "(£'000)" is handled above. */
const BRACKETED_SCALE: readonly { readonly pattern: RegExp; readonly unit: UnitId }[] = [
  { pattern: /\(\s*(?:ms?|mns?|millions?)\s*\)/, unit: '£m' },
  { pattern: /\(\s*(?:ks?|thousands?)\s*\)/, unit: '£k' },
  { pattern: /\(\s*['’]?000(?:['’]?s)?\s*\)/, unit: '£000' },
  { pattern: /\(\s*(?:bn|billions?)\s*\)/, unit: '£bn' },
];

const CURRENCY_MARKER = /£|(?<![a-z])gbp/g;

/**
 * Finds the unit a header, unit cell or title states: "Allocation £m", "(£m)", "£ms", "£ million",
 * "£k", "£000", "£'000", "£000s", "GBP m", "Budget (£)", "£" alone, "Budget (m)". Case-insensitive;
 * the first unit in the text wins.
 *
 * An amount such as "£1.4m" or "(£15.0m)" is a figure, not a statement of the unit, and is skipped:
 * a title "VAWG fund (£15.0m)" states no unit. A letter m or k inside a word ("Management",
 * "Programme", "£kids") is not a unit. Billions ("£bn") have no UnitId, so they are skipped too and the
 * result is undefined unless another unit is stated.
 */
export function unitFromText(text: string): UnitId | undefined {
  const normalised = text.replace(UNUSUAL_SPACES, ' ').toLowerCase();
  const candidates: { index: number; unit: UnitId }[] = [];

  const afterCurrency = firstUnitAfterCurrencyMarker(normalised);
  if (afterCurrency) candidates.push(afterCurrency);
  for (const { pattern, unit } of BRACKETED_SCALE) {
    const match = pattern.exec(normalised);
    if (match) candidates.push({ index: match.index, unit });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.unit;
}

function firstUnitAfterCurrencyMarker(normalised: string): { index: number; unit: UnitId } | undefined {
  for (const marker of normalised.matchAll(CURRENCY_MARKER)) {
    const index = marker.index;
    let next = index + marker[0].length;
    while (normalised[next] === ' ') next += 1;
    // Unit words are short; a bounded look keeps this linear however long the text.
    const rest = normalised.slice(next, next + 16);
    const scale = SCALE_AFTER_CURRENCY.find(({ pattern }) => pattern.test(rest));
    if (scale) return { index, unit: scale.unit };
    if (/^(?:bn|b|billions?)(?![a-z0-9])/.test(rest)) return { index, unit: '£bn' };
    // "£1.4m", "£ 0.5", "£.5": an amount, not a unit statement.
    if (/^[-+−]?\.?\d/.test(rest)) continue;
    // "GBPUSD" is a word, not a currency; "£" is currency whatever follows it.
    if (marker[0] === 'gbp' && next === index + 3 && /^[a-z]/.test(rest)) continue;
    return { index, unit: '£' };
  }
  return undefined;
}
