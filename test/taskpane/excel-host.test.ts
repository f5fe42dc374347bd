/**
 * The pane's Excel host against the project's fake Excel: reading the workbook and writing the report
 * through the office.js adapter, its own inserts (judged by the workbook they leave), and settings.
 */
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import { MODEL_SHEET_NAME } from '../../src/sheet/reserved-sheet-names';
import type { GridWorkbook } from '../../src/sheet/grid';
import { decodeWorkbook } from '../../src/taskpane/engine/codec';
import { InlineEngine } from '../../src/taskpane/engine/inline';
import { ExcelHost, gridBlock } from '../../src/taskpane/host/excel-host';
import { budgetTemplate, validationAlert } from '../../src/taskpane/budget-template';
import { WORKBOOK_SETTINGS_KEY, settingsOf } from '../../src/app/settings';
import { toA1 } from '../../src/sheet/a1';
import { FakeWorkbook, type FakeSheet } from '../workbook/office/fake-excel';
import { FakeOffice } from '../workbook/office/fake-office';
import { fakeExcelHolding } from './excel-from-grids';
import { sampleWorkbook } from './fake-host';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

/** A fake Excel holding empty sheets of these names. */
function workbookWith(...sheetNames: string[]): FakeWorkbook {
  const excel = new FakeWorkbook();
  for (const name of sheetNames) excel.addSheet(name);
  return excel;
}

function sheetNamed(excel: FakeWorkbook, name: string): FakeSheet {
  const sheet = excel.sheet(name);
  if (!sheet) throw new Error(`no sheet named ${name}: ${excel.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** The workbook settings of the tests' fake Office: in memory, saveAsync succeeds unless told to fail. */
function settingsStore(fake: FakeOffice): Office.Settings {
  return fake.office.context.document.settings as unknown as Office.Settings;
}

// The host compares with office.js's status enum (Office.AsyncResultStatus): the fake Office gives it.
let uninstallOffice: () => void;
beforeAll(() => {
  uninstallOffice = new FakeOffice().install();
});
afterAll(() => uninstallOffice());

test('reads the open workbook into grids the engine checks as it checks the file', async () => {
  const excel = fakeExcelHolding(sample);
  const host = new ExcelHost(excel.runner, null);
  const input = await host.readWorkbook();
  expect(input.kind).toBe('grids');
  if (input.kind !== 'grids') return;
  const grids = decodeWorkbook(input.sheets);
  expect(grids.sheets.map((g) => g.name)).toEqual(sample.sheets.map((g) => g.name));
  const fromExcel = checkWorkbook(grids, defaultModel());
  const fromFile = checkWorkbook(sample, defaultModel());
  expect(fromExcel.tables.length).toBe(fromFile.tables.length);
  const budgetFindings = (r: typeof fromFile) => r.findings.filter((f) => !f.rule.startsWith('register-')).map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
  expect(budgetFindings(fromExcel)).toEqual(budgetFindings(fromFile));
  // A fixed number of requests, whatever the sheets hold.
  expect(excel.stats.syncs).toBeLessThanOrEqual(4);
});

test('writes the report into the workbook in a few requests, changing no other sheet', async () => {
  const excel = fakeExcelHolding(sample);
  const before = excel.snapshotExcept([]);
  const host = new ExcelHost(excel.runner, null);
  const engine = new InlineEngine();
  await engine.call('load', await host.readWorkbook());
  excel.resetStats();
  const outcome = await host.writeReport(engine, {
    model: defaultModel(),
    origin: { kind: 'default' },
    which: ['Findings', 'Rollup', 'Register', 'Panel report'],
    by: ['priority-area'],
    today: new Date(Date.UTC(2020, 0, 8)),
  });
  expect(outcome.message).toMatch(/^Wrote the Findings, Rollup, Register and Panel report sheets into this workbook \(\d+ tables\)\.$/);
  expect(excel.sheets.map((s) => s.name).slice(-4)).toEqual(['Findings', 'Rollup', 'Register', 'Panel report']);
  expect(excel.snapshotExcept(['Findings', 'Rollup', 'Register', 'Panel report'])).toEqual(before);
  expect(excel.stats.syncs).toBeLessThanOrEqual(4);
  expect(Math.max(...excel.stats.requestBytes)).toBeLessThan(4 * 1024 * 1024);
});

test('selects the cell of a finding', async () => {
  const excel = fakeExcelHolding(sample);
  const host = new ExcelHost(excel.runner, null);
  const outcome = await host.select('LCPF boroughs', 'B36');
  expect(excel.selection).toEqual({ sheet: 'LCPF boroughs', address: 'B36' });
  expect(excel.activeSheet?.name).toBe('LCPF boroughs');
  expect(outcome.message).toBe('Selected LCPF boroughs!B36.');
  await expect(host.select('Gone', 'A1')).rejects.toThrow(/no sheet named "Gone"/);
});

test('inserts the Model sheet as typed text and numbers, in one block, in two requests', async () => {
  const excel = workbookWith('Budget lines');
  const model = defaultModel();
  await new ExcelHost(excel.runner, null).insertModelSheet(new InlineEngine(), model);
  expect(excel.stats.syncs).toBe(2);
  expect(excel.sheets.map((s) => s.name)).toEqual(['Budget lines', MODEL_SHEET_NAME]);
  expect(excel.activeSheet?.name).toBe(MODEL_SHEET_NAME);
  const grid = writeModelSheet(model);
  const block = gridBlock(grid);
  // One block from A1: the values, then their number formats, each set once over the whole block.
  expect(excel.stats.cellsPerWrite).toEqual([block.rows * block.cols, block.rows * block.cols]);
  const sheet = sheetNamed(excel, MODEL_SHEET_NAME);
  expect(sheet.usedRect()).toEqual({ r0: 0, c0: 0, r1: block.rows - 1, c1: block.cols - 1 });
  // Text stays text (Excel reads neither "2019/20" as a date nor a quote starting "=" as a formula), numbers stay numbers.
  const typed: { at: string; value: string | number; quoted: boolean | undefined }[] = [];
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < block.cols; c++) {
      const value = grid.cell(r, c)?.value;
      if (typeof value === 'string' && value !== '') typed.push({ at: toA1(r, c), value, quoted: true });
      if (typeof value === 'number') typed.push({ at: toA1(r, c), value, quoted: undefined });
    }
  }
  expect(typed.filter((t) => t.quoted).length).toBeGreaterThan(0);
  const cells = sheet.snapshot();
  expect(typed.map(({ at }) => ({ at, value: cells[at]?.formula ?? cells[at]?.value, quoted: cells[at]?.quoted }))).toEqual(typed);
  expect(Object.values(cells).map((cell) => cell.value)).toContain(model.organisation.name);
});

test('refuses to insert a Model sheet over an existing one, and adds nothing', async () => {
  const excel = workbookWith('Budget lines', 'model');
  await expect(new ExcelHost(excel.runner, null).insertModelSheet(new InlineEngine(), defaultModel())).rejects.toThrow(
    'This workbook already has a "model" sheet, and it is the model in effect: edit it there, or rename it to insert a fresh copy.',
  );
  expect(excel.sheets.map((s) => s.name)).toEqual(['Budget lines', 'model']);
  expect(excel.stats.cellsPerWrite).toEqual([]);
  expect(excel.stats.syncs).toBe(1);
});

test("inserts the budget template: headers, formats, the model's lists as drop-downs, a hidden lists sheet; two requests", async () => {
  const excel = workbookWith('Budget lines', 'Budget template');
  const model = defaultModel();
  const outcome = await new ExcelHost(excel.runner, null).insertBudgetTemplate(new InlineEngine(), model);
  expect(excel.stats.syncs).toBe(2);
  expect(excel.sheets.map((s) => s.name)).toEqual(['Budget lines', 'Budget template', 'Budget template (2) lists', 'Budget template (2)']);
  const lists = sheetNamed(excel, 'Budget template (2) lists');
  expect({ visibility: lists.visibility, frozenRows: lists.frozenRows }).toEqual({ visibility: 'Hidden', frozenRows: 0 });
  expect(lists.formats).toContainEqual({ address: 'A1:F1', path: 'font.bold', value: true });
  const sheet = sheetNamed(excel, 'Budget template (2)');
  expect(sheet.valueAt(0, 0)).toBe('Ref');
  expect(sheet.formats).toContainEqual({ address: 'A1:L1', path: 'font.bold', value: true });
  // The priority area column: a drop-down of the model's priority areas, warning on anything else, and no number format.
  const plan = budgetTemplate(model, ['Budget lines', 'Budget template']);
  expect(sheet.validationAt('C2')).toEqual({
    rule: { list: { inCellDropDown: true, source: "='Budget template (2) lists'!$A$2:$A$6" } },
    errorAlert: { showAlert: true, style: 'Warning', ...validationAlert(plan, 0) },
  });
  expect(sheet.validationAt('C501')).toEqual(sheet.validationAt('C2'));
  expect([sheet.validationAt('C1'), sheet.validationAt('C502')]).toEqual([undefined, undefined]);
  expect(sheet.dropDownAt('C2')).toEqual(model.priorityAreas.map((p) => p.name));
  expect([sheet.cell(1, 2)?.numberFormat, sheet.cell(500, 2)?.numberFormat]).toEqual([undefined, undefined]);
  expect(sheet.validationAt('F2')?.rule).toEqual({ list: { inCellDropDown: true, source: "='Budget template (2) lists'!$D$2:$D$34" } });
  expect(sheet.dropDownAt('F2')).toEqual(model.boroughs.map((b) => b.name));
  // The budget column's pounds format on its 500 line rows, not below them.
  const pounds = sheet.cell(1, 8)?.numberFormat;
  expect(pounds).toMatch(/£/);
  expect(sheet.cell(500, 8)?.numberFormat).toBe(pounds);
  expect(sheet.cell(501, 8)?.numberFormat).toBeUndefined();
  expect(sheet.frozenRows).toBe(1);
  expect(excel.activeSheet?.name).toBe('Budget template (2)');
  expect(excel.selection).toEqual({ sheet: 'Budget template (2)', address: 'A2' });
  expect(outcome.message).toMatch(/^Inserted "Budget template \(2\)"/);
});

test('settings are saved into the workbook, read back, and forgotten', async () => {
  const store = new FakeOffice();
  const host = new ExcelHost(store.book.runner, settingsStore(store));
  expect(host.loadSettings()).toBeNull();
  const settings = { ...settingsOf(defaultModel()), displayUnit: '£k' as const };
  await host.saveSettings(settings);
  expect(store.settingsSaved).toBe(1);
  expect(JSON.parse(String(store.settings.get(WORKBOOK_SETTINGS_KEY)))).toEqual(settings);
  expect(host.loadSettings()).toEqual(settings);
  await host.saveSettings(null);
  expect(store.settings.get(WORKBOOK_SETTINGS_KEY)).toBeUndefined();
  expect(host.loadSettings()).toBeNull();
});

test('a failed save says the settings apply only until the pane closes', async () => {
  const store = new FakeOffice();
  store.settingsSaveFailure = 'the document is read-only';
  const host = new ExcelHost(store.book.runner, settingsStore(store));
  await expect(host.saveSettings(settingsOf(defaultModel()))).rejects.toThrow(
    'Excel could not save the settings with the workbook (the document is read-only); they apply until you close the pane.',
  );
});

test('in Excel for Mac or iPad the host says downloads cannot work (the pages then offer the clipboard first); on Windows they can', () => {
  const runner = new FakeWorkbook().runner;
  const onPlatform = (platform: string, check: () => void): void => {
    const uninstall = new FakeOffice({ platform }).install();
    try {
      check();
    } finally {
      uninstall();
    }
  };
  onPlatform('Mac', () => expect(new ExcelHost(runner, null).canDownload()).toBe(false));
  onPlatform('iOS', () => expect(new ExcelHost(runner, null).canDownload()).toBe(false));
  // This file runs in node: no document, so no link to download with.
  onPlatform('PC', () => expect(new ExcelHost(runner, null, () => true).canDownload()).toBe(true));
});
