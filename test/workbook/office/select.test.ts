// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full entry point loads
// ES modules Jest cannot require; the enum's own module has no imports.
jest.mock('office-addin-manifest', () => jest.requireActual<object>('office-addin-manifest/lib/officeApp'));

import { OfficeMockObject } from 'office-addin-mock';
import { SheetNotFoundError } from '../../../src/workbook/office/errors';
import { select } from '../../../src/workbook/office/select';
import type { ExcelRunner } from '../../../src/workbook/office/requests';
import { FakeWorkbook } from './fake-excel';

describe('select', () => {
  test('activates the sheet and selects the cell in one request (office-addin-mock)', async () => {
    const calls: string[] = [];
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            calls.push(`worksheets.getItem(${name})`);
            return {
              activate: () => calls.push('activate()'),
              getRange: (address: string) => {
                calls.push(`getRange(${address})`);
                return { select: () => calls.push('select()') };
              },
            };
          },
        },
      },
    });
    let syncs = 0;
    const sync = context.sync.bind(context);
    context.sync = async () => {
      syncs++;
      calls.push('sync()');
      await sync();
    };
    const run: ExcelRunner = (batch) => batch(context as unknown as Excel.RequestContext);
    await select(run, 'Budget lines', '$c$7');
    expect(calls).toEqual(['worksheets.getItem(Budget lines)', 'activate()', 'getRange(C7)', 'select()', 'sync()']);
    expect(syncs).toBe(1);
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
