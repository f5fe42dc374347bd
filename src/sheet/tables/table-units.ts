/**
 * Where a table's money unit comes from, strongest first: the column header, a unit row or note above
 * the header, the title, the sheet's name, then number formats. With no evidence an amount is in
 * pounds as written (DESIGN.md "Units"): never a model's display unit.
 */
import { unitFromText, type UnitId } from '../../money/units';

/** `table-above`: a column with no header under a table whose same column states the unit. */
export type UnitSource = 'header' | 'unit-row' | 'title' | 'sheet' | 'table-above' | 'number-format' | 'default';

export interface UnitEvidence {
  readonly unit: UnitId;
  readonly source: UnitSource;
  /** A unit row naming a scale and no currency ("Thousands"): over counted things it is no money. */
  readonly scaleOnly?: boolean;
}

export const POUNDS_AS_WRITTEN: UnitEvidence = { unit: '£', source: 'default' };

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
  const lower = text.toLowerCase().replace(/[\u00a0\u2007\u2009\u202f]/g, ' ').trim();
  if (lower.length > 60) return undefined;
  const rest = lower.replace(UNIT_ROW_FILLER, ' ').replace(/[.:,;]/g, ' ').replace(/\s+/g, ' ').trim();
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

/** What a number format says about a figure: the unit its value is in, or the scale it is displayed at. */
export interface FormatUnit {
  /** A literal suffix with no scaling commas ("£"0.0"m"): the value itself is in that unit. */
  readonly valueUnit?: UnitId;
  /** Scaling commas (#,##0, or #,##0.0,,"m"): the value is in pounds, shown in that unit. */
  readonly displayUnit?: UnitId;
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
