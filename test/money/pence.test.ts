import fc from 'fast-check';
import { Money, fromNumber } from '../../src/money/decimal';
import {
  ExactSum,
  PenceFigure,
  decimalFigure,
  figureMinus,
  figuresEqual,
  isNegativeFigure,
  isZeroFigure,
  penceOfPounds,
  decimalPlacesInUnitOfPence,
  poundsFromPence,
  textInUnitOfPence,
  wholePence,
  type Figure,
} from '../../src/money/pence';
import { ragFor, ragForFigures, type RagLimits } from '../../src/budget/rag';
import { percentToOnePlace } from '../../src/checks/rules/variance';
import { formatAmount, formatPence } from '../../src/money/format';
import { compareStated, isErrorInPence } from '../../src/money/tolerance';

const POUNDS_PER_UNIT = [1, 1000, 1_000_000] as const;

/** Whole pence well inside the range wholePence accepts. */
const pence = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });

/** A figure known as pence, or the same value known only as a decimal: every operation must not care which. */
const figure = pence.chain((p) => fc.constantFrom<Figure>(new PenceFigure(p), decimalFigure(poundsFromPence(p))));

describe('wholePence', () => {
  it('reads whole pence written in pounds', () => {
    expect(wholePence(1234.56, 1)).toBe(123456n);
    expect(wholePence(-0.01, 1)).toBe(-1n);
    expect(wholePence(0, 1)).toBe(0n);
    expect(wholePence(-0, 1)).toBe(0n);
    expect(wholePence(0.1 + 0.2, 1)).toBeUndefined(); // 0.30000000000000004 is not whole pence
    expect(wholePence(1.005, 1)).toBeUndefined();
  });

  it('reads figures written in thousands and millions', () => {
    expect(wholePence(1.5, 1_000_000)).toBe(150_000_000n);
    expect(wholePence(13.8, 1_000_000)).toBe(1_380_000_000n);
    expect(wholePence(0.345, 1000)).toBe(34_500n);
    expect(wholePence(1.234567891, 1_000_000)).toBeUndefined(); // a fraction of a penny
  });

  it('leaves figures too large to prove exact to the decimal path', () => {
    expect(wholePence(2 ** 53, 1)).toBeUndefined();
    expect(wholePence(1e13, 1)).toBeUndefined();
    expect(wholePence(10_000_000_000_000.5, 1)).toBeUndefined();
    expect(wholePence(9_999_999_999_999.99, 1)).toBe(999_999_999_999_999n);
  });

  it('agrees with fromNumber for every double it accepts', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...POUNDS_PER_UNIT), (n, perUnit) => {
        const p = wholePence(n, perUnit);
        if (p !== undefined) expect(poundsFromPence(p).eq(fromNumber(n).times(perUnit))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the pence of every figure written to the penny', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), fc.constantFrom(...POUNDS_PER_UNIT), (p, perUnit) => {
        // The figure as a spreadsheet holds it: the double nearest p pence written in the unit.
        const written = Number(new Money(p).div(100 * perUnit).toString());
        const found = wholePence(written, perUnit);
        expect(found).toBe(BigInt(p));
        expect(poundsFromPence(found!).eq(fromNumber(written).times(perUnit))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('figures', () => {
  it('compare, subtract and sign the same in pence as in decimals', () => {
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        expect(figuresEqual(a, b)).toBe(a.pounds.eq(b.pounds));
        expect(figureMinus(a, b).pounds.eq(a.pounds.minus(b.pounds))).toBe(true);
        expect(isZeroFigure(a)).toBe(a.pounds.isZero());
        expect(isNegativeFigure(a)).toBe(a.pounds.lt(0));
      }),
    );
  });

  it('builds a pence figure’s decimal once', () => {
    const f = new PenceFigure(150n);
    expect(f.pounds.toString()).toBe('1.5');
    expect(f.pounds).toBe(f.pounds);
  });

  it('reads whole pence from decimals and refuses fractions of a penny', () => {
    expect(penceOfPounds(new Money('250000'))).toBe(25_000_000n);
    expect(penceOfPounds(new Money('-0.07'))).toBe(-7n);
    expect(penceOfPounds(new Money('0.005'))).toBeUndefined();
  });
});

describe('ExactSum', () => {
  it('adds any mix of pence and decimals exactly', () => {
    const anyFigure = fc.oneof(
      figure,
      fc.stringMatching(/^-?\d{1,12}\.\d{3,6}$/).map((t) => decimalFigure(new Money(t))),
    );
    fc.assert(
      fc.property(fc.array(anyFigure, { maxLength: 40 }), fc.array(anyFigure, { maxLength: 10 }), (parts, more) => {
        const sum = new ExactSum();
        for (const f of parts) sum.add(f);
        const other = new ExactSum();
        for (const f of more) other.add(f);
        sum.addSum(other);
        const expected = [...parts, ...more].reduce((s, f) => s.plus(f.pounds), new Money(0));
        expect(sum.pounds.eq(expected)).toBe(true);
        // Pence only when every part was whole pence known as such.
        if (sum.pence !== undefined) expect(poundsFromPence(sum.pence).eq(expected)).toBe(true);
      }),
    );
  });

  it('keeps its total in pence while every figure is', () => {
    const sum = new ExactSum();
    sum.add(new PenceFigure(101n));
    sum.add(new PenceFigure(-1n));
    expect(sum.pence).toBe(100n);
    sum.add(decimalFigure(new Money('0.005')));
    expect(sum.pence).toBeUndefined();
    expect(sum.pounds.toString()).toBe('1.005');
  });
});

describe('the pence paths give the decimal paths’ answers', () => {
  const limitsArb = fc
    .record({
      amberPct: fc.integer({ min: 0, max: 400 }),
      extraPct: fc.integer({ min: 0, max: 400 }),
      amberAbs: fc.integer({ min: 0, max: 10_000_000 }),
      extraAbs: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ amberPct, extraPct, amberAbs, extraAbs }): RagLimits => {
      const plain = {
        amberPct: new Money(amberPct).div(4),
        redPct: new Money(amberPct + extraPct).div(4),
        amberAbs: new Money(amberAbs),
        redAbs: new Money(amberAbs + extraAbs),
      };
      const frac = (m: Money) => {
        const [n, d] = m.toFraction();
        return { numerator: BigInt(n.toFixed(0)), denominator: BigInt(d.toFixed(0)) };
      };
      return {
        ...plain,
        inPence: { amberAbs: BigInt(amberAbs) * 100n, redAbs: BigInt(amberAbs + extraAbs) * 100n, amberPct: frac(plain.amberPct), redPct: frac(plain.redPct) },
      };
    });

  it('RAG status', () => {
    fc.assert(
      fc.property(figure, figure, limitsArb, (variance, budget, limits) => {
        expect(ragForFigures(variance, budget, limits)).toBe(ragFor(variance.pounds, budget.pounds, limits));
      }),
      { numRuns: 2000 },
    );
  });

  it('whether a stated figure is an error, given the steps its figures were rounded to', () => {
    const step = fc.constantFrom('0', '0.1', '1', '10', '1000', '100000', '0.05').map((t) => new Money(t));
    const near = fc.tuple(pence, fc.integer({ min: -200_000, max: 200_000 })).map(([p, d]) => [p, p + BigInt(d)] as const);
    fc.assert(
      fc.property(near, fc.array(step, { minLength: 3, maxLength: 3 }), ([s, c], [own, ...parts]) => {
        const stated = { pounds: poundsFromPence(s), pence: s, step: own };
        const computed = new PenceFigure(c);
        const expected =
          compareStated(
            stated,
            computed.pounds,
            parts.map((st) => ({ pounds: new Money(0), step: st })),
          ).verdict === 'error';
        const inPence = isErrorInPence(stated, computed, [own, ...parts]);
        if (inPence !== undefined) expect(inPence).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('variance as a percentage of budget, to one place', () => {
    fc.assert(
      fc.property(pence, pence, (v, b) => {
        const asDecimals = percentToOnePlace(decimalFigure(poundsFromPence(v)), decimalFigure(poundsFromPence(b)));
        expect(percentToOnePlace(new PenceFigure(v), new PenceFigure(b))).toBe(asDecimals);
      }),
      { numRuns: 2000 },
    );
    expect(percentToOnePlace(new PenceFigure(125n), new PenceFigure(1000n))).toBe('12.5');
    expect(percentToOnePlace(new PenceFigure(-7n), new PenceFigure(100n))).toBe('7');
    expect(percentToOnePlace(new PenceFigure(1n), new PenceFigure(0n))).toBeUndefined();
  });
});

describe('showing whole pence without decimals', () => {
  it('formats exactly as formatAmount does, in every unit and precision', () => {
    fc.assert(
      fc.property(
        pence,
        fc.constantFrom('£', '£k', '£000', '£m' as const),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('brackets', 'minus' as const),
        fc.boolean(),
        (p, unit, decimals, negative, symbol) => {
          const options = { unit, decimals, negative, symbol };
          expect(formatPence(p, options)).toBe(formatAmount(poundsFromPence(p), options));
        },
      ),
      { numRuns: 3000 },
    );
    expect(formatPence(-5n, { unit: '£', decimals: 0 })).toBe('£0'); // rounds to zero: never "(£0)"
    expect(formatPence(-150n, { unit: '£', decimals: 0, negative: 'minus' })).toBe('-£2');
    expect(formatPence(123_456_789n, { unit: '£m', decimals: 1 })).toBe('£1.2m');
  });

  it('writes exact text and decimal places in every unit as Money does', () => {
    fc.assert(
      fc.property(pence, fc.constantFrom(...POUNDS_PER_UNIT), (p, perUnit) => {
        const inUnit = poundsFromPence(p).div(perUnit);
        expect(textInUnitOfPence(p, perUnit)).toBe(inUnit.toString());
        expect(decimalPlacesInUnitOfPence(p, perUnit)).toBe(inUnit.decimalPlaces());
      }),
      { numRuns: 3000 },
    );
    expect(textInUnitOfPence(-7n, 1)).toBe('-0.07');
    expect(textInUnitOfPence(150_000_000n, 1_000_000)).toBe('1.5');
  });
});
