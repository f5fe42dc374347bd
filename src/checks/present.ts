/**
 * How findings say figures: in the table's unit, to the decimals its number format shows (else as the figures
 * were written), with more only where two different figures would otherwise read the same or a difference
 * would read as nothing; negatives as the check's settings say.
 */
import { Money } from '../money/decimal';
import { formatAmount, formatPence, penceDecimals, type NegativeStyle } from '../money/format';
import { decimalPlacesInUnitOfPence, textInUnitOfPence, type Figure } from '../money/pence';
import { POUNDS_PER_UNIT, fromPounds, type UnitId } from '../money/units';
import type { Comparison } from '../money/tolerance';

/** A decimal, or a figure that may be known as whole pence (then shown without decimal arithmetic). */
type Amount = Money | Figure;

const TEN = new Money(10);

/** What a figure's column says about showing it: its unit, and the decimals its number format shows, where it has one. */
interface ShownIn {
  readonly unit: UnitId;
  readonly shownDecimals?: number;
}

function penceIfKnown(a: Amount): bigint | undefined {
  return Money.isDecimal(a) ? undefined : a.pence;
}

function poundsOf(a: Amount): Money {
  return Money.isDecimal(a) ? a : a.pounds;
}

/** Figures are written to at most 6 places of their unit, and never finer than a penny. */
function writtenLimit(unit: UnitId): number {
  return Math.min(6, penceDecimals(unit));
}

/** Decimal places that show the figures as written: 1 in £m at least, up to six places or a penny. */
function writtenDecimals(unit: UnitId, amounts: readonly Amount[]): number {
  let decimals = unit === '£m' ? 1 : 0;
  for (const a of amounts) {
    const pence = penceIfKnown(a);
    const places = pence !== undefined ? decimalPlacesInUnitOfPence(pence, POUNDS_PER_UNIT[unit]) : fromPounds(poundsOf(a), unit).decimalPlaces();
    decimals = Math.max(decimals, Math.min(places, writtenLimit(unit)));
  }
  return decimals;
}

/** The figure as shown at `decimals`, in units of its last place (rounded half away from zero, as Excel shows it). */
function shownAt(a: Amount, unit: UnitId, decimals: number): string {
  const pence = penceIfKnown(a);
  if (pence !== undefined) {
    const perShown = 100n * BigInt(POUNDS_PER_UNIT[unit]);
    const size = pence < 0n ? -pence : pence;
    const units = (2n * size * 10n ** BigInt(decimals) + perShown) / (2n * perShown);
    return units === 0n ? '0' : `${pence < 0n ? '-' : ''}${units}`;
  }
  // The same integer as above, so a figure known in pence and a decimal compare as shown.
  const units = fromPounds(poundsOf(a), unit).times(TEN.pow(decimals)).toDecimalPlaces(0, Money.ROUND_HALF_UP);
  return units.isZero() ? '0' : units.toFixed(0);
}

/** True when, at `decimals`, every non-zero figure reads as non-zero and no two different figures read the same. */
function tellsApart(unit: UnitId, amounts: readonly Amount[], decimals: number): boolean {
  const shown = amounts.map((a) => shownAt(a, unit, decimals));
  for (let i = 0; i < amounts.length; i++) {
    if (shown[i] === '0' && !isZeroAmount(amounts[i])) return false;
    for (let j = i + 1; j < amounts.length; j++) if (shown[i] === shown[j] && !sameAmount(amounts[i], amounts[j])) return false;
  }
  return true;
}

function isZeroAmount(a: Amount): boolean {
  const pence = penceIfKnown(a);
  return pence !== undefined ? pence === 0n : poundsOf(a).isZero();
}

function sameAmount(a: Amount, b: Amount): boolean {
  const pa = penceIfKnown(a);
  const pb = penceIfKnown(b);
  return pa !== undefined && pb !== undefined ? pa === pb : poundsOf(a).eq(poundsOf(b));
}

/**
 * Decimal places for the figures of one message: the places the column's number format shows where it has
 * one, else the places the figures were written with; then more, as few as needed, until figures that differ
 * read differently and none that is non-zero reads as zero; never finer than a penny.
 */
export function decimalsFor(shownIn: UnitId | ShownIn, ...amounts: readonly Amount[]): number {
  const { unit, shownDecimals } = typeof shownIn === 'string' ? { unit: shownIn, shownDecimals: undefined } : shownIn;
  const finest = penceDecimals(unit);
  let decimals = shownDecimals !== undefined ? Math.min(shownDecimals, finest) : writtenDecimals(unit, amounts);
  while (decimals < finest && !tellsApart(unit, amounts, decimals)) decimals++;
  // Pounds are whole or in pence: "£119.8" reads as a slip, "£119.81" as money.
  return unit === '£' && decimals === 1 ? 2 : decimals;
}

let negatives: NegativeStyle = 'minus';

/**
 * Runs `check` with messages writing negatives in `style`. Rules word figures deep inside themselves; a check
 * is synchronous, so the style holds for exactly its run, and the previous one is restored after.
 */
export function withNegatives<T>(style: NegativeStyle, check: () => T): T {
  const before = negatives;
  negatives = style;
  try {
    return check();
  } finally {
    negatives = before;
  }
}

export function money(amount: Amount, unit: UnitId, decimals: number): string {
  const pence = penceIfKnown(amount);
  // A message stands apart from the table's "£000" heading: £185 thousand reads "£185k", never "£185".
  const options = { unit: unit === '£000' ? '£k' : unit, decimals, negative: negatives } as const;
  return pence !== undefined ? formatPence(pence, options) : formatAmount(poundsOf(amount), options);
}

/** The exact figure as a decimal string in the unit: what `expected` and `actual` hold. */
export function inUnit(amount: Amount, unit: UnitId): string {
  const pence = penceIfKnown(amount);
  return pence !== undefined ? textInUnitOfPence(pence, POUNDS_PER_UNIT[unit]) : fromPounds(poundsOf(amount), unit).toString();
}

/** A rounding step as written: "the nearest £1m" for whole millions, "the nearest £0.1m" for tenths. */
function stepDecimals(step: Money, unit: UnitId): number {
  return Math.min(fromPounds(step, unit).decimalPlaces(), penceDecimals(unit));
}

/** "within the £1.7m that rounding 34 figures to the nearest £0.1m could explain" and its error twin. */
export function roundingClause(c: Comparison, unit: UnitId): string {
  const boundText = money(c.bound, unit, decimalsFor(unit, c.bound));
  if (c.verdict === 'rounding') {
    const how = c.commonStep
      ? `rounding ${c.roundedTerms} figures to the nearest ${money(c.commonStep, unit, stepDecimals(c.commonStep, unit))}`
      : `rounding the ${c.roundedTerms} figures as shown`;
    return `within the ${boundText} that ${how} could explain`;
  }
  if (c.roundedTerms === 0) return 'and these figures are stored in full, so rounding cannot explain it';
  return `more than the ${boundText} that rounding could explain`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A column's header without its unit, for prose: "2019/20 Budget £m" → "2019/20 Budget". */
/** A row as a reviewer reads it: its label in quotes, or "row 7" where it has none. */
export function rowName(row: { readonly label: string; readonly row: number }): string {
  return row.label === '' ? `row ${row.row + 1}` : `“${row.label}”`;
}

export function columnTitle(col: { header: string }): string {
  const text = col.header
    .replace(/\(\s*£[^)]*\)|£\s*'?000s?|£\s*(?:ms?|k|million)?(?![\w])/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? 'Amount' : text;
}
