/**
 * Totals in statistics tables that break one figure down more than one way, or only in some periods:
 * a headline over the headlines of the blocks below it, a breakdown first given in later years, figures
 * apportioned and rounded so that a few columns of a wide table miss, a sheet's own shorthand for
 * "nothing reported", counts published rounded, and a total over group totals that leaves a line out.
 */
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { detectTables } from '../../src/sheet/tables/detect';
import { readShorthandLegend } from '../../src/sheet/tables/shorthand';
import type { Table } from '../../src/sheet/tables/types';
import { gridOf } from '../helpers/grid';

/** What a total row adds, as Excel row numbers; undefined for a row that is not a total. */
function adds(table: Table, excelRow: number): number[] | undefined {
  const r = table.rows.find((x) => x.row === excelRow - 1);
  return r?.kind === 'total' ? (r.sums ?? []).map((x) => x + 1).sort((a, b) => a - b) : undefined;
}

const PERIODS = 10;
const dates = Array.from({ length: PERIODS }, (_, k) => `30 June ${2011 + k}`);

/** One custody type's age bands over the periods: 15-17, 18-59, 60 and over; the last split from period 6 on. */
function bands(base: number): { young: number[]; middle: number[]; older: number[]; sixties: (number | null)[]; seventies: (number | null)[] } {
  const young = dates.map((_, k) => base + 7 * k);
  const middle = dates.map((_, k) => base * 9 + 13 * k);
  const sixties = dates.map((_, k) => (k >= 6 ? base + 3 * k : null));
  const seventies = dates.map((_, k) => (k >= 6 ? Math.round(base / 2) + k : null));
  const older = dates.map((_, k) => (k >= 6 ? sixties[k]! + seventies[k]! : base * 2 + k));
  return { young, middle, older, sixties, seventies };
}

const sum = (...rows: readonly (number | null)[][]): number[] => dates.map((_, k) => rows.reduce((s, r) => s + (r[k] ?? 0), 0));
/** Figures apportioned and rounded: one more or less in the given periods. */
const nudged = (row: readonly number[], periods: Record<number, number>): number[] => row.map((v, k) => v + (periods[k] ?? 0));

/** A block: its headline row, then its age bands. */
function block(name: string, headline: readonly number[], b: ReturnType<typeof bands>): (string | number | null)[][] {
  return [
    [name, ...headline],
    ['15-17', ...b.young],
    ['18-59', ...b.middle],
    ['60 and over', ...b.older],
    ['60-69', ...b.sixties],
    ['70 and over', ...b.seventies],
  ];
}

/**
 * All prisoners by age, then remand and sentenced each by age. The all-prisoner age bands were
 * apportioned, so the headline misses its own bands by one in three periods but equals remand plus
 * sentenced in every period; remand's headline misses its bands by one in `remandNudges` periods.
 */
function custodyTable(remandNudges: Record<number, number>): (string | number | null)[][] {
  const remand = bands(100);
  const sentenced = bands(400);
  const remandHeadline = nudged(sum(remand.young, remand.middle, remand.older), remandNudges);
  const sentencedHeadline = sum(sentenced.young, sentenced.middle, sentenced.older);
  const all: ReturnType<typeof bands> = {
    young: nudged(sum(remand.young, sentenced.young), { 1: 1, 4: -1, 7: 1 }),
    middle: sum(remand.middle, sentenced.middle),
    older: sum(remand.older, sentenced.older),
    sixties: sum(remand.sixties, sentenced.sixties).map((v, k) => (k >= 6 ? v : null)),
    seventies: sum(remand.seventies, sentenced.seventies).map((v, k) => (k >= 6 ? v : null)),
  };
  return [
    ['Table 1: Prison population by type of custody and age'],
    [null, ...dates],
    ...block('All prisoners', sum(remandHeadline, sentencedHeadline), all),
    [],
    ...block('Remand', remandHeadline, remand),
    [],
    ...block('Sentenced', sentencedHeadline, sentenced),
  ];
}

describe('a figure broken down two ways', () => {
  it('reads the headline as the blocks below it, each block over its ages, and an age band split only in later years', () => {
    const [t] = detectTables(gridOf('A1', custodyTable({ 0: 1, 3: -1 })));
    // Rows: 3 All prisoners (4-8), 10 Remand (11-15), 17 Sentenced (18-22).
    expect(adds(t, 3)).toEqual([10, 17]);
    expect(adds(t, 10)).toEqual([11, 12, 13]);
    expect(adds(t, 17)).toEqual([18, 19, 20]);
    // 60 and over = 60-69 + 70 and over, where the split is given (from the seventh period).
    expect(adds(t, 6)).toEqual([7, 8]);
    expect(adds(t, 13)).toEqual([14, 15]);
    // The all-prisoner age bands stay lines: the headline is read as the blocks, not as them.
    expect(adds(t, 4)).toBeUndefined();
  });

  it('does not read a run that misses in more than a quarter of the columns as a headline', () => {
    const [t] = detectTables(gridOf('A1', custodyTable({ 0: 1, 2: 1, 4: -1, 6: 1 })));
    expect(adds(t, 10)).toBeUndefined();
  });
});

describe('a sheet’s own shorthand', () => {
  const table = (note: string | undefined): (string | number)[][] => [
    ['Air transport movements at small airports'],
    ...(note ? [[note]] : []),
    ['Airport', 'Movements 2019', 'Movements 2020', 'Movements 2021'],
    ['Alpha', 10.6, 5.3, 7.6],
    ['Beta', 5.5, '[n]', 5.2],
    ['Gamma', '[n]', 4.2, '[n]'],
    ['Airports total', 16.1, 9.5, 12.8],
  ];

  it('adds nothing for a marker the sheet explains as nothing reported, so the total is read over its lines', () => {
    const [t] = detectTables(gridOf('T', table('Shorthand is used in this table. [n] indicates that no air traffic was reported for the period.')));
    expect(adds(t, 7)).toEqual([4, 5, 6]);
  });

  it('leaves an unexplained marker as a figure not available, so the total is not resolved', () => {
    const [t] = detectTables(gridOf('T', table(undefined)));
    expect(adds(t, 6)).toEqual([]);
  });

  it('reads what each marker means from a legend', () => {
    const legend = readShorthandLegend([
      '[x] = not available; [z] = not applicable; [c] confidential',
      '[n] indicates that no traffic was reported',
      '[low] less than 0.5',
    ]);
    expect(Object.fromEntries(legend)).toEqual({ '[x]': 'not-available', '[z]': 'not-applicable', '[c]': 'suppressed', '[n]': 'not-applicable' });
  });
});

describe('counts', () => {
  const census = (cereals: readonly number[]): (string | number)[][] => [
    ['Table 1: Area of crops (hectares)'],
    ['Crop', '2019 Area (Hectares)', '2020 Area (Hectares)', '2021 Area (Hectares)', '2022 Area (Hectares)'],
    ['Wheat', 107480, 109210, 103404, 100712],
    ['Barley', 290893, 272410, 280660, 291140],
    ['Oats', 31920, 38511, 34702, 33150],
    ['Total cereals', ...cereals],
    ['Potatoes', 27000, 26514, 25900, 26120],
  ];

  it('reads a total named in words over counts that were rounded after adding (off by one or two)', () => {
    const [t] = detectTables(gridOf('C', census([430294, 420130, 418767, 425002])));
    expect(adds(t, 6)).toEqual([3, 4, 5]);
    // Counts are never reconciled as money: no finding either way.
    const findings = checkWorkbook({ sheets: [gridOf('C', census([430294, 420130, 418767, 425002]))] }, defaultModel()).findings;
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('does not read a total over lines that miss it by more than rounding', () => {
    const [t] = detectTables(gridOf('C', census([430900, 421500, 417000, 426500])));
    expect(adds(t, 6)).toEqual([]);
  });

  it('reads a workforce total over its groups’ totals, leaving out a line the total does not count', () => {
    const rows: (string | number)[][] = [
      ['Table 8: Occupiers and employees'],
      ['Category', '2023 (Number)', '2024 (Number)', '2025 (Number)'],
      ['Occupiers full time', 11272, 11382, 11203],
      ['Occupiers part time', 28356, 27603, 26766],
      ['Total working occupiers', 39628, 38985, 37969],
      ['Occupiers not working on the holding', 4640, 6713, 7697],
      ['Hired staff', 9547, 9330, 9188],
      ['Family staff', 3992, 3903, 4110],
      ['Total regular staff', 13539, 13233, 13298],
      ['Total workforce', 53167, 52218, 51267],
    ];
    const [t] = detectTables(gridOf('W', rows));
    expect(adds(t, 10)).toEqual([5, 9]);
  });

  it('reads a headline whose lines are withheld ("x") in early years from the years that give them', () => {
    const rows: (string | number)[][] = [
      ['Table 9: Migrant labour'],
      ['Category', '2021 (Number)', '2022 (Number)', '2023 (Number)', '2024 (Number)'],
      ['Permanent staff', 120, 131, 140, 150],
      ['European migrant labour', 'x', 'x', 20110, 19870],
      ['Other migrant labour', 'x', 'x', 4410, 5120],
      ['Migrant labour', 492607, 350566, 24520, 24990],
    ];
    const [t] = detectTables(gridOf('M', rows));
    expect(adds(t, 6)).toEqual([4, 5]);
  });
});

describe('figures of another measure under a money table', () => {
  it('ends the money at a heading that names a ratio, so percentages are neither added nor shown as pounds', () => {
    const rows: (string | number | null)[][] = [
      ['Table B: current account (£ million)'],
      ['', '2018', '2019'],
      ['Trade in goods', -139365, -129457],
      ['Trade in services', 106180, 107016],
      ['Total trade', -33185, -22441],
      ['Balances as a percentage of GDP', null, null],
      ['Trade in goods', -6.5, -5.8],
      ['Trade in services', 5.0, 4.8],
      ['Total trade', -1.4, -1.1],
    ];
    const grid = gridOf('B', rows);
    const [t] = detectTables(grid);
    expect(t.range.end.row + 1).toBe(5);
    expect(adds(t, 5)).toEqual([3, 4]);
    // Total trade as a percentage (-1.5 from its rounded parts, -1.4 stated) draws nothing.
    const findings = checkWorkbook({ sheets: [grid] }, defaultModel()).findings.filter((f) => f.severity !== 'info');
    expect(findings).toEqual([]);
  });

  it('keeps a heading of a share of money ("Share of business rates") as money', () => {
    const rows: (string | number | null)[][] = [
      ['Revenue account (£000)'],
      ['', '2022/23', '2023/24'],
      ['Council tax', 120000, 126000],
      ['Share of business rates', null, null],
      ['Retained rates', 40000, 42000],
      ['Top-up', 8000, 8200],
      ['Total funding', 168000, 176200],
    ];
    const [t] = detectTables(gridOf('R', rows));
    expect(t.range.end.row + 1).toBe(7);
    expect(adds(t, 7)).toEqual([3, 5, 6]);
  });
});
