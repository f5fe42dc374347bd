import { detectTables } from '../../src/sheet/tables/detect';
import { rangeToA1 } from '../../src/sheet/a1';
import type { Table } from '../../src/sheet/tables/types';
import { addRows, gridOf } from '../helpers/grid';

const PRIORITY_AREAS = ['Keeping Children and Young People Safe', 'A Better Criminal Justice Service'];
const options = { isPriorityArea: (t: string) => PRIORITY_AREAS.includes(t) };

function roleOf(table: Table, header: string): string | undefined {
  return table.columns.find((c) => c.header === header)?.role;
}

function pounds(table: Table, row: number, col: number): string | undefined {
  const a = table.rows.find((r) => r.row === row)?.amounts.get(col);
  return a?.kind === 'amount' ? a.pounds.toString() : a?.kind;
}

describe('table detection', () => {
  it('reads a title, a header, lines and a total, with the unit from the header', () => {
    const grid = gridOf('LCPF', [
      ['London Crime Prevention Fund 2019/20'],
      ['LCPF Allocation to Boroughs', 'Allocation £m', 'Forecast £m', 'Variance £m'],
      ['Barnet', 0.3, 0.3, 0],
      ['Bexley', 0.2, 0.2, 0],
      ['Total', 0.5, 0.5, 0],
    ]);
    const [table] = detectTables(grid, options);
    expect(table.title).toBe('London Crime Prevention Fund 2019/20');
    expect(table.titleYear?.label).toBe('2019/20');
    expect(rangeToA1(table.range)).toBe('A1:D5');
    expect(table.unit).toBe('£m');
    expect(table.unitSource).toBe('header');
    // "Allocation" is in the first header, but the column holds names: it is the label.
    expect(roleOf(table, 'LCPF Allocation to Boroughs')).toBe('label');
    expect(roleOf(table, 'Allocation £m')).toBe('budget');
    expect(roleOf(table, 'Forecast £m')).toBe('forecast');
    expect(roleOf(table, 'Variance £m')).toBe('variance');
    expect(table.rows.map((r) => r.kind)).toEqual(['line', 'line', 'total']);
    expect(table.rows[2].sums).toEqual([2, 3]);
    expect(pounds(table, 2, 1)).toBe('300000');
  });

  it('finds roles whatever the column order, and tables away from A1', () => {
    const grid = gridOf(
      'Lines',
      [
        ['Variance', 'Budget £k', 'Borough', 'Project', 'Forecast £k', 'Year'],
        [10, 100, 'Lambeth', 'Youth work', 110, '2019/20'],
        [-5, 50, 'Merton', 'Advocacy', 45, '2019/20'],
      ],
      { row: 6, col: 3 },
    );
    const [table] = detectTables(grid, options);
    expect(rangeToA1(table.range)).toBe('D7:I9');
    expect(table.columns.map((c) => c.role)).toEqual(['variance', 'budget', 'borough', 'label', 'forecast', 'year']);
    expect(table.unit).toBe('£k');
    expect(pounds(table, 7, 4)).toBe('100000');
    expect(table.columns.find((c) => c.role === 'variance')?.unit).toBe('£k');
  });

  it('reads a two-row header with funders above the measure row', () => {
    const grid = gridOf('PTF', [
      [null, 'Home Office', 'MOPAC'],
      ['Project', '2019/20 Budget £m', '2019/20 Budget £m'],
      ['Drive', 1.6, 1.0],
      ['Total', 1.6, 1.0],
    ]);
    const [table] = detectTables(grid, options);
    expect(table.headerRows).toEqual([0, 1]);
    const budgets = table.columns.filter((c) => c.role === 'budget');
    expect(budgets.map((c) => c.group)).toEqual(['Home Office', 'MOPAC']);
    expect(budgets.every((c) => c.year?.label === '2019/20')).toBe(true);
  });

  it('reads a year row above the measure row, spreading each year to the columns under it', () => {
    const grid = gridOf('Years', [
      [null, '2019/20', null, '2020/21', null],
      ['Programme', 'Budget', 'Forecast', 'Budget', 'Forecast'],
      ['Drive', 1, 1, 2, 2],
    ]);
    const [table] = detectTables(grid, options);
    expect(table.columns.slice(1).map((c) => `${c.role} ${c.year?.label}`)).toEqual([
      'budget 2019/20',
      'forecast 2019/20',
      'budget 2020/21',
      'forecast 2020/21',
    ]);
    expect(table.columns[1].group).toBeUndefined();
  });

  it('finds several tables on one sheet, each ended by a blank row', () => {
    const grid = gridOf('Two', [
      ['Spend by year'],
      ['Year', 'Total £m'],
      ['2018/19', 46.1],
      [],
      ['Tranche', 'Amount £000'],
      ['Tranche 1', 1400],
      ['Total', 1400],
    ]);
    const tables = detectTables(grid, options);
    expect(tables).toHaveLength(2);
    expect(tables[0].columns.map((c) => c.role)).toEqual(['year', 'amount']);
    expect(tables[1].unit).toBe('£000');
    expect(pounds(tables[1], 5, 1)).toBe('1400000');
  });

  it('takes the unit from a unit row or the title when the header has none, else pounds as written', () => {
    const fromCell = detectTables(gridOf('A', [['Funding'], ['£k'], ['Project', 'Budget'], ['X', 5]]), options)[0];
    expect([fromCell.unit, fromCell.unitSource]).toEqual(['£k', 'unit-row']);
    const fromTitle = detectTables(gridOf('B', [['Funding (£000)'], ['Project', 'Budget'], ['X', 5]]), options)[0];
    expect([fromTitle.unit, fromTitle.unitSource]).toEqual(['£000', 'title']);
    const byDefault = detectTables(
      gridOf('C', [
        ['Project', 'Budget'],
        ['X', 5],
      ]),
      options,
    )[0];
    expect([byDefault.unit, byDefault.unitSource]).toEqual(['£', 'default']);
    const pounds = detectTables(
      gridOf('D', [
        ['Project', 'Budget (£)'],
        ['X', 5],
      ]),
      options,
    )[0];
    expect(pounds.unit).toBe('£');
  });

  it('reads section rows, their stated headlines, and which lines belong to them', () => {
    const grid = gridOf('Activities', [
      ['Key activities 2019/20'],
      ['Key activity', 'Funding stream', '2019/20 £m'],
      ['Keeping Children and Young People Safe (£15.0m)'],
      ['Victim and witness service', null, 1.4],
      ['Other small projects', null, 2.1],
      ['A Better Criminal Justice Service (£17.9m)'],
      ['London Victims and Witnesses Service', null, 7.7],
    ]);
    const [table] = detectTables(grid, options);
    expect(table.sections.map((s) => s.name)).toEqual(['Keeping Children and Young People Safe', 'A Better Criminal Justice Service']);
    expect(table.sections[0].lineRows).toEqual([3, 4]);
    expect(table.sections[1].lineRows).toEqual([6]);
    const headline = table.sections[1].headlines[0];
    expect(headline.pounds.toString()).toBe('17900000');
    expect(headline.step.toString()).toBe('100000');
    expect(headline.cell).toEqual({ row: 5, col: 0 });
  });

  it('treats a priority-area row with figures as a section only when ordinary lines follow it', () => {
    const withLines = gridOf('S', [
      ['Item', 'Budget £m'],
      ['Keeping Children and Young People Safe', 3],
      ['Youth work', 1],
      ['Advocacy', 2],
      ['A Better Criminal Justice Service', 4],
      ['Victim support', 4],
    ]);
    const [a] = detectTables(withLines, options);
    expect(a.rows.map((r) => r.kind)).toEqual(['section', 'line', 'line', 'section', 'line']);
    expect(a.sections[0].headlines[0].pounds.toString()).toBe('3000000');
    // One name in common with the model is a coincidence: the row is a line like any other.
    const oneName = gridOf('U', [
      ['Item', 'Budget £m'],
      ['Keeping Children and Young People Safe', 3],
      ['Youth work', 1],
      ['Advocacy', 2],
    ]);
    expect(detectTables(oneName, options)[0].rows.map((r) => r.kind)).toEqual(['line', 'line', 'line']);
    const summary = gridOf('T', [
      ['Item', 'Budget £m'],
      ['Keeping Children and Young People Safe', 3],
      ['A Better Criminal Justice Service', 4],
    ]);
    expect(detectTables(summary, options)[0].rows.map((r) => r.kind)).toEqual(['line', 'line']);
  });

  it('works out subtotals and a grand total', () => {
    const grid = gridOf('Sub', [
      ['Line', 'Budget £m'],
      ['North'],
      ['A', 1],
      ['B', 2],
      ['Subtotal', 3],
      ['South'],
      ['C', 4],
      ['Subtotal', 4],
      ['Grand total', 7],
    ]);
    const [table] = detectTables(grid, options);
    const totals = table.rows.filter((r) => r.kind === 'total').map((r) => r.sums);
    // The grand total adds the two subtotals (the lines beneath them, each once).
    expect(totals).toEqual([[2, 3], [6], [4, 7]]);
  });

  it('recognises a register and an audit-action table', () => {
    const grid = gridOf('Reg', [
      ['Ref', 'Title', 'Recipient', 'Type', 'Amount £', 'Award date', 'Start date', 'End date'],
      ['G1', 'Youth work', 'Redthread', 'Grant', 800000, new Date(Date.UTC(2019, 3, 1)), new Date(Date.UTC(2019, 3, 1)), new Date(Date.UTC(2020, 2, 31))],
    ]);
    addRows(
      grid,
      [
        ['Ref', 'Action', 'Owner', 'Status'],
        ['A1', 'Training plan', 'Head of Commissioning', 'Implemented'],
      ],
      { row: 3 },
    );
    const [register, audit] = detectTables(grid, options);
    expect(register.kind).toBe('register');
    expect(register.columns.map((c) => c.role)).toEqual(['ref', 'label', 'recipient', 'type', 'amount', 'award-date', 'start-date', 'end-date']);
    expect(audit.kind).toBe('audit-actions');
  });

  it('keeps text amounts, placeholders and errors apart', () => {
    const grid = gridOf('Mixed', [
      ['Service', '2019/20 Budget £m', '2020/21 Budget £m'],
      ['Prison Pathfinder', '£0.08m', '-'],
      ['Gang exit', 'approx 5', { f: '1/0', v: { kind: 'error', code: '#DIV/0!' } }],
    ]);
    const [table] = detectTables(grid, options);
    expect(pounds(table, 1, 1)).toBe('80000');
    expect(pounds(table, 1, 2)).toBe('0'); // a dash is nil (GSS)
    expect(pounds(table, 2, 1)).toBe('invalid');
    expect(pounds(table, 2, 2)).toBe('error');
  });

  it('ignores blocks that have no header', () => {
    expect(detectTables(gridOf('Notes', [['Source: panel report, January 2020']]), options)).toEqual([]);
    expect(
      detectTables(
        gridOf('Numbers', [
          [1, 2],
          [3, 4],
        ]),
        options,
      ),
    ).toEqual([]);
  });
});

describe('the precision of whole figures in a column of decimals', () => {
  /** A £000 column: one figure stored unrounded, the others whole; `format` is the whole figures' number format. */
  function stepOfWholeFigure(format: string | undefined): string | undefined {
    const grid = gridOf('Returns', [['Council', 'Revenue £000']]);
    const rows: [string, number][] = [
      ['Ashford', 120.456],
      ['Barnet', 15025],
      ['Total', 15145.456],
    ];
    rows.forEach(([name, value], i) => {
      grid.set(i + 1, 0, name);
      grid.set(i + 1, 1, value, i === 1 ? format : undefined);
    });
    const [table] = detectTables(grid, options);
    const a = table.rows.find((r) => r.row === 2)?.amounts.get(1);
    return a?.kind === 'amount' ? a.step.toString() : a?.kind;
  }

  it('a whole figure shown in General takes the column’s finer precision: 15025 stands for 15025.000', () => {
    expect(stepOfWholeFigure(undefined)).toBe('1');
  });

  it('a whole figure formatted to show whole units (#,##0) keeps its own: it is shown rounded to £1,000', () => {
    expect(stepOfWholeFigure('#,##0')).toBe('1000');
  });
});
