/**
 * A three-year capital programme: Scheme | Ref | three year columns | Total, where Total is the sum of
 * the years, and a total row at the foot. Some seeds group schemes under directorate section rows, and
 * some add a subtotal per directorate that the grand total then adds. Exercises: a Total column over
 * years (a column total), text refs as identifiers, years as headers of money columns, zero shown as
 * a dash by number format, section rows with no figures, nested subtotals.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, letter, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'capital-programme';

const DIRECTORATES: readonly { readonly name: string; readonly schemes: readonly string[] }[] = [
  {
    name: "Children's Services",
    schemes: [
      "Primary school expansion - St Mary's",
      'Secondary school basic need',
      'SEND resource base provision',
      'Schools condition programme',
      "Children's home refurbishment",
    ],
  },
  {
    name: 'Highways and Transport',
    schemes: [
      'Highways resurfacing programme',
      'Bridge strengthening - Mill Lane',
      'LED street lighting replacement',
      'Active travel schemes',
      'Bus priority corridor',
      'Town centre public realm',
    ],
  },
  {
    name: 'Housing',
    schemes: ['Disabled facilities grants', 'Temporary accommodation acquisitions', 'Affordable housing enabling', 'Council housing new build - phase 2'],
  },
  {
    name: 'Corporate Resources',
    schemes: ['ICT infrastructure refresh', 'Civic centre decarbonisation', 'Depot relocation', 'Vehicle fleet replacement'],
  },
  {
    name: 'Leisure and Culture',
    schemes: ['Leisure centre refurbishment', 'Central library refit', 'Parks play area improvements', 'Cemetery extension'],
  },
];

/** Shows zero as a dash, as capital programmes usually do, while the cell holds 0. */
const FORMATS = ['#,##0;(#,##0);"-"', '#,##0;-#,##0;"-"', undefined];

type Grouping = 'flat' | 'sections' | 'subtotals';

export function capitalProgramme(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const firstYear = rng.int(2021, 2025);
  const years = [0, 1, 2].map((i) => fiscalYear(firstYear + i));
  const inPounds = rng.chance(0.25);
  const numFmt = rng.pick(FORMATS);
  const formulas = rng.chance(0.5);
  const grouping = rng.pick<Grouping>(['flat', 'sections', 'subtotals']);
  const left = rng.chance(0.3) ? 1 : 0;
  const grid = new Grid(rng.pick(['Capital programme', 'Capital', `Capital ${firstYear}-${firstYear + 3 - 2000}`]));
  const w = new GridWriter(grid, { col: left, row: rng.int(0, 2) });

  const unitText = inPounds ? '£' : '£000';
  const unitInHeader = rng.chance(0.5);
  w.write([`${rng.pick(['Capital programme', 'Proposed capital programme', 'Capital investment programme'])} ${years[0]} to ${years[2]}`]);
  if (!unitInHeader) w.write([inPounds ? '£' : rng.pick(['£000', '£ thousands'])]);
  const u = unitInHeader ? ` ${unitText}` : '';
  const header = w.write(['Scheme', 'Ref', ...years.map((y) => `${y}${u}`), `Total${u}`]);

  const refPrefix = rng.pick(['CAP', 'C', 'CP-']);
  let refNumber = rng.int(100, 800);
  const scheme = (label: string): Amount[] => {
    // Schemes start and finish in different years: some years hold nothing.
    const active = [rng.chance(0.85), rng.chance(0.8), rng.chance(0.6)];
    if (!active.some(Boolean)) active[0] = true;
    const scale = inPounds ? 1_000 : 1;
    const spend = active.map((on) => (on ? rng.amount(20 * scale, 6_000 * scale) : 0n));
    w.write([label, `${refPrefix}${String(refNumber++).padStart(4, '0')}`, ...[...spend, sum(spend)].map((a) => moneyCell(a, numFmt))]);
    return spend;
  };
  const totalLine = (label: string, parts: readonly (readonly Amount[])[]): number => {
    const byYear = [0, 1, 2].map((y) => sum(parts.map((p) => p[y])));
    return w.write([label, null, ...[...byYear, sum(byYear)].map((a) => moneyCell(a, numFmt))]);
  };

  const directorates = rng.sample(DIRECTORATES, rng.int(2, 4));
  const rowTotals: ExpectedRowTotal[] = [];
  const grandAdds: number[] = [];
  const all: Amount[][] = [];
  for (const d of directorates) {
    if (grouping !== 'flat') w.write([d.name]);
    const rows: number[] = [];
    const spends: Amount[][] = [];
    for (const s of rng.sample(d.schemes, rng.int(2, d.schemes.length))) {
      rows.push(w.row);
      spends.push(scheme(s));
    }
    all.push(...spends);
    if (grouping === 'subtotals') {
      const sub = totalLine(`Total ${d.name}`, spends);
      rowTotals.push({ row: excelRow(sub), adds: rows.map(excelRow) });
      grandAdds.push(sub);
      if (rng.chance(0.5)) w.skip();
    } else {
      grandAdds.push(...rows);
    }
  }
  const grand = totalLine(rng.pick(['Total capital programme', 'Total', 'Total capital expenditure']), all);
  rowTotals.push({ row: excelRow(grand), adds: grandAdds.map(excelRow) });

  const col = (i: number) => letter(left + i);
  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, left, grand, left + 5),
    unit: inPounds ? '£' : '£000',
    rowTotals,
    columnTotals: [{ col: col(5), adds: [col(2), col(3), col(4)] }],
    kinds: { [col(0)]: 'text', [col(1)]: 'identifier', [col(2)]: 'money', [col(3)]: 'money', [col(4)]: 'money', [col(5)]: 'money' },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
