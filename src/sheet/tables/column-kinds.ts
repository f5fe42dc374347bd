/**
 * What a column holds (DESIGN.md "Input the checker understands"): money, per cent, a count, an
 * identifier or code, a year or period, a date, or text. Only money is added up and reconciled; the
 * others are read for what they are, so a line code or a charity number is never summed.
 */
import { isDateFormat } from '../number-format';
import type { Cell } from '../grid';
import { isYearLike, looksLikeAmount } from './cell-text';
import { parseAmount } from '../../money/parse';

/** `rate`: money per something, or an average, median or percentile of anything: read, never added up. */
export type ColumnKind = 'money' | 'rate' | 'percent' | 'count' | 'identifier' | 'year' | 'date' | 'text';

// Header words for each kind, tried in this order: "Change %" is a per cent before it is a change.
const PERCENT = /%|\bper ?cent\b|\bpercentage\b|\bpct\b|\bratio\b|\brate\b|\bshare\b|\bproportion\b/;
const IDENTIFIER =
  /\b(code|codes|ref|refs|reference|id|identifier|urn|ukprn|upin|postcode|post code|ons|gss|number|no\.?|num)\b|\bline\b$|^line\b|\btransaction\b|\binvoice\b|\bvat\b|\bcharity\b|\bcompany\b|\bpo\b/;
const COUNT =
  /\bfte\b|\bheadcount\b|\bmonths?\b|\bweeks?\b|\bdays?\b|\bhours?\b|\bpeople\b|\bpersons?\b|\bpupils?\b|\bstudents?\b|\bbeds?\b|\bplaces?\b|\bcapacity\b|\bunits?\b|\bvolume\b|\bquantity\b|\bqty\b|\bcount\b|\bnumber of\b|\bno\.? of\b|\bhouseholds?\b|\bdwellings?\b|\bpopulation\b|\bstaff\b|\bposts?\b|\bvisits?\b|\bcases?\b|\bduration\b|\bage\b|\bsize\b|\bscore\b|\brank(ing)?\b|\bkm\b|\bmiles\b|\bhectares?\b|\bacres\b|\btonnes\b|\btons\b|\blitres\b|\bpassengers\b|\bmovements\b|\bflights\b|\bvehicles\b|\bjourneys\b|\btrips\b|\binjuries\b|\bdeaths\b|\bbirths\b|\bcattle\b|\bsheep\b|\banimals\b|\bprisoners\b|\boffences\b|\bapplications\b|\bclaimants\b|\bpatients\b|\badmissions\b|\bappointments\b/;
/** A unit of things in brackets or after a year: "2013 (Number)", "(thousands)", "2021 Hectares". */
const COUNT_UNIT = /\((number|numbers|no\.?|count|thousands?|hectares|ha|head)\)|^\d{4}(\/\d{2,4})?\s+(number|numbers)$/;
const RATE = /\bper\b|\baverage\b|\bmean\b|\bmedian\b|\bunit costs?\b/;
const AVERAGE = /\baverage\b|\bmean\b|\bmedian\b|\bpercentile\b|\d+(st|nd|rd|th) percentile\b/;
/** Words that qualify a count as easily as money ("Actual pupil numbers", "Budget FTE"): they name no money. */
const QUALIFIERS = /\b(actual|actuals|forecast|budget|budgeted|outturn|net|gross|variance|capital|revenue|planned|estimated)\b/g;
const YEAR = /^(year|years|financial year|fiscal year|fy|period|year ending|year end|reporting period|quarter|month|calendar year|academic year)$/;
const DATE = /\bdate\b|\bdated\b|\bwhen\b|\bday\b/;
const MONEY =
  /£|\bgbp\b|\bcost\b|\bcosts\b|\bbudget|\bspend|\bexpenditure\b|\bincome\b|\bamount\b|\bvalue\b|\bfunding\b|\ballocation|\bgrant\b|\bforecast\b|\boutturn\b|\bactual|\bvariance\b|\bnet\b|\bgross\b|\bprice\b|\bfee|\bcharges?\b|\brevenue\b|\bcapital\b|\bpayments?\b|\bbalance\b|\bsurplus\b|\bdeficit\b|\breserves?\b|\bdebt\b|\bborrowing\b|\bloans?\b|\binvestments?\b|\bsalar|\bpay\b|\bcontribution|\bsavings?\b|\baward/;

/** The kind a header names, or undefined when its words name none. `words` are lower case, units out. */
export function kindFromHeader(header: string, words: string): ColumnKind | undefined {
  const lower = header.toLowerCase();
  if (PERCENT.test(lower) && !/£/.test(lower)) return 'percent';
  // Averages, medians and percentiles of anything, and money per something, are never added up.
  if (AVERAGE.test(words) || (RATE.test(words) && (MONEY.test(words) || /£|\bgbp\b/.test(lower)))) return 'rate';
  if (/£|\bgbp\b/.test(lower)) return 'money';
  if (YEAR.test(words)) return 'year';
  if ((COUNT.test(words) || /#\s*of\b/.test(lower) || COUNT_UNIT.test(lower)) && !MONEY.test(words.replace(QUALIFIERS, ' '))) return 'count';
  if (IDENTIFIER.test(words) && !/\b(amount|value|cost|spend|total)\b/.test(words)) return 'identifier';
  if (DATE.test(words)) return 'date';
  if (MONEY.test(words)) return 'money';
  return undefined;
}

/** Tallies of a column's body cells, from which its kind is read when the header names none. */
export interface ContentTally {
  filled: number;
  numbers: number;
  /** Text that reads as a figure ("£1,200", "(3.4)", "-", ".."). */
  amountTexts: number;
  /** Figures other than zero, as numbers or text: a column of only "-", ".." and 0 states no amount. */
  nonZeroFigures: number;
  words: number;
  percentFormatted: number;
  dateFormatted: number;
  dates: number;
  years: number;
  /** Whole numbers, and how many of them rise strictly from the row above (line codes do). */
  integers: number;
  rising: number;
  /** Text such as E09000001, GB-CHC-1234567, 1031a: letters and digits together, no spaces. */
  codes: number;
  lastNumber: number;
  /** Texts with a small letter in them: names ("Barnet"), not codes ("E09000003", "SD", "N2V3"). */
  named: number;
  /** The different texts seen, until there are more than a category column holds (then undefined). */
  distinct: Set<string> | undefined;
}

export function emptyTally(): ContentTally {
  return {
    filled: 0,
    numbers: 0,
    amountTexts: 0,
    nonZeroFigures: 0,
    words: 0,
    percentFormatted: 0,
    dateFormatted: 0,
    dates: 0,
    years: 0,
    integers: 0,
    rising: 0,
    codes: 0,
    lastNumber: Number.NaN,
    named: 0,
    distinct: new Set(),
  };
}

const CODE_TEXT = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-_/.]{3,}$/;

export function tallyCell(t: ContentTally, cell: Cell): void {
  const v = cell.value;
  if (v === null || (typeof v === 'string' && v.trim() === '')) return;
  t.filled++;
  if (v instanceof Date) {
    t.dates++;
    return;
  }
  if (typeof v === 'number') {
    t.numbers++;
    if (v !== 0) t.nonZeroFigures++;
    if (cell.numFmt && cell.numFmt.includes('%')) t.percentFormatted++;
    else if (cell.numFmt && isDateFormat(cell.numFmt)) t.dateFormatted++;
    if (Number.isInteger(v)) {
      t.integers++;
      if (v > t.lastNumber) t.rising++;
      if (isYearLike(cell)) t.years++;
    }
    t.lastNumber = v;
    return;
  }
  if (typeof v !== 'string') return;
  const text = v.trim();
  if (isYearLike(cell)) t.years++;
  else if (looksLikeAmount(cell)) {
    t.amountTexts++;
    const parsed = parseAmount(text, '£');
    if (parsed.kind === 'amount' && !parsed.pounds.isZero()) t.nonZeroFigures++;
  } else {
    if (CODE_TEXT.test(text)) t.codes++;
    else t.words++;
    if (/[a-z]/.test(text)) t.named++;
    countDistinct(t, text);
  }
}

function countDistinct(t: ContentTally, text: string): void {
  if (!t.distinct) return;
  t.distinct.add(text);
  if (t.distinct.size > MAX_CATEGORIES) t.distinct = undefined;
}

/** More different values than this and a column names things rather than sorting them into groups. */
const MAX_CATEGORIES = 64;

/**
 * A column of a few values each repeated down many rows (Region, Class, Type): it sorts lines into
 * groups, so it neither names lines nor is summed, and a row may total the others of its group.
 */
export function isCategorical(t: ContentTally): boolean {
  const texts = t.words + t.codes;
  return t.distinct !== undefined && t.distinct.size >= 2 && texts >= 3 * t.distinct.size && texts >= t.filled / 2;
}

/** A column's kind from what it holds, for a header that names none. */
function kindFromContent(t: ContentTally): ColumnKind {
  if (t.filled === 0) return 'text';
  const share = (n: number): number => n / t.filled;
  if (share(t.dates + t.dateFormatted) >= 0.6) return 'date';
  if (share(t.percentFormatted) >= 0.6) return 'percent';
  if (share(t.years) >= 0.8) return 'year';
  if (share(t.codes) >= 0.6) return 'identifier';
  const figures = t.numbers + t.amountTexts;
  if (figures > 0 && figures >= t.words + t.codes && t.nonZeroFigures > 0) return 'money';
  return 'text';
}

/**
 * Whole numbers that rise strictly down the column and sit left of the line names are line codes
 * (1031, 1032, …), not money, even under a blank header.
 */
function looksLikeLineCodes(t: ContentTally, leftOfLabel: boolean): boolean {
  return leftOfLabel && t.numbers >= 3 && t.integers === t.numbers && t.rising >= t.numbers - 1 && t.words === 0;
}

/** The kind of a column whose header names `headerKind` (if any) and which holds `t`. */
export function columnKind(headerKind: ColumnKind | undefined, t: ContentTally, leftOfLabel: boolean): ColumnKind {
  const content = kindFromContent(t);
  if (content === 'percent' || content === 'date') return content;
  if (headerKind) {
    // A header naming figures over a column of words is text: a "Funding" column of funder names, a
    // contents page's "Prison population by age and sex" over the titles of its tables.
    if (headerKind !== 'year' && headerKind !== 'date' && headerKind !== 'identifier' && content === 'text' && t.words > 0) return 'text';
    return headerKind;
  }
  if (content === 'money' && looksLikeLineCodes(t, leftOfLabel)) return 'identifier';
  return content;
}
