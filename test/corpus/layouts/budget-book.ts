/**
 * A budget book summary with its totals FIRST: the grand total directly under the header, then each
 * directorate as a headline row holding the sum of the service rows beneath it (services indented with
 * leading spaces in some seeds). Columns are either Gross expenditure | Income (negative) | Net budget,
 * or Base budget | Growth | Inflation | Savings (negative) | new Budget, each row's last column the sum
 * of the others. Exercises: a total above its lines, headline rows above children, a grand total over
 * headlines, a column total over several columns with negative parts.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, letter, MONEY_FORMATS, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'budget-book';

const DIRECTORATES: readonly { readonly name: string; readonly services: readonly string[] }[] = [
  {
    name: 'Adult Social Care and Health',
    services: ['Older people', 'Learning disabilities', 'Mental health', 'Physical support', 'Safeguarding adults', 'Adult commissioning'],
  },
  {
    name: "Children's Services",
    services: ["Children's social care", 'Looked after children', 'Early help', 'Education and skills', 'Home to school transport', 'SEND services'],
  },
  {
    name: 'Place',
    services: ['Highways', 'Waste management', 'Planning and regeneration', 'Leisure and culture', 'Public protection', 'Parks and open spaces'],
  },
  { name: 'Resources', services: ['Finance', 'Human resources', 'ICT', 'Legal and democratic services', 'Property services', 'Revenues and benefits'] },
  { name: "Chief Executive's Office", services: ['Communications', 'Policy and performance', 'Emergency planning'] },
];

type Columns = 'gross-income-net' | 'movement';

/** One row's figures: the parts, then the last column, their sum. */
function withNet(parts: readonly Amount[]): Amount[] {
  return [...parts, sum(parts)];
}

export function budgetBook(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const year = rng.int(2021, 2025);
  const columns = rng.pick<Columns>(['gross-income-net', 'movement']);
  const indent = rng.chance(0.6) ? rng.pick(['  ', '    ']) : '';
  const numFmt = rng.pick(MONEY_FORMATS);
  const formulas = rng.chance(0.5);
  const unit = rng.pick(['£000', '£k'] as const);
  const grid = new Grid(rng.pick(['Budget summary', 'Budget book', 'Net budget by service', 'Summary']));
  const w = new GridWriter(grid);

  w.write([`${rng.pick(['Budget book', 'Revenue budget summary', 'Budget by directorate and service'])} ${fiscalYear(year)}`]);
  const headers =
    columns === 'gross-income-net'
      ? ['Gross expenditure', 'Income', 'Net budget']
      : [`${fiscalYear(year - 1)} Base budget`, 'Growth', 'Inflation', 'Savings', `${fiscalYear(year)} Budget`];
  const header = w.write([rng.pick(['Directorate / service', 'Service', 'Directorate']), ...headers.map((h) => `${h} ${unit}`)]);

  const serviceFigures = (): Amount[] => {
    const base = rng.amount(500, 40_000);
    if (columns === 'gross-income-net') return withNet([base, -((base * BigInt(rng.int(5, 45))) / 100n / 100n) * 100n]);
    const growth = rng.chance(0.6) ? ((base * BigInt(rng.int(1, 8))) / 100n / 100n) * 100n : 0n;
    const inflation = ((base * BigInt(rng.int(2, 6))) / 100n / 100n) * 100n;
    const savings = rng.chance(0.7) ? -((base * BigInt(rng.int(1, 5))) / 100n / 100n) * 100n : 0n;
    return withNet([base, growth, inflation, savings]);
  };
  const width = headers.length;
  const add = (rows: readonly (readonly Amount[])[]) => Array.from({ length: width }, (_, k) => sum(rows.map((r) => r[k])));
  const cells = (label: string, figures: readonly Amount[]) => [label, ...figures.map((a) => moneyCell(a, numFmt))];

  // Figures are drawn first: the grand total is written before any line it adds.
  const directorates = rng.sample(DIRECTORATES, rng.int(3, DIRECTORATES.length)).map((d) => {
    const services = rng.sample(d.services, rng.int(2, d.services.length)).map((s) => ({ label: s, figures: serviceFigures() }));
    return { name: d.name, services, figures: add(services.map((s) => s.figures)) };
  });
  const grandRow = w.write(cells(rng.pick(['Total net budget', 'Council total', 'Net revenue budget', 'Total']), add(directorates.map((d) => d.figures))));
  if (rng.chance(0.4)) w.skip();

  const rowTotals: ExpectedRowTotal[] = [];
  const directorateRows: number[] = [];
  for (const d of directorates) {
    const headRow = w.write(cells(d.name, d.figures));
    const serviceRows = d.services.map((s) => w.write(cells(`${indent}${s.label}`, s.figures)));
    rowTotals.push({ row: excelRow(headRow), adds: serviceRows.map(excelRow) });
    directorateRows.push(headRow);
  }
  rowTotals.unshift({ row: excelRow(grandRow), adds: directorateRows.map(excelRow) });

  const moneyLetters = headers.map((_, k) => letter(k + 1));
  const last = w.row - 1;
  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, last, width),
    unit,
    rowTotals,
    columnTotals: [{ col: moneyLetters[width - 1], adds: moneyLetters.slice(0, width - 1) }],
    kinds: { A: 'text', ...Object.fromEntries(moneyLetters.map((l) => [l, 'money' as const])) },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
