/**
 * Classes of table the structure layer reads, each with the smallest grid that shows it: totals of
 * groups named by a category column, counts as evidence, GSS "z", rates, label columns beside code
 * columns, headers inherited from the table above, totals of total columns, footnotes, one-figure
 * "Total" rows, and a wrong figure in one column not hiding a headline row.
 */
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { columnLetters, rangeToA1 } from '../../src/sheet/a1';
import { detectTables } from '../../src/sheet/tables/detect';
import type { Table, TableRow } from '../../src/sheet/tables/types';
import type { Grid } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

function rowAt(table: Table, excelRow: number): TableRow | undefined {
  return table.rows.find((r) => r.row === excelRow - 1);
}

/** What a total row adds, as Excel row numbers. */
function adds(table: Table, excelRow: number): number[] | undefined {
  const r = rowAt(table, excelRow);
  return r?.kind === 'total' ? (r.sums ?? []).map((x) => x + 1) : undefined;
}

function kinds(table: Table): Record<string, string> {
  return Object.fromEntries(table.columns.map((c) => [columnLetters(c.col), c.kind]));
}

const HEADER = ['Code', 'Authority', 'Region', 'Council tax', 'Business rates', 'Total', 'Number of dwellings'];
/** England and two regions first, then authorities A to Z with their region in column C. */
function regionalRows(overrides: Record<string, number> = {}): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Title: council tax by authority and region'],
    ['£000'],
    HEADER,
    ['E92', 'England', 'ENG', 1816, 237, 2053, 16310],
    ['E12NW', 'North West', 'NW', 953, 130, 1083, 8700],
    ['E12SE', 'South East', 'SE', 863, 107, 970, 7610],
    ['E1', 'Ashby', 'NW', 123, 17, 140, 1100],
    ['E2', 'Barnford', 'SE', 245, 31, 276, 2050],
    ['E3', 'Castlebridge', 'NW', 310, 44, 354, 2900],
    ['E4', 'Dunmoor', 'SE', 87, 12, 99, 800],
    ['E5', 'Eastwick', 'NW', 456, 60, 516, 4100],
    ['E6', 'Fernley', 'SE', 199, 23, 222, 1750],
    ['E7', 'Greyhaven', 'NW', 64, 9, 73, 600],
    ['E8', 'Holmbury', 'SE', 332, 41, 373, 3010],
  ];
  for (const [cell, value] of Object.entries(overrides)) rows[Number(cell.slice(1)) - 1][cell.charCodeAt(0) - 65] = value;
  return rows;
}

describe('totals of groups named by a column of categories', () => {
  it('reads each region as the total of the authorities its Region names, wherever they are, and England as the regions', () => {
    const [t] = detectTables(gridOf('R', regionalRows()));
    expect(adds(t, 5)).toEqual([7, 9, 11, 13]);
    expect(adds(t, 6)).toEqual([8, 10, 12, 14]);
    expect(adds(t, 4)).toEqual([5, 6]);
    expect(t.columns.find((c) => c.col === 2)?.categorical).toBe(true);
    // The authority names label the lines, not the region codes.
    expect(t.labelCol).toBe(1);
  });

  it('still reads a region whose figure is wrong in one column, and reports that figure at its cell', () => {
    const result = checkWorkbook({ sheets: [gridOf('R', regionalRows({ D5: 958 }))] }, defaultModel());
    const mismatch = result.findings.filter((f) => f.rule === 'total-mismatch');
    expect(mismatch.map((f) => f.cell)).toContain('D5');
    expect(mismatch.find((f) => f.cell === 'D5')?.message).toMatch(/£958k.*£953k/);
  });
});

describe('evidence beyond the money columns', () => {
  it('takes count columns as evidence of a total, and reconciles only the money', () => {
    const grid = gridOf('P', [
      ['Area', 'Allocation £', 'Pupils', 'Places', 'Cost per place (£)'],
      ['ENGLAND', 1000.35, 60, 70, 14.29],
      ['North', 400.1, 20, 30, 13.34],
      ['South', 600.6, 40, 40, 15.02],
    ]);
    const [t] = detectTables(grid);
    expect(kinds(t)).toMatchObject({ B: 'money', C: 'count', D: 'count', E: 'rate' });
    expect(adds(t, 2)).toEqual([3, 4]);
    const findings = checkWorkbook({ sheets: [grid] }, defaultModel()).findings.filter((f) => f.severity !== 'info');
    // England is 35p short of its areas in the money column; the rate column is never added up.
    expect(findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['B2 total-mismatch']);
  });

  it('counts a GSS "z" (not applicable) as nothing in a total, and ":" as a figure not available', () => {
    const grid = gridOf('Z', [
      ['Area', 'Spend £', 'Income £'],
      ['North', 'z', 50],
      ['South', 300, ':'],
      ['East', 200, 25],
      ['Total', 500, 75],
    ]);
    const [t] = detectTables(grid);
    expect(adds(t, 5)).toEqual([2, 3, 4]);
    const findings = checkWorkbook({ sheets: [grid] }, defaultModel()).findings;
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('column kinds and labels', () => {
  it('reads money per something and averages as rates, and "Actual pupil numbers" and "# of LAs" as counts', () => {
    const [t] = detectTables(
      gridOf('K', [
        ['Name', 'Spend £', 'Average award', 'Spend per head £', 'Actual pupil numbers 2019/20', '# of LAs'],
        ['A', 10, 5, 1, 100, 2],
        ['B', 20, 10, 2, 200, 3],
      ]),
    );
    expect(kinds(t)).toMatchObject({ B: 'money', C: 'rate', D: 'rate', E: 'count', F: 'count' });
  });

  it('does not take a legend of symbols, or prose under a header with a year, as money', () => {
    const [legend] = detectTables(
      gridOf('S', [
        ['Symbol', 'Meaning'],
        [':', 'not available'],
        ['0', 'zero or negligible'],
        ['-', 'not relevant'],
        ['||', 'discontinuity'],
      ]),
    );
    expect(legend.columns.every((c) => c.kind !== 'money')).toBe(true);
    const [index] = detectTables(
      gridOf('I', [
        ['Sheet', 'Resources used to finance capital expenditure, 2018-19'],
        ['Financing', 'Total resources by authority, 2018-19'],
        ['Detail', 'Further detail on grants, 2018-19'],
      ]),
    );
    expect(index.columns.every((c) => c.kind !== 'money')).toBe(true);
  });

  it('reads a column of words as text whatever figures its header names (a contents page of table titles)', () => {
    const [t] = detectTables(
      gridOf('Contents', [
        ['Table', 'Prison population by type of custody, age group and sex'],
        ['Table A1.1', 'Prison population by type of custody and sex'],
        ['Table A1.2', 'Number of prisoners by offence group'],
        ['Table A1.3', 'Population in custody by establishment'],
      ]),
    );
    expect(kinds(t).B).toBe('text');
  });
  it('labels lines by the names column when the first text column holds category codes', () => {
    const rows = [
      ['Group', 'Source', 'Amount £'],
      ...['Grants', 'Receipts', 'Borrowing', 'Reserves', 'Loans', 'Levy', 'Other'].map((s, i) => [i < 5 ? 'fin' : 'pridev', s, 10 * (i + 1)]),
    ];
    const [t] = detectTables(gridOf('L', rows));
    expect(t.labelCol).toBe(1);
  });
});

describe('tables stacked on one sheet', () => {
  it('gives header-less columns under a table the header and unit of the table above', () => {
    const grid = gridOf('F', [
      ['All figures in £000'],
      ['Code', 'Name', 'Class', 'Grants', 'Receipts', 'Total'],
      ['E1', 'Adur', 'SD', 10, 20, 30],
      ['E2', 'Barnet', 'LB', 40, 50, 90],
      ['E3', 'Camden', 'LB', 1, 2, 3],
      [],
      ['ONS code', 'National totals', 'Country code'],
      ['E92', 'England', 'ENG', 51, 72, 123],
      ['W92', 'Wales', 'WAL', 5, 7, 12],
    ]);
    const tables = detectTables(grid);
    const footer = tables.find((t) => rangeToA1(t.range).startsWith('A7'));
    expect(footer?.columns.filter((c) => c.kind === 'money').map((c) => [c.header, c.unit, c.unitSource])).toEqual([
      ['Grants', '£000', 'table-above'],
      ['Receipts', '£000', 'table-above'],
      ['Total', '£000', 'table-above'],
    ]);
  });

  it('does not give a table below a column of the table above that it leaves empty', () => {
    const grid = gridOf('G', [
      ['Tranche', 'Description', 'Amount £m'],
      ['A', 'First', 1],
      ['B', 'Second', 2],
      [],
      ['Component', 'Amount £m'],
      ['Uplift', 3],
      ['Other', 4],
    ]);
    const lower = detectTables(grid).find((t) => t.range.start.row === 4);
    expect(lower?.columns.map((c) => columnLetters(c.col))).toEqual(['A', 'B']);
  });

  it('finds a total column over total columns (Y = N + O + S)', () => {
    const rows = [['Name', 'A1', 'A2', 'A total', 'B', 'C1', 'C2', 'C total', 'Grand total']];
    for (let i = 0; i < 6; i++) {
      const [a1, a2, b, c1, c2] = [10 + i, 3 * i + 1, 7 + 2 * i, 5 * i + 2, 11 - i];
      rows.push([`Line ${i}`, a1, a2, a1 + a2, b, c1, c2, c1 + c2, a1 + a2 + b + c1 + c2] as never);
    }
    const [t] = detectTables(gridOf('C', rows));
    const grand = t.columnTotals.find((c) => c.col === 8);
    expect(grand?.adds).toEqual([3, 4, 7]);
  });
});

describe('rows that look like totals but are not', () => {
  it('reads a footnote starting "Total includes …" after the last figures as a note', () => {
    const [t] = detectTables(
      gridOf('N', [
        ['Code', 'Area', 'Spend £', 'Income £'],
        [1, 'North', 10, 1],
        [2, 'South', 20, 2],
        ['Notes'],
        ['(1)', 'Total includes targeted allocations.'],
      ]),
    );
    expect(t.rows.filter((r) => r.kind === 'total')).toEqual([]);
    expect(rangeToA1(t.range)).toBe('A1:D3');
  });

  it('reads a "Total …" row with one figure and no lines of its own as a figure the grand total adds', () => {
    const grid = gridOf('T', [
      ['Source', 'Amount £000'],
      ['Total grants', 30],
      ['Central government', 10],
      ['Other grants', 20],
      ['Total receipts', 15],
      ['Total borrowing', 12],
      ['Loans', 5],
      ['Other borrowing', 7],
      ['Total resources', 57],
    ]);
    const [t] = detectTables(grid);
    expect(rowAt(t, 5)?.kind).toBe('line');
    expect(adds(t, 9)).toEqual([2, 5, 6]);
    expect(checkWorkbook({ sheets: [grid] }, defaultModel()).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('a wrong figure in one column', () => {
  it('does not hide a headline row above its children, and is reported at its cell', () => {
    const grid = gridOf('H', [
      ['Service', 'Expenditure £000', 'Income £000', 'Net £000'],
      // Expenditure should be 300: the one wrong figure (so Net = Expenditure + Income breaks here too).
      ['Education', 310, -40, 260],
      ['Primary', 100, -10, 90],
      ['Secondary', 200, -30, 170],
      ['Highways', 55, -5, 50],
      ['Roads', 30, -2, 28],
      ['Lighting', 25, -3, 22],
    ]);
    expect(adds(detectTables(grid)[0], 2)).toEqual([3, 4]);
    const findings = checkWorkbook({ sheets: [grid] }, defaultModel()).findings.filter((f) => f.rule === 'total-mismatch');
    expect(findings.map((f) => f.cell).sort()).toEqual(['B2', 'D2']);
    expect(findings.find((f) => f.cell === 'B2')?.message).toMatch(/Education.*£310k.*£300k/);
  });

  it('reads the SUM most columns state when one column’s range is cut short', () => {
    const grid = gridOf('S', [
      ['Line', 'Budget £', 'Forecast £', 'Actual £'],
      ['A', 1, 2, 3],
      ['B', 4, 5, 6],
      ['C', 7, 8, 9],
      ['Total', { f: 'SUM(B2:B3)', v: 5 }, { f: 'SUM(C2:C4)', v: 15 }, { f: 'SUM(D2:D4)', v: 18 }],
    ]);
    expect(adds(detectTables(grid)[0], 5)).toEqual([2, 3, 4]);
    const findings = checkWorkbook({ sheets: [grid] }, defaultModel()).findings.filter((f) => f.rule === 'total-mismatch');
    expect(findings.map((f) => f.cell)).toEqual(['B5']);
  });
});

describe('statistics tables', () => {
  it('reads a header of dates, publication details above it, note markers in headers and a row of column numbers', () => {
    const grid = gridOf('T', [
      ['Number of people in custody by type, 2019 to 2021'],
      ['Date of publication:', new Date(Date.UTC(2023, 1, 23)), 'Telephone:', '01633 455400'],
      ['Type [note 1]', new Date(Date.UTC(2019, 5, 30)), new Date(Date.UTC(2020, 5, 30)), new Date(Date.UTC(2021, 5, 30))],
      [null, 1, 2, 3],
      ['Remand', 120, 130, 125],
      ['Sentenced', 800, 790, 810],
      ['All custody', 920, 920, 935],
    ]);
    const [t] = detectTables(grid);
    expect(t.headerRows.map((r) => r + 1)).toEqual([3, 4]);
    expect(t.columns[0].header).toBe('Type');
    expect(kinds(t)).toMatchObject({ B: 'count', C: 'count', D: 'count' });
    expect(adds(t, 7)).toEqual([5, 6]);
  });

  it('reads "thousands" over a table of people as a scale, not money, and totals of same-named columns across groups', () => {
    const rows: (string | number | null)[][] = [
      ['Young people by age'],
      [null, 'United Kingdom (thousands)'],
      [null, 'Aged 16-24', null, 'Aged 16-17', null, 'Aged 18-24', null],
      ['Period', 'Total people', 'Unemployed', 'Total people', 'Unemployed', 'Total people', 'Unemployed'],
    ];
    for (let i = 0; i < 5; i++) {
      const [a, b, c, d] = [300 + 7 * i, 40 + i, 500 + 11 * i, 90 + 2 * i];
      rows.push([`Q${i + 1}`, a + c, b + d, a, b, c, d]);
    }
    const [t] = detectTables(gridOf('N', rows));
    expect(t.columns.filter((c) => c.kind === 'money')).toEqual([]);
    expect(t.columnTotals.map((c) => `${columnLetters(c.col)}=${c.adds.map(columnLetters).join('+')}`).sort()).toEqual(['B=D+F', 'C=E+G']);
    expect(checkWorkbook({ sheets: [gridOf('N', rows)] }, defaultModel()).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('per-cent columns read as ratios', () => {
  const monitoring = (variancePct: (v: number, b: number) => number, fmt?: string): Grid => {
    const rows: [string, number, number][] = [
      ['Adults', 1000, 1100],
      ['Children', 800, 760],
      ['Housing', 300, 330],
      ['Waste', 250, 240],
      ['Parks', 120, 126],
    ];
    const grid = gridOf('M', [
      ['Service', 'Budget £000', 'Forecast £000', 'Variance £000', 'Variance %'],
      ...rows.map(([n, b, f]) => [n, b, f, f - b, variancePct(f - b, b)]),
    ]);
    if (fmt) for (let r = 1; r <= rows.length; r++) grid.setCell(r, 4, { value: grid.value(r, 4), numFmt: fmt });
    return grid;
  };

  it('finds variance % = variance ÷ budget by arithmetic, as a fraction or as points', () => {
    expect(detectTables(monitoring((v, b) => v / b, '0.0%'))[0].columnRatios).toEqual([
      { col: 4, adds: [3], subtracts: [], denominator: 1, scale: 1, evidence: 'arithmetic' },
    ]);
    expect(detectTables(monitoring((v, b) => Math.round((1000 * v) / b) / 10))[0].columnRatios[0]).toMatchObject({ adds: [3], denominator: 1, scale: 100 });
  });

  it('reports a per-cent figure that is not its ratio, and not one that differs only as shown', () => {
    const wrong = monitoring((v, b) => (b === 300 ? 0.2 : v / b), '0.0%');
    const findings = checkWorkbook({ sheets: [wrong] }, defaultModel()).findings.filter((f) => f.rule === 'percent-mismatch');
    expect(findings.map((f) => [f.cell, f.suggestion])).toEqual([['E4', '=D4/B4']]);
    expect(findings[0].message).toBe('Variance % for “Housing” is 20.0%, but Variance ÷ Budget in the same row is 10.0% (£30k ÷ £300k).');
    const typedRounded = monitoring((v, b) => Math.round((1000 * v) / b) / 1000, '0.0%');
    expect(checkWorkbook({ sheets: [typedRounded] }, defaultModel()).findings.filter((f) => f.rule === 'percent-mismatch')).toEqual([]);
  });

  it('reads the ratio a column of formulas states', () => {
    const grid = monitoring((v, b) => v / b, '0.0%');
    for (let r = 1; r <= 5; r++) grid.setCell(r, 4, { value: grid.value(r, 4), formula: `IFERROR(D${r + 1}/B${r + 1},0)`, numFmt: '0.0%' });
    expect(detectTables(grid)[0].columnRatios[0]).toMatchObject({ adds: [3], denominator: 1, evidence: 'formula' });
  });
});

describe('years as statistics tables write them', () => {
  it('takes a run of calendar years before fiscal years, and years marked revised, provisional or with a note, as valid', () => {
    const rows: (string | number)[][] = [['Year', 'Spend £']];
    for (let y = 1983; y <= 1985; y++) rows.push([y, 100 + y - 1980]);
    rows.push(['1986/87', 110], ['1987/88', 115], ['2020/21r', 120], ['2021/22p [Note 16]', 130], ['2019', 140], ['2022/23', 150], ['2023/24', 160]);
    const findings = checkWorkbook({ sheets: [gridOf('Y', rows)] }, defaultModel()).findings.filter((f) => f.rule === 'invalid-year');
    // A lone calendar year among fiscal years is still questioned.
    expect(findings.map((f) => f.cell)).toEqual(['A9']);
  });
});

describe('unit rows', () => {
  it('does not take a table letter ("K") for thousands, and reads the unit row beside it', () => {
    const grid = gridOf('K', [
      [' K', ' International investment position'],
      [null, null, null, ' £ billion'],
      ['Item', '2018', '2019', '2020'],
      ['Assets', 1.5, 2.5, 3.5],
      ['Liabilities', 1, 2, 3],
    ]);
    expect(detectTables(grid)[0].unit).toBe('£bn');
  });
});

describe('waiting-times series', () => {
  it('reads medians and percentiles as rates, and a total of two columns with others between them', () => {
    const rows: (string | number)[][] = [['Month', 'Median wait (weeks)', 'No. within 18 weeks', '% within 18 weeks', 'No. over 18 weeks', 'Total waiting']];
    for (let i = 0; i < 6; i++) {
      const [within, over] = [4000 + 37 * i, 900 + 53 * i];
      rows.push([`M${i + 1}`, 10 + i / 10, within, within / (within + over), over, within + over]);
    }
    const [t] = detectTables(gridOf('W', rows));
    expect(kinds(t)).toMatchObject({ B: 'rate', C: 'count', D: 'percent', E: 'count', F: 'count' });
    expect(t.columnTotals.map((c) => [columnLetters(c.col), c.adds.map(columnLetters)])).toEqual([['F', ['C', 'E']]]);
  });
});
