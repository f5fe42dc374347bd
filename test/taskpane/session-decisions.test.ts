/**
 * The engine session's decisions: a decision is laid over the last check without checking again, kept
 * out of the open counts, written into a copy of the file only when asked (the file opened is never
 * changed), and read back from that copy.
 */
import { defaultModel } from '../../src/model/json';
import type { CheckView } from '../../src/taskpane/engine/protocol';
import { EngineSession } from '../../src/taskpane/engine/session';
import { sampleBytes } from './fake-host';

jest.setTimeout(60_000);

const model = { model: defaultModel(), origin: { kind: 'default' as const } };
const quiet = () => {};

async function session(bytes: Uint8Array): Promise<EngineSession> {
  const opened = new EngineSession();
  await opened.load({ kind: 'bytes', label: 'sample.xlsx', fileName: 'sample.xlsx', bytes }, quiet);
  return opened;
}

async function checkView(s: EngineSession): Promise<CheckView> {
  return s.handle('check', model, quiet);
}

test('accept a finding: decided at once, not open, unsaved until the workbook is written with it, and read back from that copy', async () => {
  const original = sampleBytes();
  const first = await session(original);
  const before = await checkView(first);
  const error = before.findings.find((f) => f.severity === 'error')!;
  expect(before.decisions).toEqual({ count: 0, unmatched: [], problems: [], unsaved: false });

  const decision = { kind: 'accepted' as const, reason: 'Agreed with the panel', date: '2020-01-08' };
  const decided = await first.handle('decide', { ...model, target: error, decision }, quiet);
  expect(decided.view.summary).toEqual({ ...before.summary, errors: before.summary.errors - 1, decided: 1 });
  expect(decided.view.findings.find((f) => f.rule === error.rule && f.sheet === error.sheet && f.cell === error.cell)?.decision).toEqual(decision);
  expect(decided.view.decisions).toMatchObject({ count: 1, unsaved: true });
  expect(decided.sheet).toMatchObject({ name: 'Workbench decisions', hidden: true });
  // The Findings sheet lists the decided finding in its Decisions table.
  const [findingsSheet] = first.reportSheets({ ...model, which: ['Findings'], by: [], today: new Date() });
  expect(findingsSheet.tables.map((t) => t.title)).toEqual(['Findings', 'Decisions']);

  const file = await first.handle('decisionsFile', { today: new Date() }, quiet);
  expect(file.sheets).toEqual(['Workbench decisions']);
  expect((await checkView(first)).decisions?.unsaved).toBe(false);
  expect(Buffer.from(original).equals(Buffer.from(sampleBytes()))).toBe(true);

  const reopened = await checkView(await session(file.bytes));
  expect(reopened.summary).toEqual(decided.view.summary);
  expect(reopened.decisions).toEqual({ count: 1, unmatched: [], problems: [], unsaved: false });

  const removed = await first.handle('decide', { ...model, target: error, decision: null }, quiet);
  expect(removed.view.summary).toEqual(before.summary);
  expect(removed.view.decisions).toMatchObject({ count: 0, unsaved: true });
});
