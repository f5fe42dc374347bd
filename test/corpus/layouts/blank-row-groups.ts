/**
 * One table whose groups of lines are separated by single blank rows (which must NOT split it): a
 * police force budget by function with Posts (FTE), Pay, Non-pay and Total (= pay + non-pay). Some
 * seeds head each group with a section row, some close it with a subtotal; the grand total at the foot
 * adds every group across the blank rows. Exercises: single blank rows inside a table, a count
 * column (FTE) that is totalled but is not money, a Total column, subtotals.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { fiscalYear, Random } from '../random';
import { CellSpec, excelRow, MONEY_FORMATS, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'blank-row-groups';

const FORCES = ['Midshire Police', 'Severnvale Police', 'Northshire Constabulary', 'Wealdon and Downs Police'];

const GROUPS: readonly { readonly name: string; readonly functions: readonly string[] }[] = [
  { name: 'Local policing', functions: ['Neighbourhood policing', 'Incident response', 'Local investigations', 'Community safety'] },
  { name: 'Specialist operations', functions: ['Roads policing', 'Armed policing', 'Dogs section', 'Public order'] },
  { name: 'Investigations', functions: ['Major crime', 'Public protection', 'Economic crime', 'Serious and organised crime'] },
  { name: 'Operational support', functions: ['Custody', 'Control room', 'Criminal justice', 'Forensic services'] },
  { name: 'Corporate services', functions: ['Estates', 'ICT', 'Finance', 'People services', 'Professional standards'] },
];

interface Figures {
  readonly fte: number;
  readonly pay: Amount;
  readonly nonPay: Amount;
}

export function blankRowGroups(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const force = rng.pick(FORCES);
  const year = rng.int(2020, 2025);
  const sections = rng.chance(0.5);
  const subtotals = rng.chance(0.4);
  const numFmt = rng.pick(MONEY_FORMATS);
  const formulas = rng.chance(0.5);
  const grid = new Grid(rng.pick(['Budget by function', 'Functions', 'Force budget']));
  const w = new GridWriter(grid);

  w.write([`${force}: revenue budget ${fiscalYear(year)} by function`]);
  w.write([rng.pick(['£000', '£ thousands'])]);
  const header = w.write(['Function', 'Posts (FTE)', 'Pay', 'Non-pay', 'Total']);

  const cells = (label: string, f: Figures): CellSpec[] => [
    label,
    { value: f.fte, numFmt: '#,##0' },
    moneyCell(f.pay, numFmt),
    moneyCell(f.nonPay, numFmt),
    moneyCell(f.pay + f.nonPay, numFmt),
  ];
  const add = (fs: readonly Figures[]): Figures => ({
    fte: fs.reduce((a, f) => a + f.fte, 0),
    pay: sum(fs.map((f) => f.pay)),
    nonPay: sum(fs.map((f) => f.nonPay)),
  });

  const rowTotals: ExpectedRowTotal[] = [];
  const grandAdds: number[] = [];
  const all: Figures[] = [];
  const groups = rng.sample(GROUPS, rng.int(3, GROUPS.length));
  groups.forEach((g, gi) => {
    if (gi > 0) w.skip();
    if (sections) w.write([g.name]);
    const figures = rng.sample(g.functions, rng.int(2, g.functions.length)).map((label) => {
      const fte = rng.int(8, 600);
      // About £50k a post, and non-pay a fraction of pay.
      const pay = BigInt(fte) * BigInt(rng.int(42, 62)) * 100n;
      return { label, f: { fte, pay, nonPay: ((pay * BigInt(rng.int(5, 40))) / 100n / 100n) * 100n } };
    });
    const rows = figures.map(({ label, f }) => w.write(cells(label, f)));
    all.push(...figures.map((x) => x.f));
    if (subtotals) {
      const sub = w.write(cells(`Total ${g.name.toLowerCase()}`, add(figures.map((x) => x.f))));
      rowTotals.push({ row: excelRow(sub), adds: rows.map(excelRow) });
      grandAdds.push(sub);
    } else {
      grandAdds.push(...rows);
    }
  });
  w.skip();
  const totalRow = w.write(cells(rng.pick(['Total force budget', 'Total', 'Net revenue budget']), add(all)));
  rowTotals.push({ row: excelRow(totalRow), adds: grandAdds.map(excelRow) });

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, totalRow, 4),
    unit: '£000',
    rowTotals,
    columnTotals: [{ col: 'E', adds: ['C', 'D'] }],
    kinds: { A: 'text', B: 'count', C: 'money', D: 'money', E: 'money' },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
