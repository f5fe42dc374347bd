import Decimal from 'decimal.js';
import fc from 'fast-check';
import { apportionWholePounds, buildBudgetLines, readForecastAdjustments } from '../../src/samples/budget-lines';
import { readKeyActivities } from '../../src/samples/key-activities';

describe('apportionWholePounds', () => {
  it('splits the LCPF re-profiling over the LCPF lines in whole pounds adding up to -£1,000,000', () => {
    // Exact shares of 1,000,000 by 4.1, 3.6, 1.5, 0.3, 3.6 (of 13.1): 312977.10, 274809.16, 114503.82,
    // 22900.76, 274809.16. Flooring leaves 2 pounds, which go to the largest remainders (.82 and .76).
    const parts = apportionWholePounds(
      new Decimal(-1_000_000),
      ['4.1', '3.6', '1.5', '0.3', '3.6'].map((w) => new Decimal(w)),
    );
    expect(parts.map((p) => p.toFixed(0))).toEqual(['-312977', '-274809', '-114504', '-22901', '-274809']);
  });

  it('always gives whole pounds that sum exactly to the total, each within a pound of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const ws = weights.map((w) => new Decimal(w));
          const parts = apportionWholePounds(new Decimal(total), ws);
          const sum = parts.reduce((s, p) => s.plus(p), new Decimal(0));
          const weightSum = ws.reduce((s, w) => s.plus(w), new Decimal(0));
          expect(sum.equals(total)).toBe(true);
          parts.forEach((part, i) => {
            expect(part.isInteger()).toBe(true);
            expect(part.minus(new Decimal(total).times(ws[i]).div(weightSum)).abs().lessThan(1)).toBe(true);
          });
        },
      ),
    );
  });

  it('refuses weights that cannot share anything', () => {
    expect(() => apportionWholePounds(new Decimal(10), [new Decimal(0)])).toThrow(/not all zero/);
    expect(() => apportionWholePounds(new Decimal('10.5'), [new Decimal(1)])).toThrow(/not whole pounds/);
  });
});

const activities = readKeyActivities(
  {
    title: 'Key activities',
    headers: ['Key activity', 'Funding stream', '2019/20 £m'],
    year: '2019/20',
    sources: [{ document: 'seed.txt', locator: 'slide' }],
    priorityAreas: [
      {
        code: 'A',
        name: 'Area A',
        seedHeading: 'Area A',
        headline: '1.0',
        activities: [
          { ref: 'A-01', label: 'One', amount: '0.6', budgetLine: { fundingStream: 'MOPAC core', streamBasis: 'illustrative' } },
          {
            ref: 'A-02',
            label: 'Two',
            amount: '0.45',
            seedStream: 'LCPF',
            budgetLine: { fundingStream: 'London Crime Prevention Fund', streamBasis: 'stated' },
          },
        ],
      },
    ],
  },
  'test activities',
);

describe('buildBudgetLines', () => {
  it('turns £m into whole pounds and moves only the adjusted forecasts', () => {
    const adjustments = readForecastAdjustments(
      {
        forecastAdjustments: [
          { id: 'x', description: 'x', amountPounds: '-100000', method: 'single', refs: ['A-02'], source: { document: 'seed.txt', locator: 'row' } },
        ],
      },
      'test adjustments',
    );
    const lines = buildBudgetLines(activities, adjustments);
    expect(lines.map((l) => [l.ref, l.priorityArea, l.fundingStream, l.year, l.budget, l.forecast])).toEqual([
      ['A-01', 'Area A', 'MOPAC core', '2019/20', '600000', '600000'],
      ['A-02', 'Area A', 'London Crime Prevention Fund', '2019/20', '450000', '350000'],
    ]);
  });

  it('says which adjustment names a line that does not exist', () => {
    const adjustments = readForecastAdjustments(
      { forecastAdjustments: [{ id: 'y', description: 'y', amountPounds: '-1', method: 'single', refs: ['B-09'], source: { document: 'd', locator: 'l' } }] },
      'test adjustments',
    );
    expect(() => buildBudgetLines(activities, adjustments)).toThrow('forecast adjustment y: names B-09, which is no key activity');
  });
});
