/**
 * Units money is written in: pounds, thousands (as "£k" or as "£000"), millions and billions. Every
 * figure is held in pounds; a unit only says how a column or a cell writes it. Reading a unit from
 * text is here too, in each place text states one: a header or title (`unitFromText`), a row that
 * states nothing else (`unitRowStatement`), a note in passing (`unitInNote`). Number formats are read
 * in sheet/number-format.ts, and amounts with their own unit ("£1.4m") in parse.ts.
 */
import { Money, asMoney } from './decimal';

/** How money is written: pounds, thousands (as £k or £000), millions or billions. */
export type UnitId = '£' | '£k' | '£000' | '£m' | '£bn';

interface Unit {
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
 * "Programme", "£kids") is not a unit. Billions ("£bn", "£b", "£ billion") read as £bn.
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

/** Text that names money ("£ thousands", "thousands of pounds"), not just a scale ("Thousands"). */
export function namesCurrency(text: string): boolean {
  return /£|\bgbp\b|\bpounds?\b|\bsterling\b/i.test(text);
}

/** Words that may stand around a unit in a unit row: "All figures are shown in £ thousands". */
const UNIT_ROW_FILLER =
  /\b(all|figures?|amounts?|values?|numbers?|are|is|shown|stated|expressed|given|in|of|pounds?|sterling|cash|gbp|unless|otherwise|stated|noted|units?|terms|nominal|prices?)\b/g;

/** Unit words without a currency sign, as unit rows write them: "Thousands", "(000s)", "millions". */
// A lone letter is a unit only in brackets: "K" alone above a table is its letter ("Table K").
const BARE_SCALE: readonly { readonly pattern: RegExp; readonly unit: UnitId }[] = [
  { pattern: /^\(?\s*(thousands?|'?000s?)\s*\)?$|^\(\s*k\s*\)$/, unit: '£000' },
  { pattern: /^\(?\s*(millions?)\s*\)?$|^\(\s*m\s*\)$/, unit: '£m' },
  { pattern: /^\(?\s*(billions?|bn)\s*\)?$/, unit: '£bn' },
];

/**
 * The unit a row of text states when the row is about the unit and nothing else: "£000", "£ thousands",
 * "(£ thousand)", "£m", "All figures in £000", "Amounts in thousands of pounds". A title that merely
 * mentions a unit ("Revenue budget (£000)") is not a unit row; its unit is read with unitFromText.
 */
export function unitRowStatement(text: string): UnitId | undefined {
  const lower = text.toLowerCase().replace(UNUSUAL_SPACES, ' ').trim();
  if (lower.length > 60) return undefined;
  const rest = lower
    .replace(UNIT_ROW_FILLER, ' ')
    .replace(/[.:,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const stated = unitFromText(rest);
  if (stated) {
    // Only the unit itself may remain: "£000", "(£m)", "£ thousands".
    const withoutUnit = rest.replace(/£|\(|\)|'|’|\b(thousands?|millions?|billions?|000s?|ms?|k|bn)\b|\d/g, '').trim();
    return withoutUnit === '' ? stated : undefined;
  }
  return BARE_SCALE.find(({ pattern }) => pattern.test(rest))?.unit;
}

/**
 * The unit a note above a table states in passing: "Data in this worksheet is reported in thousands
 * of pounds (£ thousands)", "All amounts £m". Undefined when the note names none.
 */
export function unitInNote(text: string): UnitId | undefined {
  const lower = text.toLowerCase();
  const phrase = /\b(thousands|millions|billions) of pounds\b/.exec(lower)?.[1];
  if (phrase) return phrase === 'thousands' ? '£000' : phrase === 'millions' ? '£m' : '£bn';
  return /\b(reported|shown|given|expressed|stated|figures|amounts|data|values)\b/.test(lower) ? unitFromText(text) : undefined;
}

/** Units as headers write them: "(£m)", "(£ thousands)", "£'000s", "£m", "£", "GBP m". */
const UNIT_TEXT = /\(\s*£[^)]*\)|£\s*'?000s?|£\s*(?:ms?|k|million|thousands?)?\b|\bgbp\b(?:\s*(?:m|k|000))?/gi;

/** Header text with the units it states replaced by spaces, so "2019/20 Budget £m" reads as its words. */
export function withoutUnitText(text: string): string {
  return text.replace(UNIT_TEXT, ' ');
}
