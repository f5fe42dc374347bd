/**
 * Amounts written as text, read one way at heart (digits grouped in threes, one decimal point, brackets
 * for a negative) in the three dialects that deliberately differ:
 *
 * - `parseAmount`: a cell as finance staff write it ("£1.4m", "(1.0)", "1,234.5", "£400k", "TBC"). The
 *   result says exactly what was written, so checks can tell a real error from rounding (see `step`)
 *   and a missing figure from a zero.
 * - `excelTextAsNumber`: text as Excel's arithmetic coerces it ("12.5%", "1.2E3"; "1.2m" and "TBC" are
 *   #VALUE!), so a recalculated formula gives Excel's result, not what a person would mean.
 * - `decimalAmountOfTyped` and `isDecimalAmount`: the model's own amounts, exact decimal strings in
 *   pounds ("-1234.50"), kept digit for digit as typed.
 */
import { Money, ZERO, fromNumber, withoutNegativeZero } from './decimal';
import { UNITS, isUnitId, type UnitId } from './units';

export type ParsedAmount =
  | {
      readonly kind: 'amount';
      readonly pounds: Money;
      /** The amount in the context unit: "£400k" in a £m column has value 0.4. */
      readonly value: Money;
      /** The unit the figure was written in: the inline unit ("£400k" → £k), else the context unit. */
      readonly writtenUnit: UnitId;
      /** Decimal places as written: "£1.4m" → 1, "1,400" → 0. */
      readonly decimals: number;
      /**
       * Pounds value of one unit in the last written digit: "£1.4m" → 100000, "1,234.5" in £ → 0.1,
       * 0.35 in £m → 10000. Half of it bounds the rounding a figure written this way can hide.
       * Zero for "nil", which states an exact zero.
       */
      readonly step: Money;
    }
  | {
      readonly kind: 'missing';
      /** As written, trimmed; '' for a blank cell. */
      readonly placeholder: string;
      /** Why there is no figure: see MissingReason. */
      readonly reason: MissingReason;
    }
  | { readonly kind: 'invalid'; readonly text: string; /** Plain English for a reviewer. */ readonly reason: string };

/**
 * Why a cell holds no figure (GSS and finance conventions): `blank`, a figure still `to-come` (TBC, TBA),
 * `not-available` ("..", "…", "n/a", "NA", ":"), `not-applicable` (GSS "z": there is no such figure, so
 * it adds nothing to a total), or `suppressed` for disclosure ("x", "[c]"). Only blanks and figures to
 * come are gaps a reviewer must fill; the others are left out and listed.
 */
export type MissingReason = 'blank' | 'to-come' | 'not-available' | 'not-applicable' | 'suppressed';

/** Spaces pasted from other documents: no-break, figure, thin, narrow no-break. */
const UNUSUAL_SPACES = /[\u00a0\u2007\u2009\u202f]/g;

/** Hyphen-minus, the Unicode minus sign, the figure dash and the en dash all mean minus before a number. */
const MINUS_SIGNS = '-−‒–';
const SIGN_CLASS = '[+\\-−‒–]';

const DASH_PLACEHOLDERS = new Set(['-', '--', '---', '−', '‒', '–', '—', '――', '―']);

/** Text that stands for a figure not yet known. */
const TO_COME = new Set(['tbc', 'tba', 'tbd', 'to follow']);
/** Not available: the GSS "..", "…", ":" and "[x]" and their words. "n/a" is read as this, the cautious reading. */
const NOT_AVAILABLE = new Set(['..', '...', '…', ':', 'n/a', 'na', 'n.a.', 'n.a', 'n/k', 'nk', 'not available', '[x]']);
/** Not applicable: GSS "z" and "[z]". */
const NOT_APPLICABLE = new Set(['z', '[z]', 'not applicable']);
/** Suppressed to protect confidentiality (GSS "[c]", older "x" and "*"). GSS "[z]" and "[x]" are not applicable or not available. */
const SUPPRESSED = new Set(['x', '[c]', '*']);

/**
 * In UK public-sector tables "nil" and a lone dash state zero (a nil return, a nil allocation), so they
 * parse as an exact 0.
 */
const NIL_WORDS = new Set(['nil']);

interface Scale {
  readonly factor: Money;
  readonly unit: UnitId;
}

/** Scale words after a figure, with pounds per unit and the UnitId reported as `writtenUnit`. */
const SCALES: ReadonlyMap<string, Scale> = new Map<string, Scale>([
  ...['m', 'mn', 'mns', 'mil', 'mill', 'million', 'millions'].map((word) => [word, { factor: UNITS['£m'].factor, unit: '£m' }] as const),
  ...['k', 'thousand', 'thousands'].map((word) => [word, { factor: UNITS['£k'].factor, unit: '£k' }] as const),
  ...['b', 'bn', 'billion', 'billions'].map((word) => [word, { factor: UNITS['£bn'].factor, unit: '£bn' }] as const),
]);

/** Beyond this many digits a figure is not money, and exact arithmetic at 40 digits could not hold it. */
const MAX_DIGITS = 30;
/** Longer text is a note, not a figure; refusing it early keeps parsing fast on any cell. */
const MAX_TEXT_LENGTH = 100;

const AMOUNT_SHAPE = new RegExp(
  '^(?<open>\\()?\\s*' +
    `(?<signBefore>${SIGN_CLASS})?\\s*` +
    '(?<currency>£|gbp)?\\s*' +
    `(?<signAfter>${SIGN_CLASS})?\\s*` +
    '(?<digits>[0-9.,]+)\\s*' +
    '(?<scale>[a-z]+)?\\s*' +
    '(?<close>\\))?$',
  'i',
);

const EXCEL_ERROR = /^#(?:null!|div\/0!|value!|ref!|name\?|num!|n\/a|spill!|calc!|getting_data)$/i;

/**
 * Reads an amount written in `contextUnit` (the column's or table's unit). Never throws: anything
 * that is not an amount comes back as `invalid` with a reason, blanks and placeholders as `missing`.
 *
 * - Numbers are read as their shortest text (0.1 is exactly 0.1); NaN and Infinity are invalid.
 * - Text: optional brackets (negative) or sign (-, +, −, –), optional £ or GBP, digits with
 *   optional comma thousands separators and decimal point, optional scale (m, mn, million, k,
 *   thousand, bn, billion; any case). "£1.4m", "(£1.0m)", "-£0.5m", "£-0.5m", "1,234.5", "£400K".
 * - An inline scale overrides the context unit; a bare "£" does not ("£1,400" in a £000 column is
 *   £1.4m, as Excel's thousands formats display it).
 * - Blank and TBC, TBA, TBD are `missing`; so are "..", "…", ":", "n/a", "NA" (not available) and
 *   "x", "[c]" (suppressed), each with its reason. Dashes (-, –, —) and "nil" are an exact zero.
 * - Comma grouping must be in threes ("1,23,4" is invalid); several decimal points, percentages,
 *   words and Excel errors are invalid.
 */
export function parseAmount(input: string | number | null | undefined, contextUnit: UnitId): ParsedAmount {
  if (!isUnitId(contextUnit)) {
    return invalid(safeString(input), `“${safeString(contextUnit)}” is not a unit this tool knows (£, £k, £000 or £m)`);
  }
  if (input === null || input === undefined) return BLANK;
  if (typeof input === 'number') return parseNumber(input, contextUnit);
  if (typeof input === 'string') return parseText(input, contextUnit);
  return invalidNonText(input);
}

/** True for a placeholder that is a dash ("-", "–", "—", "£ -"): in a total row it means zero. */
export function isDashPlaceholder(placeholder: string): boolean {
  const bare = placeholder.replace(UNUSUAL_SPACES, ' ').replace(/£|\s/g, '');
  return DASH_PLACEHOLDERS.has(bare);
}

const BLANK: ParsedAmount = { kind: 'missing', placeholder: '', reason: 'blank' };
/** An exact zero written in `unit`: "-", "–", "nil". */
function nilIn(unit: UnitId): ParsedAmount {
  return { kind: 'amount', pounds: ZERO, value: ZERO, writtenUnit: unit, decimals: 0, step: ZERO };
}

/** Why text stands for no figure, or undefined when it is not a placeholder. */
function missingReason(lowerText: string): MissingReason | undefined {
  if (TO_COME.has(lowerText)) return 'to-come';
  if (NOT_AVAILABLE.has(lowerText)) return 'not-available';
  if (NOT_APPLICABLE.has(lowerText)) return 'not-applicable';
  if (SUPPRESSED.has(lowerText)) return 'suppressed';
  // GSS shorthand in square brackets that the sheet explains ("[n] indicates that no traffic was
  // reported", "[w]", "[low]"), or a note reference standing where a figure would be ("[Note 2]").
  if (/^\[(?:[a-z]{1,4}|note \d+[a-z]?)\]$/.test(lowerText)) return 'not-available';
  return undefined;
}

function parseNumber(input: number, contextUnit: UnitId): ParsedAmount {
  if (Number.isNaN(input)) return invalid('NaN', 'the cell holds NaN (not a number), which is not an amount');
  if (!Number.isFinite(input)) return invalid(String(input), `${String(input)} is not an amount`);
  const written = fromNumber(input);
  return amount(written, contextUnit, UNITS[contextUnit].factor, written.decimalPlaces(), contextUnit);
}

function parseText(original: string, contextUnit: UnitId): ParsedAmount {
  const trimmed = original.replace(UNUSUAL_SPACES, ' ').trim();
  if (trimmed === '') return BLANK;
  if (trimmed.length > MAX_TEXT_LENGTH) return invalid(original, `${quote(trimmed)} is too long to be an amount`);
  // One space between tokens keeps the amount pattern's optional spaces from backtracking.
  const text = trimmed.replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const reason = missingReason(lower);
  if (reason) return { kind: 'missing', placeholder: trimmed, reason };
  if (isDashPlaceholder(text) || NIL_WORDS.has(lower)) return nilIn(contextUnit);
  if (EXCEL_ERROR.test(text)) return invalid(original, `${quote(text)} is an Excel error, not an amount`);

  const shape = AMOUNT_SHAPE.exec(text);
  if (!shape?.groups) return invalid(original, reasonForUnreadable(text));
  const { open, close, signBefore, signAfter, digits = '', scale } = shape.groups;

  if (Boolean(open) !== Boolean(close)) return invalid(original, `${quote(text)} has an unmatched bracket`);
  if (signBefore && signAfter) return invalid(original, `${quote(text)} has more than one sign`);
  const sign = signBefore ?? signAfter;
  if (open && sign) {
    return invalid(original, `${quote(text)} has both brackets and a sign: write (1.0) or -1.0 for a negative`);
  }

  const number = readDigits(digits);
  if (typeof number === 'string') return invalid(original, `${quote(text)} ${number}`);

  let factor = UNITS[contextUnit].factor;
  let writtenUnit = contextUnit;
  if (scale !== undefined) {
    const known = SCALES.get(scale.toLowerCase());
    if (!known) {
      return invalid(original, `${quote(text)} is not an amount: “${scale}” is not a unit (write m, k or bn)`);
    }
    factor = known.factor;
    writtenUnit = known.unit;
  }

  const negative = Boolean(open) || (sign !== undefined && MINUS_SIGNS.includes(sign));
  const magnitude = number.magnitude;
  return amount(negative ? magnitude.negated() : magnitude, contextUnit, factor, number.decimals, writtenUnit);
}

/** Digits with optional comma grouping and one decimal point; a string result is the reason it is not a number. */
function readDigits(digits: string): { magnitude: Money; decimals: number } | string {
  const split = splitDigits(digits);
  if (typeof split === 'string') return split;
  const { whole, fraction } = split;
  if (whole.length + fraction.length > MAX_DIGITS) return `has more than ${MAX_DIGITS} digits`;
  const magnitude = new Money(`${whole || '0'}${fraction ? `.${fraction}` : ''}`);
  return { magnitude, decimals: fraction.length };
}

/**
 * The core every reading of written digits shares: optional comma grouping, in threes, before one
 * optional decimal point. Gives the whole part without its commas and the fraction, either possibly
 * empty but not both; a string result is the reason the digits are not a number.
 */
function splitDigits(digits: string): { whole: string; fraction: string } | string {
  const points = digits.split('.').length - 1;
  if (points > 1) return 'has more than one decimal point';
  const [whole = '', fraction = ''] = digits.split('.');
  if (whole === '' && fraction === '') return 'has no number in it';
  if (fraction.includes(',')) return 'has a comma after the decimal point';
  if (whole.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(whole)) {
    return 'has commas in the wrong places (group digits in threes: 1,234,567)';
  }
  return { whole: whole.replace(/,/g, ''), fraction };
}

/**
 * Text as Excel (English, UK) reads it as a number when arithmetic meets it: "1,200", "£1,200.50",
 * "(1,200)" (negative), "-3", "12.5%", "1.2E3". Unlike `parseAmount`, on purpose: exponents and
 * percentages are numbers here; scale words, placeholders and dashes ("1.2m", "TBC", "-") are not, and
 * the arithmetic gives #VALUE! as Excel does; a sign is "-" or "+" before the bracket or £ only.
 */
const EXCEL_NUMBER_TEXT = /^([-+])?(\()?\s*£?\s*([0-9.,]+)(?:E([-+]?\d+))?\s*(\))?\s*(%)?$/i;

export function excelTextAsNumber(text: string): number | undefined {
  const m = EXCEL_NUMBER_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, sign, open, digits = '', exponent, close, percent] = m;
  if (Boolean(open) !== Boolean(close) || (open && sign)) return undefined;
  if (typeof splitDigits(digits) === 'string') return undefined;
  let n = Number(`${digits.replace(/,/g, '')}${exponent ? `e${exponent}` : ''}`);
  if (!Number.isFinite(n)) return undefined;
  if (percent) n /= 100;
  return sign === '-' || open ? -n : n;
}

/** An amount as the model holds it: an exact decimal string in pounds, "-1234.5", with no separators or units. */
const DECIMAL_AMOUNT = /^-?\d+(\.\d+)?$/;

export function isDecimalAmount(text: string): boolean {
  return DECIMAL_AMOUNT.test(text);
}

/**
 * A model amount typed into a cell: £ signs, commas and spaces dropped wherever they stand, brackets
 * read as a minus, the digits kept as written ("£1,234.50" → "1234.50", "(1,200)" → "-1200"). Stricter
 * than `parseAmount` on purpose: a model states exact pounds, so "£1.2m", "+5" and "nil" are not its
 * amounts, and validation names them. Undefined when the text is not one.
 */
export function decimalAmountOfTyped(text: string): string | undefined {
  let plain = text.replace(/[£,\s]/g, '');
  if (/^\(.*\)$/.test(plain)) plain = `-${plain.slice(1, -1)}`;
  return isDecimalAmount(plain) ? plain : undefined;
}

function amount(written: Money, contextUnit: UnitId, factor: Money, decimals: number, writtenUnit: UnitId): ParsedAmount {
  const pounds = withoutNegativeZero(written.times(factor));
  return {
    kind: 'amount',
    pounds,
    value: withoutNegativeZero(pounds.div(UNITS[contextUnit].factor)),
    writtenUnit,
    decimals,
    step: new Money(10).pow(-decimals).times(factor),
  };
}

function reasonForUnreadable(text: string): string {
  if (/%\s*\)?$/.test(text)) return `${quote(text)} is a percentage, not an amount`;
  if (!/\d/.test(text) && /^[\s()£+\-−‒–]*$/.test(text.replace(/gbp/i, ''))) {
    return `${quote(text)} has no number in it`;
  }
  if (/^[\s(£+\-−‒–]*\d[\d,.]*\s+\d/.test(text)) {
    return `${quote(text)} is not an amount: digits are separated by spaces (write 1,234 or 1234)`;
  }
  return `${quote(text)} is not an amount`;
}

function invalidNonText(input: unknown): ParsedAmount {
  if (input instanceof Date) return invalid(String(input), 'a date is not an amount');
  if (typeof input === 'boolean') {
    return invalid(String(input), `${input ? 'TRUE' : 'FALSE'} is not an amount`);
  }
  return invalid(safeString(input), 'the cell does not hold a number or text');
}

function safeString(input: unknown): string {
  try {
    return String(input);
  } catch {
    // Objects without a usable toString (Object.create(null), symbols in a template) still get a message.
    return typeof input;
  }
}

function invalid(text: string, reason: string): ParsedAmount {
  return { kind: 'invalid', text, reason };
}

/** Quotes text for a message, shortened so a long cell does not swamp it. */
function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `“${shown}”`;
}
