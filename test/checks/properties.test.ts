import fc from 'fast-check';
import { checkWorkbook } from '../../src/checks/runner';
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
  fc.constantFrom('Total', 'Budget £m', 'Forecast', 'Variance', 'Borough', 'Lambeth', 'Year', '2019/20', '-', 'TBC', '(1.0)', '£1.4m', 'Keeping Children and Young People Safe (£15.0m)', 'Ref', 'Recipient', 'Award date'),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom<CellValue>({ kind: 'error', code: '#REF!' }, { kind: 'error', code: '#N/A' }),
);

const randomGrid = fc
  .array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 25 })
  .map((rows) => gridOf('Random', rows));

describe('detection and checks on random grids', () => {
  it('never throw', () => {
    const model = defaultModel();
    fc.assert(
      fc.property(randomGrid, (grid) => {
        detectTables(grid, { defaultUnit: '£m' });
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
  budget: fc.oneof(fc.integer({ min: -50, max: 500 }).map((n) => n / 10), fc.constant<number | null>(null)),
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
  return findings
    .map((f) => `${f.rule}|${f.severity}|${f.cell.replace(/\d+$/, '')}|${f.expected ?? ''}|${f.actual ?? ''}|${f.suggestion ?? ''}`)
    .sort();
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
