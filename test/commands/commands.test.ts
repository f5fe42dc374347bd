/**
 * The ribbon's "Check workbook" command: registered under the manifest's FunctionName, it checks the
 * open workbook (writing nothing), shows the summary dialog, and completes once the dialog is closed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeSummary } from '../../src/commands/check-summary';
import { checkOpenWorkbook } from '../../src/commands/run-check';
import { writeModelSheet } from '../../src/model/model-sheet';
import { defaultModel } from '../../src/model/json';
import type { GridWorkbook } from '../../src/sheet/grid';
import { WORKBOOK_SETTINGS_KEY, settingsOf } from '../../src/app/settings';
import { fakeExcelHolding } from '../taskpane/excel-from-grids';
import { FakeOffice } from '../workbook/office/fake-office';
import { sampleWorkbook } from '../taskpane/fake-host';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

test('the manifest names the function the command file registers', () => {
  const manifest = fs.readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>checkWorkbook<\/FunctionName>\s*<\/Action>/);
});

test('registers checkWorkbook; running it shows the summary and completes when the dialog is closed', async () => {
  const fake = new FakeOffice({ book: fakeExcelHolding(sample), href: 'https://localhost:3000/commands.html' });
  const { book: excel, associated, dialogs } = fake;
  const before = excel.snapshotExcept([]);
  const globals = globalThis as Record<string, unknown>;
  const uninstall = fake.install();
  try {
    await jest.isolateModulesAsync(async () => {
      await import('../../src/commands/commands');
    });
    const command = associated.get('checkWorkbook');
    expect(command).toBeDefined();
    expect(globals.checkWorkbook).toBe(command);

    let completed = 0;
    await (command as (event: unknown) => Promise<void>)({ completed: () => completed++ });
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0].url);
    expect(url.origin + url.pathname).toBe('https://localhost:3000/summary.html');
    const summary = decodeSummary(url.search);
    expect(summary.summary.errors).toBeGreaterThan(0);
    expect(summary.top[0].where).toMatch(/^Budget lines!/);
    expect(completed).toBe(0); // still showing

    dialogs[0].handlers.get('dialogMessageReceived')?.({ message: 'close' });
    expect(dialogs[0].closed).toBe(true);
    expect(completed).toBe(1);
    // The command writes nothing.
    expect(excel.snapshotExcept([])).toEqual(before);
    expect(excel.sheets.map((s) => s.name)).toEqual(sample.sheets.map((g) => g.name));
    expect(fake.runs.length).toBeGreaterThan(0); // it read the workbook through Excel.run
  } finally {
    uninstall();
    delete globals.checkWorkbook;
  }
});

test("uses the workbook's Model sheet and the settings saved with the workbook", async () => {
  const model = defaultModel();
  const withModel: GridWorkbook = { sheets: [...sample.sheets, writeModelSheet(model)] };
  const looser = JSON.stringify({ ...settingsOf(model), rag: { amberPct: '5', redPct: '90', amberAbs: '100000', redAbs: '90000000' } });
  const plain = await checkOpenWorkbook(fakeExcelHolding(withModel).runner, undefined);
  const loose = await checkOpenWorkbook(fakeExcelHolding(withModel).runner, looser);
  expect(plain.model).toBe('the "Model" sheet');
  // Looser red thresholds turn red variances (warnings) into amber ones (info).
  expect(loose.summary.warnings).toBeLessThan(plain.summary.warnings);
  expect(loose.summary.info).toBeGreaterThan(plain.summary.info);
  expect(WORKBOOK_SETTINGS_KEY).toBe('commissioningWorkbench.settings');
  // Without settings passed in, the command reads them from Office.context.document.settings.
  const fake = new FakeOffice({ book: fakeExcelHolding(withModel), settings: { [WORKBOOK_SETTINGS_KEY]: looser } });
  const uninstall = fake.install();
  try {
    expect((await checkOpenWorkbook(fake.book.runner)).summary).toEqual(loose.summary);
  } finally {
    uninstall();
  }
});
