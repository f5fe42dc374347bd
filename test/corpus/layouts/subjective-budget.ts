/**
 * A subjective revenue budget (council or police): spend lines by subjective heading, gross
 * expenditure, income lines written negative, total income and net expenditure, for two years, with
 * Change (later − earlier) and Change % as a fraction shown 0.0%. Exercises: a unit row, nested totals
 * (net = gross + income), negative lines, a column identity with subtraction, a per-cent column.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum, units } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, letter, MONEY_FORMATS, moneyCell, percentCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'subjective-budget';

interface Heading {
  readonly label: string;
  /** Typical size in £000. */
  readonly min: number;
  readonly max: number;
}

interface Organisation {
  readonly name: string;
  readonly spend: readonly Heading[];
  readonly income: readonly string[];
}

const COUNCIL_SPEND: readonly Heading[] = [
  { label: 'Employees', min: 20_000, max: 90_000 },
  { label: 'Premises', min: 2_000, max: 9_000 },
  { label: 'Transport', min: 500, max: 4_000 },
  { label: 'Supplies and services', min: 3_000, max: 15_000 },
  { label: 'Third party payments', min: 5_000, max: 40_000 },
  { label: 'Transfer payments', min: 1_000, max: 20_000 },
  { label: 'Support services', min: 1_000, max: 6_000 },
  { label: 'Capital financing costs', min: 2_000, max: 10_000 },
];

const POLICE_SPEND: readonly Heading[] = [
  { label: 'Police officer pay and allowances', min: 80_000, max: 200_000 },
  { label: 'Police staff pay and allowances', min: 30_000, max: 80_000 },
  { label: 'PCSO pay and allowances', min: 3_000, max: 8_000 },
  { label: 'Police pensions', min: 5_000, max: 20_000 },
  { label: 'Premises', min: 5_000, max: 15_000 },
  { label: 'Transport', min: 2_000, max: 6_000 },
  { label: 'Supplies and services', min: 10_000, max: 30_000 },
  { label: 'Third party payments', min: 2_000, max: 10_000 },
  { label: 'Capital financing', min: 2_000, max: 8_000 },
];

const COUNCIL_INCOME = [
  'Fees and charges',
  'Sales',
  'Rents',
  'Government grants',
  'Other grants and contributions',
  'Recharges to other services',
  'Other income',
];
const POLICE_INCOME = ['Specific grants', 'Fees and charges', 'Partnership income', 'Secondments', 'Other income'];

const ORGANISATIONS: readonly Organisation[] = [
  { name: 'Northshire County Council', spend: COUNCIL_SPEND, income: COUNCIL_INCOME },
  { name: 'Eastbridge Borough Council', spend: COUNCIL_SPEND, income: COUNCIL_INCOME },
  { name: 'West Wealdon District Council', spend: COUNCIL_SPEND, income: COUNCIL_INCOME },
  { name: 'Police and Crime Commissioner for Midshire', spend: POLICE_SPEND, income: POLICE_INCOME },
  { name: 'Chief Constable of Severnvale Police', spend: POLICE_SPEND, income: POLICE_INCOME },
];

const SHEET_NAMES = ['Revenue budget', 'Subjective analysis', 'Subjective summary', 'Budget by subjective'];

interface Line {
  readonly label: string;
  readonly earlier: Amount;
  readonly later: Amount;
}

export function subjectiveBudget(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const org = rng.pick(ORGANISATIONS);
  const startYear = rng.int(2020, 2024);
  const formulas = rng.chance(0.5);
  const numFmt = rng.pick(MONEY_FORMATS);
  const left = rng.chance(0.25) ? 1 : 0;
  const grid = new Grid(rng.pick(SHEET_NAMES));
  const w = new GridWriter(grid, { col: left });

  const spend: Line[] = rng.sample(org.spend, rng.int(5, org.spend.length)).map((h) => {
    const earlier = rng.amount(h.min, h.max);
    return { label: h.label, earlier, later: rng.scaled(earlier, -800, 1_000) };
  });
  const grossEarlier = sum(spend.map((l) => l.earlier));
  const incomeLabels = rng.sample(org.income, rng.int(2, 4));
  // Income is a share of gross, so net stays well above zero; written negative.
  const incomeShares = rng.split(units(rng.int(15, 45)), incomeLabels.length);
  const income: Line[] = incomeLabels.map((label, i) => {
    const earlier = -((grossEarlier * incomeShares[i]) / 10_000n / 100n) * 100n;
    return { label, earlier, later: rng.scaled(earlier, -1_000, 1_000) };
  });

  const changeCol = letter(left + 3);
  const rowOf = (l: Line, r: number) => [
    l.label,
    moneyCell(l.earlier, numFmt),
    moneyCell(l.later, numFmt),
    moneyCell(l.later - l.earlier, numFmt),
    percentCell(l.later - l.earlier, l.earlier, formulas ? `${changeCol}${r + 1}/${letter(left + 1)}${r + 1}` : undefined),
  ];
  const writeLine = (l: Line) => w.write(rowOf(l, w.row));
  const totalOf = (label: string, lines: readonly Line[]): Line => ({
    label,
    earlier: sum(lines.map((l) => l.earlier)),
    later: sum(lines.map((l) => l.later)),
  });

  w.write([
    `${org.name}: revenue budget ${fiscalYear(startYear)}, ${rng.pick(['subjective analysis', 'analysis by subjective heading', 'summary by type of spend'])}`,
  ]);
  w.write([rng.pick(['£000', '£ thousands'])]);
  if (rng.chance(0.3)) w.skip();
  const header = w.write(['Subjective', `${fiscalYear(startYear - 1)} Budget`, `${fiscalYear(startYear)} Budget`, 'Change', 'Change %']);
  const spendRows = spend.map(writeLine);
  const gross = totalOf(rng.pick(['Gross expenditure', 'Total expenditure', 'Gross revenue expenditure']), spend);
  const grossRow = writeLine(gross);
  if (rng.chance(0.5)) w.skip();
  const incomeRows = income.map(writeLine);
  const totalIncome = totalOf('Total income', income);
  const incomeRow = writeLine(totalIncome);
  const netRow = writeLine(totalOf(rng.pick(['Net expenditure', 'Net budget requirement', 'Net revenue expenditure']), [gross, totalIncome]));

  const col = (i: number) => letter(left + i);
  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, left, netRow, left + 4),
    unit: '£000',
    rowTotals: [
      { row: excelRow(grossRow), adds: spendRows.map(excelRow) },
      { row: excelRow(incomeRow), adds: incomeRows.map(excelRow) },
      { row: excelRow(netRow), adds: [excelRow(grossRow), excelRow(incomeRow)] },
    ],
    columnTotals: [{ col: col(3), adds: [col(2)], subtracts: [col(1)] }],
    kinds: { [col(0)]: 'text', [col(1)]: 'money', [col(2)]: 'money', [col(3)]: 'money', [col(4)]: 'percent' },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
