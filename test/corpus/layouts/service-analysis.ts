/**
 * A CIPFA service analysis (Scottish LFR or English RO style): services with Gross expenditure, Gross
 * income (written positive) and Net expenditure = gross − income; some services are headline rows
 * ABOVE their children holding the children's sum (Education always is), and a Total row at the foot
 * adds only the top-level services. Exercises: headline rows above children, a total over headlines
 * and plain lines, a column identity with subtraction, indented labels in some seeds.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, letter, MONEY_FORMATS, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'service-analysis';

interface Service {
  readonly label: string;
  readonly children?: readonly string[];
}

const SCOTTISH: readonly Service[] = [
  { label: 'Education', children: ['Pre-primary education', 'Primary education', 'Secondary education', 'Special education', 'Community learning'] },
  { label: 'Cultural and related services', children: ['Museums and galleries', 'Library service', 'Sport facilities', 'Parks and open spaces'] },
  {
    label: 'Social work',
    children: [
      'Children and families',
      'Older persons',
      'Adults with learning disabilities',
      'Adults with mental health needs',
      'Criminal justice social work',
    ],
  },
  { label: 'Roads and transport', children: ['Roads maintenance', 'Winter maintenance', 'Street lighting', 'Public transport', 'Parking'] },
  { label: 'Environmental services', children: ['Waste collection', 'Waste disposal', 'Street cleaning', 'Trading standards'] },
  { label: 'Planning and development services' },
  { label: 'Housing (non-HRA)' },
  { label: 'Central services', children: ['Council tax collection', 'Corporate management', 'Democratic core', 'Elections'] },
];

const ENGLISH: readonly Service[] = [
  {
    label: 'Education services',
    children: ['Early years', 'Primary schools', 'Secondary schools', 'Special schools and alternative provision', 'Education central support'],
  },
  {
    label: 'Highways and transport services',
    children: ['Structural maintenance', 'Winter service', 'Traffic management and road safety', 'Concessionary fares'],
  },
  {
    label: "Children's social care",
    children: ['Looked after children', 'Safeguarding children and young people', 'Family support services', 'Youth justice'],
  },
  {
    label: 'Adult social care',
    children: ['Physical support', 'Sensory support', 'Support with memory and cognition', 'Learning disability support', 'Mental health support'],
  },
  { label: 'Public health' },
  { label: 'Housing services (GFRA only)' },
  { label: 'Cultural and related services' },
  { label: 'Environmental and regulatory services' },
  { label: 'Planning and development services' },
  { label: 'Corporate and democratic core' },
];

interface Figures {
  readonly gross: Amount;
  readonly income: Amount;
}

export function serviceAnalysis(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const scottish = rng.chance(0.5);
  const catalogue = scottish ? SCOTTISH : ENGLISH;
  const year = rng.int(2019, 2023);
  const indent = rng.chance(0.5) ? '   ' : '';
  const numFmt = rng.pick(MONEY_FORMATS);
  const formulas = rng.chance(0.5);
  const grid = new Grid(rng.pick(['Service analysis', 'LFR 00', 'Service expenditure', `Outturn ${year}-${(year + 1) % 100}`]));
  const w = new GridWriter(grid);

  // Education always has its children; up to two more services are broken down, the rest are single rows.
  const [first, ...rest] = catalogue;
  const chosen = [first, ...rng.sample(rest, rng.int(4, rest.length))];
  const brokenDown = new Set(
    rng
      .sample(
        chosen.slice(1).filter((s) => s.children),
        rng.int(0, 2),
      )
      .map((s) => s.label),
  );
  brokenDown.add(first.label);

  const figures = (): Figures => {
    const gross = rng.amount(800, 60_000);
    return { gross, income: ((gross * BigInt(rng.int(5, 55))) / 100n / 100n) * 100n };
  };
  const cells = (label: string, f: Figures) => [label, moneyCell(f.gross, numFmt), moneyCell(f.income, numFmt), moneyCell(f.gross - f.income, numFmt)];
  const add = (fs: readonly Figures[]): Figures => ({ gross: sum(fs.map((f) => f.gross)), income: sum(fs.map((f) => f.income)) });

  w.write([
    scottish ? `Local Financial Return ${fiscalYear(year)}: service analysis` : `Revenue outturn ${fiscalYear(year)}: expenditure and income by service`,
  ]);
  const unitInHeader = rng.chance(0.4);
  if (!unitInHeader) w.write([rng.pick(['£000', '£ thousands'])]);
  const u = unitInHeader ? ' £000' : '';
  const header = w.write(['Service', `Gross expenditure${u}`, `Gross income${u}`, `Net expenditure${u}`]);

  const rowTotals: ExpectedRowTotal[] = [];
  const topRows: number[] = [];
  const topFigures: Figures[] = [];
  for (const service of chosen) {
    if (brokenDown.has(service.label) && service.children) {
      const kids = rng.sample(service.children, rng.int(2, service.children.length));
      const kidFigures = kids.map(() => figures());
      const headline = add(kidFigures);
      const headRow = w.write(cells(service.label, headline));
      const kidRows = kids.map((k, i) => w.write(cells(`${indent}${k}`, kidFigures[i])));
      rowTotals.push({ row: excelRow(headRow), adds: kidRows.map(excelRow) });
      topRows.push(headRow);
      topFigures.push(headline);
    } else {
      const f = figures();
      topRows.push(w.write(cells(service.label, f)));
      topFigures.push(f);
    }
  }
  if (rng.chance(0.3)) w.skip();
  const totalRow = w.write(cells(rng.pick(['Total', 'Total cost of services', 'Total all services']), add(topFigures)));
  rowTotals.push({ row: excelRow(totalRow), adds: topRows.map(excelRow) });

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, totalRow, 3),
    unit: '£000',
    rowTotals,
    columnTotals: [{ col: letter(3), adds: [letter(1)], subtracts: [letter(2)] }],
    kinds: { A: 'text', B: 'money', C: 'money', D: 'money' },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
