import { SheetNotFoundError } from '../../../src/workbook/office/errors';
import { select } from '../../../src/workbook/office/select';
import { FakeWorkbook } from './fake-excel';

describe('select', () => {
  test('reads an absolute or lower-case address as the cell it names', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Findings', [['x']]);
    book.addSheet('Budget lines', [['Line'], ['Victims']]);
    await select(book.runner, 'Budget lines', '$c$7');
    expect(book.selection).toEqual({ sheet: 'Budget lines', address: 'C7' });
    expect(book.stats.syncs).toBe(1);
  });

  test('moves the active sheet and the selection in the workbook', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Findings', [['x']]);
    book.addSheet('Budget lines', [['Line'], ['Victims']]);
    await select(book.runner, 'Budget lines', 'B2:C4');
    expect(book.activeSheet?.name).toBe('Budget lines');
    expect(book.selection).toEqual({ sheet: 'Budget lines', address: 'B2:C4' });
    expect(book.stats.syncs).toBe(1);
  });

  test('says which sheet is missing when it was renamed or deleted since the check', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Findings', [['x']]);
    await expect(select(book.runner, 'Budget lines', 'B2')).rejects.toThrow(SheetNotFoundError);
    await expect(select(book.runner, 'Budget lines', 'B2')).rejects.toThrow(
      'there is no sheet named "Budget lines" in this workbook; it may have been renamed or deleted since the check ran',
    );
    expect(book.activeSheet?.name).toBe('Findings');
  });

  test('refuses an address that is not a cell before asking Excel', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Findings', [['x']]);
    await expect(select(book.runner, 'Findings', 'not a cell')).rejects.toThrow('"not a cell" is not a cell address such as B7');
    expect(book.stats.syncs).toBe(0);
  });
});
