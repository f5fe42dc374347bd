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
import { WORKBOOK_SETTINGS_KEY, settingsOf } from '../../src/taskpane/settings';
import { fakeExcelHolding } from '../taskpane/excel-from-grids';
import { sampleWorkbook } from '../taskpane/fake-host';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

type Handler = (arg?: unknown) => void;

/** office.js as the function file sees it: actions, a dialog, settings; what was done is recorded. */
function fakeOffice(settings: Record<string, unknown> = {}) {
  const associated = new Map<string, Handler>();
  const dialogs: { url: string; options: unknown; handlers: Map<string, Handler>; closed: boolean }[] = [];
  const office = {
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
    },
    actions: { associate: (name: string, fn: Handler) => associated.set(name, fn) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      document: { settings: { get: (name: string) => settings[name] } },
      ui: {
        displayDialogAsync(url: string, options: unknown, callback: (result: unknown) => void) {
          const handlers = new Map<string, Handler>();
          const dialog = { url, options, handlers, closed: false };
          dialogs.push(dialog);
          callback({ status: 'succeeded', value: { addEventHandler: (type: string, fn: Handler) => handlers.set(type, fn), close: () => (dialog.closed = true) } });
        },
      },
    },
  };
  return { office, associated, dialogs };
}

test('the manifest names the function the command file registers', () => {
  const manifest = fs.readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>checkWorkbook<\/FunctionName>\s*<\/Action>/);
});

test('registers checkWorkbook; running it shows the summary and completes when the dialog is closed', async () => {
  const excel = fakeExcelHolding(sample);
  const before = excel.snapshotExcept([]);
  const { office, associated, dialogs } = fakeOffice();
  const globals = globalThis as Record<string, unknown>;
  globals.Office = office;
  globals.Excel = { run: excel.runner };
  globals.window = { location: { href: 'https://localhost:3000/commands.html' } };
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
  } finally {
    delete globals.Office;
    delete globals.Excel;
    delete globals.window;
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
});
