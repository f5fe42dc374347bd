/**
 * Whole pence: the exact fast path for the figures most budgets hold.
 *
 * A decimal.js value costs about a microsecond to build and another to add, which is most of the time a
 * 100,000-line check takes. Figures that are whole pence (nearly all of a line-level budget) are held
 * here as BigInt pence: exact integers, never floats, so sums and comparisons stay exact and cost a
 * fraction as much. Anything else (fractions of a penny, text, huge values) stays decimal.js, and every
 * figure still leaves the engine as a decimal.js Money, built only when something asks for it.
 */
import { Money, ZERO } from './decimal';

/**
 * A money figure that may also be known as whole pence. `pounds` is always right; `pence`, when
 * present, is the same figure × 100, exactly.
 */
export interface Figure {
  readonly pounds: Money;
  /** Whole pence, where the figure is a whole number of them (undefined otherwise). */
  readonly pence?: bigint | undefined;
}

/**
 * A figure as a float, only to screen candidate readings cheaply: the comparison that decides is
 * exact. Whole pence need no decimal built.
 */
export function screeningFloat(f: Figure): number {
  return f.pence !== undefined ? Number(f.pence) / 100 : f.pounds.toNumber();
}

/**
 * Beyond 15 significant digits two written figures could share one double; under it they cannot
 * (IEEE 754 doubles keep 15 decimal digits), which is what makes `wholePence` exact.
 */
const PENCE_LIMIT = 1e15;

/**
 * The exact pence of a figure written as the JS number `written` in a unit of `poundsPerUnit` pounds
 * (1, 1000 or 1000000), when it is a whole number of pence; otherwise undefined.
 *
 * Exactness: a candidate p is accepted only when p ÷ (100 × poundsPerUnit), correctly rounded, is
 * `written` itself. Then the decimal p/(100 × poundsPerUnit), having at most 15 significant digits,
 * is the one such decimal that rounds to `written`, so it is the shortest text JavaScript prints for
 * it: the same figure `fromNumber` reads.
 */
export function wholePence(written: number, poundsPerUnit: number): bigint | undefined {
  const scale = poundsPerUnit * 100;
  const p = Math.round(written * scale);
  if (!(Math.abs(p) < PENCE_LIMIT) || p / scale !== written) return undefined;
  return BigInt(p);
}

/** Pounds from whole pence, as the decimal every consumer of money reads. */
export function poundsFromPence(pence: bigint): Money {
  return pence === 0n ? ZERO : new Money(`${pence}e-2`);
}

/**
 * Whole pence as exact decimal text in a unit of `poundsPerUnit` pounds, as Money's toString writes
 * it: 123456 pence is "1234.56" in pounds and "1.23456" in £k; no trailing zeros, no exponent.
 */
export function textInUnitOfPence(pence: bigint, poundsPerUnit: number): string {
  const { whole, fraction } = splitInUnit(pence, poundsPerUnit);
  return `${pence < 0n ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Decimal places whole pence need in a unit: 150000000 pence is 1.5 in £m, one place. */
export function decimalPlacesInUnitOfPence(pence: bigint, poundsPerUnit: number): number {
  let places = Math.round(Math.log10(poundsPerUnit * 100));
  let rest = Number(pence);
  // Read for every figure of a table in £k or £m: integer arithmetic on numbers, exact below 2^53.
  if (!Number.isSafeInteger(rest)) return splitInUnit(pence, poundsPerUnit).fraction.length;
  while (places > 0 && rest % 10 === 0) {
    rest /= 10;
    places--;
  }
  return places;
}

/** |pence| in the unit: its whole part, and its fraction's digits without trailing zeros. */
function splitInUnit(pence: bigint, poundsPerUnit: number): { whole: bigint; fraction: string } {
  const size = pence < 0n ? -pence : pence;
  const places = Math.round(Math.log10(poundsPerUnit * 100));
  const scale = 10n ** BigInt(places);
  const fraction = (size % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return { whole: size / scale, fraction };
}

/** A figure known as pence, whose decimal is built only when asked for (most are only added up). */
export class PenceFigure implements Figure {
  private poundsValue: Money | undefined;

  constructor(readonly pence: bigint) {}

  get pounds(): Money {
    return (this.poundsValue ??= poundsFromPence(this.pence));
  }
}

/** A figure known only as a decimal. */
export function decimalFigure(pounds: Money): Figure {
  return { pounds };
}

export function isZeroFigure(f: Figure): boolean {
  return f.pence !== undefined ? f.pence === 0n : f.pounds.isZero();
}

export function isNegativeFigure(f: Figure): boolean {
  return f.pence !== undefined ? f.pence < 0n : f.pounds.isNegative() && !f.pounds.isZero();
}

export function figuresEqual(a: Figure, b: Figure): boolean {
  if (a === b) return true;
  return a.pence !== undefined && b.pence !== undefined ? a.pence === b.pence : a.pounds.eq(b.pounds);
}

/** a − b, in pence when both are. */
export function figureMinus(a: Figure, b: Figure): Figure {
  return a.pence !== undefined && b.pence !== undefined ? new PenceFigure(a.pence - b.pence) : decimalFigure(a.pounds.minus(b.pounds));
}

/** |f| in pence, or undefined when f is not known as pence. */
export function absPence(f: Figure): bigint | undefined {
  if (f.pence === undefined) return undefined;
  return f.pence < 0n ? -f.pence : f.pence;
}

/** Exact pence of a decimal that is a whole number of pence (a model threshold, say); otherwise undefined. */
export function penceOfPounds(pounds: Money): bigint | undefined {
  const scaled = pounds.times(100);
  return scaled.isInteger() ? BigInt(scaled.toFixed(0)) : undefined;
}

/**
 * An exact running total: whole pence added as integers, anything else as decimals. Its decimal total
 * is built once, when read.
 */
export class ExactSum implements Figure {
  private wholePenceTotal = 0n;
  private rest: Money | undefined;
  private cached: Money | undefined;

  add(f: Figure): void {
    if (f.pence !== undefined) this.wholePenceTotal += f.pence;
    else this.rest = this.rest === undefined ? f.pounds : this.rest.plus(f.pounds);
    this.cached = undefined;
  }

  addSum(other: ExactSum): void {
    this.wholePenceTotal += other.wholePenceTotal;
    if (other.rest !== undefined) this.rest = this.rest === undefined ? other.rest : this.rest.plus(other.rest);
    this.cached = undefined;
  }

  /** The total in pence when every figure added was whole pence. */
  get pence(): bigint | undefined {
    return this.rest === undefined ? this.wholePenceTotal : undefined;
  }

  get pounds(): Money {
    if (this.cached === undefined) {
      const whole = poundsFromPence(this.wholePenceTotal);
      this.cached = this.rest === undefined ? whole : whole.plus(this.rest);
    }
    return this.cached;
  }
}
