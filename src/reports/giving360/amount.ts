/**
 * The one place an exact amount becomes a JS number: the 360Giving schema types amountAwarded as a JSON
 * number. Pounds are rounded to the penny first (half away from zero, as Excel rounds), and the number
 * must print back as exactly that decimal, or the export stops rather than publish a different figure.
 */
import { Money } from '../../money/decimal';
import { formatAmount } from '../../money/format';

interface PublishedAmount {
  /** Exact pounds and pence that the number stands for. */
  readonly pounds: Money;
  readonly number: number;
  /** True when the written amount had fractions of a penny. */
  readonly rounded: boolean;
}

export function publishedAmount(pounds: Money): PublishedAmount {
  const pence = toPence(pounds);
  const number = Number(pence.toFixed(2));
  if (!Number.isFinite(number) || !new Money(String(number)).eq(pence)) {
    throw new RangeError(`£${pence.toFixed(2)} cannot be written exactly as a JSON number`);
  }
  return { pounds: pence, number: number === 0 ? 0 : number, rounded: !pence.eq(pounds) };
}

/** Exact pounds to the penny, as published: what every total of the export adds. */
export function toPence(pounds: Money): Money {
  return pounds.toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/** A total for people: "£28,040,000", to the penny only when it has pence. */
export function describeTotal(total: Money): string {
  return formatAmount(total, { unit: '£', decimals: total.decimalPlaces() > 0 ? 2 : 0, negative: 'minus' });
}
