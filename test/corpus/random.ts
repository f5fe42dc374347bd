/**
 * Seeded randomness for the corpus, so a seed always yields the same workbook, and money drawn as exact
 * integers (hundredths of the table's unit, see money.ts) so totals never depend on float addition.
 */
import { Amount } from './money';

/** mulberry32: a tiny 32-bit PRNG, plenty for picking labels and amounts, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to give each layout its own stream for the same seed. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hundredths in one written unit at 0, 1 or 2 decimal places: the smallest step such a figure moves by. */
export function stepFor(decimals: 0 | 1 | 2): Amount {
  return decimals === 0 ? 100n : decimals === 1 ? 10n : 1n;
}

export class Random {
  private readonly next01: () => number;

  constructor(seed: number, stream = '') {
    this.next01 = mulberry32((seed ^ hashText(stream)) >>> 0);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.next01();
  }

  /** An integer from min to max inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`bad range ${min}..${max}`);
    return min + Math.floor(this.next01() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next01() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next01() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next01() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `count` distinct items, kept in the list's own order (headings read in their usual order). */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.max(0, Math.min(count, items.length));
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, n));
    return items.filter((_, i) => chosen.has(i));
  }

  /** An amount from minUnits to maxUnits whole units, written to `decimals` places. */
  amount(minUnits: number, maxUnits: number, decimals: 0 | 1 | 2 = 0): Amount {
    const step = stepFor(decimals);
    const lo = BigInt(minUnits) * 100n;
    const hi = BigInt(maxUnits) * 100n;
    const steps = Number((hi - lo) / step);
    return lo + BigInt(this.int(0, steps)) * step;
  }

  /** `base` moved by a whole number of basis points from minBp to maxBp, rounded to `decimals` places. */
  scaled(base: Amount, minBp: number, maxBp: number, decimals: 0 | 1 | 2 = 0): Amount {
    return roundToStep((base * BigInt(10_000 + this.int(minBp, maxBp))) / 10_000n, stepFor(decimals));
  }

  /**
   * Splits `total` into `parts` positive amounts of the given step that add up to it exactly, in
   * proportion to weights drawn from minWeight to maxWeight (close weights give even parts).
   */
  split(total: Amount, parts: number, decimals: 0 | 1 | 2 = 0, minWeight = 1, maxWeight = 100): Amount[] {
    const step = stepFor(decimals);
    if (total % step !== 0n || total < BigInt(parts) * step) throw new RangeError(`cannot split ${total} into ${parts}`);
    const weights = Array.from({ length: parts }, () => BigInt(this.int(minWeight, maxWeight)));
    const weightSum = weights.reduce((a, b) => a + b, 0n);
    const spare = total / step - BigInt(parts);
    const shares = weights.map((w) => (spare * w) / weightSum);
    let left = spare - shares.reduce((a, b) => a + b, 0n);
    for (let i = 0; left > 0n; i = (i + 1) % parts, left--) shares[i] += 1n;
    return shares.map((s) => (s + 1n) * step);
  }
}

/** Rounds half away from zero to a multiple of `step` (exact integer arithmetic). */
export function roundToStep(value: Amount, step: Amount): Amount {
  const sign = value < 0n ? -1n : 1n;
  const magnitude = value < 0n ? -value : value;
  return sign * (((magnitude + step / 2n) / step) * step);
}

/** "2023/24" for the fiscal year starting in April 2023. */
export function fiscalYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}
