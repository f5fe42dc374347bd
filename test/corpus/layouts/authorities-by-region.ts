/**
 * One row per local authority, A to Z, with a Region column, and a row per region that totals the
 * authorities its Region names, wherever they fall in the list; an England row totals the regions.
 * The England and region rows come first (as in DLUHC live tables) or last. Money columns in £000 with a
 * Total column across them, a count of dwellings, and in some seeds an average per dwelling in pounds
 * that must never be added. Exercises: totals of groups named by a column of categories rather than by
 * position, a label column to the right of a code column, counts that show structure but are never
 * reconciled, a rate column left alone.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'authorities-by-region';

const REGIONS: readonly { readonly name: string; readonly code: string; readonly gss: string }[] = [
  { name: 'North East', code: 'NE', gss: 'E12000001' },
  { name: 'North West', code: 'NW', gss: 'E12000002' },
  { name: 'Yorkshire and the Humber', code: 'YH', gss: 'E12000003' },
  { name: 'East Midlands', code: 'EM', gss: 'E12000004' },
  { name: 'West Midlands', code: 'WM', gss: 'E12000005' },
  { name: 'East of England', code: 'E', gss: 'E12000006' },
  { name: 'London', code: 'L', gss: 'E12000007' },
  { name: 'South East', code: 'SE', gss: 'E12000008' },
  { name: 'South West', code: 'SW', gss: 'E12000009' },
];

const PLACES = [
  'Ashbourne',
  'Barnford',
  'Castlebridge',
  'Dunmoor',
  'Eastwick',
  'Fernley',
  'Greyhaven',
  'Holmbury',
  'Ironbridge Vale',
  'Kingsmere',
  'Longford',
  'Marchbank',
  'Northolt Park',
  'Oakenshaw',
  'Pennington',
  'Queensbury',
  'Redcliffe',
  'Stanmoor',
  'Thornbury',
  'Upperton',
  'Westmarsh',
  'Yarrowdale',
  'Aldermoor',
  'Brookfield',
  'Coldharbour',
  'Deepdale',
  'Elmsworth',
  'Foxley',
  'Glenridge',
  'Hartwell',
  'Kelsey',
  'Lindfield',
  'Millbrook',
  'Newlands',
  'Orchard Vale',
  'Ridgeway',
];

interface Authority {
  readonly name: string;
  readonly region: number;
  readonly figures: readonly Amount[];
  readonly dwellings: number;
}

export function authoritiesByRegion(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const year = rng.int(2019, 2025);
  const regions = rng.sample(REGIONS, rng.int(3, 6));
  const names = rng.sample(PLACES, rng.int(Math.max(12, regions.length * 3), 30));
  const byCode = rng.chance(0.5);
  const regionsFirst = rng.chance(0.6);
  const withAverage = rng.chance(0.5);
  // Every region gets at least two authorities, so each of its rows totals something.
  const regionOf = rng.shuffle(names.map((_, i) => (i < regions.length * 2 ? i % regions.length : rng.int(0, regions.length - 1))));
  const authorities: Authority[] = names.map((name, i) => {
    const tax = rng.amount(20_000, 400_000);
    const rates = rng.amount(5_000, 250_000);
    return { name, region: regionOf[i], figures: [tax, rates, tax + rates], dwellings: rng.int(20_000, 180_000) };
  });

  const grid = new Grid(rng.pick(['Table 3', 'By authority', `LA data ${fiscalYear(year).replace('/', '-')}`]));
  const w = new GridWriter(grid);
  w.write([`Council tax and retained business rates by local authority and region, ${fiscalYear(year)}`]);
  w.write([rng.pick(['£ thousands', '£000', 'All figures in £000 unless stated'])]);
  w.skip();
  const header = w.write([
    'ONS code',
    'Local authority',
    'Region',
    'Council tax',
    'Retained business rates',
    'Total',
    'Number of dwellings',
    ...(withAverage ? ['Average per dwelling (£)'] : []),
  ]);
  const last = withAverage ? 7 : 6;
  const key = (r: number): string => (byCode ? regions[r].code : regions[r].name);
  const englandKey = byCode ? 'ENG' : 'England';
  const writeRow = (code: string, name: string, region: string, figures: readonly Amount[], dwellings: number): number =>
    w.write([
      code,
      name,
      region,
      ...figures.map((a) => moneyCell(a, '#,##0')),
      { value: dwellings, numFmt: '#,##0' },
      ...(withAverage ? [{ value: Math.round((Number(figures[2]) * 10) / dwellings) / 100, numFmt: '#,##0.00' }] : []),
    ]);
  const members = regions.map((_, r) => authorities.filter((a) => a.region === r));
  const regionFigures = members.map((list) => [0, 1, 2].map((k) => sum(list.map((a) => a.figures[k]))));
  const regionDwellings = members.map((list) => list.reduce((n, a) => n + a.dwellings, 0));
  const englandFigures = [0, 1, 2].map((k) => sum(regionFigures.map((f) => f[k])));

  const writeSummary = (): { england: number; regionRows: number[] } => {
    const england = writeRow(
      'E92000001',
      'England',
      englandKey,
      englandFigures,
      regionDwellings.reduce((a, b) => a + b, 0),
    );
    const regionRows = regions.map((region, r) => writeRow(region.gss, region.name, key(r), regionFigures[r], regionDwellings[r]));
    return { england, regionRows };
  };
  let summary = regionsFirst ? writeSummary() : undefined;
  const authorityRows = authorities.map((a, i) => writeRow(`E0${6000001 + i * 7}`, a.name, key(a.region), a.figures, a.dwellings));
  summary ??= writeSummary();
  const lastRow = w.row - 1;

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, lastRow, last),
    unit: '£000',
    rowTotals: [
      { row: excelRow(summary.england), adds: summary.regionRows.map(excelRow) },
      ...summary.regionRows.map((row, r) => ({ row: excelRow(row), adds: authorityRows.filter((_, i) => authorities[i].region === r).map(excelRow) })),
    ],
    columnTotals: [{ col: 'F', adds: ['D', 'E'] }],
    kinds: { A: 'identifier', B: 'text', C: 'text', D: 'money', E: 'money', F: 'money', G: 'count', ...(withAverage ? { H: 'rate' as const } : {}) },
  };
  if (rng.chance(0.3)) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
