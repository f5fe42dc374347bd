/**
 * Exact money for the corpus. An Amount is a bigint count of hundredths of the unit the table writes
 * its money in: pence in a £ table, £10 in a £000 table, £10,000 in a £m table. Every figure the
 * generators write has at most two decimals in its unit, so it is always a whole Amount, totals are
 * bigint sums, and a cell's number is the double nearest the exact decimal, as Excel would store it.
 */
import type { CellValue } from '../../src/sheet/grid';

export type Amount = bigint;

export const ZERO: Amount = 0n;

/** Whole units (pounds, £000s, £m) as an Amount. */
export function units(n: number | bigint): Amount {
  return BigInt(n) * 100n;
}

export function sum(amounts: readonly Amount[]): Amount {
  return amounts.reduce((a, b) => a + b, 0n);
}

export function abs(a: Amount): Amount {
  return a < 0n ? -a : a;
}

/** Exact decimal text with two places: -12345n → "-123.45". */
export function decimalText(a: Amount): string {
  const m = abs(a);
  return `${a < 0n ? '-' : ''}${m / 100n}.${String(m % 100n).padStart(2, '0')}`;
}

/** The number a cell holds for an Amount: the double nearest the exact decimal. */
export function toNumber(a: Amount): number {
  return Number(decimalText(a));
}

/** How many decimals an Amount needs: 0 for whole units, else 1 or 2. */
export function decimalsOf(a: Amount): 0 | 1 | 2 {
  if (a % 100n === 0n) return 0;
  return a % 10n === 0n ? 1 : 2;
}

export interface TextStyle {
  /** Decimals to show. */
  readonly decimals: 0 | 1 | 2;
  /** Show zero as this (a dash, as printed accounts do) instead of 0. */
  readonly nil?: string;
}

/**
 * A figure as a PDF-to-spreadsheet conversion leaves it: text with thousands separators and negatives
 * in brackets, "(1,234)".
 */
export function toText(a: Amount, style: TextStyle): string {
  if (a === 0n && style.nil !== undefined) return style.nil;
  const m = abs(a);
  const whole = (m / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = String(m % 100n)
    .padStart(2, '0')
    .slice(0, style.decimals);
  if (style.decimals === 1 && m % 10n !== 0n) throw new RangeError(`${decimalText(a)} has more than one decimal`);
  if (style.decimals === 0 && m % 100n !== 0n) throw new RangeError(`${decimalText(a)} is not whole`);
  const digits = style.decimals === 0 ? whole : `${whole}.${fraction}`;
  return a < 0n ? `(${digits})` : digits;
}

const NIL_TEXT = new Set(['-', '–', '—', 'nil']);
const TEXT_AMOUNT = /^(\()?(-)?£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\))?$/;

/**
 * Reads a cell as an Amount, independently of the engine: null for a blank cell, undefined for
 * something that is not an amount (a header, a label), and throws for a number with more than two
 * decimals, which no corpus money cell should hold.
 */
export function parseAmount(value: CellValue | null | undefined): Amount | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const hundredths = Math.round(value * 100);
    const exact = BigInt(hundredths);
    if (toNumber(exact) !== value) throw new RangeError(`${value} is not an amount with at most two decimals`);
    return exact;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return null;
  if (NIL_TEXT.has(text.toLowerCase())) return 0n;
  const m = TEXT_AMOUNT.exec(text);
  if (!m) return undefined;
  const [, open, minus, whole, fraction, close] = m;
  if ((open === undefined) !== (close === undefined)) return undefined;
  const magnitude = BigInt(whole.replace(/,/g, '')) * 100n + BigInt((fraction ?? '').padEnd(2, '0') || '0');
  return open !== undefined || minus !== undefined ? -magnitude : magnitude;
}
