/**
 * A town council's income and expenditure account as it comes out of a PDF-to-spreadsheet conversion:
 * every figure is TEXT ("12,345", "(1,234)" for negatives, "-" for nil), two year columns (this year,
 * last year), the header repeated part-way down where the PDF's page broke, totals for income and
 * expenditure, the surplus or deficit (income − expenditure) and, in some seeds, balances brought and
 * carried forward. Exercises: text amounts and dashes, a repeated header inside a table, a total
 * that subtracts, brackets for negatives, nested totals.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../../structure/expected';
import { Amount, sum, toText } from '../money';
import { Random } from '../random';
import { CellSpec, excelRow, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'town-council-accounts';

const TOWNS = ['Ashby Parva', 'Little Wealdon', 'Market Eastbridge', 'Kingsmere', 'Stowbury', 'Hadleigh Cross'];

const INCOME: readonly { readonly label: string; readonly min: number; readonly max: number }[] = [
  { label: 'Precept', min: 80_000, max: 600_000 },
  { label: 'Grants received', min: 2_000, max: 40_000 },
  { label: 'Allotment rents', min: 500, max: 4_000 },
  { label: 'Burial fees', min: 2_000, max: 20_000 },
  { label: 'Hall hire income', min: 3_000, max: 30_000 },
  { label: 'Bank interest', min: 50, max: 6_000 },
  { label: 'Donations', min: 100, max: 3_000 },
  { label: 'Other income', min: 200, max: 8_000 },
];

const EXPENDITURE: readonly { readonly label: string; readonly min: number; readonly max: number }[] = [
  { label: 'Staff costs', min: 30_000, max: 250_000 },
  { label: 'Premises costs', min: 5_000, max: 60_000 },
  { label: 'Grounds maintenance', min: 5_000, max: 50_000 },
  { label: 'Grants and donations paid', min: 1_000, max: 20_000 },
  { label: 'Administration', min: 3_000, max: 30_000 },
  { label: 'Insurance', min: 1_500, max: 10_000 },
  { label: 'Audit fees', min: 500, max: 4_000 },
  { label: 'Christmas lights and events', min: 2_000, max: 25_000 },
  { label: 'Loan repayments', min: 3_000, max: 30_000 },
];

type Pair = readonly [Amount, Amount];

export function townCouncilAccounts(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const town = rng.pick(TOWNS);
  const yearEnd = rng.int(2019, 2024);
  const withBalances = rng.chance(0.6);
  const grid = new Grid(rng.pick(['Sheet1', 'Page 1', 'Table 1', 'I&E']));
  const w = new GridWriter(grid);
  const text = (a: Amount) => toText(a, { decimals: 0, nil: '-' });
  const cells = (label: string, [now, before]: Pair): CellSpec[] => [label, text(now), text(before)];

  w.write([`${town} Town Council`]);
  w.write([`Income and expenditure account for the year ended 31 March ${yearEnd}`]);
  const headerCells: CellSpec[] = rng.chance(0.5)
    ? [null, `31 March ${yearEnd} £`, `31 March ${yearEnd - 1} £`]
    : [null, `${yearEnd - 1}/${String(yearEnd % 100).padStart(2, '0')} £`, `${yearEnd - 2}/${String((yearEnd - 1) % 100).padStart(2, '0')} £`];
  const header = w.write(headerCells);

  // A line is nil in one year now and then, as a grant that came only once.
  const pair = (min: number, max: number): Pair => {
    const now = rng.chance(0.12) ? 0n : rng.amount(min, max);
    const before = rng.chance(0.12) ? 0n : rng.scaled(now === 0n ? rng.amount(min, max) : now, -2_000, 2_000);
    return [now, before];
  };
  const addPairs = (ps: readonly Pair[], signs?: readonly (1n | -1n)[]): Pair => [
    sum(ps.map((p, i) => (signs?.[i] ?? 1n) * p[0])),
    sum(ps.map((p, i) => (signs?.[i] ?? 1n) * p[1])),
  ];

  // The PDF's page breaks after a few expenditure lines, so the header comes again there.
  const incomeLines = rng.sample(INCOME, rng.int(4, INCOME.length)).map((l) => ({ label: l.label, figures: pair(l.min, l.max) }));
  const spendLines = rng.sample(EXPENDITURE, rng.int(5, EXPENDITURE.length)).map((l) => ({ label: l.label, figures: pair(l.min, l.max) }));
  const pageBreakAfter = rng.int(1, spendLines.length - 2);

  w.write(['Income']);
  const incomeRows = incomeLines.map((l) => w.write(cells(l.label, l.figures)));
  const income = addPairs(incomeLines.map((l) => l.figures));
  const incomeRow = w.write(cells('Total income', income));
  w.skip();
  w.write(['Expenditure']);
  const spendRows = spendLines.map((l, i) => {
    const row = w.write(cells(l.label, l.figures));
    if (i === pageBreakAfter) {
      if (rng.chance(0.5)) w.skip();
      w.write(headerCells);
    }
    return row;
  });
  const spend = addPairs(spendLines.map((l) => l.figures));
  const spendRow = w.write(cells('Total expenditure', spend));
  w.skip();
  const surplus = addPairs([income, spend], [1n, -1n]);
  const surplusRow = w.write(cells('Surplus/(deficit) for the year', surplus));

  const rowTotals: ExpectedRowTotal[] = [
    { row: excelRow(incomeRow), adds: incomeRows.map(excelRow) },
    { row: excelRow(spendRow), adds: spendRows.map(excelRow) },
    { row: excelRow(surplusRow), adds: [excelRow(incomeRow)], subtracts: [excelRow(spendRow)] },
  ];
  let last = surplusRow;
  if (withBalances) {
    // Last year's carried-forward balance is this year's brought-forward one.
    // Enough in hand that no year closes overdrawn.
    const deficit = (a: Amount) => (a < 0n ? -a : 0n);
    const openingBefore = rng.amount(20_000, 400_000) + deficit(surplus[0]) + deficit(surplus[1]);
    const opening: Pair = [openingBefore + surplus[1], openingBefore];
    const openingRow = w.write(cells('Balances brought forward', opening));
    last = w.write(cells('Balances carried forward', addPairs([opening, surplus])));
    rowTotals.push({ row: excelRow(last), adds: [excelRow(openingRow), excelRow(surplusRow)] });
  }

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, last, 2),
    unit: '£',
    rowTotals,
    kinds: { A: 'text', B: 'money', C: 'money' },
  };
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
