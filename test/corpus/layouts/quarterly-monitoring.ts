/**
 * A quarterly budget monitoring table: title in A1, "£000" alone in A2, header in row 3: Service |
 * Budget | Q1 | Q2 | Q3 | Q4 | Full-year forecast | Variance | Variance %, a Total row. Full-year
 * forecast = Q1 + … + Q4, Variance = forecast − budget, Variance % = variance ÷ budget (0.0%).
 * Exercises: a column total over quarters, a variance identity, a per-cent column, the model's
 * variance roles (budget, forecast, variance). Variances stay under the red RAG thresholds (10%,
 * £500k), so a clean table draws no variance warning.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum, units } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, MONEY_FORMATS, moneyCell, percentCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'quarterly-monitoring';

const BODIES: readonly { readonly name: string; readonly services: readonly string[] }[] = [
  {
    name: 'Kingsmere Borough Council',
    services: [
      'Adult social care',
      "Children's services",
      'Education',
      'Public health',
      'Highways and transport',
      'Waste and environment',
      'Housing',
      'Planning and regeneration',
      'Culture and leisure',
      'Corporate services',
    ],
  },
  {
    name: 'Severnvale Police',
    services: [
      'Local policing',
      'Response',
      'Specialist operations',
      'Investigations',
      'Public protection',
      'Intelligence',
      'Criminal justice and custody',
      'Contact management',
      'Corporate support',
    ],
  },
  {
    name: 'NHS Weald and Downs Integrated Care Board',
    services: [
      'Acute services',
      'Mental health services',
      'Community health services',
      'Continuing care',
      'Primary care',
      'Prescribing',
      'Other programme services',
      'Running costs',
    ],
  },
];

export function quarterlyMonitoring(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const body = rng.pick(BODIES);
  const year = rng.int(2020, 2024);
  const quarter = rng.int(1, 4);
  const numFmt = rng.pick(MONEY_FORMATS);
  const formulas = rng.chance(0.5);
  const grid = new Grid(rng.pick([`Q${quarter} monitoring`, 'Revenue monitoring', `Month ${quarter * 3}`, 'Budget monitoring']));
  const w = new GridWriter(grid);

  w.write([`${body.name}: revenue budget monitoring ${fiscalYear(year)}, quarter ${quarter}`]);
  w.write(['£000']);
  const header = w.write(['Service', 'Budget', 'Q1', 'Q2', 'Q3', 'Q4', 'Full-year forecast', 'Variance', 'Variance %']);

  interface Line {
    readonly label: string;
    readonly budget: Amount;
    readonly quarters: readonly Amount[];
  }
  const cells = (l: Line, row: number) => {
    const forecast = sum(l.quarters);
    const variance = forecast - l.budget;
    return [
      l.label,
      moneyCell(l.budget, numFmt),
      ...l.quarters.map((q) => moneyCell(q, numFmt)),
      moneyCell(forecast, numFmt),
      moneyCell(variance, numFmt),
      percentCell(variance, l.budget, formulas ? `H${row + 1}/B${row + 1}` : undefined),
    ];
  };

  const labels = rng.sample(body.services, rng.int(5, body.services.length));
  const lines: Line[] = labels.map((label) => {
    const budget = rng.amount(2_000, 60_000);
    // |variance| under 8% of budget, and all of them together under £450k: below the red thresholds
    // for every line and for the total.
    const limit = [(budget * 8n) / 100n, units(450) / BigInt(labels.length)].reduce((a, b) => (a < b ? a : b));
    const variance = rng.amount(0, Number(limit / 100n)) * (rng.chance(0.5) ? -1n : 1n);
    // Spend runs fairly evenly through the year.
    const quarters = rng.split(budget + variance, 4, 0, 80, 120);
    return { label, budget, quarters };
  });
  const lineRows = lines.map((l) => w.write(cells(l, w.row)));
  if (rng.chance(0.3)) w.skip();
  const total: Line = {
    label: rng.pick(['Total', 'Total net expenditure', 'Net revenue budget']),
    budget: sum(lines.map((l) => l.budget)),
    quarters: [0, 1, 2, 3].map((q) => sum(lines.map((l) => l.quarters[q]))),
  };
  const totalRow = w.write(cells(total, w.row));

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, totalRow, 8),
    unit: '£000',
    rowTotals: [{ row: excelRow(totalRow), adds: lineRows.map(excelRow) }],
    columnTotals: [
      { col: 'G', adds: ['C', 'D', 'E', 'F'] },
      { col: 'H', adds: ['G'], subtracts: ['B'] },
    ],
    kinds: { A: 'text', B: 'money', C: 'money', D: 'money', E: 'money', F: 'money', G: 'money', H: 'money', I: 'percent' },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
