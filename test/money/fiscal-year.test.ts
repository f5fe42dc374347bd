import fc from 'fast-check';
import {
  canonicalYearText,
  findFiscalYear,
  fiscalYearLabel,
  fiscalYearOfDate,
  fiscalYearSpan,
  isFiscalYearLabel,
  parseFiscalYear,
} from '../../src/money/fiscal-year';

function startOf(input: string | number): number {
  const parsed = parseFiscalYear(input);
  if (parsed.kind !== 'year') throw new Error(`expected a year from ${JSON.stringify(input)}, got ${JSON.stringify(parsed)}`);
  return parsed.year.start;
}

function reasonFor(input: string | number): string {
  const parsed = parseFiscalYear(input);
  if (parsed.kind !== 'invalid') throw new Error(`expected ${JSON.stringify(input)} to be invalid, got ${JSON.stringify(parsed)}`);
  expect(parsed.text).toBe(String(input));
  return parsed.reason;
}

describe('fiscalYearLabel', () => {
  it.each([
    [2019, '2019/20'],
    [2009, '2009/10'],
    [1999, '1999/00'],
    [2099, '2099/00'],
  ])('labels %p as %s', (start, label) => {
    expect(fiscalYearLabel(start)).toBe(label);
  });
});

describe('parseFiscalYear: valid years', () => {
  it.each([
    '2019/20',
    '2019-20',
    '2019–20',
    '2019—20',
    '2019 / 20',
    'FY19/20',
    'fy19/20',
    'FY 19/20',
    'FY2019/20',
    'FY 2019-20',
    '19/20',
    '19-20',
    '2019/2020',
    '2019-2020',
    ' 2019/20\u00a0',
  ])('reads %p as 2019/20', (input) => {
    const parsed = parseFiscalYear(input);
    expect(parsed).toEqual({ kind: 'year', year: { start: 2019, label: '2019/20' } });
  });

  it('reads two-digit years from 50 as the 1900s and below 50 as the 2000s', () => {
    expect(startOf('99/00')).toBe(1999);
    expect(startOf('49/50')).toBe(2049);
    expect(startOf('50/51')).toBe(1950);
    expect(startOf('09/10')).toBe(2009);
  });

  it('reads a century-crossing year', () => {
    expect(startOf('1999/00')).toBe(1999);
    expect(startOf('1999/2000')).toBe(1999);
  });
});

describe('parseFiscalYear: invalid years, with reasons', () => {
  it.each([
    ['2019/21', '“2019/21” is not a fiscal year: the second year must follow the first (2019/20)'],
    ['2019/2021', '“2019/2021” is not a fiscal year: the second year must follow the first (2019/20)'],
    ['2020/19', '“2020/19” is not a fiscal year: the second year must follow the first (2020/21)'],
    ['2019/19', '“2019/19” is not a fiscal year: the second year must follow the first (2019/20)'],
    ['19/21', '“19/21” is not a fiscal year: the second year must follow the first (2019/20)'],
    ['2019/20/21', '“2019/20/21” names more than one year; a fiscal year is two years, such as 2019/20'],
    ['20200', '“20200” is not a fiscal year; write one such as 2019/20'],
    ['2019/201', '“2019/201” is not a fiscal year; write one such as 2019/20'],
    ['2019', '“2019” is a single year; a fiscal year runs April to March across two: write 2019/20 or 2018/19'],
    ['FY2019', '“FY2019” is a single year; a fiscal year runs April to March across two: write 2019/20 or 2018/19'],
    ['FY20', '“FY20” is ambiguous; write the fiscal year in full: 2019/20 or 2020/21'],
    ['FY 1/2', '“FY 1/2” is not a fiscal year; write one such as 2019/20'],
    ['1800/01', '“1800/01” is outside the years this tool reads (1900 to 2099); year 1800'],
  ])('%p: %s', (input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });

  it('reads numbers as years would be typed', () => {
    expect(reasonFor(2019)).toContain('write 2019/20 or 2018/19');
    expect(reasonFor(20200)).toBe('“20200” is not a fiscal year; write one such as 2019/20');
  });
});

describe('parseFiscalYear: not years at all', () => {
  it.each(['', 'Budget', 'Total', '3/4', '1.2', '£1.4m', '01/04/2019x', 'abc/de'])('%p is none', (input) => {
    expect(parseFiscalYear(input)).toEqual({ kind: 'none' });
  });

  it.each([5, 0, -2019, 2019.5, 1234, NaN])('the number %p is none', (input) => {
    expect(parseFiscalYear(input)).toEqual({ kind: 'none' });
  });
});

describe('findFiscalYear', () => {
  it.each([
    ['2019/20 Budget £m', 2019, 0, '2019/20'],
    ['Budget 2020-21 (£m)', 2020, 7, '2020-21'],
    ['FY19/20 Forecast', 2019, 0, 'FY19/20'],
    ['Forecast FY 2021/22', 2021, 9, 'FY 2021/22'],
    ['Spend in 2018–19.', 2018, 9, '2018–19'],
    ['Budget 19/20 £m', 2019, 7, '19/20'],
    ['Outturn 2019/2020', 2019, 8, '2019/2020'],
  ])('finds the year in %p', (text, start, index, written) => {
    const found = findFiscalYear(text);
    expect(found).toEqual({ year: { start, label: fiscalYearLabel(start) }, index, length: written.length });
    expect(text.slice(found?.index, (found?.index ?? 0) + (found?.length ?? 0))).toBe(written);
  });

  it.each(['Budget £m', 'Paid 01/04/2019', 'Rows 2019/20/21', 'Multi-year 2019/20-2021/22', 'Range £1,400-2,000', 'Budget 2019/21', 'Budget 2019', ''])(
    'finds no fiscal year in %p',
    (text) => {
      expect(findFiscalYear(text)).toBeUndefined();
    },
  );

  it('skips an invalid year and finds a later valid one', () => {
    expect(findFiscalYear('2019/21 restated as 2020/21')?.year.label).toBe('2020/21');
  });
});

describe('fiscalYearOfDate', () => {
  it.each([
    ['2020-03-31T23:59:59Z', '2019/20'],
    ['2020-04-01T00:00:00Z', '2020/21'],
    ['2019-12-25T12:00:00Z', '2019/20'],
    ['2020-01-01T00:00:00Z', '2019/20'],
  ])('puts %s in %s with an April start', (iso, label) => {
    expect(fiscalYearOfDate(new Date(iso)).label).toBe(label);
  });

  it('uses another start month when given', () => {
    expect(fiscalYearOfDate(new Date('2020-06-30T00:00:00Z'), 7).label).toBe('2019/20');
    expect(fiscalYearOfDate(new Date('2020-07-01T00:00:00Z'), 7).label).toBe('2020/21');
    expect(fiscalYearOfDate(new Date('2020-01-01T00:00:00Z'), 1).start).toBe(2020);
  });

  it('refuses a bad start month or an invalid date', () => {
    expect(() => fiscalYearOfDate(new Date('2020-01-01'), 13)).toThrow('1 to 12');
    expect(() => fiscalYearOfDate(new Date('2020-01-01'), 0)).toThrow(RangeError);
    expect(() => fiscalYearOfDate(new Date('not a date'))).toThrow('not a valid date');
  });

  it('agrees with the label of every day of a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2090 }), fc.integer({ min: 0, max: 364 }), (start, day) => {
        const date = new Date(Date.UTC(start, 3, 1) + day * 86_400_000);
        expect(fiscalYearOfDate(date)).toEqual({ start, label: fiscalYearLabel(start) });
      }),
    );
  });
});

describe('fiscal years: properties', () => {
  it('parses every label it writes, in every written form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2098 }), fc.constantFrom('/', '-', '–'), fc.boolean(), (start, separator, fy) => {
        const end = String(start + 1);
        const forms = [`${start}${separator}${end.slice(2)}`, `${start}${separator}${end}`];
        for (const form of forms) {
          const written = fy ? `FY${form}` : form;
          expect(parseFiscalYear(written)).toEqual({ kind: 'year', year: { start, label: fiscalYearLabel(start) } });
          expect(findFiscalYear(`Budget ${written} £m`)?.year.start).toBe(start);
        }
      }),
    );
  });

  it('never throws on any text or number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(['year', 'invalid', 'none']).toContain(parseFiscalYear(text).kind);
        const found = findFiscalYear(text);
        if (found) expect(found.index + found.length).toBeLessThanOrEqual(text.length);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('20', '19', '2019', '/', '-', '–', 'FY', ' ', '.', 'x')), (parts) => {
        const text = parts.join('');
        expect(['year', 'invalid', 'none']).toContain(parseFiscalYear(text).kind);
        findFiscalYear(text);
      }),
    );
    fc.assert(fc.property(fc.double(), (n) => ['year', 'invalid', 'none'].includes(parseFiscalYear(n).kind)));
  });
});

describe('isFiscalYearLabel and fiscalYearSpan: the label the model holds', () => {
  it.each([
    ['2019/20', true],
    ['1999/00', true],
    ['0019/20', true],
    ['2019/21', false],
    ['2019-20', false],
    ['19/20', false],
    ['2019/2020', false],
    [' 2019/20', false],
  ])('%s is a label: %s', (text, expected) => expect(isFiscalYearLabel(text)).toBe(expected));

  it('reads spans oldest first', () => {
    expect(fiscalYearSpan('2019/20-2021/22')).toEqual(['2019/20', '2021/22']);
    expect(fiscalYearSpan('2019/20')).toEqual(['2019/20', '2019/20']);
    expect(fiscalYearSpan('2021/22-2019/20')).toBeUndefined();
    expect(fiscalYearSpan('2019/20-2019/20')).toBeUndefined();
    expect(fiscalYearSpan('2019/20-2020/21-2021/22')).toBeUndefined();
    expect(fiscalYearSpan('2019-20')).toBeUndefined();
  });
});

describe('canonicalYearText: a year typed into the Model sheet', () => {
  it.each([
    ['2019/20', '2019/20'],
    ['2019-20', '2019/20'],
    ['2019 / 20', '2019/20'],
    ['FY19/20', '2019/20'],
    ['fy 2019-2020', '2019/20'],
    ['19/20', '2019/20'],
    ['19/2020', '2019/20'],
    ['2019/2020', '2019/20'],
    ['1999/2000', '1999/00'],
    ['1850-51', '1850/51'],
    ['0019/20', '0019/20'],
    ['2019/20-2021/22', '2019/20-2021/22'],
    ['2019-20 to 2021-22', '2019/20-2021/22'],
    ['FY19/20 – FY21/22', '2019/20-2021/22'],
    ['2019/20—2020/21', '2019/20-2020/21'],
    // Unchanged, for the model's validation to name.
    ['2019/21', '2019/21'],
    ['2019', '2019'],
    ['2019–20', '2019–20'],
    ['2019/20/21', '2019/20/21'],
    [' 2019-20', ' 2019-20'],
    ['next year', 'next year'],
  ])('%j → %j', (text, expected) => expect(canonicalYearText(text)).toBe(expected));

  it('reads a two-digit start year in the 2000s, where cells and headers read the nearest century', () => {
    expect(canonicalYearText('99/00')).toBe('2099/00');
    expect(canonicalYearText('50/51')).toBe('2050/51');
    expect(startOf('99/00')).toBe(1999);
    expect(startOf('50/51')).toBe(1950);
  });

  it('agrees with parseFiscalYear on every form both read, for years from 2000 to 2048', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2048 }),
        fc.constantFrom('/', '-', ' / '),
        fc.constantFrom('', 'FY', 'fy ', 'FY '),
        fc.constantFrom('long-short', 'long-long', 'short-short'),
        (start, separator, prefix, form) => {
          const [first, second] = form.split('-').map((length, i) => String(start + i).slice(length === 'long' ? 0 : 2));
          const written = `${prefix}${first}${separator}${second}`;
          const parsed = parseFiscalYear(written);
          expect(parsed.kind === 'year' ? parsed.year.label : undefined).toBe(fiscalYearLabel(start));
          expect(canonicalYearText(written)).toBe(fiscalYearLabel(start));
        },
      ),
    );
  });

  it('keeps every label as it stands and never throws', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9998 }), (start) => expect(canonicalYearText(fiscalYearLabel(start))).toBe(fiscalYearLabel(start))));
    fc.assert(fc.property(fc.string(), (text) => expect(typeof canonicalYearText(text)).toBe('string')));
  });
});
