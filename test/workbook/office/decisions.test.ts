/**
 * The decisions sheet inside Excel (the fake office.js): written hidden and marked as the product's own,
 * read back as the same decisions (through the pane's codec too), rewritten in place when a decision is
 * removed, and never written over a user's sheet of the same name.
 */
import type { Decision } from '../../../src/checks/decisions';
import { readDecisions } from '../../../src/checks/decisions-sheet';
import { buildDecisionsSheet } from '../../../src/reports/builders/decisions';
import { decodeWorkbook, encodeWorkbook } from '../../../src/taskpane/engine/codec';
import { ExcelHost } from '../../../src/taskpane/host/excel-host';
import { readGridsFromExcel } from '../../../src/workbook/office/read';
import { writeSheetSpecsToExcel } from '../../../src/workbook/office/write';
import { FakeWorkbook, nameValue } from './fake-excel';

const accepted: Decision = {
  rule: 'total-mismatch',
  sheet: 'Budget lines',
  cell: 'B4',
  kind: 'accepted',
  reason: 'Agreed with the panel',
  date: '2020-01-08',
  expected: '2000',
  actual: '-1999.5',
};
const ignored: Decision = { rule: 'negative-amount', sheet: 'Budget lines', cell: 'C3', kind: 'ignored', reason: '', date: '2020-01-09' };

function userWorkbook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Budget lines', [
    ['Line', 'Budget', 'Actual'],
    ['Victims', 1200, 1100],
  ]);
  return book;
}

describe('the decisions sheet in Excel', () => {
  it('is written hidden (not very hidden), marked as ours, and read back as the same decisions, through the pane codec too', async () => {
    const book = userWorkbook();
    const outcome = await new ExcelHost(book.runner, null, () => true).saveDecisions(buildDecisionsSheet([accepted, ignored]));
    expect(outcome.message).toBe('Decision saved in this workbook, on the hidden "Workbench decisions" sheet.');
    const sheet = book.sheet('Workbench decisions')!;
    expect(sheet.visibility).toBe('Hidden');
    const marker = book.names.find((n) => n.name === 'CW_GENERATED_Workbench_decisions');
    expect(marker && nameValue(marker)).toBe("'Workbench decisions'!$A$1");
    // The user's sheet is untouched and still the one shown.
    expect(book.sheet('Budget lines')!.valueAt(1, 1)).toBe(1200);

    const grids = await readGridsFromExcel(book.runner);
    expect(readDecisions(grids)).toEqual({ sheet: 'Workbench decisions', decisions: [accepted, ignored], problems: [] });
    expect(readDecisions(decodeWorkbook(encodeWorkbook(grids))).decisions).toEqual([accepted, ignored]);
  });

  it('is rewritten in place when a decision is removed: the row is gone', async () => {
    const book = userWorkbook();
    await writeSheetSpecsToExcel(book.runner, [buildDecisionsSheet([accepted, ignored])]);
    await writeSheetSpecsToExcel(book.runner, [buildDecisionsSheet([ignored])]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Budget lines', 'Workbench decisions']);
    expect(readDecisions(await readGridsFromExcel(book.runner)).decisions).toEqual([ignored]);
  });

  it("never writes over a user's own sheet of that name, and says that sheet is not read", async () => {
    const book = userWorkbook();
    book.addSheet('Workbench decisions', [['My own notes']]);
    await writeSheetSpecsToExcel(book.runner, [buildDecisionsSheet([accepted])]);
    expect(book.sheet('Workbench decisions')!.valueAt(0, 0)).toBe('My own notes');
    const read = readDecisions(await readGridsFromExcel(book.runner));
    expect(read.sheet).toBe('Workbench decisions (2)');
    expect(read.decisions).toEqual([accepted]);
    expect(read.problems).toEqual([expect.stringContaining('"Workbench decisions" was not made by Commissioning Workbench')]);
  });
});
