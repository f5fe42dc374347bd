/**
 * UK fiscal years, written "2019/20": April 2019 to March 2020. Reads the ways people write them in
 * cells and headers, and says plainly what is wrong with the ones that are not fiscal years.
 */

export interface FiscalYear {
  /** The calendar year the fiscal year starts in: 2019 for 2019/20. */
  readonly start: number;
  /** "2019/20". */
  readonly label: string;
}

type YearParse =
  | { readonly kind: 'year'; readonly year: FiscalYear }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string }
  | { readonly kind: 'none' };

/** Years this tool reads; outside them a four-digit number is more likely a code or an amount. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2099;

/**
 * How a two-digit start year is read. In cells and headers, `nearest`: 50 up are 1950 to 1999, below 50
 * 2000 to 2049. The Model sheet's year columns (`canonicalYearText`) have always read `2000s`: 99/00 is
 * 2099/00 there, kept so a Model sheet reads as it always has.
 */
type TwoDigitStart = 'nearest' | '2000s';
const TWO_DIGIT_PIVOT = 50;

/** Two runs of digits for one fiscal year, as people write them: "2019/20", "FY19-20", "2019 / 2020". */
const YEAR_PAIR = /^(fy\s*)?(\d+)\s*[/-]\s*(\d+)$/i;
/** The label this tool writes: four-digit start year, slash, the next year's last two digits. */
const YEAR_LABEL = /^(\d{4})\/(\d{2})$/;

const DASHES = /[‐‑‒–—−]/g;
const UNUSUAL_SPACES = /[\u00a0\u2007\u2009\u202f]/g;

export function fiscalYearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

function fiscalYear(start: number): FiscalYear {
  return { start, label: fiscalYearLabel(start) };
}

/**
 * Reads a cell that should hold one fiscal year: "2019/20", "2019-20", "2019–20", "FY19/20",
 * "FY 19/20", "FY2019/20", "FY 2019-20", "19/20", "2019/2020", "2019-2020" all mean 2019/20.
 * Returns `invalid` with a reason for things meant as a year that are not one fiscal year
 * (2019/21, 2019/20/21, 20200, a calendar year 2019 or FY2019), and `none` for anything else.
 */
export function parseFiscalYear(input: string | number): YearParse {
  if (typeof input === 'number') return parseYearNumber(input);
  if (typeof input !== 'string') return { kind: 'none' };
  const original = input;
  // "2019 to 2020" is how GSS tables write 2019/20.
  const text = input
    .replace(UNUSUAL_SPACES, ' ')
    .replace(DASHES, '-')
    .trim()
    .replace(/^(\d{4})\s+to\s+(\d{4})$/i, '$1-$2');
  if (text.length > 40) return { kind: 'none' };

  const pair = YEAR_PAIR.exec(text);
  if (pair) {
    const [, prefix, first = '', second = ''] = pair;
    // "3/4" or "201/20" are not meant as years; "2019/201" and "FY1/2" are, and get a reason.
    const meantAsYear = Boolean(prefix) || first.length === 4 || (first.length === 2 && second.length === 2);
    return meantAsYear ? yearFromPair(original, first, second) : { kind: 'none' };
  }

  if (/^(?:fy\s*)?\d+(?:\s*[/-]\s*\d+){2,}$/i.test(text)) {
    return invalid(original, `“${original.trim()}” names more than one year; a fiscal year is two years, such as 2019/20`);
  }
  const single = /^(fy\s*)?(\d+)$/i.exec(text);
  if (single) return yearFromSingle(original, single[2] ?? '', Boolean(single[1]));
  return { kind: 'none' };
}

function parseYearNumber(input: number): YearParse {
  if (!Number.isInteger(input) || input <= 0) return { kind: 'none' };
  return yearFromSingle(String(input), String(input), false);
}

/** A lone number: a calendar year (2019), an FY with one year (FY2019, FY20) or digits run together (20200). */
function yearFromSingle(original: string, digits: string, hasFyPrefix: boolean): YearParse {
  const shown = original.trim();
  if (digits.length === 4) {
    const year = Number(digits);
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
      return hasFyPrefix ? outOfRange(original, year) : { kind: 'none' };
    }
    return invalid(
      original,
      `“${shown}” is a single year; a fiscal year runs April to March across two: write ${fiscalYearLabel(year)} or ${fiscalYearLabel(year - 1)}`,
    );
  }
  if (hasFyPrefix && digits.length === 2) {
    const year = expandTwoDigitYear(Number(digits), 'nearest');
    return invalid(original, `“${shown}” is ambiguous; write the fiscal year in full: ${fiscalYearLabel(year - 1)} or ${fiscalYearLabel(year)}`);
  }
  if (digits.length === 5 || digits.length === 6 || hasFyPrefix) {
    return invalid(original, `“${shown}” is not a fiscal year; write one such as 2019/20`);
  }
  return { kind: 'none' };
}

function yearFromPair(original: string, first: string, second: string): YearParse {
  const shown = original.trim();
  const pair = readPair(first, second, 'nearest');
  if (!pair) return invalid(original, `“${shown}” is not a fiscal year; write one such as 2019/20`);
  if (pair.start < EARLIEST_YEAR || pair.start > LATEST_YEAR) return outOfRange(original, pair.start);
  if (!pair.follows) {
    return invalid(original, `“${shown}” is not a fiscal year: the second year must follow the first (${fiscalYearLabel(pair.start)})`);
  }
  return { kind: 'year', year: fiscalYear(pair.start) };
}

/**
 * The core every reading of a written year shares: the start year two runs of digits name (each of two
 * or four digits, else undefined) and whether the second is the year after the first.
 */
function readPair(first: string, second: string, twoDigitStart: TwoDigitStart): { start: number; follows: boolean } | undefined {
  if ((first.length !== 2 && first.length !== 4) || (second.length !== 2 && second.length !== 4)) return undefined;
  const start = first.length === 4 ? Number(first) : expandTwoDigitYear(Number(first), twoDigitStart);
  const follows = second.length === 4 ? Number(second) === start + 1 : Number(second) === (start + 1) % 100;
  return { start, follows };
}

function expandTwoDigitYear(twoDigits: number, reading: TwoDigitStart): number {
  return reading === 'nearest' && twoDigits >= TWO_DIGIT_PIVOT ? 1900 + twoDigits : 2000 + twoDigits;
}

function outOfRange(original: string, year: number): YearParse {
  return invalid(original, `“${original.trim()}” is outside the years this tool reads (${EARLIEST_YEAR} to ${LATEST_YEAR}); year ${year}`);
}

function invalid(text: string, reason: string): YearParse {
  return { kind: 'invalid', text, reason };
}

/** True for "2019/20" exactly, the label the model holds: any four-digit start year, then the next year's last two digits. */
export function isFiscalYearLabel(text: string): boolean {
  const m = YEAR_LABEL.exec(text);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** "2019/20-2021/22" → ["2019/20", "2021/22"]; a single label → [label, label]; undefined otherwise. */
export function fiscalYearSpan(text: string): readonly [string, string] | undefined {
  if (isFiscalYearLabel(text)) return [text, text];
  const parts = text.split('-');
  if (parts.length !== 2 || !isFiscalYearLabel(parts[0]) || !isFiscalYearLabel(parts[1])) return undefined;
  return parts[0] < parts[1] ? [parts[0], parts[1]] : undefined;
}

/**
 * A year or span typed into the Model sheet as its label: "2019-20", "FY19/20", "19/20", "2019/2020" →
 * "2019/20"; "2019-20 to 2021-22" → "2019/20-2021/22". Anything else comes back unchanged, for the
 * model's validation to name. Two-digit start years are read `2000s`, and any four-digit start is kept.
 */
export function canonicalYearText(text: string): string {
  const single = canonicalSingleYear(text);
  if (single) return single;
  for (let i = 0; i < text.length; i++) {
    const sep = /^(\s*(?:-|–|—|to)\s*)/i.exec(text.slice(i));
    if (!sep || i === 0) continue;
    const start = canonicalSingleYear(text.slice(0, i).trim());
    const end = canonicalSingleYear(text.slice(i + sep[1].length).trim());
    if (start && end) return `${start}-${end}`;
  }
  return text;
}

function canonicalSingleYear(text: string): string | undefined {
  if (isFiscalYearLabel(text)) return text;
  const m = YEAR_PAIR.exec(text);
  const pair = m ? readPair(m[2], m[3], '2000s') : undefined;
  return pair?.follows ? fiscalYearLabel(pair.start) : undefined;
}

/**
 * A fiscal year inside header or title text: "2019/20 Budget £m", "Budget 2020-21 (£m)",
 * "FY19/20 Forecast". `index` and `length` cover the year as written, "FY" included, so a caller can
 * remove it and read the rest of the header. Only valid years count, and only standing alone: the
 * parts of a date (01/04/2019), of a longer run (2019/20/21), of a span (2019/20-2021/22) or of an
 * amount (1,400-2,000) are not years.
 */
export function findFiscalYear(text: string): { year: FiscalYear; index: number; length: number } | undefined {
  const pattern = /(?<![\d/.,£\-–—−])(?:fy\s?)?(\d{4}|\d{2})\s?[/\-–—−]\s?(\d{4}|\d{2})(?![\d]|[/.,\-–—−]\d)/gi;
  for (const match of text.matchAll(pattern)) {
    const first = match[1] ?? '';
    const second = match[2] ?? '';
    const parsed = yearFromPair(match[0], first, second);
    if (parsed.kind === 'year') return { year: parsed.year, index: match.index, length: match[0].length };
  }
  return undefined;
}

/**
 * The fiscal year a date falls in, reading the date in UTC (spreadsheet dates carry no time zone).
 * With the default April start, 31 March 2020 is in 2019/20 and 1 April 2020 in 2020/21.
 * @throws RangeError for an invalid date or a start month outside 1 to 12.
 */
export function fiscalYearOfDate(date: Date, startMonth = 4): FiscalYear {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`the fiscal year start month must be 1 to 12, not ${startMonth}`);
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('the date is not a valid date');
  const month = date.getUTCMonth() + 1;
  const year = date.getUTCFullYear();
  return fiscalYear(month >= startMonth ? year : year - 1);
}
