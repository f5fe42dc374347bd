import fc from 'fast-check';
import { checkWorkbook } from '../../src/checks/runner';
import { rollupWorkbook } from '../../src/analysis/rollup';
import { detectTables } from '../../src/sheet/tables/detect';
import { defaultModel } from '../../src/model/json';
import { CellValue, Grid } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

const TODAY = new Date(Date.UTC(2026, 10, 22));

const cellValue: fc.Arbitrary<CellValue | null> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'Total',
    'Budget £m',
    'Forecast',
    'Variance',
    'Borough',
    'Lambeth',
    'Year',
    '2019/20',
    '-',
    'TBC',
    '(1.0)',
    '£1.4m',
    'Keeping Children and Young People Safe (£15.0m)',
    'Ref',
    'Recipient',
    'Award date',
  ),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom<CellValue>({ kind: 'error', code: '#REF!' }, { kind: 'error', code: '#N/A' }),
);

const randomGrid = fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 25 }).map((rows) => gridOf('Random', rows));

describe('detection and checks on random grids', () => {
  it('never throw', () => {
    const model = defaultModel();
    fc.assert(
      fc.property(randomGrid, (grid) => {
        detectTables(grid, {});
        checkWorkbook({ sheets: [grid] }, model, { today: TODAY });
      }),
      { numRuns: 400 },
    );
  });
});

/** A budget table with random lines in random order: verdicts depend on the figures, not their order. */
const budgetLine = fc.record({
  label: fc.constantFrom('Youth work', 'Advocacy', 'Triage', 'Rescue', 'Mentoring', 'Outreach'),
  borough: fc.constantFrom('Lambeth', 'Barnet', 'Lambet', 'Atlantis'),
  budget: fc.oneof(
    fc.integer({ min: -50, max: 500 }).map((n) => n / 10),
    fc.constant<number | null>(null),
  ),
  forecast: fc.integer({ min: 0, max: 500 }).map((n) => n / 10),
  varianceSlip: fc.constantFrom(0, 0, 0, 0.1, -2),
});

interface BudgetLine {
  label: string;
  borough: string;
  budget: number | null;
  forecast: number;
  varianceSlip: number;
}

function budgetGrid(lines: readonly BudgetLine[], total: number): Grid {
  return gridOf('Budget', [
    ['Budget 2019/20'],
    ['Line', 'Borough', 'Budget £m', 'Forecast £m', 'Variance £m'],
    ...lines.map((l) => [l.label, l.borough, l.budget, l.forecast, l.budget === null ? null : Math.round((l.forecast - l.budget + l.varianceSlip) * 10) / 10]),
    ['Total', null, total, null, null],
  ]);
}

/** Findings without their row numbers: what was found, where in the table's columns, and with which figures. */
function verdicts(grid: Grid): string[] {
  const { findings } = checkWorkbook({ sheets: [grid] }, defaultModel(), { today: TODAY });
  return findings.map((f) => `${f.rule}|${f.severity}|${f.cell.replace(/\d+$/, '')}|${f.expected ?? ''}|${f.actual ?? ''}|${f.suggestion ?? ''}`).sort();
}

describe('shuffling the body rows of a table', () => {
  it('changes no verdict', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(budgetLine, { minLength: 1, maxLength: 12, selector: (l) => `${l.label}|${l.borough}` }),
        fc.integer({ min: 0, max: 3000 }).map((n) => n / 10),
        fc.integer(),
        (lines, total, seed) => {
          const shuffled = fc.sample(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), { numRuns: 1, seed })[0];
          expect(verdicts(budgetGrid(shuffled, total))).toEqual(verdicts(budgetGrid(lines, total)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * Number cells that are whole pence are checked and summed as BigInt pence (money/pence.ts); the same
 * figures written as text take the decimal path. Both must give the same findings and the same rollup.
 */
describe('the whole-pence path and the decimal path', () => {
  const pounds = fc.oneof(
    fc.integer({ min: -10_000_000, max: 500_000_000 }).map((p) => p / 100), // whole pence
    fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 1000), // fractions of a penny
    fc.constantFrom(0, 0.1, 0.2, 0.3, 1e6, 9_999_999.99),
  );
  const line = fc.record({
    area: fc.constantFrom('A Better Criminal Justice Service', 'Keeping Children and Young People Safe', 'Neighbourhood Policing', 'Atlantis'),
    borough: fc.constantFrom('Lambeth', 'Barnet', 'Hackney'),
    year: fc.constantFrom('2018/19', '2019/20', '2020/21'),
    budget: pounds,
    forecast: pounds,
    slip: fc.constantFrom(0, 0, 0, 0.01, -0.5, 0.001),
  });
  const unit = fc.constantFrom('£', '£m', '£k');

  type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;

  function lineGrid(lines: readonly Line[], unitId: string, asText: boolean): Grid {
    const figure = (n: number): CellValue => (asText ? String(n) : n);
    return gridOf('Lines', [
      ['Ref', 'Line', 'Priority area', 'Borough', 'Year', `Budget ${unitId}`, `Forecast ${unitId}`, `Variance ${unitId}`],
      ...lines.map((l, i) => [
        `L${i + 1}`,
        `Line ${i + 1}`,
        l.area,
        l.borough,
        l.year,
        figure(l.budget),
        figure(l.forecast),
        figure(Math.round((l.forecast - l.budget + l.slip) * 1000) / 1000),
      ]),
    ]);
  }

  it('give the same findings and rollups', () => {
    const model = defaultModel();
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 15 }), unit, (lines, unitId) => {
        const [numbers, texts] = [false, true].map((asText) => {
          const workbook = { sheets: [lineGrid(lines, unitId, asText)] };
          const check = checkWorkbook(workbook, model, { today: TODAY });
          const rollup = rollupWorkbook(workbook, model, ['priority-area', 'year'], { tables: check.tables });
          return JSON.stringify({ findings: check.findings, rollup });
        });
        expect(numbers).toBe(texts);
      }),
      { numRuns: 300 },
    );
  });
});
