/** The engine on the calling thread: for component tests (jsdom has no workers) and for tools. */
import { decodeMoney, encodeMoney } from './codec';
import type { Engine } from './client';
import { CancelledError, EngineError, errorData } from './errors';
import type { ArgsOf, EngineCall, Progress, ResultOf } from './protocol';
import { EngineSession } from './session';

/**
 * The engine on the pane's own thread: the same session and the same encoding of money as the worker,
 * so what a component test sees is what the worker would send. Cancel abandons the calls under way
 * (they reject at once and their results are dropped); the work itself cannot be interrupted here.
 */
export class InlineEngine implements Engine {
  private session: Promise<EngineSession> | undefined;
  private readonly abandon = new Set<() => void>();

  call<K extends EngineCall>(call: K, args: ArgsOf<K>, onProgress?: (progress: Progress) => void): Promise<ResultOf<K>> {
    const session = (this.session ??= Promise.resolve(new EngineSession()));
    return new Promise<ResultOf<K>>((resolve, reject) => {
      let live = true;
      const stop = (): void => {
        live = false;
        reject(new CancelledError());
      };
      this.abandon.add(stop);
      session
        .then((s) => s.handle(call, args, (p) => live && onProgress?.(p)))
        .then(
          (result) => live && resolve(decodeMoney<ResultOf<K>>(encodeMoney(result))),
          (error) => live && reject(new EngineError(errorData(error))),
        )
        .finally(() => this.abandon.delete(stop));
    });
  }

  cancel(): void {
    const stops = [...this.abandon];
    this.abandon.clear();
    for (const stop of stops) stop();
  }

  dispose(): void {
    this.cancel();
  }
}
