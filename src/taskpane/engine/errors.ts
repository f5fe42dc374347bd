/** Errors across the worker boundary: sent as plain data, rebuilt as an EngineError the pane can explain. */
import type { EngineErrorData } from './protocol';

export function errorData(error: unknown): EngineErrorData {
  if (error instanceof Error) {
    const problems = (error as { problems?: unknown }).problems;
    return {
      name: error.name,
      message: error.message,
      ...(Array.isArray(problems) ? { problems: problems.map(String) } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** A failure of an engine call, keeping the original error's class name (UnreadableWorkbookError, ModelError, ...). */
export class EngineError extends Error {
  readonly problems: readonly string[];

  constructor(data: EngineErrorData) {
    super(data.message);
    this.name = data.name;
    this.problems = data.problems ?? [];
  }
}

/** The user pressed Cancel: not a failure to report. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError;
}
