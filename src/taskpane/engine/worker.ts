/**
 * The engine's Web Worker (built as its own entry, engine-worker.js): receives calls from the pane,
 * runs them on the EngineSession it keeps for the open workbook, and posts progress and the result.
 * Money goes back as exact text (codec.ts); a failure goes back as its name and message.
 */
import { encodeMoney } from './codec';
import type { FromWorker, ToWorker } from './protocol';
import { EngineSession } from './session';
import { errorData } from './errors';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const session = new EngineSession();
// One call at a time, in order: a call sees the workbook the previous one loaded.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, call, args } = event.data;
  queue = queue.then(async () => {
    try {
      const result = await session.handle(call, args as never, (progress) => scope.postMessage({ id, kind: 'progress', progress }));
      // Copied, not transferred: the session keeps the bytes it writes for the next write.
      scope.postMessage({ id, kind: 'result', result: encodeMoney(result) });
    } catch (error) {
      scope.postMessage({ id, kind: 'error', error: errorData(error) });
    }
  });
};
