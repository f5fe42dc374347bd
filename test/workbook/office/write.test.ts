import { Money } from '../../../src/money/decimal';
import { excelNumberFormat } from '../../../src/money/format';
import { OWNER_MARKER, type SheetSpec } from '../../../src/reports/spec';
import { SheetSpecError } from '../../../src/workbook/layout/errors';
import { WorkbookProtectedError } from '../../../src/workbook/office/errors';
import { CellEditModeError } from '../../../src/workbook/office/requests';
import { writeSheetSpecsToExcel } from '../../../src/workbook/office/write';
import { charactersToPoints } from '../../../src/workbook/office/write';
import { FakeWorkbook, nameValue } from './fake-excel';
import { actualOf, budgetOf, registerSheet, registerTable, rollupSheet } from './specs';

const MONEY = excelNumberFormat('£m', 1);

/** A workbook as a user has it: budget sheets with values, formulas, a table of their own and a name. */
function userWorkbook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Budget lines', [
    ['Line', 'Budget', 'Actual'],
    ['Victims', 1200, 1100],
    ['Youth', 800, { f: 'B3*2', v: 1600 }],
  ]);
  book.addSheet('Notes', [['=not a formula, typed with a quote'], [42]]);
  book.sheet('Budget lines')!.tables.push({ name: 'UserBudget', address: 'A1:C3', hasHeaders: true, props: {} });
  book.names.push({ name: 'UserTotal', comment: '', ref: { sheet: book.sheet('Budget lines')!, address: 'B3' } });
  return book;
}

/** Row index (0-based) of the first cell in column A whose value is `text`. */
function rowOf(book: FakeWorkbook, sheet: string, text: string): number {
  const grid = book.sheet(sheet)!;
  for (const [row, cells] of grid.rows) if (cells.get(0)?.value === text) return row;
  throw new Error(`no row "${text}" on ${sheet}`);
}

describe('writeSheetSpecsToExcel', () => {
  test('writes a register as a styled, named Excel table whose totals are live formulas computing to the engine figures', async () => {
    const book = userWorkbook();
    const rows = 4;
    const report = await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows })]);
    const sheet = book.sheet('Register')!;

    expect(book.sheets.map((s) => s.name)).toEqual(['Budget lines', 'Notes', 'Register']);
    expect(report).toMatchObject({ sheetsWritten: ['Register'], tables: ['CW_Register'], chunks: 1 });

    // Layout: paragraph, blank, title, unit note, header, body, total, blank, footnote, source.
    const header = rowOf(book, 'Register', 'Grant id');
    expect(sheet.valueAt(header - 2, 0)).toBe('Contracts and Grants Register');
    expect(sheet.valueAt(header - 1, 0)).toBe('£m, 2019/20. Negative figures in brackets.');
    expect(sheet.tables).toEqual([expect.objectContaining({ name: 'CW_Register', address: `A${header + 1}:H${header + 1 + rows}`, hasHeaders: true })]);
    expect(sheet.tables[0].props.style).toBe('TableStyleLight9');

    const total = header + 1 + rows;
    expect(sheet.valueAt(total, 0)).toBe('Total');
    expect(sheet.cell(total, 2)?.formula).toBe(`=SUM(C${header + 2}:C${header + 1 + rows})`);
    const budget = Array.from({ length: rows }, (_, i) => budgetOf(i)).reduce((a, b) => a.plus(b));
    const actual = Array.from({ length: rows }, (_, i) => actualOf(i)).reduce((a, b) => a.plus(b));
    expect(sheet.valueAt(total, 2)).toBeCloseTo(budget.toNumber(), 6);
    expect(sheet.valueAt(total, 3)).toBeCloseTo(actual.toNumber(), 6);
    expect(sheet.valueAt(total, 4)).toBeCloseTo(actual.minus(budget).toNumber(), 6);
    // Row formulas: variance and percentage per row, each computing to the engine's figure.
    expect(sheet.cell(header + 1, 4)?.formula).toBe(`=D${header + 2}-C${header + 2}`);
    expect(sheet.valueAt(header + 2, 4)).toBeCloseTo(actualOf(1).minus(budgetOf(1)).toNumber(), 6);
    expect(sheet.valueAt(header + 2, 5)).toBeCloseTo(actualOf(1).div(budgetOf(1)).times(100).toNumber(), 9);
    // Money as pounds with the £m display format; links as HYPERLINK formulas showing their text.
    expect(sheet.cell(header + 1, 2)).toMatchObject({ value: 1_000_000.25, numberFormat: MONEY });
    expect(sheet.cell(total, 4)?.numberFormat).toBe(MONEY);
    expect(sheet.valueAt(header + 1, 7)).toBe('Budget lines!C2');
    expect(sheet.cell(header + 1, 7)?.formula).toBe(`=HYPERLINK("#'Budget lines'!C2","Budget lines!C2")`);

    expect(sheet.valueAt(total + 2, 0)).toBe('Figures may not sum due to rounding.');
    expect(String(sheet.valueAt(total + 3, 0))).toMatch(/^Source: Budget lines!A1:J32/);

    // Look: frozen header, bold larger title, bold total with a double rule, RAG and negative formats.
    expect(sheet.frozenRows).toBe(header + 1);
    expect(sheet.formats).toEqual(
      expect.arrayContaining([
        { address: `A${header - 1}`, path: 'font.bold', value: true },
        { address: `A${header - 1}`, path: 'font.size', value: 14 },
        { address: `A${total + 1}:H${total + 1}`, path: 'font.bold', value: true },
        { address: `A${total + 1}:H${total + 1}`, path: 'borders[EdgeBottom].style', value: 'Double' },
        { address: `H${header + 2}:H${header + 1 + rows}`, path: 'font.underline', value: 'Single' },
      ]),
    );
    const ragRange = `G${header + 2}:G${total + 1}`;
    expect(sheet.conditionalFormats.filter((f) => f.address === ragRange).map((f) => f.props['custom.rule.formula'])).toEqual([
      `=$G${header + 2}="green"`,
      `=$G${header + 2}="amber"`,
      `=$G${header + 2}="red"`,
    ]);
    expect(sheet.conditionalFormats).toContainEqual({
      address: `E${header + 2}:E${total + 1}`,
      type: 'CellValue',
      props: { 'cellValue.format.font.color': '#C00000', 'cellValue.rule': { formula1: '0', operator: 'LessThan' } },
    });

    // Fitted widths stay between the column's minimum and a page-friendly maximum.
    expect(sheet.columnWidths.get(1)).toBe(charactersToPoints(24));
    for (const [, width] of sheet.columnWidths) {
      expect(width).toBeGreaterThanOrEqual(charactersToPoints(8));
      expect(width).toBeLessThanOrEqual(charactersToPoints(60));
    }
  });

  test('marks each sheet it makes with a CW_GENERATED_ defined name on A1, commented with the owner marker', async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 2 }), rollupSheet()]);
    const markers = book.names.filter((n) => n.name.startsWith('CW_GENERATED_'));
    expect(markers.map((n) => [n.name, n.comment, nameValue(n)])).toEqual([
      ['CW_GENERATED_Register', OWNER_MARKER, 'Register!$A$1'],
      ['CW_GENERATED_Rollup', OWNER_MARKER, 'Rollup!$A$1'],
    ]);
  });

  test('draws a real column chart of the plotted column, with the labels as categories, beside the table', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Budget lines', [['x']]);
    await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    const sheet = book.sheet('Rollup')!;
    const header = rowOf(book, 'Rollup', 'Priority area');
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ type: 'ColumnClustered', source: `B${header + 2}:B${header + 4}`, seriesBy: 'Columns' });
    expect(chart.props).toMatchObject({
      'title.text': 'Spend by priority area',
      'series[0].name': 'Spend',
      'series[0].setXAxisValues()': `A${header + 2}:A${header + 4}`,
    });
    expect(sheet.conditionalFormats).toContainEqual(expect.objectContaining({ type: 'DataBar', address: `B${header + 2}:B${header + 4}` }));
  });

  test('stores text from data that a spreadsheet would take for a formula, a number or a date as that exact text', async () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","click")',
      '+44 20 7946 0000',
      '-2+3',
      '@SUM(A1:A9)',
      "=cmd|' /C calc'!A0",
      '2019/20',
      '007',
      "'quoted",
      'TRUE',
      '#REF!',
    ];
    const book = new FakeWorkbook();
    book.addSheet('Budget lines', [['x']]);
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: hostile.length, organisation: (i) => hostile[i] })]);
    const sheet = book.sheet('Register')!;
    const header = rowOf(book, 'Register', 'Grant id');
    hostile.forEach((text, i) => {
      const cell = sheet.cell(header + 1 + i, 1);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(text);
      expect(cell?.error).toBeUndefined();
    });
    // Headers and titles are text too: "2019/20" in a unit note is not a date.
    expect(sheet.valueAt(header - 1, 0)).toBe('£m, 2019/20. Negative figures in brackets.');
  });

  test('makes a constant number of syncs: 1,000 and 50,000 rows differ only by the extra chunks, and no request passes 4 MB', async () => {
    const measure = async (rows: number) => {
      const book = new FakeWorkbook();
      book.addSheet('Budget lines', [['x']]);
      const report = await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows }), rollupSheet()]);
      expect(book.stats.implicitSyncs).toBe(0);
      expect(report.syncs).toBe(book.stats.syncs);
      const sheet = book.sheet('Register')!;
      const total = rowOf(book, 'Register', 'Total');
      const budget = Array.from({ length: rows }, (_, i) => budgetOf(i)).reduce((a, b) => a.plus(b));
      expect(sheet.valueAt(total, 2)).toBeCloseTo(budget.toNumber(), 2);
      expect(sheet.valueAt(total - 1, 0)).toBe(`MOPAC-${String(rows).padStart(5, '0')}`);
      return { report, stats: book.stats };
    };
    const small = await measure(1_000);
    const large = await measure(50_000);

    expect(small.report.chunks).toBe(1);
    expect(large.report.chunks).toBeGreaterThan(1);
    // Read, one write request per chunk, one sync to bound the column widths.
    expect(small.report.syncs).toBe(1 + small.report.chunks + 1);
    expect(large.report.syncs - small.report.syncs).toBe(large.report.chunks - small.report.chunks);
    for (const bytes of [...small.stats.requestBytes, ...large.stats.requestBytes]) expect(bytes).toBeLessThan(4_000_000);
    expect(Math.max(...large.stats.requestBytes)).toBeGreaterThan(2_000_000); // the chunks are full, not tiny
    // Calculation is suspended for every write request, and only for those.
    expect(large.stats.suspendCalculationCalls).toBe(large.report.chunks);
    expect(large.report.cellsWritten).toBeGreaterThan(50_000 * 8);
  }, 120_000);

  test('keeps every request within a smaller budget when asked', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Budget lines', [['x']]);
    const budget = 20_000;
    const report = await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 600 }), rollupSheet()], { maxRequestBytes: budget });
    expect(report.chunks).toBeGreaterThan(5);
    for (const bytes of book.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(budget);
    const total = rowOf(book, 'Register', 'Total');
    expect(book.sheet('Register')!.valueAt(total, 3)).toBeCloseTo(
      Array.from({ length: 600 }, (_, i) => actualOf(i))
        .reduce((a, b) => a.plus(b))
        .toNumber(),
      4,
    );
  });

  test('changes no cell, table or name outside the sheets it generates', async () => {
    const book = userWorkbook();
    const before = book.snapshotExcept(['Register', 'Rollup']);
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 30 }), rollupSheet()]);
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 3 }), rollupSheet()]);
    expect(book.snapshotExcept(['Register', 'Rollup'])).toEqual(before);
    expect(book.sheet('Notes')!.cell(0, 0)?.value).toBe('=not a formula, typed with a quote');
  });

  test('keeps a same-named sheet it did not make, cell for cell, and writes its own beside it as "Rollup (2)"', async () => {
    const book = userWorkbook();
    book.addSheet('Rollup', [['My own rollup'], [1, 2, 3]]);
    const before = book.snapshotExcept(['Rollup (2)', 'Register']);

    const report = await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 3 }), rollupSheet()]);
    expect(report.sheetsWritten).toEqual(['Register', 'Rollup (2)']);
    expect(book.snapshotExcept(['Rollup (2)', 'Register'])).toEqual(before);
    expect(book.names.map((n) => n.name)).toEqual(expect.arrayContaining(['UserTotal', 'CW_GENERATED_Rollup__2_']));
    // Running again rewrites "Rollup (2)" in place and adds nothing.
    const sheetsAfterFirst = book.sheets.map((s) => s.name);
    await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    expect(book.sheets.map((s) => s.name)).toEqual(sheetsAfterFirst);
  });

  test('compares sheet names as Excel does, without case', async () => {
    const book = userWorkbook();
    book.addSheet('ROLLUP', [['mine']]);
    const report = await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    expect(report.sheetsWritten).toEqual(['Rollup (2)']);
    expect(book.sheet('ROLLUP')!.name).toBe('ROLLUP');
  });

  test('refuses a table name the workbook already uses, before changing anything', async () => {
    const book = userWorkbook();
    const before = book.snapshotExcept([]);
    const spec = registerSheet({ rows: 2, tableName: 'UserBudget' });
    await expect(writeSheetSpecsToExcel(book.runner, [spec])).rejects.toThrow(SheetSpecError);
    await expect(writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 2, tableName: 'UserTotal' })])).rejects.toThrow(
      'the workbook already has a defined name called "UserTotal"; rename it and run again',
    );
    expect(book.snapshotExcept([])).toEqual(before);
    expect(book.sheet('Register')).toBeUndefined();
  });

  test('re-running rewrites its sheets in place, in their tab positions, and adds none', async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 20 }), rollupSheet()]);
    // The user moves Rollup to the front.
    const rollup = book.sheet('Rollup')!;
    book.sheets.splice(book.sheets.indexOf(rollup), 1);
    book.sheets.unshift(rollup);
    const order = book.sheets.map((s) => s.name);
    const nameCount = book.names.length;

    const report = await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 2 }), rollupSheet(['Only area'])]);
    expect(book.sheets.map((s) => s.name)).toEqual(order);
    expect(book.sheet('Rollup')).toBe(rollup); // the same sheet, rewritten: references to it survive
    expect(book.names).toHaveLength(nameCount);
    expect(
      book.names
        .filter((n) => n.name.startsWith('CW_GENERATED_'))
        .map(nameValue)
        .sort(),
    ).toEqual(['Register!$A$1', 'Rollup!$A$1']);
    // Nothing of the longer first run is left behind.
    const register = book.sheet('Register')!;
    expect(register.usedRect()!.r1).toBe(rowOf(book, 'Register', 'Total') + 3);
    expect(register.tables).toHaveLength(1);
    expect(rollup.charts).toHaveLength(1);
    expect(rollup.conditionalFormats.every((f) => f.address.endsWith('4') || f.address.endsWith('5') || f.address === 'B4')).toBe(true);
    // Read the workbook, read the sheets to rewrite (protection, charts), write, bound the column widths.
    expect(report.syncs).toBe(4);
    const allTables = book.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(allTables).size).toBe(allTables.length);
  });

  test('replaces its sheet even when it is the only visible sheet', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Hidden workings', [[1]]).visibility = 'Hidden';
    await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    expect(book.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['Rollup']);
    await writeSheetSpecsToExcel(book.runner, [rollupSheet(['Again'])]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Hidden workings', 'Rollup']);
    expect(book.sheet('Rollup')!.valueAt(rowOf(book, 'Rollup', 'Again'), 0)).toBe('Again');
  });

  test('a sheet the user renamed keeps its content and stops being ours; a new one takes the name', async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [rollupSheet(['First'])]);
    const renamed = book.sheet('Rollup')!;
    renamed.name = 'Rollup kept';
    // Its table still has our table's name, which Excel allows once per workbook: the user is told.
    await expect(writeSheetSpecsToExcel(book.runner, [rollupSheet(['Second'])])).rejects.toThrow(
      'the workbook already has a table on sheet "Rollup kept" called "CW_RollupByPriorityArea"; rename it and run again',
    );
    renamed.tables[0].name = 'KeptRollup';
    await writeSheetSpecsToExcel(book.runner, [rollupSheet(['Second'])]);
    expect(book.sheet('Rollup kept')).toBe(renamed);
    expect(renamed.valueAt(rowOf(book, 'Rollup kept', 'First'), 0)).toBe('First');
    expect(book.sheet('Rollup')!.valueAt(rowOf(book, 'Rollup', 'Second'), 0)).toBe('Second');
    expect(book.names.filter((n) => n.name.startsWith('CW_GENERATED_')).map(nameValue)).toEqual(['Rollup!$A$1']);
  });

  test('a stale marker left by a deleted sheet does not make a new sheet of that name ours', async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    // The user deletes our Rollup (the marker becomes #REF!) and makes their own.
    book.sheets.splice(book.sheets.indexOf(book.sheet('Rollup')!), 1);
    for (const name of book.names) if (name.ref?.sheet.name === 'Rollup') name.ref = null;
    book.addSheet('Rollup', [['mine']]);
    const report = await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    expect(report.sheetsWritten).toEqual(['Rollup (2)']);
  });

  test('a spec that cannot be laid out fails before Excel is asked anything', async () => {
    const book = userWorkbook();
    const table = registerTable({ rows: 2 });
    const broken: SheetSpec = {
      name: 'Register',
      paragraphs: [],
      tables: [{ ...table, totals: [{ cells: { budget: { formula: { op: 'minus', a: 'budget', b: 'nope' }, value: new Money(0) } } }] }],
    };
    await expect(writeSheetSpecsToExcel(book.runner, [broken])).rejects.toThrow(/"nope"/);
    expect(book.stats.syncs).toBe(0);
  });

  test('writes a sheet with paragraphs only, and an empty table with its one blank data row', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Budget lines', [['x']]);
    const empty = { ...registerTable({ rows: 0 }), totals: [] };
    const report = await writeSheetSpecsToExcel(book.runner, [
      { name: 'Panel report', paragraphs: [{ text: '3 errors open: not ready for the panel', emphasis: 'warning' }], tables: [] },
      { name: 'Findings', paragraphs: [], tables: [{ ...empty, name: 'CW_Findings' }] },
    ]);
    expect(book.sheet('Panel report')!.valueAt(0, 0)).toBe('3 errors open: not ready for the panel');
    expect(book.sheet('Panel report')!.formats).toContainEqual({ address: 'A1', path: 'font.color', value: '#9C0006' });
    const header = rowOf(book, 'Findings', 'Grant id');
    expect(book.sheet('Findings')!.tables[0].address).toBe(`A${header + 1}:H${header + 2}`);
    expect(report.tables).toEqual(['CW_Findings']);
  });

  test("rewrites its sheet in place, so the user's formulas pointing at it keep working", async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 3 })]);
    const register = book.sheet('Register')!;
    const total = rowOf(book, 'Register', 'Total');
    book.sheet('Notes')!.setCell(5, 0, { formula: `=Register!C${total + 1}` });
    const before = Number(book.sheet('Notes')!.valueAt(5, 0));
    expect(before).toBeGreaterThan(3_000_000);

    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 5 })]);
    expect(book.sheet('Register')).toBe(register);
    const notes = book.sheet('Notes')!;
    expect(notes.cell(5, 0)?.formula).toBe(`=Register!C${total + 1}`);
    // The same cell now holds the fifth row's budget: the reference followed the sheet, not #REF!.
    expect(notes.valueAt(5, 0)).toBeCloseTo(budgetOf(3).toNumber(), 6);
    expect(register.tables.map((t) => t.name)).toEqual(['CW_Register']);
    expect(register.conditionalFormats).toHaveLength(4);
  });

  test('refuses a protected workbook structure or a protected sheet before changing anything, and keeps its markers', async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 3 }), rollupSheet()]);
    const before = book.snapshotExcept([]);
    const names = book.names.map((n) => [n.name, nameValue(n)]);

    book.protected = true;
    await expect(writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 4 })])).rejects.toThrow(
      "nothing was written: the workbook's structure is protected (Review > Protect Workbook); remove the protection and run again",
    );
    book.protected = false;
    book.sheet('Rollup')!.protected = true;
    const attempt = writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 4 }), rollupSheet(['Again'])]);
    await expect(attempt).rejects.toThrow(WorkbookProtectedError);
    await expect(writeSheetSpecsToExcel(book.runner, [rollupSheet()])).rejects.toThrow('the sheet "Rollup" is protected');
    expect(book.snapshotExcept([])).toEqual(before);
    expect(book.names.map((n) => [n.name, nameValue(n)])).toEqual(names);

    // Unprotected, the same write goes through: nothing was left half done.
    book.sheet('Rollup')!.protected = false;
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows: 4 }), rollupSheet(['Again'])]);
    expect(book.sheet('Rollup')!.valueAt(rowOf(book, 'Rollup', 'Again'), 0)).toBe('Again');
  });

  test('a stale marker is replaced only once its new sheet exists: a refused add leaves it in place', async () => {
    const book = userWorkbook();
    book.names.push({ name: 'CW_GENERATED_Rollup', comment: OWNER_MARKER, ref: null });
    book.protected = true;
    await expect(writeSheetSpecsToExcel(book.runner, [rollupSheet()])).rejects.toThrow(WorkbookProtectedError);
    expect(book.names.map((n) => n.name)).toEqual(['UserTotal', 'CW_GENERATED_Rollup']);
    book.protected = false;
    await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    expect(book.names.filter((n) => n.name.startsWith('CW_GENERATED_')).map(nameValue)).toEqual(['Rollup!$A$1']);
  });

  test('waits out cell-edit mode with delayForCellEdit where Excel offers it, and retries where it does not', async () => {
    const book = userWorkbook();
    book.cellEditSyncs = 1;
    await writeSheetSpecsToExcel(book.runner, [rollupSheet()]);
    expect(book.stats.delayedForCellEdit).toBe(1);

    book.supportsDelayForCellEdit = false;
    book.cellEditSyncs = 2;
    await writeSheetSpecsToExcel(book.runner, [rollupSheet(['Retried'])], { cellEditRetry: { delayMs: 0 } });
    expect(book.sheet('Rollup')!.valueAt(rowOf(book, 'Rollup', 'Retried'), 0)).toBe('Retried');

    book.cellEditSyncs = Number.POSITIVE_INFINITY;
    const before = book.snapshotExcept([]);
    await expect(writeSheetSpecsToExcel(book.runner, [rollupSheet(['Never'])], { cellEditRetry: { delayMs: 0 } })).rejects.toThrow(CellEditModeError);
    expect(book.snapshotExcept([])).toEqual(before);
  });

  test('sets number formats once per run of a column, not once per cell', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Budget lines', [['x']]);
    const rows = 2_000;
    await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows })]);
    const sheet = book.sheet('Register')!;
    const header = rowOf(book, 'Register', 'Grant id');
    for (const r of [header + 1, header + rows, header + rows + 1]) {
      expect(sheet.cell(r, 2)?.numberFormat).toBe(MONEY);
      expect(sheet.cell(r, 4)?.numberFormat).toBe(MONEY);
    }
    // A format per cell doubled this (about 370 bytes a row: contents, then every cell's format again).
    const written = book.stats.requestBytes.reduce((a, b) => a + b, 0);
    expect(written).toBeLessThan(rows * 200);
  });
});
