import { APPLY_LOG_HEADERS, CellChangedError, applyToCell, readCell, type ApplyRequest } from '../../../src/workbook/office/apply';
import { watchSheetChanges } from '../../../src/workbook/office/changes';
import { ownedSheetKeys } from '../../../src/workbook/office/ownership';
import { FakeWorkbook, nameValue } from './fake-excel';

/** A small budget: four lines and a total typed in by hand. */
function budget(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Budget lines', [
    ['Line', 'Budget £'],
    ['Victims', 100],
    ['Courts', 200],
    ['Youth', 300],
    ['Total', 500],
  ]);
  return book;
}

const WHEN = new Date(2024, 4, 1, 14, 3, 9);

function request(before: ApplyRequest['before'] = { value: 500, formula: 500 }): ApplyRequest {
  return {
    sheet: 'Budget lines',
    cell: 'B5',
    before,
    write: { formula: '=SUM(B2:B4)' },
    rule: 'total-mismatch',
    message: 'Total (Budget £) £500, but the 3 lines above sum to £600.',
    when: WHEN,
  };
}

function logRows(book: FakeWorkbook, name = 'Workbench log'): unknown[][] {
  const sheet = book.sheet(name)!;
  const rect = sheet.usedRect()!;
  const rows: unknown[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: unknown[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(sheet.valueAt(r, c));
    rows.push(row);
  }
  return rows;
}

describe('Apply in Excel', () => {
  test('reads the cell for the preview: its value and formula', async () => {
    const book = budget();
    book.sheet('Budget lines')!.setCell(5, 1, { formula: '=B2+B3', value: 300 });
    await expect(readCell(book.runner, 'Budget lines', 'B5')).resolves.toEqual({ value: 500, formula: 500 });
    await expect(readCell(book.runner, 'Budget lines', 'B6')).resolves.toEqual({ value: 300, formula: '=B2+B3' });
  });

  test('writes the formula, and logs the change on a hidden sheet the product marks as its own', async () => {
    const book = budget();
    const result = await applyToCell(book.runner, request());
    expect(book.sheet('Budget lines')!.cell(4, 1)?.formula).toBe('=SUM(B2:B4)');
    expect(result.after).toEqual({ value: 600, formula: '=SUM(B2:B4)' });
    expect(result.logSheet).toBe('Workbench log');
    const log = book.sheet('Workbench log')!;
    expect(log.visibility).toBe('Hidden');
    expect(ownedSheetKeys(book.names.map((n) => ({ name: n.name, value: nameValue(n) }))).has('WORKBENCH LOG')).toBe(true);
    expect(logRows(book)).toEqual([
      [...APPLY_LOG_HEADERS],
      ['2024-05-01 14:03:09', 'Budget lines', 'B5', '500', '=SUM(B2:B4)', 'total-mismatch', 'Total (Budget £) £500, but the 3 lines above sum to £600.'],
    ]);
    // The log keeps a formula as words: nothing in it calculates.
    expect(log.cell(1, 4)?.formula).toBeUndefined();
  });

  test('appends to the log on the next Apply, under the rows already there', async () => {
    const book = budget();
    await applyToCell(book.runner, request());
    book.sheet('Budget lines')!.setCell(1, 1, { value: 'TBC' });
    await applyToCell(book.runner, { ...request({ value: 'TBC', formula: 'TBC' }), cell: 'B2', write: { value: '150' }, rule: 'missing-value' });
    expect(book.sheet('Budget lines')!.cell(1, 1)?.value).toBe(150);
    const rows = logRows(book);
    expect(rows).toHaveLength(3);
    expect(rows[2].slice(1, 6)).toEqual(['Budget lines', 'B2', 'TBC', '150', 'missing-value']);
    expect(book.sheets.filter((s) => s.name.startsWith('Workbench log'))).toHaveLength(1);
  });

  test('refuses, writing nothing, when the cell no longer holds what the preview showed', async () => {
    const book = budget();
    book.sheet('Budget lines')!.setCell(4, 1, { value: 550 });
    const before = book.sheet('Budget lines')!.snapshot();
    await expect(applyToCell(book.runner, request())).rejects.toThrow(CellChangedError);
    await expect(applyToCell(book.runner, request())).rejects.toThrow(
      'Budget lines!B5 has changed since the preview (it now holds 550), so nothing was written',
    );
    expect(book.sheet('Budget lines')!.snapshot()).toEqual(before);
    expect(book.sheet('Workbench log')).toBeUndefined();
  });

  test("keeps a user's own sheet called Workbench log, and logs beside it", async () => {
    const book = budget();
    book.addSheet('Workbench log', [['my notes']]);
    const result = await applyToCell(book.runner, request());
    expect(result.logSheet).toBe('Workbench log (2)');
    expect(book.sheet('Workbench log')!.cell(0, 0)?.value).toBe('my notes');
    expect(logRows(book, 'Workbench log (2)')).toHaveLength(2);
  });

  test('the write raises the change event for the sheet written; a user edit does too', async () => {
    const book = budget();
    const heard: (string | undefined)[] = [];
    const stop = await watchSheetChanges(
      book.runner,
      (change) => heard.push(change.sheet),
      () => false,
    );
    await applyToCell(book.runner, request());
    book.userEdit('Budget lines', 'B2', 120);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toContain('Budget lines');
    expect(heard).toContain('Workbench log');
    await stop();
    expect(book.changeHandlers.size).toBe(0);
  });
});
