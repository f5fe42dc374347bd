/**
 * A revenue outturn (RO) form: one row per service line with a numeric line code, columns C1 to C7
 * where C3 = C1 + C2, C6 = C4 + C5 and C7 = C3 − C6, and a TOTAL row with its own code. Exercises:
 * column identities chained through other identity columns, a numeric code column that is an
 * identifier (never added up, though the total row carries a code too), an optional two-row header
 * with merged group cells, lines that are zero throughout.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { addTotalFormulas } from '../formulas';
import { Amount, sum } from '../money';
import { Random } from '../random';
import { CellSpec, excelRow, letter, MONEY_FORMATS, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'outturn-form';

interface Form {
  readonly code: string;
  readonly subject: string;
  readonly lines: readonly string[];
}

const FORMS: readonly Form[] = [
  {
    code: 'RO2',
    subject: 'Highways and transport services',
    lines: [
      'Transport planning, policy and strategy',
      'Structural maintenance - principal roads',
      'Structural maintenance - other LA roads',
      'Environmental, safety and routine maintenance',
      'Winter service',
      'Street lighting (not PFI)',
      'Traffic management and road safety',
      'Parking services',
      'Concessionary fares',
      'Support to operators - bus services',
      'Public transport co-ordination',
      'Airports, harbours and toll facilities',
    ],
  },
  {
    code: 'RO5',
    subject: 'Cultural and related services',
    lines: [
      'Archives',
      'Arts development and support',
      'Heritage',
      'Museums and galleries',
      'Theatres and public entertainment',
      'Community centres and public halls',
      'Foreshore',
      'Sports development and community recreation',
      'Sports and recreation facilities, including golf courses',
      'Open spaces',
      'Tourism',
      'Library service',
    ],
  },
  {
    code: 'RO6',
    subject: 'Central services',
    lines: [
      'Council tax collection',
      'Non-domestic rates collection',
      'Elections - registration of electors',
      'Elections - conducting elections',
      'Emergency planning',
      'Local land charges',
      'General grants, bequests and donations',
      'Corporate management',
      'Democratic representation and management',
      "Coroners' court services",
      'Central services to the public - other',
    ],
  },
  {
    code: 'RO5',
    subject: 'Environmental and regulatory services',
    lines: [
      'Cemetery, cremation and mortuary services',
      'Regulatory services: trading standards',
      'Regulatory services: food safety',
      'Regulatory services: environmental protection',
      'Street cleansing (not chargeable to highways)',
      'Waste collection',
      'Waste disposal',
      'Trade waste',
      'Recycling',
      'Waste minimisation',
      'Climate change costs',
    ],
  },
];

const MEASURES = ['Employees', 'Running expenses', 'Total expenditure', 'Sales, fees and charges', 'Other income', 'Total income', 'Net current expenditure'];

/** C1..C7 for one line; C3, C6 and C7 follow from the others. */
function measures(c1: Amount, c2: Amount, c4: Amount, c5: Amount): Amount[] {
  const c3 = c1 + c2;
  const c6 = c4 + c5;
  return [c1, c2, c3, c4, c5, c6, c3 - c6];
}

export function outturnForm(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const form = rng.pick(FORMS);
  const year = rng.int(2018, 2023);
  const numFmt = rng.pick(MONEY_FORMATS);
  const formulas = rng.chance(0.5);
  const codeFirst = rng.chance(0.5);
  const twoRowHeader = rng.chance(0.5);
  const grid = new Grid(`${form.code} ${year}-${String((year + 1) % 100).padStart(2, '0')}`);
  const w = new GridWriter(grid);

  const labelCol = codeFirst ? 1 : 0;
  const codeCol = codeFirst ? 0 : 1;
  const row = (label: string, code: number, figures: readonly Amount[]) => {
    const cells: CellSpec[] = [null, null, ...figures.map((a) => moneyCell(a, numFmt))];
    cells[labelCol] = label;
    cells[codeCol] = code;
    return w.write(cells);
  };

  w.write([`${form.code}: ${form.subject} - revenue outturn ${year}-${String((year + 1) % 100).padStart(2, '0')}`]);
  w.write([rng.pick(['£ thousand', '£000', 'All figures in £ thousand'])]);
  if (rng.chance(0.5)) w.skip();

  // Codes like 1031, 1032 ...: never 19xx or 20xx, so no code reads as a year.
  const block = rng.int(10, 17) * 100;
  const firstCode = block + rng.int(1, 40);
  const lines = rng.sample(form.lines, rng.int(6, Math.min(12, form.lines.length)));

  const suffix = rng.chance(0.5);
  const headerTexts = MEASURES.map((m, i) => (suffix ? `${m} (C${i + 1})` : `C${i + 1} ${m}`));
  const header = w.row;
  if (twoRowHeader) {
    const group = w.write([null, null, 'Expenditure', null, null, 'Income', null, null, 'Net']);
    grid.merges.push({ start: { row: group, col: 2 }, end: { row: group, col: 4 } });
    grid.merges.push({ start: { row: group, col: 5 }, end: { row: group, col: 7 } });
  }
  const names: CellSpec[] = [null, null, ...headerTexts];
  names[labelCol] = 'Service';
  names[codeCol] = rng.pick(['Line', 'Line code', 'Code']);
  w.write(names);

  const lineFigures = lines.map(() => {
    // A line with nothing in it this year, as RO forms have.
    if (rng.chance(0.1)) return measures(0n, 0n, 0n, 0n);
    const c1 = rng.amount(50, 9_000);
    const c2 = rng.amount(100, 12_000);
    const c4 = (((c1 + c2) * BigInt(rng.int(0, 40))) / 100n / 100n) * 100n;
    const c5 = (((c1 + c2) * BigInt(rng.int(0, 15))) / 100n / 100n) * 100n;
    return measures(c1, c2, c4, c5);
  });
  const lineRows = lines.map((label, i) => row(label, firstCode + i, lineFigures[i]));
  const totals = MEASURES.map((_, k) => sum(lineFigures.map((f) => f[k])));
  const totalRow = row(`TOTAL ${form.subject.toUpperCase()}`, block + 90, totals);

  const c = (k: number) => letter(2 + k - 1);
  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, totalRow, 8),
    unit: '£000',
    rowTotals: [{ row: excelRow(totalRow), adds: lineRows.map(excelRow) }],
    columnTotals: [
      { col: c(3), adds: [c(1), c(2)] },
      { col: c(6), adds: [c(4), c(5)] },
      { col: c(7), adds: [c(3)], subtracts: [c(6)] },
    ],
    kinds: {
      [letter(labelCol)]: 'text',
      [letter(codeCol)]: 'identifier',
      ...Object.fromEntries(MEASURES.map((_, k) => [c(k + 1), 'money' as const])),
    },
  };
  if (formulas) addTotalFormulas(grid, table);
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
