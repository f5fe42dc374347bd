/**
 * The pane's one piece of work under way: its label and progress for the status line, Cancel, and its
 * outcome as the message bar's error or notice. A second piece of work asked for meanwhile is ignored.
 */
import { useCallback, useRef, useState } from 'react';
import { isCancelled } from './engine/errors';
import type { Progress } from './engine/protocol';
import { explainError, type PaneError } from './explain-error';

export interface Busy {
  /** What is under way, for the status line: "Checking the workbook". */
  readonly label: string;
  readonly progress: Progress | null;
}

type RunWork = <T>(label: string, task: (onProgress: (p: Progress) => void) => Promise<T>) => Promise<T | undefined>;

export interface Work {
  readonly busy: Busy | null;
  readonly error: PaneError | null;
  readonly notice: string | null;
  // State setters, free of `this`: safe to pass around on their own.
  readonly setError: (error: PaneError | null) => void;
  readonly setNotice: (notice: string | null) => void;
  /** Runs one piece of work: progress and Cancel while it runs, its error in the message bar after. */
  readonly run: RunWork;
}

export function useWork(): Work {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const busyRef = useRef(false);

  const run = useCallback(async <T>(label: string, task: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setBusy({ label, progress: null });
    setError(null);
    setNotice(null);
    try {
      return await task((progress) => setBusy({ label, progress }));
    } catch (caught) {
      if (isCancelled(caught)) setNotice(`${label}: cancelled.`);
      else setError(explainError(caught, label));
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }, []);

  return { busy, error, notice, setError, setNotice, run };
}
