/**
 * The pane's side of the worker: calls and results matched by id, progress passed on, errors rebuilt,
 * Cancel terminating the worker, and a fresh worker reloading the workbook before the next call.
 */
import { Money } from '../../src/money/decimal';
import { encodeMoney } from '../../src/taskpane/engine/codec';
import { WorkerEngine } from '../../src/taskpane/engine/client';
import { CancelledError, EngineError } from '../../src/taskpane/engine/errors';
import type { FromWorker, ToWorker, WorkbookInput } from '../../src/taskpane/engine/protocol';

/** A worker whose replies the test decides: it records what it was sent. */
class ScriptedWorker {
  static made: ScriptedWorker[] = [];
  readonly received: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  constructor() {
    ScriptedWorker.made.push(this);
  }

  postMessage(message: ToWorker): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const input: WorkbookInput = { kind: 'bytes', label: 'a.xlsx', fileName: 'a.xlsx', bytes: new Uint8Array([1]) };
const model = { model: {} as never, origin: { kind: 'default' as const } };

function engine() {
  ScriptedWorker.made = [];
  return new WorkerEngine(() => new ScriptedWorker() as unknown as Worker);
}

test('starts no worker until the first call', () => {
  engine();
  expect(ScriptedWorker.made).toHaveLength(0);
});

test('matches replies to calls, passes progress on, and decodes money', async () => {
  const e = engine();
  const progress: string[] = [];
  const result = e.call('rollup', { ...model, by: ['priority-area'] }, (p) => progress.push(p.stage));
  const worker = ScriptedWorker.made[0];
  const [sent] = worker.received;
  expect(sent.call).toBe('rollup');
  worker.reply({ id: sent.id, kind: 'progress', progress: { stage: 'Rolling up' } });
  worker.reply({ id: sent.id, kind: 'result', result: encodeMoney({ total: { budget: new Money('12.5') } }) });
  const rollup = (await result) as unknown as { total: { budget: Money } };
  expect(progress).toEqual(['Rolling up']);
  expect(rollup.total.budget.plus(new Money('0.5')).toString()).toBe('13');
});

test("a failure comes back as an error with the engine's name and message", async () => {
  const e = engine();
  const result = e.call('load', input);
  const worker = ScriptedWorker.made[0];
  worker.reply({ id: worker.received[0].id, kind: 'error', error: { name: 'UnreadableWorkbookError', message: 'a.xlsx is empty' } });
  await expect(result).rejects.toEqual(expect.objectContaining({ name: 'UnreadableWorkbookError', message: 'a.xlsx is empty' }));
  await expect(result).rejects.toBeInstanceOf(EngineError);
});

test('Cancel terminates the worker and rejects what was under way; the next call reloads the workbook in a new worker first', async () => {
  const e = engine();
  const loaded = e.call('load', input);
  const first = ScriptedWorker.made[0];
  first.reply({ id: first.received[0].id, kind: 'result', result: { label: 'a.xlsx', sheets: [], modelSheet: null } });
  await loaded;

  const check = e.call('check', model);
  e.cancel();
  await expect(check).rejects.toBeInstanceOf(CancelledError);
  expect(first.terminated).toBe(true);

  const again = e.call('check', model);
  const second = ScriptedWorker.made[1];
  expect(second.received.map((m) => m.call)).toEqual(['load', 'check']);
  expect(second.received[0].args).toBe(input);
  second.reply({ id: second.received[0].id, kind: 'result', result: { label: 'a.xlsx', sheets: [], modelSheet: null } });
  second.reply({ id: second.received[1].id, kind: 'result', result: { findings: [] } });
  await expect(again).resolves.toEqual({ findings: [] });
});

test('a worker that dies rejects every call under way with what to do', async () => {
  const e = engine();
  const result = e.call('load', input);
  ScriptedWorker.made[0].onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
  await expect(result).rejects.toThrow('The checking engine stopped (out of memory). Reload the pane and try again.');
});
