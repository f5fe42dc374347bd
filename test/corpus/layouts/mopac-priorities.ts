/**
 * A MOPAC-style commissioning table, in the look of the bundled sample's "Key MOPAC commissioning
 * activities": section rows naming a priority area with its headline in the label, "Keeping Children
 * and Young People Safe (£15.0m)", the activities under each in £m to one decimal place, a funding
 * stream only where the activity names one, and a Total. Some seeds put a "Spend by priority area"
 * table above it (the headlines as lines, with a total). Headlines and totals are the exact sums here.
 * Exercises: headlines stated in section labels, £m figures to 1 dp, repeated activity labels under
 * different priority areas, a second table on the sheet.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../../structure/expected';
import { Amount, sum, toText } from '../money';
import { fiscalYear, Random } from '../random';
import { excelRow, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'mopac-priorities';

/** £m to one decimal place, negatives with a minus, as the sample writes them. */
const MILLIONS_1DP = '#,##0.0;-#,##0.0';

const AREAS: readonly { readonly name: string; readonly heading: string; readonly activities: readonly string[] }[] = [
  {
    name: 'Keeping Children and Young People Safe',
    heading: 'Keeping Children and Young People Safe',
    activities: [
      "Children and young people's victim and witness service",
      'Gang exit projects and major trauma centres',
      'Response and rescue project',
      'Youth support services in hospital emergency departments',
      "Young people's advocates",
      'Child House',
    ],
  },
  {
    name: 'Tackling Violence Against Women and Girls',
    heading: 'Tackling Violence Against Women and Girls (VAWG)',
    activities: [
      'Domestic abuse perpetrator programmes',
      'Stalking intervention services',
      'Sexual assault referral services in London',
      'Rape crisis provision in London',
      'Independent domestic and sexual violence advisers',
    ],
  },
  {
    name: 'Standing Together Against Hatred, Intolerance and Extremism',
    heading: 'Standing Together Against Hatred, Intolerance and Extremism',
    activities: [
      'Countering violent extremism and hate crime small grants',
      'Support for LGBT and male survivors of sexual violence',
      'Hate crime victim advocacy',
    ],
  },
  {
    name: 'A Better Criminal Justice Service',
    heading: 'A Better Criminal Justice Service',
    activities: [
      'London Victims and Witnesses Service',
      'Small Grants Victims Fund and Safer Neighbourhood Boards',
      "Women's centres to reduce female reoffending",
      'GPS tagging of offenders',
      'Tackling drugs abuse and offender management',
      'Victims Code of Practice implementation',
    ],
  },
  {
    name: 'A Better Policing Service for London',
    heading: 'A Better Policing Service for London',
    activities: ['Public engagement in crime reduction', 'Police training', 'Neighbourhood watch support'],
  },
];

/** Lines every area may end with, as the seed's bullets do. */
const COMMON: readonly { readonly label: string; readonly stream?: string }[] = [
  { label: 'Other small projects' },
  { label: 'Through the London Crime Prevention Fund', stream: 'LCPF' },
];

const STREAMS = ['YLF', 'EIYF', 'LCPF', 'VRU'];

export function mopacPriorities(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  // After the default model's years (2018/19 to 2021/22), so no figure is reconciled against the model's.
  const year = rng.int(2022, 2024);
  const yearLabel = fiscalYear(year);
  const grid = new Grid(rng.pick(['Spend by priority area', 'Key activities', `Commissioning ${yearLabel.replace('/', '-')}`]));
  const w = new GridWriter(grid);
  const m1 = (a: Amount) => moneyCell(a, MILLIONS_1DP);

  const areas = rng.sample(AREAS, rng.int(3, AREAS.length)).map((area) => {
    const own = rng.sample(area.activities, rng.int(2, area.activities.length)).map((label) => ({
      label,
      stream: rng.chance(0.25) ? rng.pick(STREAMS) : undefined,
      amount: rng.amount(0, rng.chance(0.2) ? 8 : 3, 1) + 10n,
    }));
    const common = rng.sample(COMMON, rng.int(0, COMMON.length)).map((c) => ({ ...c, amount: rng.amount(0, 4, 1) + 10n }));
    const lines = [...own, ...common];
    return { ...area, lines, headline: sum(lines.map((l) => l.amount)) };
  });
  const grandTotal = sum(areas.map((a) => a.headline));

  const tables: ExpectedTable[] = [];
  w.write([`MOPAC commissioning ${yearLabel}`]);
  w.skip();

  if (rng.chance(0.5)) {
    w.write([`Spend by priority area ${yearLabel}`]);
    const header = w.write(['Priority area', `${yearLabel} £m`]);
    const rows = areas.map((a) => w.write([a.name, m1(a.headline)]));
    const total = w.write(['Total', m1(grandTotal)]);
    tables.push({
      sheet: grid.name,
      range: rangeA1(header, 0, total, 1),
      unit: '£m',
      rowTotals: [{ row: excelRow(total), adds: rows.map(excelRow) }],
      kinds: { A: 'text', B: 'money' },
    });
    w.skip();
  }

  w.write([`Key MOPAC commissioning activities ${yearLabel}`]);
  const header = w.write(['Key activity', 'Funding stream', rng.pick([`${yearLabel} £m`, 'Budget £m', `${yearLabel} (£m)`])]);
  const rowTotals: ExpectedRowTotal[] = [];
  const allLines: number[] = [];
  for (const area of areas) {
    // The headline as the seed writes it: "(£15.0m)", one decimal place.
    const section = w.write([`${area.heading} (£${toText(area.headline, { decimals: 1 })}m)`]);
    const rows = area.lines.map((l) => w.write([l.label, l.stream ?? null, m1(l.amount)]));
    rowTotals.push({ row: excelRow(section), adds: rows.map(excelRow) });
    allLines.push(...rows);
  }
  const total = w.write([rng.pick(['Total', 'Total commissioning', 'Total key activities']), null, m1(grandTotal)]);
  rowTotals.push({ row: excelRow(total), adds: allLines.map(excelRow) });
  tables.push({
    sheet: grid.name,
    range: rangeA1(header, 0, total, 2),
    unit: '£m',
    rowTotals,
    kinds: { A: 'text', B: 'text', C: 'money' },
  });
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables };
}
