/**
 * The pane's one piece of work under way: its label and progress for the status line, Cancel, and its
 * outcome as the message bar's error or notice. A second piece of work asked for meanwhile is ignored.
 * Each notice and error carries its place (the page or action that raised it), so the pane shows it
 * beside the button that caused it rather than above the pages.
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

/**
 * Where a notice or error is shown: beside the action that raised it. `null` is the pane's general
 * place, under the page tabs, for a message no page has claimed. `findings` is the Check page's results:
 * what is done to them (a decision, a sheet written) is said in their summary, which stays in view.
 */
export type Place = 'workbook' | 'findings' | 'analyse' | 'register' | 'giving360' | 'panel' | 'model' | 'proposal' | 'settings';

type RunWork = <T>(label: string, task: (onProgress: (p: Progress) => void) => Promise<T>) => Promise<T | undefined>;

export interface Work {
  readonly busy: Busy | null;
  readonly error: PaneError | null;
  readonly notice: string | null;
  /** Where the current error or notice was raised. */
  readonly place: Place | null;
  /**
   * Marks where the next notice or error comes from (the workbench does, on every call a page makes).
   * While work is under way the place stays the work's, so its outcome lands beside its button.
   */
  readonly setPlace: (place: Place | null) => void;
  // State setters, free of `this`: safe to pass around on their own.
  readonly setError: (error: PaneError | null) => void;
  readonly setNotice: (notice: string | null) => void;
  /** Runs one piece of work: progress and Cancel while it runs, its error in the message bar after. */
  readonly run: RunWork;
}

export function useWork(): Work {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setErrorState] = useState<PaneError | null>(null);
  const [notice, setNoticeState] = useState<string | null>(null);
  const [place, setPlaceState] = useState<Place | null>(null);
  const busyRef = useRef(false);
  const placeRef = useRef<Place | null>(null);

  const setPlace = useCallback((next: Place | null): void => {
    if (!busyRef.current) placeRef.current = next;
  }, []);
  // A message is stamped with its place when it is set; clearing one leaves the place as it was.
  const setError = useCallback((next: PaneError | null): void => {
    if (next) setPlaceState(placeRef.current);
    setErrorState(next);
  }, []);
  const setNotice = useCallback((next: string | null): void => {
    if (next) setPlaceState(placeRef.current);
    setNoticeState(next);
  }, []);

  const run = useCallback(
    async <T>(label: string, task: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
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
    },
    [setError, setNotice],
  );

  return { busy, error, notice, place, setPlace, setError, setNotice, run };
}
