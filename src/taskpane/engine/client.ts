/**
 * How the pane calls the engine. In a browser the engine runs in a Web Worker, so checking a large
 * workbook never freezes the pane and Cancel can stop it outright (the worker is terminated, and a
 * fresh one reloads the workbook on the next call). Component tests use InlineEngine (inline.ts).
 */
import { decodeMoney } from './codec';
import { CancelledError, EngineError } from './errors';
import type { ArgsOf, EngineCall, FromWorker, Progress, ResultOf, ToWorker, WorkbookInput } from './protocol';

export interface Engine {
  call<K extends EngineCall>(call: K, args: ArgsOf<K>, onProgress?: (progress: Progress) => void): Promise<ResultOf<K>>;
  /** Stops the work under way: its promise rejects with CancelledError; the workbook stays open. */
  cancel(): void;
  dispose(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress?: (progress: Progress) => void;
}

/** The worker script beside the pane's page, as webpack emits it. */
const ENGINE_WORKER_FILE = 'engine-worker.js';

export class WorkerEngine implements Engine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The workbook last loaded, replayed into a fresh worker after Cancel. */
  private lastLoad: WorkbookInput | undefined;

  constructor(private readonly createWorker: () => Worker) {}

  call<K extends EngineCall>(call: K, args: ArgsOf<K>, onProgress?: (progress: Progress) => void): Promise<ResultOf<K>> {
    const fresh = this.worker === undefined;
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      // A sandbox or a policy that forbids workers: nothing the pane can do without one.
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.reject(new EngineError({ name: 'EngineStopped', message: `The checking engine could not start (${reason}).` }));
    }
    if (call === 'load') this.lastLoad = args as WorkbookInput;
    // A fresh worker (after Cancel) loads the workbook again first; the call fails if that load does, with its error.
    const replay = call !== 'load' && fresh && this.lastLoad ? this.post(worker, 'load', this.lastLoad) : Promise.resolve();
    const result = this.post(worker, call, args, onProgress);
    return Promise.all([replay, result]).then(([, value]) => decodeMoney<ResultOf<K>>(value));
  }

  cancel(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = undefined;
    this.rejectAll(new CancelledError());
  }

  dispose(): void {
    this.cancel();
    this.lastLoad = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (this.worker === worker) this.worker = undefined;
      worker.terminate();
      this.rejectAll(
        new EngineError({
          name: 'EngineStopped',
          message: `The checking engine stopped (${event.message || 'it could not start'}). Reload the pane and try again.`,
        }),
      );
    };
    this.worker = worker;
    return worker;
  }

  private post(worker: Worker, call: EngineCall, args: unknown, onProgress?: (progress: Progress) => void): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      const message: ToWorker = { id, call, args };
      worker.postMessage(message);
    });
  }

  private receive(message: FromWorker): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve(message.result);
    else pending.reject(new EngineError(message.error));
  }

  private rejectAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}

/**
 * The engine for this page: a worker, started on the first call so the pane's first load stays small.
 * There is deliberately no same-thread fallback in the page: it would ship ExcelJS a second time.
 */
export function createEngine(): Engine {
  const url = new URL(ENGINE_WORKER_FILE, document.baseURI).href;
  return new WorkerEngine(() => new Worker(url));
}
