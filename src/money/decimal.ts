/**
 * The decimal type of every money figure the engine takes in and gives out. Amounts are exact: pounds
 * are held as decimals, never as JS floats, so 0.1 + 0.2 is 0.3 and a column of pence adds up to the
 * penny. Inside, figures that are whole pence may be added as exact BigInt pence first (pence.ts).
 */
import Decimal from 'decimal.js';

/**
 * A decimal.js constructor configured for money. 40 significant digits hold any real budget to the
 * penny with room for intermediate ratios; half-up rounding (away from zero on ties) matches Excel's
 * ROUND and its display; plain notation up to 30 digits keeps `toString()` free of exponents.
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 30,
});
export type Money = Decimal;

export const ZERO: Money = new Money(0);

/** `value` as a Money: a Decimal from another constructor is taken in, so Money's precision and rounding apply. */
export function asMoney(value: Decimal): Money {
  return value.constructor === Money ? value : new Money(value);
}

/**
 * Converts a JS number exactly as its shortest round-trip text, the text JavaScript prints for it:
 * 0.1 becomes 0.1, not 0.1000000000000000055511151231257827. This is what a spreadsheet cell showing
 * 0.1 means. Negative zero becomes zero.
 * @throws RangeError for NaN and ±Infinity, which are not amounts (parseAmount reports them instead).
 */
export function fromNumber(n: number): Money {
  if (!Number.isFinite(n)) {
    throw new RangeError(`${String(n)} is not an amount`);
  }
  // String(-0) is "0", so negative zero disappears here.
  return new Money(String(n));
}

/** Turns -0 into 0, so a zero never prints or compares as negative. */
export function withoutNegativeZero(value: Money): Money {
  return value.isZero() ? ZERO : value;
}
