import fc from 'fast-check';
import { parseAmount, isDashPlaceholder, type ParsedAmount, excelTextAsNumber, decimalAmountOfTyped, isDecimalAmount } from '../../src/money/parse';
import { UNIT_IDS, type UnitId } from '../../src/money/units';

/** The fields of an amount as strings, so a failure shows what was read. */
function readAmount(input: string | number | null | undefined, unit: UnitId) {
  const parsed = parseAmount(input, unit);
  if (parsed.kind !== 'amount') throw new Error(`expected an amount from ${JSON.stringify(input)}, got ${JSON.stringify(parsed)}`);
  return {
    pounds: parsed.pounds.toString(),
    value: parsed.value.toString(),
    writtenUnit: parsed.writtenUnit,
    decimals: parsed.decimals,
    step: parsed.step.toString(),
  };
}

function reasonFor(input: string | number, unit: UnitId = '£m'): string {
  const parsed = parseAmount(input, unit);
  if (parsed.kind !== 'invalid') throw new Error(`expected ${JSON.stringify(input)} to be invalid, got ${parsed.kind}`);
  expect(parsed.text).toBe(String(input));
  return parsed.reason;
}

describe('parseAmount: text amounts', () => {
  it.each([
    // input, context unit, pounds, value in context unit, written unit, decimals, step
    ['£1.4m', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['1.4m', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['£1.4 million', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['£1.4 Million', '£', '1400000', '1400000', '£m', 1, '100000'],
    ['£ 1.4m', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['£1.4mn', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['1,234.5', '£', '1234.5', '1234.5', '£', 1, '0.1'],
    ['£1,400,000', '£', '1400000', '1400000', '£', 0, '1'],
    ['(1.0)', '£m', '-1000000', '-1', '£m', 1, '100000'],
    ['(£1.0m)', '£m', '-1000000', '-1', '£m', 1, '100000'],
    ['( £1.0m )', '£m', '-1000000', '-1', '£m', 1, '100000'],
    ['-0.36', '£m', '-360000', '-0.36', '£m', 2, '10000'],
    ['−0.36', '£m', '-360000', '-0.36', '£m', 2, '10000'],
    ['–0.36', '£m', '-360000', '-0.36', '£m', 2, '10000'],
    ['-£0.5m', '£m', '-500000', '-0.5', '£m', 1, '100000'],
    ['£-0.5m', '£m', '-500000', '-0.5', '£m', 1, '100000'],
    ['£400k', '£m', '400000', '0.4', '£k', 0, '1000'],
    ['£400K', '£m', '400000', '0.4', '£k', 0, '1000'],
    ['400 thousand', '£', '400000', '400000', '£k', 0, '1000'],
    ['+0.5', '£m', '500000', '0.5', '£m', 1, '100000'],
    ['0', '£m', '0', '0', '£m', 0, '1000000'],
    ['0.0', '£m', '0', '0', '£m', 1, '100000'],
    ['(0.0)', '£m', '0', '0', '£m', 1, '100000'],
    ['  0.35  ', '£m', '350000', '0.35', '£m', 2, '10000'],
    ['\u00a0£1.4m\u00a0', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['£1\u00a0m', '£m', '1000000', '1', '£m', 0, '1000000'],
    ['£1.2bn', '£m', '1200000000', '1200', '£bn', 1, '100000000'],
    ['£1.2 billion', '£', '1200000000', '1200000000', '£bn', 1, '100000000'],
    ['GBP 1.4m', '£m', '1400000', '1.4', '£m', 1, '100000'],
    ['.5', '£m', '500000', '0.5', '£m', 1, '100000'],
    ['5.', '£k', '5000', '5', '£k', 0, '1000'],
    ['£1,400', '£000', '1400000', '1400', '£000', 0, '1000'],
    ['1,400', '£k', '1400000', '1400', '£k', 0, '1000'],
    ['0.000001', '£m', '1', '0.000001', '£m', 6, '1'],
  ] as const)('reads %p in %s', (input, unit, pounds, value, writtenUnit, decimals, step) => {
    expect(readAmount(input, unit)).toEqual({ pounds, value, writtenUnit, decimals, step });
  });

  it('lets an inline unit override the context unit', () => {
    expect(readAmount('£400k', '£m').value).toBe('0.4');
    expect(readAmount('£1.4m', '£k').value).toBe('1400');
    expect(readAmount('£1.4m', '£').value).toBe('1400000');
  });

  it('never reports a negative zero', () => {
    const parsed = parseAmount('(0.0)', '£m');
    expect(parsed.kind === 'amount' && parsed.pounds.isNegative()).toBe(false);
  });
});

describe('parseAmount: numbers', () => {
  it.each([
    [0.35, '£m', '350000', '0.35', 2, '10000'],
    [0.1, '£m', '100000', '0.1', 1, '100000'],
    [-1, '£m', '-1000000', '-1', 0, '1000000'],
    [1234.5, '£', '1234.5', '1234.5', 1, '0.1'],
    [1400, '£000', '1400000', '1400', 0, '1000'],
    [0.1 + 0.2, '£', '0.30000000000000004', '0.30000000000000004', 17, '0.00000000000000001'],
    [-0, '£m', '0', '0', 0, '1000000'],
    [1e21, '£', '1000000000000000000000', '1000000000000000000000', 0, '1'],
  ] as const)('reads %p in %s as its shortest text', (input, unit, pounds, value, decimals, step) => {
    expect(readAmount(input, unit)).toEqual({ pounds, value, writtenUnit: unit, decimals, step });
  });

  it.each([NaN, Infinity, -Infinity])('reports %p as invalid', (input) => {
    expect(reasonFor(input)).toMatch(/not (a number|an amount)/);
  });
});

describe('parseAmount: missing values', () => {
  it.each([
    [null, '', 'blank'],
    [undefined, '', 'blank'],
    ['', '', 'blank'],
    ['   ', '', 'blank'],
    ['\u00a0', '', 'blank'],
    ['TBC', 'TBC', 'to-come'],
    ['tbc', 'tbc', 'to-come'],
    ['TBA', 'TBA', 'to-come'],
    ['n/a', 'n/a', 'not-available'],
    ['N/A', 'N/A', 'not-available'],
    ['na', 'na', 'not-available'],
    ['NA', 'NA', 'not-available'],
    ['..', '..', 'not-available'],
    ['…', '…', 'not-available'],
    [':', ':', 'not-available'],
    ['x', 'x', 'suppressed'],
    ['[c]', '[c]', 'suppressed'],
    ['[x]', '[x]', 'not-available'],
    ['z', 'z', 'not-applicable'],
    ['[n]', '[n]', 'not-available'],
    ['[low]', '[low]', 'not-available'],
    ['[Note 2]', '[Note 2]', 'not-available'],
    ['[z]', '[z]', 'not-applicable'],
    ['not applicable', 'not applicable', 'not-applicable'],
  ])('reads %p as missing with placeholder %p (%s)', (input, placeholder, reason) => {
    expect(parseAmount(input, '£m')).toEqual({ kind: 'missing', placeholder, reason });
  });

  it.each(['-', ' - ', '–', '—', '£ -', '£-'])('reads the dash %p as an exact zero (GSS nil)', (input) => {
    expect(readAmount(input, '£m')).toEqual({ pounds: '0', value: '0', writtenUnit: '£m', decimals: 0, step: '0' });
    expect(isDashPlaceholder(input)).toBe(true);
  });

  it('tells a dash from other placeholders', () => {
    expect(['TBC', 'n/a', '', '0', '-1'].some(isDashPlaceholder)).toBe(false);
  });

  it('reads "nil" as an exact zero, not a missing value', () => {
    expect(readAmount('Nil', '£m')).toEqual({ pounds: '0', value: '0', writtenUnit: '£m', decimals: 0, step: '0' });
  });
});

describe('parseAmount: invalid text, with reasons', () => {
  it.each([
    ['approx 5', '“approx 5” is not an amount'],
    ['1.2.3', '“1.2.3” has more than one decimal point'],
    ['5%', '“5%” is a percentage, not an amount'],
    ['£', '“£” has no number in it'],
    ['(£)', '“(£)” has no number in it'],
    ['1,23,4', '“1,23,4” has commas in the wrong places (group digits in threes: 1,234,567)'],
    ['1,2345', '“1,2345” has commas in the wrong places (group digits in threes: 1,234,567)'],
    ['1.234,5', '“1.234,5” has a comma after the decimal point'],
    ['12abc', '“12abc” is not an amount: “abc” is not a unit (write m, k or bn)'],
    ['(1.0', '“(1.0” has an unmatched bracket'],
    ['1.0)', '“1.0)” has an unmatched bracket'],
    ['(-1.0)', '“(-1.0)” has both brackets and a sign: write (1.0) or -1.0 for a negative'],
    ['--5', '“--5” has more than one sign'],
    ['-£-5', '“-£-5” has more than one sign'],
    ['1 234', '“1 234” is not an amount: digits are separated by spaces (write 1,234 or 1234)'],
    ['#REF!', '“#REF!” is an Excel error, not an amount'],
    ['#DIV/0!', '“#DIV/0!” is an Excel error, not an amount'],
    ['£1.4m (est)', '“£1.4m (est)” is not an amount'],
    ['1e6', '“1e6” is not an amount'],
    ['12 apples', '“12 apples” is not an amount: “apples” is not a unit (write m, k or bn)'],
    ['1'.repeat(31), `“${'1'.repeat(31)}” has more than 30 digits`],
  ])('%p: %s', (input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });

  it('shortens long text in the reason but keeps it whole in `text`', () => {
    const long = `approx ${'9'.repeat(80)}`;
    const parsed = parseAmount(long, '£m');
    expect(parsed).toEqual({ kind: 'invalid', text: long, reason: expect.stringContaining('…” is not an amount') as unknown });
    expect(parsed.kind === 'invalid' && parsed.reason.length).toBeLessThan(80);
  });

  it('reports values that are neither numbers nor text', () => {
    const asInput = (value: unknown) => value as string;
    expect(parseAmount(asInput(true), '£m')).toMatchObject({ kind: 'invalid', reason: 'TRUE is not an amount' });
    expect(parseAmount(asInput(new Date(0)), '£m')).toMatchObject({ kind: 'invalid', reason: 'a date is not an amount' });
    expect(parseAmount(asInput({}), '£m')).toMatchObject({ kind: 'invalid' });
    expect(parseAmount('1', asInput('£tn') as UnitId)).toMatchObject({ kind: 'invalid' });
  });
});

describe('parseAmount: properties', () => {
  const units = fc.constantFrom(...UNIT_IDS);

  function isWellFormed(parsed: ParsedAmount): boolean {
    switch (parsed.kind) {
      case 'amount':
        return parsed.pounds.isFinite() && parsed.step.gte(0) && Number.isInteger(parsed.decimals);
      case 'missing':
        return typeof parsed.placeholder === 'string';
      case 'invalid':
        return parsed.reason.length > 0;
    }
  }

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string(), units, (text, unit) => isWellFormed(parseAmount(text, unit))),
      { numRuns: 2000 },
    );
  });

  it('never throws on any Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), units, (text, unit) => isWellFormed(parseAmount(text, unit))));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), units, (text, unit) => isWellFormed(parseAmount(text, unit))));
  });

  it('never throws on text built from the pieces of amounts', () => {
    const piece = fc.constantFrom(
      '£',
      'GBP',
      '(',
      ')',
      '-',
      '−',
      '–',
      '+',
      '1',
      '0',
      '9',
      ',',
      '.',
      'm',
      'K',
      'bn',
      'million',
      ' ',
      '\u00a0',
      '%',
      'n/a',
      '#REF!',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), units, (pieces, unit) => isWellFormed(parseAmount(pieces.join(''), unit))),
      { numRuns: 3000 },
    );
  });

  it('never throws on any number, and reads finite ones exactly as their text', () => {
    fc.assert(
      fc.property(fc.double(), units, (n, unit) => {
        const parsed = parseAmount(n, unit);
        if (!Number.isFinite(n)) return parsed.kind === 'invalid';
        return parsed.kind === 'amount' && parsed.value.equals(String(n)) && isWellFormed(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on anything at all', () => {
    fc.assert(fc.property(fc.anything(), (value) => isWellFormed(parseAmount(value as string, '£m'))));
  });

  // Speed is the benchmarks' business; this only proves long hostile text is refused, not backtracked on forever.
  it('refuses long hostile text', () => {
    for (const text of ['(' + ' '.repeat(5000) + 'x', '£'.repeat(5000), '1,'.repeat(5000), '(' + '-'.repeat(5000)]) {
      expect(parseAmount(text, '£m').kind).toBe('invalid');
    }
  });
});

describe('excelTextAsNumber: text as Excel arithmetic reads it', () => {
  it.each<[string, number | undefined]>([
    ['1,200', 1200],
    ['£1,200.50', 1200.5],
    [' £ 1,200 ', 1200],
    ['(1,200)', -1200],
    ['( £1,200 )', -1200],
    ['-3', -3],
    ['+3', 3],
    ['- 3', -3],
    ['-£3', -3],
    ['1.', 1],
    ['.5', 0.5],
    ['12.5%', 0.125],
    ['(12.5) %', -0.125],
    ['1.2E3', 1200],
    ['1.2e-3', 0.0012],
    ['1,234,567.25', 1234567.25],
    ['1e400', undefined],
    ['1.2m', undefined],
    ['12,00', undefined],
    ['1,234.5,6', undefined],
    ['1..2', undefined],
    ['.', undefined],
    ['', undefined],
    ['abc', undefined],
    ['(3', undefined],
    ['-(3)', undefined],
    ['£-3', undefined],
    ['−3', undefined],
    ['TBC', undefined],
    ['-', undefined],
  ])('%p is %p', (text, expected) => expect(excelTextAsNumber(text)).toBe(expected));

  it('reads every figure parseAmount reads in pounds without a scale, sign or placeholder, as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), fc.boolean(), (whole, pence, grouped, bracketed) => {
        const digits = grouped ? whole.toLocaleString('en-GB') : String(whole);
        const text = bracketed ? `(£${digits}.${pence})` : `£${digits}.${pence}`;
        const amount = parseAmount(text, '£');
        expect(amount.kind).toBe('amount');
        if (amount.kind === 'amount') expect(excelTextAsNumber(text)).toBe(amount.pounds.toNumber());
      }),
    );
  });
});

describe('decimalAmountOfTyped and isDecimalAmount: the model’s own amounts', () => {
  it.each<[string, string | undefined]>([
    ['15000000', '15000000'],
    ['1234.50', '1234.50'],
    ['£1,234.50', '1234.50'],
    ['£ 1 234', '1234'],
    ['1,2,3', '123'],
    ['(1,200)', '-1200'],
    ['-5', '-5'],
    ['007', '007'],
    ['£1.2m', undefined],
    ['+5', undefined],
    ['1.', undefined],
    ['.5', undefined],
    ['−5', undefined],
    ['nil', undefined],
    ['-', undefined],
    ['-(5)', undefined],
    ['', undefined],
  ])('%p → %p', (text, expected) => expect(decimalAmountOfTyped(text)).toBe(expected));

  it.each([
    ['15000000', true],
    ['-0.5', true],
    ['1,000', false],
    ['1e3', false],
    [' 1', false],
  ])('%p is a model amount: %p', (text, expected) => expect(isDecimalAmount(text)).toBe(expected));
});
