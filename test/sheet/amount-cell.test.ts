import { readAmountCell } from '../../src/sheet/tables/amount-cell';
import { fromNumber } from '../../src/money/decimal';

function figure(value: number, unit: '£' | '£m' | '£k', numFmt?: string) {
  const a = readAmountCell(numFmt ? { value, numFmt } : { value }, 4, 2, unit);
  if (a.kind !== 'amount') throw new Error(`expected a figure, got ${a.kind}`);
  return a;
}

describe('readAmountCell on numbers', () => {
  it('keeps whole pence alongside the same pounds', () => {
    const a = figure(1234.56, '£');
    expect(a.pence).toBe(123456n);
    expect(a.pounds.toString()).toBe('1234.56');
    expect(a.step.isZero()).toBe(true);
    expect([a.row, a.col]).toEqual([4, 2]);
  });

  it('reads millions to the precision written, or shown by the format', () => {
    const a = figure(1.5, '£m');
    expect(a.pence).toBe(150_000_000n);
    expect(a.pounds.toString()).toBe('1500000');
    expect(a.step.toString()).toBe('100000');
    expect(figure(16, '£m').step.toString()).toBe('1000000');
    expect(figure(16, '£m', '0.00').step.toString()).toBe('10000');
    expect(figure(0.345, '£k').step.toString()).toBe('1');
  });

  it('reads fractions of a penny exactly, as decimals', () => {
    const a = figure(0.125, '£');
    expect(a.pence).toBeUndefined();
    expect(a.pounds.eq(fromNumber(0.125))).toBe(true);
    const m = figure(1.234567891, '£m');
    expect(m.pence).toBeUndefined();
    expect(m.pounds.toString()).toBe('1234567.891');
  });

  it('keeps a formula with the figure', () => {
    const a = readAmountCell({ value: 10, formula: 'SUM(B2:B3)' }, 1, 1, '£');
    expect(a).toMatchObject({ kind: 'amount', formula: 'SUM(B2:B3)', pence: 1000n });
  });
});
