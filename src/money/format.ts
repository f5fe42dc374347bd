/**
 * Showing amounts: pounds in, text in a unit out ("£1.4m", "(£1.0m)"), rounded half away from zero
 * as Excel displays them, and the matching Excel number format for cells that hold pounds.
 */
import { Money, asMoney, withoutNegativeZero } from './decimal';
import { POUNDS_PER_UNIT, UNITS, type UnitId } from './units';

/** How a negative amount is written: "(£1.0m)" as accountants print it, or "-£1.0m". */
export type NegativeStyle = 'brackets' | 'minus';

export const NEGATIVE_STYLES: readonly NegativeStyle[] = ['brackets', 'minus'];

interface FormatOptions {
  /** Default £m. */
  readonly unit?: UnitId;
  /** Default 1 for £m, 0 for the others. */
  readonly decimals?: number;
  /** Show "£" and the unit suffix ("£1.4m"); without, just the figure ("1.4"). Default true. */
  readonly symbol?: boolean;
  /** Negatives as "(£1.0m)" (default) or "-£1.0m". */
  readonly negative?: NegativeStyle;
}

/** Most decimal places a display may ask for; more is a mistake, not a format. */
const MAX_DECIMALS = 20;

export function defaultDecimals(unit: UnitId): number {
  return unit === '£m' || unit === '£bn' ? 1 : 0;
}

/**
 * Pounds rounded to `decimals` places of `unit`, half away from zero, still in pounds:
 * roundToUnit(1_450_000, '£m', 1) is 1_500_000. Never moves a figure by more than half a display unit.
 */
export function roundToUnit(pounds: Money, unit: UnitId, decimals: number): Money {
  const { factor } = UNITS[unit];
  return withoutNegativeZero(roundedInUnit(pounds, unit, decimals).times(factor));
}

/**
 * An amount for display: formatAmount(1400000) is "£1.4m", -1000000 is "(£1.0m)"; in £ "£1,400,000",
 * in £k "£1,400k", in £000 "£1,400". A figure that rounds to zero shows as zero, never "(£0.0m)".
 * @throws RangeError for NaN or infinite amounts and for decimals that are not 0 to 20.
 */
export function formatAmount(pounds: Money, options: FormatOptions = {}): string {
  const unit = options.unit ?? '£m';
  const decimals = options.decimals ?? defaultDecimals(unit);
  const shown = roundedInUnit(pounds, unit, decimals);
  const figure = groupThousands(shown.abs().toFixed(decimals));
  const body = options.symbol === false ? figure : `£${figure}${UNITS[unit].suffix}`;
  if (!shown.isNegative() || shown.isZero()) return body;
  return options.negative === 'minus' ? `-${body}` : `(${body})`;
}

/** Decimal places of a unit that are whole pence: 2 in £, 5 in £k, 8 in £m. Finer than a penny is not money. */
export function penceDecimals(unit: UnitId): number {
  return Math.round(Math.log10(POUNDS_PER_UNIT[unit] * 100));
}

/**
 * formatAmount for people reading a figure beside others: a non-zero amount too small for `decimals` gets
 * the extra places that show its sign and first significant figure, up to pence, rather than reading as
 * nothing: -£22,900 in £m to 1 dp is "-£0.02m" (or "(£0.02m)"), never "£0.0m".
 */
export function formatAmountSeen(pounds: Money, options: FormatOptions = {}): string {
  const unit = options.unit ?? '£m';
  let decimals = options.decimals ?? defaultDecimals(unit);
  const finest = Math.max(decimals, penceDecimals(unit));
  const asked = decimals;
  while (decimals < finest && !pounds.isZero() && roundedInUnit(pounds, unit, decimals).isZero()) decimals++;
  // Pounds are whole or in pence: "-£0.40", never "-£0.4".
  if (unit === '£' && decimals === 1 && asked === 0) decimals = 2;
  return formatAmount(pounds, { ...options, unit, decimals });
}

/**
 * formatAmount for a figure known as whole pence, in integers: the same text (property-tested), without
 * building a decimal. Findings on a large budget format thousands of figures.
 */
export function formatPence(pence: bigint, options: FormatOptions = {}): string {
  const unit = options.unit ?? '£m';
  const decimals = options.decimals ?? defaultDecimals(unit);
  assertDecimals(decimals);
  // |pence| in units of 10^-decimals of the display unit, rounded half away from zero.
  const size = pence < 0n ? -pence : pence;
  const perShown = 100n * BigInt(POUNDS_PER_UNIT[unit]);
  const scale = 10n ** BigInt(decimals);
  const shownUnits = (2n * size * scale + perShown) / (2n * perShown);
  const digits = shownUnits.toString().padStart(decimals + 1, '0');
  const plain = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  const figure = groupThousands(plain);
  const body = options.symbol === false ? figure : `£${figure}${UNITS[unit].suffix}`;
  if (pence >= 0n || shownUnits === 0n) return body;
  return options.negative === 'minus' ? `-${body}` : `(${body})`;
}

/**
 * An Excel number format for a cell holding pounds that displays it in `unit`, accounting style:
 * `"£"#,##0.0,,"m"_);("£"#,##0.0,,"m");"£"0.0,,"m"_)` for £m to 1 dp. Each "," after the digits
 * divides by a thousand; "_)" pads positives by a bracket's width so figures line up with negatives.
 * Excel picks the section by the stored value's sign, so a small negative shows as "(£0.0m)" in Excel
 * where formatAmount shows "£0.0m"; write rounded values where that matters.
 * @throws RangeError for decimals that are not 0 to 20.
 */
export function excelNumberFormat(unit: UnitId, decimals: number): string {
  assertDecimals(decimals);
  const places = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  const scale = { '£': '', '£k': ',', '£000': ',', '£m': ',,', '£bn': ',,,' }[unit];
  const suffix = UNITS[unit].suffix ? `"${UNITS[unit].suffix}"` : '';
  const figure = `#,##0${places}${scale}${suffix}`;
  const zero = `0${places}${scale}${suffix}`;
  return `"£"${figure}_);("£"${figure});"£"${zero}_)`;
}

function roundedInUnit(pounds: Money, unit: UnitId, decimals: number): Money {
  assertDecimals(decimals);
  const amount = asMoney(pounds);
  if (!amount.isFinite()) throw new RangeError(`${amount.toString()} is not an amount that can be shown`);
  // Pounds need no division (and findings format thousands of them).
  const inUnit = unit === '£' ? amount : amount.div(UNITS[unit].factor);
  return inUnit.toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimal places must be a whole number from 0 to ${MAX_DECIMALS}, not ${decimals}`);
  }
}

function groupThousands(plain: string): string {
  const [whole = '', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(?:\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
