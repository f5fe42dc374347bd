import { isErrorValue } from '../../../src/sheet/grid';
import { defaultCellsPerRead, excelWorkbookSource, readGridsFromExcel, writeSheetSpecsToExcel } from '../../../src/workbook/office';
import { FakeWorkbook } from './fake-excel';
import { registerSheet } from './specs';

function budgetWorkbook(): FakeWorkbook {
  const book = new FakeWorkbook();
  const lines = book.addSheet('Budget lines', [
    ['Line', 'Budget £m', 'Actual £m', 'Variance'],
    ['Victims', 1.2, 1.1, { f: 'C2-B2', v: -0.1 }],
    ['Youth', 0.8, '#N/A', { f: 'C3-B3', v: '#N/A' }],
    ['Total', { f: 'SUM(B2:B3)', v: 2 }, { f: 'B99/0' }, { f: 'VLOOKUP(A1,Z:Z,2)', v: '#REF!' }],
    [true, null, 'plain text'],
  ]);
  lines.cell(1, 1)!.numberFormat = '"£"#,##0.0"m"';
  lines.setCell(5, 0, { value: '=looks like a formula', quoted: true });
  lines.setCell(6, 2, { value: 43921, numberFormat: 'dd/mm/yyyy' });
  return book;
}

describe('readGridsFromExcel', () => {
  test('reads values, formulas without "=", cached results, number formats and Excel errors into grids', async () => {
    const book = budgetWorkbook();
    const workbook = await readGridsFromExcel(book.runner);
    const grid = workbook.sheets[0];
    expect(grid.name).toBe('Budget lines');
    expect(grid.cell(0, 1)).toEqual({ value: 'Budget £m' });
    expect(grid.cell(1, 1)).toEqual({ value: 1.2, numFmt: '"£"#,##0.0"m"' });
    expect(grid.cell(1, 3)).toEqual({ value: -0.1, formula: 'C2-B2' });
    expect(grid.cell(3, 1)).toEqual({ value: 2, formula: 'SUM(B2:B3)' });
    // An error constant and errors as formula results.
    expect(grid.value(2, 2)).toEqual({ kind: 'error', code: '#N/A' });
    expect(grid.cell(2, 3)).toEqual({ value: { kind: 'error', code: '#N/A' }, formula: 'C3-B3' });
    expect(grid.cell(3, 2)).toEqual({ value: { kind: 'error', code: '#DIV/0!' }, formula: 'B99/0' });
    expect(grid.cell(3, 3)).toEqual({ value: { kind: 'error', code: '#REF!' }, formula: 'VLOOKUP(A1,Z:Z,2)' });
    expect(grid.value(4, 0)).toBe(true);
    expect(grid.cell(4, 1)).toBeUndefined();
    // Text that looks like a formula is text; a date stays a serial number with its format.
    expect(grid.cell(5, 0)).toEqual({ value: '=looks like a formula' });
    expect(grid.cell(6, 2)).toEqual({ value: 43921, numFmt: 'dd/mm/yyyy' });
    expect(isErrorValue(grid.value(5, 0))).toBe(false);
  });

  test('places a used range that does not start at A1, and keeps hidden sheets and hidden rows', async () => {
    const book = budgetWorkbook();
    const offset = book.addSheet('Offset');
    offset.setCell(4, 2, { value: 'Header' });
    offset.setCell(9, 5, { value: 10 });
    book.addSheet('Workings', [[1], [2]]).visibility = 'Hidden';
    book.addSheet('Secret', [[3]]).visibility = 'VeryHidden';
    book.addSheet('Empty');
    for (const row of [2, 3]) book.sheet('Budget lines')!.hiddenRows.add(row);

    const workbook = await readGridsFromExcel(book.runner);
    expect(workbook.sheets.map((g) => [g.name, g.visibility])).toEqual([
      ['Budget lines', 'visible'],
      ['Offset', 'visible'],
      ['Workings', 'hidden'],
      ['Secret', 'veryHidden'],
      ['Empty', 'visible'],
    ]);
    expect(workbook.sheets[1].value(4, 2)).toBe('Header');
    expect(workbook.sheets[1].value(9, 5)).toBe(10);
    expect(workbook.sheets[1].cellCount).toBe(2);
    expect([...workbook.sheets[0].hiddenRows].sort()).toEqual([2, 3]);
    expect(workbook.sheets[4].cellCount).toBe(0);
    // List sheets, used ranges, then one read of every range: three syncs.
    expect(book.stats.syncs).toBe(3);
  });

  test('finds hidden rows through a visible column when the first column is hidden too', async () => {
    const book = budgetWorkbook();
    const sheet = book.sheet('Budget lines')!;
    sheet.hiddenColumns.add(0);
    sheet.hiddenRows.add(1);
    const all = book.addSheet('All hidden', [[1], [2]]);
    all.hiddenRows.add(0);
    all.hiddenRows.add(1);
    const workbook = await readGridsFromExcel(book.runner);
    expect([...workbook.sheets[0].hiddenRows]).toEqual([1]);
    expect([...workbook.sheets[1].hiddenRows].sort()).toEqual([0, 1]);
    expect(book.stats.syncs).toBe(4);
  });

  test('reads a used range over 5,000,000 cells in row bands under the limit, in one request per band', async () => {
    const book = budgetWorkbook();
    const huge = book.addSheet('Huge');
    huge.extent = { rows: 1_048_576, columns: 10 };
    huge.setCell(0, 0, { value: 'Top' });
    huge.setCell(499_999, 9, { value: 1 });
    huge.setCell(500_000, 9, { value: 2 });
    huge.setCell(1_048_575, 9, { value: 'Bottom', numberFormat: '@' });

    const workbook = await readGridsFromExcel(book.runner);
    const grid = workbook.sheets[1];
    expect(grid.value(0, 0)).toBe('Top');
    expect(grid.value(499_999, 9)).toBe(1);
    expect(grid.value(500_000, 9)).toBe(2);
    expect(grid.cell(1_048_575, 9)).toEqual({ value: 'Bottom', numFmt: '@' });
    expect(grid.cellCount).toBe(4);
    // 10,485,760 cells: bands of 500,000 rows (5,000,000 cells), then the 48,576 left.
    const hugeReads = book.stats.cellsPerRead.filter((cells) => cells >= 48_576 * 10);
    expect(hugeReads).toEqual([5_000_000, 5_000_000, 485_760]);
    expect(Math.max(...book.stats.cellsPerRead)).toBeLessThanOrEqual(5_000_000);
    // List sheets, used ranges; then the small sheet, which no band has room to join, and the three bands.
    expect(book.stats.syncs).toBe(2 + 1 + 3);
  }, 120_000);

  test('gathers small ranges into one request and splits by the cell budget given', async () => {
    const book = new FakeWorkbook();
    for (const name of ['A', 'B', 'C']) book.addSheet(name, Array.from({ length: 10 }, (_, r) => [r, r * 2, `${name}${r}`]));
    const together = await readGridsFromExcel(book.runner);
    expect(together.sheets.map((g) => g.cellCount)).toEqual([30, 30, 30]);
    expect(book.stats.syncs).toBe(3);

    book.resetStats();
    const split = await readGridsFromExcel(book.runner, { maxCellsPerRead: 12 });
    expect(split.sheets.map((g) => g.cellCount)).toEqual([30, 30, 30]);
    expect(book.stats.cellsPerRead.every((cells) => cells <= 12)).toBe(true);
    // Each sheet: bands of 4, 4 and 2 rows (12, 12 and 6 cells), each a request of its own.
    expect(book.stats.cellsPerRead).toEqual([12, 12, 6, 12, 12, 6, 12, 12, 6]);
    expect(book.stats.syncs).toBe(2 + 9);

    book.resetStats();
    await readGridsFromExcel(book.runner, { maxCellsPerRead: 60 });
    // Two 30-cell sheets fit one request; the third takes another.
    expect(book.stats.cellsPerRead).toEqual([30, 30, 30]);
    expect(book.stats.syncs).toBe(2 + 2);
    expect(split.sheets[2].value(9, 2)).toBe('C9');
  });

  test('reads back what the writer wrote: text stays text, totals are formulas with their results', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Budget lines', [['x']]);
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 2, organisation: (i) => (i === 0 ? '=1+1' : '2019/20') })]);
    const workbook = await readGridsFromExcel(book.runner);
    const grid = workbook.sheets.find((g) => g.name === 'Register')!;
    const header = [...grid.rowIndexes()].find((r) => grid.value(r, 0) === 'Grant id')!;
    expect(grid.cell(header + 1, 1)).toEqual({ value: '=1+1' });
    expect(grid.cell(header + 2, 1)).toEqual({ value: '2019/20' });
    const total = grid.cell(header + 3, 2)!;
    expect(total.formula).toBe(`SUM(C${header + 2}:C${header + 3})`);
    expect(total.value).toBeCloseTo(2_001_000.5, 6);
    expect(total.numFmt).toMatch(/"£"#,##0\.0,,"m"/);
  });

  test('refuses a cell budget below one cell', async () => {
    await expect(readGridsFromExcel(new FakeWorkbook().runner, { maxCellsPerRead: 0 })).rejects.toThrow(RangeError);
  });
});

describe('the cell budget and the workbook source', () => {
  const globals = globalThis as { Office?: unknown };
  afterEach(() => delete globals.Office);

  test('reads in bands of at most 100,000 cells in Excel on the web, whose responses are capped at 5 MB', async () => {
    globals.Office = { context: { platform: 'OfficeOnline' } };
    expect(defaultCellsPerRead()).toBe(100_000);
    const book = new FakeWorkbook();
    book.addSheet('Lines').extent = { rows: 30_000, columns: 8 };
    await readGridsFromExcel(book.runner);
    expect(book.stats.cellsPerRead).toEqual([100_000, 100_000, 40_000]);
  });

  test('uses Excel\'s 5,000,000-cell limit elsewhere, and without office.js', () => {
    expect(defaultCellsPerRead()).toBe(5_000_000);
    globals.Office = { context: { platform: 'PC' } };
    expect(defaultCellsPerRead()).toBe(5_000_000);
  });

  test('is the engine\'s WorkbookSource for "this workbook"', async () => {
    const book = budgetWorkbook();
    const source = excelWorkbookSource(book.runner);
    expect(source.label).toBe('this workbook');
    expect((await source.readGrids()).sheets[0].value(3, 1)).toBe(2);
  });
});
