import fc from 'fast-check';
import { addsUpWhenRounded, controlledRound, displayStep } from '../../src/analysis/rounding';
import { Money, ZERO } from '../../src/money/decimal';
import type { UnitId } from '../../src/money/units';

const m = (s: string): Money => new Money(s);

describe('controlled rounding (largest remainder)', () => {
  it('makes the seed-like parts add up to the rounded total, saying which moved', () => {
    // 0.35 + 0.4 + 0.06 + 0.2 + 0.29 + 0.08 + 0.4 = 1.78 → 1.8; rounded one by one they give 1.7.
    const values = ['350000', '400000', '60000', '200000', '290000', '80000', '400000'].map(m);
    expect(addsUpWhenRounded(values, '£m', 1)).toBe(false);
    const r = controlledRound(values, '£m', 1);
    expect(r.total.toString()).toBe('1800000');
    expect(r.rounded.reduce((s, v) => s.plus(v), ZERO).toString()).toBe('1800000');
    expect(r.moved.length).toBe(1);
  });

  const unit = fc.constantFrom<UnitId>('£', '£k', '£000', '£m');
  it('moves each figure by less than one display unit, and the parts sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }).map((p) => new Money(p).div(100)),
          { minLength: 1, maxLength: 40 },
        ),
        unit,
        fc.integer({ min: 0, max: 2 }),
        (values, u, decimals) => {
          const step = displayStep(u, decimals);
          const r = controlledRound(values, u, decimals);
          const exact = values.reduce((s, v) => s.plus(v), ZERO);
          expect(r.rounded.reduce((s, v) => s.plus(v), ZERO).eq(r.total)).toBe(true);
          expect(r.total.minus(exact).abs().lte(step.div(2))).toBe(true);
          r.rounded.forEach((v, i) => {
            expect(v.minus(values[i]).abs().lt(step)).toBe(true);
            expect(v.div(step).isInteger()).toBe(true);
          });
        },
      ),
    );
  });
});
