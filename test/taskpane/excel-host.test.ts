/**
 * The pane's Excel host: reading the workbook and writing the report through the office.js adapter
 * (against the project's fake Excel), and its own inserts and settings (against a recording fake).
 */
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import { MODEL_SHEET_NAME } from '../../src/sheet/reserved-sheet-names';
import type { GridWorkbook } from '../../src/sheet/grid';
import { decodeWorkbook } from '../../src/taskpane/engine/codec';
import { InlineEngine } from '../../src/taskpane/engine/inline';
import { ExcelHost, asTypedText, gridBlock } from '../../src/taskpane/host/excel-host';
import { WORKBOOK_SETTINGS_KEY, settingsOf } from '../../src/app/settings';
import { FakeOffice } from '../workbook/office/fake-office';
import { fakeExcelHolding } from './excel-from-grids';
import { sampleWorkbook } from './fake-host';
import { RecordingExcel } from './recording-excel';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

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
  const excel = new RecordingExcel(['Budget lines']);
  const model = defaultModel();
  await new ExcelHost(excel.run, null).insertModelSheet(new InlineEngine(), model);
  expect(excel.syncs).toBe(2);
  expect(excel.about('worksheets').filter((r) => r.op === 'add')).toEqual([{ target: 'worksheets', op: 'add', value: MODEL_SHEET_NAME }]);
  const block = gridBlock(writeModelSheet(model));
  const values = excel.log.find((r) => r.op === 'values=');
  expect(values?.target).toBe(`Model!R0C0:${block.rows}x${block.cols}`);
  const written = values?.value as unknown[][];
  expect(written).toHaveLength(block.rows);
  // Text keeps Excel from reading "2019/20" as a date or a quote starting "=" as a formula.
  for (const row of written) for (const cell of row) if (typeof cell === 'string' && cell !== '') expect(cell.startsWith("'")).toBe(true);
  expect(written.flat()).toContain(asTypedText(model.organisation.name));
});

test('refuses to insert a Model sheet over an existing one, and adds nothing', async () => {
  const excel = new RecordingExcel(['Budget lines', 'model']);
  await expect(new ExcelHost(excel.run, null).insertModelSheet(new InlineEngine(), defaultModel())).rejects.toThrow(
    'This workbook already has a "model" sheet, and it is the model in effect: edit it there, or rename it to insert a fresh copy.',
  );
  expect(excel.about('worksheets')).toEqual([]);
  expect(excel.syncs).toBe(1);
});

test("inserts the budget template: headers, formats, the model's lists as drop-downs, a hidden lists sheet; two requests", async () => {
  const excel = new RecordingExcel(['Budget lines', 'Budget template']);
  const outcome = await new ExcelHost(excel.run, null).insertBudgetTemplate(new InlineEngine(), defaultModel());
  expect(excel.syncs).toBe(2);
  expect(
    excel
      .about('worksheets')
      .filter((r) => r.op === 'add')
      .map((r) => r.value),
  ).toEqual(['Budget template (2) lists', 'Budget template (2)']);
  expect(excel.about('sheet:Budget template (2) lists')).toEqual([{ target: 'sheet:Budget template (2) lists', op: 'visibility=', value: 'Hidden' }]);
  expect(excel.about('Budget template (2)!C2:C501')).toEqual([
    {
      target: 'Budget template (2)!C2:C501',
      op: 'dataValidation.rule=',
      value: { list: { inCellDropDown: true, source: "='Budget template (2) lists'!$A$2:$A$6" } },
    },
    expect.objectContaining({ op: 'dataValidation.errorAlert=' }),
  ]);
  expect(excel.about('Budget template (2)!F2:F501')[0].value).toEqual({ list: { inCellDropDown: true, source: "='Budget template (2) lists'!$D$2:$D$34" } });
  const budgetFormat = excel.about('Budget template (2)!I2:I501').find((r) => r.op === 'numberFormat=');
  expect((budgetFormat?.value as string[][]).length).toBe(500);
  expect(excel.about('sheet:Budget template (2)')).toEqual(
    expect.arrayContaining([
      { target: 'sheet:Budget template (2)', op: 'freezeRows', value: 1 },
      { target: 'sheet:Budget template (2)', op: 'activate' },
    ]),
  );
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
  const runner = new RecordingExcel([]).run;
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
