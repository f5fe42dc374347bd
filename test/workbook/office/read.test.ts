import { inflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { isErrorValue } from '../../../src/sheet/grid';
import { ReadTooLargeError, readGridsFromExcel } from '../../../src/workbook/office/read';
import { writeSheetSpecsToExcel } from '../../../src/workbook/office/write';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import { readXlsxFast } from '../../../src/workbook/xlsx/fast/read';
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
    // Text that looks like a formula is text; a date-formatted serial is a date, as the .xlsx readers give it.
    expect(grid.cell(5, 0)).toEqual({ value: '=looks like a formula' });
    expect(grid.cell(6, 2)).toEqual({ value: new Date(Date.UTC(2020, 2, 31)), numFmt: 'dd/mm/yyyy' });
    expect(isErrorValue(grid.value(5, 0))).toBe(false);
  });

  test('places a used range that does not start at A1, and keeps hidden sheets', async () => {
    const book = budgetWorkbook();
    const offset = book.addSheet('Offset');
    offset.setCell(4, 2, { value: 'Header' });
    offset.setCell(9, 5, { value: 10 });
    book.addSheet('Workings', [[1], [2]]).visibility = 'Hidden';
    book.addSheet('Secret', [[3]]).visibility = 'VeryHidden';
    book.addSheet('Empty');

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
    expect(workbook.sheets[4].cellCount).toBe(0);
    // List sheets, used ranges, then one read of every range: three syncs.
    expect(book.stats.syncs).toBe(3);
  });

  test('reads a used range of 10 million cells in requests sized by bytes, each answer well under 5 MB', async () => {
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
    expect(book.stats.cellsPerRead.reduce((a, b) => a + b, 0)).toBe(10_485_760 + 4 * 7);
    expect(Math.max(...book.stats.responseBytes)).toBeLessThanOrEqual(3_500_000 * 1.05);
    // Empty cells weigh 16 bytes: about 218,000 a request once the first answer is weighed.
    expect(book.stats.syncs).toBeLessThan(2 + 60);
  }, 120_000);

  test('gathers small ranges into one request and splits by the byte budget given', async () => {
    const book = new FakeWorkbook();
    for (const name of ['A', 'B', 'C'])
      book.addSheet(
        name,
        Array.from({ length: 10 }, (_, r) => [r, r * 2, `${name}${r}`]),
      );
    const together = await readGridsFromExcel(book.runner);
    expect(together.sheets.map((g) => g.cellCount)).toEqual([30, 30, 30]);
    expect(book.stats.syncs).toBe(3);

    book.resetStats();
    // 12 cells of 96 bytes (the first guess): bands of 4 rows until answers are weighed.
    const split = await readGridsFromExcel(book.runner, { maxResponseBytes: 12 * 96 });
    expect(split.sheets.map((g) => g.cellCount)).toEqual([30, 30, 30]);
    expect(book.stats.cellsPerRead[0]).toBe(12);
    expect(book.stats.cellsPerRead.reduce((a, b) => a + b, 0)).toBe(90);
    expect(book.stats.syncs).toBeGreaterThanOrEqual(2 + 3);
    expect(split.sheets[2].value(9, 2)).toBe('C9');
  });

  test('halves a request Excel refuses as too large (ResponsePayloadSizeLimitExceeded) and reads it all', async () => {
    const book = new FakeWorkbook();
    const lines = book.addSheet('Lines');
    const format = '"£"#,##0.0,,"m"_);("£"#,##0.0,,"m");"£"0.0,,"m"_)';
    for (let r = 0; r < 2_000; r++) {
      for (let c = 0; c < 8; c++) lines.setCell(r, c, { formula: `=${'A'.repeat(1)}${r + 1}*${c}+0`, value: r * c, numberFormat: format });
    }
    book.maxResponseBytes = 300_000;
    // A guess far too light: the first request is refused, then read in halves.
    const workbook = await readGridsFromExcel(book.runner, { initialBytesPerCell: 16 });
    expect(workbook.sheets[0].cellCount).toBe(16_000);
    expect(workbook.sheets[0].value(1_999, 7)).toBe(1_999 * 7);
    const refused = book.stats.responseBytes.filter((bytes) => bytes > 300_000);
    expect(refused.length).toBeGreaterThan(0);
    expect(book.stats.syncs).toBeGreaterThan(2 + refused.length);
  });

  test('takes an answer without its arrays near the limit as a refusal, and reads it in halves', async () => {
    const book = new FakeWorkbook();
    book.addSheet(
      'Lines',
      Array.from({ length: 1_000 }, (_, r) => [`Line ${r}`, r, r * 2]),
    );
    book.nullArraysAboveBytes = 20_000;
    const workbook = await readGridsFromExcel(book.runner);
    expect(workbook.sheets[0].cellCount).toBe(3_000);
    expect(workbook.sheets[0].value(999, 2)).toBe(1_998);
  });

  test('refuses clearly when one row alone is more than Excel will send', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Wide', [['x'.repeat(5_000), 'y'.repeat(5_000)]]);
    book.maxResponseBytes = 8_000;
    await expect(readGridsFromExcel(book.runner)).rejects.toThrow(ReadTooLargeError);
  });

  test('reads a generated budget in answers under 3.5 MB where 100,000 cells would pass 5 MB', async () => {
    const book = new FakeWorkbook();
    const lines = book.addSheet('Budget lines');
    const money = '"£"#,##0.0,,"m"_);("£"#,##0.0,,"m");"£"0.0,,"m"_)';
    for (let r = 0; r < 25_000; r++) {
      lines.setCell(r, 0, { value: `Organisation ${r}` });
      lines.setCell(r, 1, { value: `MOPAC-${r}` });
      for (let c = 2; c < 6; c++) lines.setCell(r, c, { value: 1_000_000.25 + r * c, numberFormat: money });
      lines.setCell(r, 6, { formula: `=D${r + 1}-C${r + 1}`, value: r, numberFormat: money });
      lines.setCell(r, 7, { value: 'green' });
    }
    const workbook = await readGridsFromExcel(book.runner);
    expect(workbook.sheets[0].cellCount).toBe(200_000);
    const bytes = book.stats.responseBytes.slice(2);
    const perCell = bytes.reduce((a, b) => a + b, 0) / 200_000;
    // As the issue measured: 100,000 such cells are more than Excel on the web sends.
    expect(perCell * 100_000).toBeGreaterThan(5_000_000);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(3_500_000 * 1.05);
    expect(bytes.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

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

  test('refuses a budget below one cell', async () => {
    await expect(readGridsFromExcel(new FakeWorkbook().runner, { maxCellsPerRead: 0 })).rejects.toThrow(RangeError);
    await expect(readGridsFromExcel(new FakeWorkbook().runner, { maxResponseBytes: 10 })).rejects.toThrow(RangeError);
  });
});

describe('dates', () => {
  test('a number in a date-formatted cell becomes a Date; times of day, elapsed times and other numbers stay numbers', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Register');
    sheet.setDate(0, 0, new Date(Date.UTC(2020, 2, 31)));
    sheet.setCell(1, 0, { value: 43921.5, numberFormat: 'd mmm yyyy h:mm' });
    sheet.setCell(2, 0, { value: 43921, numberFormat: 'mmm-yy' });
    sheet.setCell(3, 0, { value: 43921, numberFormat: '[$-en-GB]dd/mm/yyyy;@' });
    sheet.setCell(4, 0, { value: 0.5, numberFormat: 'h:mm' });
    sheet.setCell(5, 0, { value: 1.25, numberFormat: '[h]:mm:ss' });
    sheet.setCell(6, 0, { value: 0.01, numberFormat: 'mm:ss' });
    sheet.setCell(7, 0, { value: 43921, numberFormat: '"£"#,##0.0,,"m"' });
    sheet.setCell(8, 0, { value: 43921, numberFormat: '"days" 0' });
    sheet.setCell(9, 0, { value: 0.5, numberFormat: 'h:mm AM/PM' });
    sheet.setCell(10, 0, { formula: '=A1+1', value: 43922, numberFormat: 'dd/mm/yyyy' });
    const grid = (await readGridsFromExcel(book.runner)).sheets[0];
    expect(grid.cell(0, 0)).toEqual({ value: new Date(Date.UTC(2020, 2, 31)), numFmt: 'dd/mm/yyyy' });
    expect(grid.value(1, 0)).toEqual(new Date(Date.UTC(2020, 2, 31, 12)));
    expect(grid.value(2, 0)).toEqual(new Date(Date.UTC(2020, 2, 31)));
    expect(grid.value(3, 0)).toEqual(new Date(Date.UTC(2020, 2, 31)));
    expect([4, 5, 6, 7, 8, 9].map((r) => grid.value(r, 0))).toEqual([0.5, 1.25, 0.01, 43921, 43921, 0.5]);
    expect(grid.cell(10, 0)).toEqual({ value: new Date(Date.UTC(2020, 3, 1)), formula: 'A1+1', numFmt: 'dd/mm/yyyy' });
  });

  test("minds Excel's 29 February 1900: serials before 61 are a day later than the count from 1899-12-30, and 60 is no date", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Early');
    sheet.setCell(0, 0, { value: 1, numberFormat: 'dd/mm/yyyy' });
    sheet.setCell(1, 0, { value: 59, numberFormat: 'dd/mm/yyyy' });
    sheet.setCell(2, 0, { value: 60, numberFormat: 'dd/mm/yyyy' });
    sheet.setCell(3, 0, { value: 61, numberFormat: 'dd/mm/yyyy' });
    sheet.setCell(4, 0, { value: 0, numberFormat: 'dd/mm/yyyy' });
    sheet.setDate(5, 0, new Date(Date.UTC(1900, 0, 15)));
    const grid = (await readGridsFromExcel(book.runner)).sheets[0];
    expect(grid.value(0, 0)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(grid.value(1, 0)).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(grid.value(2, 0)).toBe(60);
    expect(grid.value(3, 0)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(grid.value(4, 0)).toBe(0);
    expect(grid.value(5, 0)).toEqual(new Date(Date.UTC(1900, 0, 15)));
  });

  test('gives the same grid as the .xlsx readers for a date-formatted cell (dates from March 1900)', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Register');
    const dates = [new Date(Date.UTC(2020, 2, 31)), new Date(Date.UTC(1999, 11, 31, 18)), new Date(Date.UTC(1900, 2, 1))];
    dates.forEach((date, r) => {
      ws.getCell(r + 1, 1).value = date;
      ws.getCell(r + 1, 1).numFmt = 'dd/mm/yyyy';
    });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const fromFile = (await readXlsx(bytes)).sheets[0];
    const fromFast = readXlsxFast(bytes, (data) => new Uint8Array(inflateRawSync(data))).sheets[0];

    const book = new FakeWorkbook();
    const sheet = book.addSheet('Register');
    dates.forEach((date, r) => sheet.setDate(r, 0, date));
    const fromExcel = (await readGridsFromExcel(book.runner)).sheets[0];
    for (let r = 0; r < dates.length; r++) {
      expect(fromExcel.cell(r, 0)).toEqual(fromFile.cell(r, 0));
      expect(fromExcel.cell(r, 0)).toEqual(fromFast.cell(r, 0));
    }
  });
});
