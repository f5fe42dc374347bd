/**
 * The fake Excel's own behaviour where the tests lean on it beyond the adapter's tests: null objects,
 * hidden sheets, ranges by index and data validation, each as office.js and Excel behave.
 */
import { FakeWorkbook } from './fake-excel';

function run<T>(book: FakeWorkbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return book.runner(batch);
}

describe('worksheets.getItemOrNullObject', () => {
  test('finds a sheet whatever its case, readable only after the sync that loads it', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Model');
    const name = await run(book, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('MODEL');
      sheet.load('name');
      // eslint-disable-next-line office-addins/call-sync-before-read -- reads before the sync on purpose, to see the fake refuse as office.js does
      expect(() => sheet.isNullObject).toThrow(/not available/);
      await context.sync();
      return sheet.isNullObject ? null : sheet.name;
    });
    expect(name).toBe('Model');
  });

  test('is a null object for a missing sheet, and acting on it fails the sync', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Budget lines');
    await run(book, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Model');
      sheet.load('name');
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
      sheet.activate();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });
});

describe('worksheet.visibility', () => {
  test('hides a sheet, handing activation to a visible one', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Lists');
    book.addSheet('Lines');
    await run(book, async (context) => {
      context.workbook.worksheets.getItem('Lists').visibility = 'Hidden';
      await context.sync();
    });
    expect(book.sheet('Lists')?.visibility).toBe('Hidden');
    expect(book.activeSheet?.name).toBe('Lines');
  });

  test('keeps one sheet visible, and leaves a protected structure alone', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Only');
    const hide = (name: string) =>
      run(book, async (context) => {
        context.workbook.worksheets.getItem(name).visibility = 'Hidden';
        await context.sync();
      });
    await expect(hide('Only')).rejects.toMatchObject({ code: 'InvalidOperation' });
    book.addSheet('Other');
    book.protected = true;
    await expect(hide('Only')).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(book.sheets.map((s) => s.visibility)).toEqual(['Visible', 'Visible']);
  });
});

test('getRangeByIndexes addresses cells from 0, and each write counts its cells', async () => {
  const book = new FakeWorkbook();
  const sheet = book.addSheet('Sheet1');
  await run(book, async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(1, 2, 2, 1).values = [['a'], [2]];
    await context.sync();
  });
  expect([sheet.valueAt(1, 2), sheet.valueAt(2, 2)]).toEqual(['a', 2]);
  expect(book.stats.cellsPerWrite).toEqual([2]);
});

describe('range.dataValidation', () => {
  const alert = { showAlert: true, style: 'Warning' as const, title: 'Unknown borough', message: 'Choose from the list.' };

  test("gives each cell of the range the rule and alert, a later rule replacing the earlier one's on the cells it covers", async () => {
    const book = new FakeWorkbook();
    const lists = book.addSheet('My lists', [['Boroughs'], ['Barnet'], ['Brent']]);
    const sheet = book.addSheet('Lines');
    await run(book, async (context) => {
      const lines = context.workbook.worksheets.getItem('Lines').getRange('B2:B5');
      lines.dataValidation.rule = { list: { inCellDropDown: true, source: "='My lists'!$A$2:$A$3" } };
      lines.dataValidation.errorAlert = alert;
      context.workbook.worksheets.getItem('Lines').getRange('B5').dataValidation.rule = { list: { inCellDropDown: true, source: 'Yes, No' } };
      await context.sync();
    });
    expect(sheet.validationAt('B2')).toEqual({ rule: { list: { inCellDropDown: true, source: "='My lists'!$A$2:$A$3" } }, errorAlert: alert });
    expect(sheet.dropDownAt('B4')).toEqual(['Barnet', 'Brent']);
    expect(sheet.validationAt('B5')?.errorAlert).toEqual(alert);
    expect(sheet.dropDownAt('B5')).toEqual(['Yes', 'No']);
    expect([sheet.validationAt('B1'), sheet.validationAt('B6'), sheet.dropDownAt('C2')]).toEqual([undefined, undefined, undefined]);
    expect(lists.dataValidations).toEqual([]);
  });

  test('refuses an alert title over 32 characters, and any change on a protected sheet', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Lines');
    const setAlert = (title: string) =>
      run(book, async (context) => {
        context.workbook.worksheets.getItem('Lines').getRange('A2').dataValidation.errorAlert = { ...alert, title };
        await context.sync();
      });
    await expect(setAlert('x'.repeat(33))).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.protected = true;
    await expect(setAlert('x'.repeat(32))).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(sheet.dataValidations).toEqual([]);
  });
});
