/** How findings say figures: in the table's unit, to the precision the figures were written with. */
import { Money } from '../money/decimal';
import { formatAmount, formatPence } from '../money/format';
import { decimalPlacesInUnitOfPence, textInUnitOfPence, type Figure } from '../money/pence';
import { POUNDS_PER_UNIT, fromPounds, type UnitId } from '../money/units';
import type { Comparison } from '../money/tolerance';

/** A decimal, or a figure that may be known as whole pence (then shown without decimal arithmetic). */
type Amount = Money | Figure;

function penceIfKnown(a: Amount): bigint | undefined {
  return Money.isDecimal(a) ? undefined : a.pence;
}

function poundsOf(a: Amount): Money {
  return Money.isDecimal(a) ? a : a.pounds;
}

/** Decimal places that show every figure involved without hiding a difference. */
export function decimalsFor(unit: UnitId, ...amounts: readonly Amount[]): number {
  let decimals = unit === '£m' ? 1 : 0;
  for (const a of amounts) {
    const pence = penceIfKnown(a);
    const places = pence !== undefined ? decimalPlacesInUnitOfPence(pence, POUNDS_PER_UNIT[unit]) : fromPounds(poundsOf(a), unit).decimalPlaces();
    decimals = Math.max(decimals, Math.min(places, unit === '£' ? 2 : 6));
  }
  return decimals;
}

export function money(amount: Amount, unit: UnitId, decimals: number): string {
  const pence = penceIfKnown(amount);
  // A message stands apart from the table's "£000" heading: £185 thousand reads "£185k", never "£185".
  const options = { unit: unit === '£000' ? '£k' : unit, decimals, negative: 'minus' } as const;
  return pence !== undefined ? formatPence(pence, options) : formatAmount(poundsOf(amount), options);
}

/** The exact figure as a decimal string in the unit: what `expected` and `actual` hold. */
export function inUnit(amount: Amount, unit: UnitId): string {
  const pence = penceIfKnown(amount);
  return pence !== undefined ? textInUnitOfPence(pence, POUNDS_PER_UNIT[unit]) : fromPounds(poundsOf(amount), unit).toString();
}

/** "within the £1.7m that rounding 34 figures to the nearest £0.1m could explain" and its error twin. */
export function roundingClause(c: Comparison, unit: UnitId): string {
  const boundText = money(c.bound, unit, decimalsFor(unit, c.bound));
  if (c.verdict === 'rounding') {
    const how = c.commonStep
      ? `rounding ${c.roundedTerms} figures to the nearest ${money(c.commonStep, unit, decimalsFor(unit, c.commonStep))}`
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
