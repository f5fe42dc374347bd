import fc from 'fast-check';
import { Money } from '../../src/money/decimal';
import { UNITS, UNIT_IDS, fromPounds, isUnitId, namesCurrency, toPounds, unitFromText, unitInNote, unitRowStatement } from '../../src/money/units';

describe('UNITS', () => {
  it.each([
    ['£', '1'],
    ['£k', '1000'],
    ['£000', '1000'],
    ['£m', '1000000'],
  ] as const)('%s is %s pounds a unit', (id, factor) => {
    expect(UNITS[id].id).toBe(id);
    expect(UNITS[id].factor.toString()).toBe(factor);
    expect(UNITS[id].label.length).toBeGreaterThan(0);
  });

  it('recognises unit ids only', () => {
    expect(UNIT_IDS.every(isUnitId)).toBe(true);
    expect(isUnitId('£bn')).toBe(true);
    expect(isUnitId('£tn')).toBe(false);
    expect(isUnitId(undefined)).toBe(false);
  });
});

describe('toPounds and fromPounds', () => {
  it('scales by the unit', () => {
    expect(toPounds(new Money('1.4'), '£m').toString()).toBe('1400000');
    expect(toPounds(new Money('400'), '£k').toString()).toBe('400000');
    expect(fromPounds(new Money('1400000'), '£000').toString()).toBe('1400');
    expect(fromPounds(new Money('123.45'), '£m').toString()).toBe('0.00012345');
  });

  it('round-trips exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(6), fc.constantFrom(...UNIT_IDS), (n, scale, unit) => {
        const value = new Money(n.toString()).div(new Money(10).pow(scale));
        expect(fromPounds(toPounds(value, unit), unit).equals(value)).toBe(true);
      }),
    );
  });
});

describe('unitFromText', () => {
  it.each([
    ['Allocation £m', '£m'],
    ['(£m)', '£m'],
    ['£ms', '£m'],
    ['£ million', '£m'],
    ['£millions', '£m'],
    ['£mn', '£m'],
    ['£M', '£m'],
    ['2019/20 Budget £m', '£m'],
    ['Forecast £m.', '£m'],
    ['GBP m', '£m'],
    ['GBPm', '£m'],
    ['Budget (m)', '£m'],
    ['£k', '£k'],
    ['£K', '£k'],
    ['Spend £ thousands', '£k'],
    ['£000', '£000'],
    ["£'000", '£000'],
    ['£’000', '£000'],
    ['£000s', '£000'],
    ["£000's", '£000'],
    ["(£ '000)", '£000'],
    ["Budget ('000)", '£000'],
    ['£', '£'],
    ['Budget (£)', '£'],
    ['Amount £', '£'],
    ['Amount (GBP)', '£'],
    ['Value\u00a0£m', '£m'],
    ['Budget £m (VAWG fund £15.0m)', '£m'],
  ] as const)('finds the unit in %p: %s', (text, unit) => {
    expect(unitFromText(text)).toBe(unit);
  });

  it.each([
    'Management',
    'Programme',
    'Budget',
    'Milestones',
    'Keeping Children and Young People Safe (£15.0m)',
    '£1.4m',
    '£ 0.5m',
    '£400k',
    '£1,400,000',
    'GBPX',
    '',
  ])('finds no unit in %p', (text) => {
    expect(unitFromText(text)).toBeUndefined();
  });

  it('reads billions', () => {
    expect(unitFromText('Budget £bn')).toBe('£bn');
    expect(unitFromText('(£ billion)')).toBe('£bn');
  });

  it('takes the first unit stated', () => {
    expect(unitFromText('£000 (was £m)')).toBe('£000');
    expect(unitFromText('£1.4m of £k')).toBe('£k');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const unit = unitFromText(text);
        expect(unit === undefined || isUnitId(unit)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('£', 'gbp', 'm', 'k', "'", '000', 's', ' ', '(', ')', '1', '.', 'bn', 'x')), (parts) => {
        const unit = unitFromText(parts.join(''));
        expect(unit === undefined || isUnitId(unit)).toBe(true);
      }),
    );
  });
});

describe('unitRowStatement: a row that states the unit and nothing else', () => {
  it.each([
    ['£000', '£000'],
    ['£ thousands', '£k'],
    ['(£ thousand)', '£k'],
    ['£m', '£m'],
    ['All figures in £000', '£000'],
    ['Amounts in thousands', '£000'],
    ['Thousands', '£000'],
    ['(000s)', '£000'],
    ['millions', '£m'],
    ['(k)', '£k'],
    ['(m)', '£m'],
    ['bn', '£bn'],
    ['\u00a0£m\u00a0', '£m'],
  ])('%p states %p', (text, unit) => expect(unitRowStatement(text)).toBe(unit));

  it.each(['Revenue budget (£000)', 'K', 'Table of figures', '£1.4m', 'x'.repeat(61)])('%p is not a unit row', (text) => {
    expect(unitRowStatement(text)).toBeUndefined();
  });
});

describe('unitInNote and namesCurrency', () => {
  it('reads a unit a note states in passing, and only then', () => {
    expect(unitInNote('Data in this worksheet is reported in thousands of pounds (£ thousands)')).toBe('£000');
    expect(unitInNote('Figures in millions of pounds')).toBe('£m');
    expect(unitInNote('All amounts £m')).toBe('£m');
    expect(unitInNote('Budget book (£m)')).toBeUndefined();
  });

  it('tells money from a bare scale', () => {
    expect(namesCurrency('£ thousands')).toBe(true);
    expect(namesCurrency('thousands of pounds')).toBe(true);
    expect(namesCurrency('GBP')).toBe(true);
    expect(namesCurrency('Thousands')).toBe(false);
  });
});
