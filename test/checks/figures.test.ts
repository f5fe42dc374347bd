/** A finding's figures show as its message shows them: the same decimals, separators and sign style. */
import { promises as fs } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { findingFigures } from '../../src/checks/figures';
import type { Finding } from '../../src/checks/finding';
import { decimalsFor, money, withNegatives } from '../../src/checks/present';
import { checkWorkbook } from '../../src/checks/runner';
import { Money } from '../../src/money/decimal';
import { PenceFigure } from '../../src/money/pence';
import { UNIT_IDS, UNITS, type UnitId } from '../../src/money/units';
import { defaultModel } from '../../src/model/json';
import { readXlsx } from '../../src/workbook/xlsx/read';

const pounds = (text: string, unit: UnitId = '£'): Money => new Money(text).times(UNITS[unit].factor);

describe('decimalsFor: the decimals a message shows its figures to', () => {
  it('shows figures at the decimals the column’s number format shows, not the 5 places they were stored with', () => {
    // DLUHC's England total in £ thousands, formatted #,##0: £3,948,349k against lines of £3,948,350k.
    const stated = pounds('3948349.00516', '£k');
    const lines = pounds('3948350.00516', '£k');
    const d = decimalsFor({ unit: '£k', shownDecimals: 0 }, stated, lines, lines.minus(stated));
    expect(d).toBe(0);
    expect([money(stated, '£k', d), money(lines, '£k', d), money(lines.minus(stated), '£k', d)]).toEqual(['£3,948,349k', '£3,948,350k', '£1k']);
  });

  it('adds places only as far as two different figures need to read differently', () => {
    expect(decimalsFor({ unit: '£m', shownDecimals: 1 }, pounds('1.8', '£m'), pounds('1.78', '£m'), pounds('0.02', '£m'))).toBe(2);
    expect(decimalsFor({ unit: '£m', shownDecimals: 1 }, pounds('13.4', '£m'), pounds('13.8', '£m'), pounds('0.4', '£m'))).toBe(1);
  });

  it('shows pounds whole or in pence, never to one place, and never finer than a penny', () => {
    expect(decimalsFor({ unit: '£', shownDecimals: 0 }, pounds('119.81'), pounds('120.16'), pounds('0.35'))).toBe(2);
    expect(decimalsFor({ unit: '£k', shownDecimals: 0 }, pounds('1000.001'), pounds('1000.002'))).toBe(5);
  });

  it('keeps the written decimals where the column has no number format', () => {
    expect(decimalsFor('£m', pounds('15', '£m'), pounds('15.1', '£m'))).toBe(1);
    expect(decimalsFor('£', pounds('53600000'), pounds('53800000'))).toBe(0);
  });

  const units = fc.constantFrom<UnitId>(...UNIT_IDS);
  const pence = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });
  it('never shows two figures that differ by a penny or more alike, nor their difference as zero', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 3 }), pence, pence, (unit, shownDecimals, a, b) => {
        fc.pre(a !== b);
        const x = new Money(a.toString()).div(100);
        const y = new Money(b.toString()).div(100);
        const d = decimalsFor({ unit, shownDecimals }, x, y, y.minus(x));
        expect(money(x, unit, d)).not.toBe(money(y, unit, d));
        expect(/[1-9]/.test(money(y.minus(x), unit, d))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findingFigures', () => {
  const finding = (fields: Partial<Finding>): Finding => ({ rule: 'total-mismatch', severity: 'error', sheet: 'S', cell: 'B9', message: '', ...fields });

  it('shows the figures to the decimals the message used, in the unit, with separators', () => {
    const f = finding({ expected: '3948350.00516', actual: '3948349.00516', unit: '£k', decimals: 0 });
    expect(findingFigures(f, 'minus')).toEqual({ expected: '£3,948,350k', actual: '£3,948,349k' });
    expect(findingFigures(finding({ expected: '53600000', actual: '53800000', unit: '£', decimals: 0 }), 'minus')).toEqual({
      expected: '£53,600,000',
      actual: '£53,800,000',
    });
  });

  it('writes negatives as the user chose', () => {
    const f = finding({ actual: '-1', unit: '£m', decimals: 1 });
    expect(findingFigures(f, 'minus')).toEqual({ actual: '-£1.0m' });
    expect(findingFigures(f, 'brackets')).toEqual({ actual: '(£1.0m)' });
  });

  it('works out the decimals as a message would for a finding that does not record them', () => {
    expect(findingFigures(finding({ expected: '1.78', actual: '1.8', unit: '£m' }), 'minus')).toEqual({ expected: '£1.78m', actual: '£1.80m' });
  });

  it('leaves figures that are not money as they are', () => {
    expect(findingFigures(finding({ expected: '12.5', actual: '13' }), 'minus')).toEqual({ expected: '12.5', actual: '13' });
    expect(findingFigures(finding({ actual: 'end March 2020', unit: '£k' }), 'minus')).toEqual({ actual: 'end March 2020' });
  });

  it('shows every figure of the sample’s findings exactly as its message does, in either sign style', async () => {
    const bytes = await fs.readFile(path.join(__dirname, '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx'));
    const workbook = await readXlsx(bytes, 'sample');
    for (const negatives of ['minus', 'brackets'] as const) {
      const model = { ...defaultModel(), settings: { ...defaultModel().settings, negatives } };
      const money = checkWorkbook(workbook, model).findings.filter((f) => f.unit !== undefined && (f.expected !== undefined || f.actual !== undefined));
      expect(money.length).toBeGreaterThan(20);
      for (const f of money) {
        const shown = findingFigures(f, negatives);
        for (const figure of [shown.expected, shown.actual]) if (figure !== undefined) expect(f.message).toContain(figure);
      }
    }
  });
});

describe('messages on a public workbook', () => {
  it('say DLUHC’s England total at the whole thousands its #,##0 format shows', async () => {
    const bytes = await fs.readFile(path.join(__dirname, '..', 'fixtures', 'public', 'dluhc-capital-outturn-cor-b-2018-19.xlsx'));
    const result = checkWorkbook(await readXlsx(bytes, 'dluhc'), defaultModel());
    const total = result.findings.find((f) => f.sheet === 'LA Dropdown' && f.cell === 'D17' && f.rule === 'total-mismatch');
    expect(total?.message).toMatch(/^Total revenue resources \(Amount\) £3,948,349k, but the 3 lines below sum to £3,948,350k: £1k apart/);
    expect(total?.decimals).toBe(0);
    expect(total && findingFigures(total, 'minus')).toEqual({ expected: '£3,948,350k', actual: '£3,948,349k' });
  });
});

describe('withNegatives', () => {
  it('words negatives in the style given for the run, then as before', () => {
    expect(withNegatives('brackets', () => money(pounds('-2.5', '£m'), '£m', 1))).toBe('(£2.5m)');
    expect(money(pounds('-2.5', '£m'), '£m', 1)).toBe('-£2.5m');
  });
});

describe('decimalsFor on figures known in pence and decimals together', () => {
  it('compares them as shown, whichever way each is held', () => {
    const stated = new PenceFigure(180_000_000n); // £1.80m as whole pence
    const computed = pounds('1.78', '£m');
    expect(decimalsFor({ unit: '£m', shownDecimals: 1 }, stated, computed, computed.minus(stated.pounds))).toBe(2);
    expect(decimalsFor({ unit: '£m', shownDecimals: 1 }, stated, pounds('1.8', '£m'))).toBe(1);
  });
});
