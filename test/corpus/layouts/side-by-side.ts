/**
 * Two tables side by side on one sheet, two or three blank columns apart, each with its own title: small
 * grants in pounds and pence with a Total, and earmarked reserves in £000 (closing = opening + transfers,
 * transfers of either sign) with a total. Exercises: splitting a sheet into tables by blank columns,
 * different units and header rows per table, pence.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { Random } from '../random';
import { excelRow, letter, MONEY_FORMATS, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'side-by-side';

const GRANTEES: readonly { readonly name: string; readonly purpose: string }[] = [
  { name: 'Ashby Parva Scouts', purpose: 'Camping equipment' },
  { name: 'Friends of Mill Park', purpose: 'Bulb planting' },
  { name: 'Stowbury Lunch Club', purpose: 'Hall hire' },
  { name: 'Kingsmere Talking Newspaper', purpose: 'Recording equipment' },
  { name: 'St Anne’s Toddler Group', purpose: 'Toys and books' },
  { name: 'Market Eastbridge in Bloom', purpose: 'Hanging baskets' },
  { name: 'Wealdon Senior Citizens Club', purpose: 'Summer outing' },
  { name: 'Hadleigh Cross Youth Football', purpose: 'Kit and goal nets' },
  { name: 'Eastbridge Community Choir', purpose: 'Sheet music' },
  { name: 'Little Wealdon Village Hall', purpose: 'Defibrillator' },
  { name: 'Riverside Litter Pickers', purpose: 'Litter pickers and bags' },
  { name: 'Stowbury Historical Society', purpose: 'Exhibition boards' },
  { name: 'Ashby Parva Carnival Committee', purpose: 'Public liability insurance' },
  { name: 'Kingsmere Men’s Shed', purpose: 'Workshop tools' },
  { name: 'Hadleigh Cross Food Larder', purpose: 'Freezer' },
];

const RESERVES = [
  'Insurance reserve',
  'Business rates equalisation reserve',
  'Capital financing reserve',
  'Transformation reserve',
  'Public health reserve',
  'Schools balances',
  'PFI reserve',
  'Elections reserve',
  'Homelessness prevention reserve',
  'Climate emergency reserve',
];

export function sideBySide(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const year = rng.int(2019, 2024);
  const formulas = rng.chance(0.5);
  const grid = new Grid(rng.pick(['Grants and reserves', 'Appendix B', 'Reserves']));

  // Left: small grants in pounds and pence.
  const left = new GridWriter(grid);
  left.write([`Small grants awarded ${year}/${String((year + 1) % 100).padStart(2, '0')}`]);
  if (rng.chance(0.4)) left.skip();
  const leftHeader = left.write(['Recipient', 'Purpose', 'Amount £']);
  const grants = rng.sample(GRANTEES, rng.int(6, GRANTEES.length));
  const grantAmounts = grants.map(() => rng.amount(50, 2_000, rng.chance(0.7) ? 2 : 0));
  const grantFormat = rng.pick(['#,##0.00', '"£"#,##0.00', undefined]);
  const grantRows = grants.map((g, i) => left.write([g.name, g.purpose, moneyCell(grantAmounts[i], grantFormat)]));
  const grantTotalRow = left.write([rng.pick(['Total', 'Total grants awarded']), null, moneyCell(sum(grantAmounts), grantFormat)]);

  // Right: earmarked reserves in £000, two or three blank columns further on.
  const right0 = 3 + rng.int(2, 3);
  const right = new GridWriter(grid, { col: right0, row: rng.int(0, 2) });
  const numFmt = rng.pick(MONEY_FORMATS);
  right.write([rng.pick(['Earmarked reserves', 'Movement in earmarked reserves'])]);
  right.write(['£000']);
  const rightHeader = right.write(['Reserve', `Balance 1 April ${year}`, 'Transfers in/(out)', `Balance 31 March ${year + 1}`]);
  const reserves = rng.sample(RESERVES, rng.int(5, RESERVES.length)).map((label) => {
    const opening = rng.amount(100, 12_000);
    // Transfers out never take a reserve below nothing.
    const transfer = rng.chance(0.5) ? rng.amount(0, 3_000) : -((opening * BigInt(rng.int(0, 90))) / 100n / 100n) * 100n;
    return { label, figures: [opening, transfer, opening + transfer] as Amount[] };
  });
  const reserveRows = reserves.map((r) => right.write([r.label, ...r.figures.map((a) => moneyCell(a, numFmt))]));
  const reserveTotals = [0, 1, 2].map((k) => sum(reserves.map((r) => r.figures[k])));
  const reserveTotalRow = right.write([rng.pick(['Total earmarked reserves', 'Total']), ...reserveTotals.map((a) => moneyCell(a, numFmt))]);

  const grantsTable: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(leftHeader, 0, grantTotalRow, 2),
    unit: '£',
    rowTotals: [{ row: excelRow(grantTotalRow), adds: grantRows.map(excelRow) }],
    kinds: { A: 'text', B: 'text', C: 'money' },
  };
  const col = (i: number) => letter(right0 + i);
  const reservesTable: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(rightHeader, right0, reserveTotalRow, right0 + 3),
    unit: '£000',
    rowTotals: [{ row: excelRow(reserveTotalRow), adds: reserveRows.map(excelRow) }],
    columnTotals: [{ col: col(3), adds: [col(1), col(2)] }],
    kinds: { [col(0)]: 'text', [col(1)]: 'money', [col(2)]: 'money', [col(3)]: 'money' },
  };
  if (formulas) {
    addTotalFormulas(grid, grantsTable);
    addTotalFormulas(grid, reservesTable);
  }
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [grantsTable, reservesTable] };
}
