/** Reads one cell of an amount column into an AmountCell, keeping how precisely the figure was written. */
import { Money, ZERO, fromNumber } from '../../money/decimal';
import { parseAmount } from '../../money/parse';
import { UNITS, type UnitId } from '../../money/units';
import { Cell, isErrorValue } from '../grid';
import type { AmountCell } from './types';

/** Decimal places a number format shows: "0.0" → 1, "#,##0.00;(#,##0.00)" → 2, General → undefined. */
const formatDecimalsCache = new Map<string, number>();

export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt || numFmt === 'General') return undefined;
  const cached = formatDecimalsCache.get(numFmt);
  if (cached !== undefined) return cached;
  const decimals = countFormatDecimals(numFmt);
  if (formatDecimalsCache.size < 1000) formatDecimalsCache.set(numFmt, decimals);
  return decimals;
}

function countFormatDecimals(numFmt: string): number {
  const firstSection = numFmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(firstSection);
  return m ? m[1].length : 0;
}

/**
 * Figures in pounds with at most two decimals are full precision (pounds and pence). Figures in a larger
 * unit are taken as rounded to their last shown digit: the written digits, or more if the number format
 * shows more (0.5 formatted "0.00" was rounded to the penny-of-a-million, 0.01m).
 */
const stepCache = new Map<string, Money>();

function stepFor(decimals: number, unit: UnitId): Money {
  if (unit === '£') return ZERO;
  const key = `${unit}|${decimals}`;
  let step = stepCache.get(key);
  if (step === undefined) {
    step = UNITS[unit].factor.div(new Money(10).pow(decimals));
    if (step.lte('0.01')) step = ZERO;
    stepCache.set(key, step);
  }
  return step;
}

/**
 * Budgets repeat figures: a forecast equal to its budget in the same row, a zero variance. Building a
 * decimal is the dearest step in reading a cell, so the last number read keeps its decimal (decimals
 * are immutable, so sharing one is safe). A one-entry memory costs a comparison; a map of every
 * number seen cost more in hashing than it saved.
 */
let lastNumber = Number.NaN;
let lastDecimal: Money = ZERO;

function decimalOf(value: number): Money {
  if (value === 0) return ZERO;
  if (value !== lastNumber) {
    lastDecimal = fromNumber(value);
    lastNumber = value;
  }
  return lastDecimal;
}

/** Numbers are most cells of a large budget: read them without the text parser's general machinery. */
function readNumber(value: number, cell: Cell | undefined, row: number, col: number, unit: UnitId): AmountCell {
  if (!Number.isFinite(value)) return { kind: 'invalid', row, col, text: String(value), reason: `${String(value)} is not an amount` };
  const written = decimalOf(value);
  const pounds = unit === '£' ? written : written.times(UNITS[unit].factor);
  const step = stepFor(Math.max(written.decimalPlaces(), formatDecimals(cell?.numFmt) ?? 0), unit);
  return cell?.formula ? { kind: 'amount', row, col, pounds, step, formula: cell.formula } : { kind: 'amount', row, col, pounds, step };
}

export function readAmountCell(cell: Cell | undefined, row: number, col: number, unit: UnitId): AmountCell {
  const value = cell?.value ?? null;
  if (value === null) {
    // A formula Excel has not calculated holds no figure to check, but it is not a blank either.
    return cell?.formula ? { kind: 'missing', row, col, placeholder: '', formula: cell.formula } : { kind: 'missing', row, col, placeholder: '' };
  }
  if (isErrorValue(value)) return { kind: 'error', row, col, code: value.code };
  if (value instanceof Date) {
    return { kind: 'invalid', row, col, text: value.toISOString().slice(0, 10), reason: 'a date is not an amount' };
  }
  if (typeof value === 'boolean') {
    return { kind: 'invalid', row, col, text: String(value).toUpperCase(), reason: `${String(value).toUpperCase()} is not an amount` };
  }
  if (typeof value === 'number') return readNumber(value, cell, row, col, unit);
  const parsed = parseAmount(value, unit);
  switch (parsed.kind) {
    case 'missing':
      return { kind: 'missing', row, col, placeholder: parsed.placeholder };
    case 'invalid':
      return { kind: 'invalid', row, col, text: parsed.text, reason: parsed.reason };
    case 'amount': {
      // "nil" states an exact zero, so it has no rounding to allow for.
      const step = parsed.step.isZero() ? ZERO : stepFor(parsed.decimals, parsed.writtenUnit);
      const result: AmountCell = cell?.formula
        ? { kind: 'amount', row, col, pounds: parsed.pounds, step, formula: cell.formula }
        : { kind: 'amount', row, col, pounds: parsed.pounds, step };
      return result;
    }
  }
}
