/**
 * Tables stacked down one sheet, two or three blank rows apart, each with its own title: net revenue
 * expenditure by directorate (gross, income written negative, net = gross + income; a total), then how
 * it is financed (a total equal to the first table's net total), and in some seeds a council tax table
 * with a year column, a count (tax base) and pounds-and-pence Band D with its increase in per cent.
 * Exercises: splitting a sheet into tables by blank rows, titles and unit rows per table, year and count
 * kinds that must never be added up as money.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, MONEY_FORMATS, moneyCell, percentCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'stacked';

const DIRECTORATES = ['Adults and Health', "Children's Services", 'Communities and Place', 'Housing', 'Resources', 'Corporate and democratic core'];
const GRANTS = ['Retained business rates', 'Revenue support grant', 'Social care grant', 'New homes bonus', 'Services grant'];

export function stacked(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const year = rng.int(2021, 2025);
  const numFmt = rng.pick(MONEY_FORMATS);
  const formulas = rng.chance(0.5);
  const grid = new Grid(rng.pick(['Budget summary', 'Summary', `Budget ${fiscalYear(year).replace('/', '-')}`]));
  const w = new GridWriter(grid, { row: rng.int(0, 1) });
  const gap = () => w.skip(rng.int(2, 3));

  // 1. Net revenue expenditure by directorate.
  w.write([`Net revenue expenditure by directorate ${fiscalYear(year)}`]);
  w.write(['£000']);
  const spendHeader = w.write(['Directorate', 'Gross expenditure', 'Income', 'Net expenditure']);
  const spend = rng.sample(DIRECTORATES, rng.int(4, DIRECTORATES.length)).map((label) => {
    const gross = rng.amount(5_000, 120_000);
    const income = -((gross * BigInt(rng.int(5, 50))) / 100n / 100n) * 100n;
    return { label, figures: [gross, income, gross + income] };
  });
  const spendRows = spend.map((d) => w.write([d.label, ...d.figures.map((a) => moneyCell(a, numFmt))]));
  const spendTotals = [0, 1, 2].map((k) => sum(spend.map((d) => d.figures[k])));
  const spendTotalRow = w.write(['Net revenue expenditure', ...spendTotals.map((a) => moneyCell(a, numFmt))]);
  const spendTable: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(spendHeader, 0, spendTotalRow, 3),
    unit: '£000',
    rowTotals: [{ row: excelRow(spendTotalRow), adds: spendRows.map(excelRow) }],
    columnTotals: [{ col: 'D', adds: ['B', 'C'] }],
    kinds: { A: 'text', B: 'money', C: 'money', D: 'money' },
  };

  // 2. Financed by: the sources add up to the net expenditure above.
  gap();
  w.write([rng.pick(['Financed by', 'Funding the budget', 'Sources of funding'])]);
  const fundingHeader = w.write(['Source', `${fiscalYear(year)} £000`]);
  // Grants and rates take 20-45% of the net budget, a collection fund surplus a little, council tax the rest.
  const sources = rng.sample(GRANTS, rng.int(2, GRANTS.length));
  const net = spendTotals[2];
  const others = rng.split(((net * BigInt(rng.int(20, 45))) / 100n / 100n) * 100n, sources.length);
  if (rng.chance(0.5)) {
    sources.push('Collection fund surplus');
    others.push(((net * BigInt(rng.int(1, 15))) / 1000n / 100n) * 100n + 100n);
  }
  const councilTax = net - sum(others);
  const fundingRows = [w.write(['Council tax', moneyCell(councilTax, numFmt)]), ...sources.map((s, i) => w.write([s, moneyCell(others[i], numFmt)]))];
  const fundingTotalRow = w.write(['Total funding', moneyCell(net, numFmt)]);
  const fundingTable: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(fundingHeader, 0, fundingTotalRow, 1),
    unit: '£000',
    rowTotals: [{ row: excelRow(fundingTotalRow), adds: fundingRows.map(excelRow) }],
    kinds: { A: 'text', B: 'money' },
  };
  const tables = [spendTable, fundingTable];

  // 3. Council tax by year: nothing here adds up.
  if (rng.chance(0.6)) {
    gap();
    w.write(['Council tax']);
    const taxHeader = w.write(['Year', 'Tax base (Band D equivalents)', 'Band D £', 'Increase %']);
    let bandD: Amount = rng.amount(1_400, 2_100, 2);
    let taxBase = rng.int(30_000, 120_000) * 10 + rng.int(0, 9);
    let lastRow = taxHeader;
    for (let y = year - rng.int(3, 5); y <= year; y++) {
      const next = rng.scaled(bandD, 150, 499, 2);
      taxBase += rng.int(100, 900);
      lastRow = w.write([fiscalYear(y), { value: taxBase / 10, numFmt: '#,##0.0' }, moneyCell(next, '#,##0.00'), percentCell(next - bandD, bandD)]);
      bandD = next;
    }
    tables.push({
      sheet: grid.name,
      range: rangeA1(taxHeader, 0, lastRow, 3),
      unit: '£',
      kinds: { A: 'year', B: 'count', C: 'money', D: 'percent' },
    });
  }

  if (formulas) {
    addTotalFormulas(grid, spendTable);
    addTotalFormulas(grid, fundingTable);
  }
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables };
}
