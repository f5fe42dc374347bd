import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Money } from '../../src/money/decimal';
import { defaultDecimals, excelNumberFormat, formatAmount, formatAmountSeen, roundToUnit } from '../../src/money/format';
import { parseAmount } from '../../src/money/parse';
import { UNITS, UNIT_IDS, type UnitId } from '../../src/money/units';

const pounds = (text: string) => new Money(text);

describe('formatAmount', () => {
  it.each([
    ['1400000', {}, '£1.4m'],
    ['-1000000', {}, '(£1.0m)'],
    ['53600000', {}, '£53.6m'],
    ['1234567890', {}, '£1,234.6m'],
    ['1400000', { unit: '£' }, '£1,400,000'],
    ['1400000', { unit: '£k' }, '£1,400k'],
    ['1400000', { unit: '£000' }, '£1,400'],
    ['1400000', { symbol: false }, '1.4'],
    ['-1000000', { symbol: false }, '(1.0)'],
    ['-1000000', { negative: 'minus' }, '-£1.0m'],
    ['-1000000', { negative: 'minus', symbol: false }, '-1.0'],
    ['-1234.5', { unit: '£', decimals: 2 }, '(£1,234.50)'],
    ['350000', { decimals: 2 }, '£0.35m'],
    ['1400000', { decimals: 0 }, '£1m'],
    ['999', { unit: '£k' }, '£1k'],
    ['999999', { unit: '£', decimals: 0 }, '£999,999'],
  ] as const)('shows %s pounds with %j as %s', (amount, options, shown) => {
    expect(formatAmount(pounds(amount), options)).toBe(shown);
  });

  it('rounds half away from zero, as Excel displays', () => {
    expect(formatAmount(pounds('1450000'))).toBe('£1.5m');
    expect(formatAmount(pounds('-1450000'))).toBe('(£1.5m)');
    expect(formatAmount(pounds('1449999.99'))).toBe('£1.4m');
    expect(formatAmount(pounds('2.5'), { unit: '£' })).toBe('£3');
    expect(formatAmount(pounds('-2.5'), { unit: '£' })).toBe('(£3)');
  });

  it('shows a figure that rounds to zero without brackets or minus', () => {
    expect(formatAmount(pounds('-40000'))).toBe('£0.0m');
    expect(formatAmount(pounds('-40000'), { negative: 'minus', symbol: false })).toBe('0.0');
    expect(formatAmount(pounds('-0'))).toBe('£0.0m');
    expect(formatAmount(pounds('0'), { unit: '£' })).toBe('£0');
  });

  it('uses 1 decimal place for £m and none for the others by default', () => {
    expect(UNIT_IDS.map(defaultDecimals)).toEqual([0, 0, 0, 1, 1]);
    expect(formatAmount(pounds('1234.56'), { unit: '£' })).toBe('£1,235');
  });

  it('accepts a Decimal from any constructor', () => {
    expect(formatAmount(new Decimal('1400000'))).toBe('£1.4m');
  });

  it('refuses bad decimals and non-finite amounts', () => {
    expect(() => formatAmount(pounds('1'), { decimals: -1 })).toThrow('0 to 20');
    expect(() => formatAmount(pounds('1'), { decimals: 1.5 })).toThrow(RangeError);
    expect(() => formatAmount(new Money(NaN))).toThrow('not an amount');
    expect(() => formatAmount(new Money(Infinity))).toThrow(RangeError);
  });
});

describe('roundToUnit', () => {
  it.each([
    ['1450000', '£m', 1, '1500000'],
    ['-1450000', '£m', 1, '-1500000'],
    ['1449999', '£m', 1, '1400000'],
    ['1234.5', '£', 0, '1235'],
    ['1234.5', '£k', 0, '1000'],
    ['1234.5', '£000', 1, '1200'],
    ['-40000', '£m', 1, '0'],
  ] as const)('rounds %s pounds in %s to %d dp as %s pounds', (amount, unit, decimals, rounded) => {
    const result = roundToUnit(pounds(amount), unit, decimals);
    expect(result.toString()).toBe(rounded);
    expect(result.isNegative() && result.isZero()).toBe(false);
  });
});

describe('excelNumberFormat', () => {
  it.each([
    ['£m', 1, '"£"#,##0.0,,"m"_);("£"#,##0.0,,"m");"£"0.0,,"m"_)'],
    ['£m', 0, '"£"#,##0,,"m"_);("£"#,##0,,"m");"£"0,,"m"_)'],
    ['£k', 0, '"£"#,##0,"k"_);("£"#,##0,"k");"£"0,"k"_)'],
    ['£000', 0, '"£"#,##0,_);("£"#,##0,);"£"0,_)'],
    ['£', 2, '"£"#,##0.00_);("£"#,##0.00);"£"0.00_)'],
  ] as const)('for %s to %d dp is %s', (unit, decimals, code) => {
    expect(excelNumberFormat(unit, decimals)).toBe(code);
  });

  it('has three sections, brackets for negatives and one "," per thousand of scale', () => {
    for (const unit of UNIT_IDS) {
      for (const decimals of [0, 1, 2, 3]) {
        const code = excelNumberFormat(unit, decimals);
        const sections = code.split(';');
        expect(sections).toHaveLength(3);
        expect(sections[1]).toMatch(/^\(.*\)$/);
        // Literals are quoted, so every quote pairs up.
        expect((code.match(/"/g) ?? []).length % 2).toBe(0);
        const unquoted = code.replace(/"[^"]*"/g, '');
        const scaleCommas = (unquoted.split(';')[0] ?? '').match(/0,+/)?.[0].length ?? 1;
        expect(new Money(1000).pow(scaleCommas - 1).equals(UNITS[unit].factor)).toBe(true);
        const places = (unquoted.split(';')[0] ?? '').match(/\.(0+)/)?.[1]?.length ?? 0;
        expect(places).toBe(decimals);
      }
    }
  });

  it('refuses bad decimals', () => {
    expect(() => excelNumberFormat('£m', 21)).toThrow(RangeError);
  });
});

describe('formatting: properties', () => {
  const units = fc.constantFrom<UnitId>(...UNIT_IDS);

  /** An amount with at most `decimals` places in `unit`, given in pounds. */
  const displayable = fc
    .record({
      unit: units,
      decimals: fc.integer({ min: 0, max: 4 }),
      units: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
    })
    .map(({ unit, decimals, units: count }) => ({
      unit,
      decimals,
      pounds: new Money(count.toString()).div(new Money(10).pow(decimals)).times(UNITS[unit].factor),
    }));

  it('parses what it formats back to the same amount, for every unit, symbol and sign style', () => {
    fc.assert(
      fc.property(displayable, fc.boolean(), fc.constantFrom('brackets' as const, 'minus' as const), ({ unit, decimals, pounds: amount }, symbol, negative) => {
        const shown = formatAmount(amount, { unit, decimals, symbol, negative });
        const parsed = parseAmount(shown, unit);
        expect(parsed.kind).toBe('amount');
        if (parsed.kind === 'amount') {
          expect(parsed.pounds.toString()).toBe(amount.toString());
          expect(parsed.decimals).toBe(decimals);
        }
      }),
      { numRuns: 2000 },
    );
  });

  const anyPounds = fc
    .record({ digits: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), scale: fc.integer({ min: 0, max: 8 }) })
    .map(({ digits, scale }) => new Money(digits.toString()).div(new Money(10).pow(scale)));

  it('roundToUnit moves a figure by at most half a display unit, onto a displayable figure', () => {
    fc.assert(
      fc.property(anyPounds, units, fc.integer({ min: 0, max: 4 }), (amount, unit, decimals) => {
        const displayUnit = new Money(10).pow(-decimals).times(UNITS[unit].factor);
        const rounded = roundToUnit(amount, unit, decimals);
        expect(rounded.minus(amount).abs().lte(displayUnit.div(2))).toBe(true);
        expect(rounded.div(displayUnit).isInteger()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatAmount shows exactly the rounded figure', () => {
    fc.assert(
      fc.property(anyPounds, units, fc.integer({ min: 0, max: 4 }), (amount, unit, decimals) => {
        const parsed = parseAmount(formatAmount(amount, { unit, decimals }), unit);
        expect(parsed.kind === 'amount' && parsed.pounds.toString()).toBe(roundToUnit(amount, unit, decimals).toString());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatAmountSeen: a small amount that is not zero never reads as nothing', () => {
  it.each([
    ['-22900', { unit: '£m', decimals: 1, negative: 'minus' }, '-£0.02m'],
    ['-22900', { unit: '£m', decimals: 1, negative: 'brackets' }, '(£0.02m)'],
    ['22900', { unit: '£m', decimals: 1 }, '£0.02m'],
    ['-1400000', { unit: '£m', decimals: 1, negative: 'minus' }, '-£1.4m'],
    ['0', { unit: '£m', decimals: 1 }, '£0.0m'],
    ['0.004', { unit: '£', decimals: 0 }, '£0.00'],
    ['-0.4', { unit: '£', decimals: 0, negative: 'minus' }, '-£0.40'],
    ['-1234567.89', { unit: '£', decimals: 0, negative: 'brackets' }, '(£1,234,568)'],
  ] as const)('shows %s pounds with %j as %s', (amount, options, shown) => {
    expect(formatAmountSeen(pounds(amount), options)).toBe(shown);
  });

  const anyPounds = fc
    .record({ digits: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), scale: fc.integer({ min: 0, max: 6 }) })
    .map(({ digits, scale }) => new Money(digits.toString()).div(new Money(10).pow(scale)));
  const units = fc.constantFrom<UnitId>(...UNIT_IDS);
  const styles = fc.constantFrom('brackets' as const, 'minus' as const);

  it('parses back to within half a shown unit, with the sign kept, and is never an unsigned zero for a figure of a penny or more', () => {
    fc.assert(
      fc.property(anyPounds, units, fc.integer({ min: 0, max: 3 }), styles, (amount, unit, decimals, negative) => {
        const shown = formatAmountSeen(amount, { unit, decimals, negative });
        const parsed = parseAmount(shown, unit);
        expect(parsed.kind).toBe('amount');
        if (parsed.kind !== 'amount') return;
        const shownDecimals = /\.(\d+)/.exec(shown)?.[1].length ?? 0;
        expect(shownDecimals).toBeGreaterThanOrEqual(decimals);
        const halfUnit = new Money(10).pow(-shownDecimals).times(UNITS[unit].factor).div(2);
        expect(parsed.pounds.minus(amount).abs().lte(halfUnit)).toBe(true);
        if (amount.abs().gte('0.01')) {
          expect(parsed.pounds.isZero()).toBe(false);
          expect(parsed.pounds.isNegative()).toBe(amount.isNegative());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shows amounts that read as non-zero exactly as formatAmount does', () => {
    fc.assert(
      fc.property(anyPounds, units, fc.integer({ min: 0, max: 3 }), styles, (amount, unit, decimals, negative) => {
        const plain = formatAmount(amount, { unit, decimals, negative });
        if (!roundToUnit(amount, unit, decimals).isZero() || amount.isZero()) expect(formatAmountSeen(amount, { unit, decimals, negative })).toBe(plain);
      }),
      { numRuns: 1000 },
    );
  });
});
