/**
 * Live formulas with the engine's own figure as their cached value. The value is computed here from
 * the very cells the formula refers to, so what Excel recalculates is what the engine reports.
 */
import { Money, ZERO } from '../../money/decimal';
import { isFormulaValue, type SpecFormula, type SpecRow, type SpecValue } from '../spec';

type FormulaValue = { readonly formula: SpecFormula; readonly value: Money | null };

/** The number a cell holds for arithmetic: money, a count, or a formula's value; null for anything else. */
export function numericValue(value: SpecValue | undefined): Money | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return new Money(value);
  if (Money.isDecimal(value)) return new Money(value);
  if (isFormulaValue(value)) return value.value;
  return null;
}

/**
 * SUM over `rows` (indexes into body) of column `key`; blanks count as nothing, as in Excel. "body"
 * leaves out body rows styled as subtotals or totals, as the writers do, so nothing counts twice.
 */
export function sumOf(body: readonly SpecRow[], key: string, rows: 'body' | readonly number[]): FormulaValue {
  const indexes = rows === 'body' ? body.map((_, i) => i).filter((i) => body[i].style !== 'subtotal' && body[i].style !== 'total') : rows;
  let total = ZERO;
  for (const i of indexes) {
    const row = body[i];
    if (!row) throw new RangeError(`a sum refers to body row ${i}, but the table has ${body.length}`);
    const v = numericValue(row.cells[key]);
    if (v) total = total.plus(v);
  }
  return { formula: { op: 'sum', rows }, value: total };
}

/** Column a minus column b on the same row. */
export function minusOf(a: string, b: string, aValue: Money | null, bValue: Money | null): FormulaValue {
  return { formula: { op: 'minus', a, b }, value: new Money(aValue ?? ZERO).minus(bValue ?? ZERO) };
}

/** Column a as a percentage of column b on the same row; blank when b is zero or blank. */
export function percentOfColumns(a: string, b: string, aValue: Money | null, bValue: Money | null): FormulaValue {
  const value = bValue === null || bValue.isZero() ? null : new Money(aValue ?? ZERO).div(bValue).times(100);
  return { formula: { op: 'percent', a, b }, value };
}
