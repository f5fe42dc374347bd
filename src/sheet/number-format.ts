/** What an Excel number format code says about the figure it shows: a date, or the unit of its money. */
import type { UnitId } from '../money/units';

/** A format that shows a date or time: d, m, y, h or s outside quotes, escapes and colour or condition brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  // Digit placeholders make it a number format even where a letter survives unescaped: ExcelJS drops
  // the backslash of LibreOffice's \£#,##0.0,,\m, leaving an "m" that is not a month. (Times with
  // fractions of a second, such as mm:ss.0, keep their colon.)
  if (bare.includes('#') || (/0/.test(bare) && !bare.includes(':'))) return false;
  return /[dmyhs]/i.test(bare);
}

/**
 * A format that shows a calendar date: a day, month or year code (d, m, y) outside quotes, escapes and
 * brackets, in the format's first section. Times of day and elapsed times ([h]:mm, mm:ss) are not
 * dates: their "m" is minutes, which Excel reads as such right after an h or right before an s.
 * AM/PM markers and fill or padding characters (*x, _x) are not codes.
 */
export function isCalendarDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, '');
  if (bare.includes('#') || bare.includes('?')) return false;
  if (/[dy]/i.test(bare)) return true;
  // Months only where an "m" run is not minutes: not after h (and separators), not before s.
  const withoutMinutes = bare.replace(/(h+[^a-z0-9]*)m+/gi, '$1').replace(/m+([^a-z0-9]*s)/gi, '$1');
  return /m/i.test(withoutMinutes);
}

/** What a number format says about a figure: the unit its value is in, or the scale it is displayed at. */
interface FormatUnit {
  /** A literal suffix with no scaling commas ("£"0.0"m"): the value itself is in that unit. */
  readonly valueUnit?: UnitId | undefined;
  /** Scaling commas (#,##0, or #,##0.0,,"m"): the value is in pounds, shown in that unit. */
  readonly displayUnit?: UnitId | undefined;
}

const formatUnitCache = new Map<string, FormatUnit>();

export function unitFromNumberFormat(numFmt: string | undefined): FormatUnit {
  if (!numFmt || numFmt === 'General') return {};
  let known = formatUnitCache.get(numFmt);
  if (!known) {
    known = readFormatUnit(numFmt);
    if (formatUnitCache.size < 1000) formatUnitCache.set(numFmt, known);
  }
  return known;
}

const SCALE_BY_COMMAS: readonly (UnitId | undefined)[] = [undefined, '£000', '£m', '£bn'];

function readFormatUnit(numFmt: string): FormatUnit {
  const first = numFmt.split(';')[0];
  const literals = [...first.matchAll(/"([^"]*)"|\\(.)/g)].map((m) => (m[1] ?? m[2] ?? '').trim().toLowerCase());
  const bare = first.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (!/[0#?]/.test(bare)) return {};
  const commas = /[0#?]([,]+)(?![0#?])/.exec(bare)?.[1].length ?? 0;
  const suffix = literals.find((l) => /^(m|k|bn|million|thousand|billion)s?$/.test(l));
  const suffixUnit: UnitId | undefined = suffix === undefined ? undefined : suffix.startsWith('m') ? '£m' : suffix.startsWith('b') ? '£bn' : '£k';
  if (commas > 0) return { displayUnit: SCALE_BY_COMMAS[Math.min(commas, 3)] };
  return suffixUnit ? { valueUnit: suffixUnit } : {};
}
