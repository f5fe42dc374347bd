/** The engine session behind the pane: which sheets a write builds, one sheet at a time, and the file it writes outside Excel. */
import ExcelJS from 'exceljs';
import { defaultModel } from '../../src/model/json';
import { Grid } from '../../src/sheet/grid';
import { encodeWorkbook } from '../../src/taskpane/engine/codec';
import { EngineSession, outputName } from '../../src/taskpane/engine/session';
import { sampleBytes } from './fake-host';

jest.setTimeout(60_000);

const args = { model: defaultModel(), origin: { kind: 'default' as const }, by: ['priority-area' as const], today: new Date(Date.UTC(2020, 0, 8)) };
const quiet = () => {};

async function sampleSession(): Promise<EngineSession> {
  const session = new EngineSession();
  await session.load({ kind: 'bytes', label: 'sample.xlsx', fileName: 'sample.xlsx', bytes: sampleBytes() }, quiet);
  return session;
}

test('builds the sheets asked for, in the order asked', async () => {
  const session = await sampleSession();
  expect(session.reportSheets({ ...args, which: ['Rollup', 'Findings'] }).map((s) => s.name)).toEqual(['Rollup', 'Findings']);
});

test('a Findings sheet for one sheet lists only that sheet’s findings', async () => {
  const session = await sampleSession();
  const [findings] = session.reportSheets({ ...args, which: ['Findings'], sheet: 'VAWG fund' });
  const sheets = new Set(findings.tables[0].rows.map((r) => r.cells.sheet));
  expect([...sheets]).toEqual(['VAWG fund']);
});

test('the panel report leaves out the tables the user left out, and the chart with its table', async () => {
  const session = await sampleSession();
  const [full] = session.reportSheets({ ...args, which: ['Panel report'] });
  expect(full.chart).toBeDefined();
  const [less] = session.reportSheets({ ...args, which: ['Panel report'], panel: { excludeTables: [full.chart!.table] } });
  expect(less.tables.map((t) => t.name)).toEqual(full.tables.filter((t) => t.name !== full.chart!.table).map((t) => t.name));
  expect(less.chart).toBeUndefined();
  expect(less.paragraphs).toEqual(full.paragraphs);
});

test('without a register: the whole report leaves the Register sheet out; asked for alone, it says why not', async () => {
  const session = new EngineSession();
  const budget = new Grid('Budget');
  budget.set(0, 0, 'Project');
  budget.set(0, 1, 'Budget £');
  budget.set(1, 0, 'Youth work');
  budget.set(1, 1, 1000);
  await session.load({ kind: 'grids', label: 'this workbook', sheets: encodeWorkbook({ sheets: [budget] }) }, quiet);
  expect(session.reportSheets({ ...args, which: ['Findings', 'Rollup', 'Register', 'Panel report'] }).map((s) => s.name)).toEqual([
    'Findings',
    'Rollup',
    'Panel report',
  ]);
  expect(() => session.reportSheets({ ...args, which: ['Register'] })).toThrow(/this workbook has no contracts and grants register/);
});

test('outside Excel each write adds to the same new workbook, never the file opened', async () => {
  const session = await sampleSession();
  const first = await session.handle('reportFile', { ...args, which: ['Findings'] }, quiet);
  const second = await session.handle('reportFile', { ...args, which: ['Rollup'] }, quiet);
  expect(first.fileName).toBe('sample (report).xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(second.bytes.slice().buffer);
  expect(workbook.worksheets.map((w) => w.name).slice(-2)).toEqual(['Findings', 'Rollup']);
});

test('reports the Model sheet it finds, or why it cannot be used', async () => {
  const session = new EngineSession();
  const model = new Grid('Model');
  model.set(0, 0, 'Not a model at all');
  const loaded = await session.load({ kind: 'grids', label: 'this workbook', sheets: encodeWorkbook({ sheets: [model] }) }, quiet);
  expect(loaded.modelSheet).toEqual({ sheet: 'Model', problem: expect.any(String) as unknown });
});

test('asks for a workbook before anything else', async () => {
  await expect(new EngineSession().handle('check', args, quiet)).rejects.toThrow('No workbook is open yet: open a workbook (or try the sample) first.');
});

test('report file names', () => {
  expect(outputName('budget.xlsx')).toBe('budget (report).xlsx');
  expect(outputName('budget (report).xlsx')).toBe('budget (report).xlsx');
  expect(outputName('BUDGET.XLSX')).toBe('BUDGET (report).xlsx');
  // A macro-enabled workbook or a template keeps its extension: the copy keeps its kind of file.
  expect(outputName('budget.xlsm')).toBe('budget (report).xlsm');
  expect(outputName('budget (report).XLSM')).toBe('budget (report).xlsm');
  expect(outputName('plan.xltm')).toBe('plan (report).xltm');
  expect(outputName('plan.xltx')).toBe('plan (report).xltx');
});
