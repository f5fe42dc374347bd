/**
 * Whether the check shown still describes the workbook: in Excel, sheets the user changed since (heard
 * through the host's change events); anywhere, settings or a model changed since that could change the
 * findings. The check is kept and marked stale, never dropped: the user decides when to check again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommissioningModel } from '../model/types';
import type { PaneHost } from './host/types';
import type { LoadedWorkbook, Progress } from './engine/protocol';
import type { ActionNeeds, Checked } from './workbench-actions';
import type { ModelChoice } from './workbench-model';

export interface Staleness {
  /** Sheets changed since the check, in the order first changed: "Budget lines", "Summary". */
  readonly sheets: readonly string[];
  /** What changed in the settings or model that could change the findings: "RAG thresholds". */
  readonly settings: readonly string[];
}

/** Without the settings that only change how figures are shown (the findings do not depend on them). */
function forFindings(model: CommissioningModel): unknown {
  const settings: Record<string, unknown> = { ...model.settings };
  for (const shownOnly of ['displayUnit', 'displayDecimals', 'roundingPolicy', 'rag', 'negatives']) delete settings[shownOnly];
  return { ...model, settings };
}

/**
 * What changed between the model (with settings) a check was made with and the one in effect now, in
 * words, leaving out what only changes how figures are shown (display unit, decimals, rounding).
 */
export function settingsChanges(checkedWith: CommissioningModel, now: CommissioningModel): string[] {
  const reasons: string[] = [];
  if (JSON.stringify(forFindings(checkedWith)) !== JSON.stringify(forFindings(now))) reasons.push('the model');
  if (JSON.stringify(checkedWith.settings.rag) !== JSON.stringify(now.settings.rag)) reasons.push('RAG thresholds');
  if ((checkedWith.settings.negatives ?? 'minus') !== (now.settings.negatives ?? 'minus')) reasons.push('how negatives are shown');
  return reasons;
}

/**
 * Sheets changed since the last check. `checkRead` is called once the check has read the workbook: the
 * changes heard until then are in it; `checkMade` forgets them once the check is shown (changes heard
 * while it ran stay).
 */
function useChangedSheets(host: PaneHost) {
  const [changed, setChanged] = useState<readonly string[]>([]);
  const inCheck = useRef<ReadonlySet<string>>(new Set());

  const markChanged = useCallback((sheet: string): void => {
    setChanged((before) => (before.includes(sheet) ? before : [...before, sheet]));
  }, []);

  useEffect(() => {
    if (!host.watchChanges) return undefined;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    host.watchChanges(markChanged).then(
      (stopWatching) => {
        if (gone) void stopWatching().catch(() => undefined);
        else stop = stopWatching;
      },
      // Without change events the pane still works: the results are simply not marked stale by edits.
      () => undefined,
    );
    return () => {
      gone = true;
      void stop?.().catch(() => undefined);
    };
  }, [host, markChanged]);

  const latest = useRef(changed);
  latest.current = changed;
  const checkRead = useCallback((): void => {
    inCheck.current = new Set(latest.current);
  }, []);
  const checkMade = useCallback((): void => {
    const covered = inCheck.current;
    setChanged((now) => now.filter((sheet) => !covered.has(sheet)));
  }, []);
  const forget = useCallback((): void => setChanged([]), []);

  return { changed, markChanged, checkRead, checkMade, forget };
}

/**
 * "Check changed sheets": reads the workbook afresh and checks again the sheets changed since the check
 * (and those whose formulas use them), keeping the other sheets' findings (engine/recheck.ts). A check
 * of one sheet, or one made under other settings, is simply made again.
 */
export function checkChangedAction(needs: ActionNeeds, checked: Checked | null, stale: Staleness | null, runCheck: (sheet?: string) => Promise<void>) {
  return async (): Promise<void> => {
    if (!checked || !stale || checked.scope !== undefined || stale.settings.length > 0 || stale.sheets.length === 0) {
      await runCheck(checked?.scope);
      return;
    }
    const { work, loadCurrent, choice, engine, setChecked } = needs;
    await work.run('Checking the changed sheets', async (onProgress) => {
      const loaded = await loadCurrent(onProgress);
      const args = choice.argsFor(loaded);
      const view = await engine.call('recheck', { ...args, changed: stale.sheets, previous: checked.view }, onProgress);
      setChecked({ view, scope: undefined, modelKey: JSON.stringify(args.model) });
    });
  };
}

/** What makes the check shown out of date: sheets edited since (within what it covered), and settings that could change its findings. */
function staleness(checked: Checked | null, changed: readonly string[], model: CommissioningModel, modelKey: string): Staleness | null {
  if (!checked) return null;
  const sheets = changed.filter((sheet) => checked.scope === undefined || sheet.toLowerCase() === checked.scope.toLowerCase());
  const settings = checked.modelKey === modelKey ? [] : settingsChanges(JSON.parse(checked.modelKey) as CommissioningModel, model);
  return sheets.length > 0 || settings.length > 0 ? { sheets, settings } : null;
}

/**
 * The check shown, kept (never dropped) when the workbook or the settings change, with what makes it stale.
 * `readCurrent` is `loadCurrent` noting which changes the read took in; `setChecked` shows a check and forgets them.
 */
export function useKeptCheck(host: PaneHost, loadCurrent: (onProgress: (p: Progress) => void) => Promise<LoadedWorkbook>, choice: ModelChoice) {
  const [checked, setCheckedState] = useState<Checked | null>(null);
  const changes = useChangedSheets(host);
  return {
    checked,
    stale: staleness(checked, changes.changed, choice.model, choice.modelKey),
    markChanged: changes.markChanged,
    setChecked: (made: Checked): void => {
      setCheckedState(made);
      changes.checkMade();
    },
    /** A new workbook: no check, nothing changed. */
    forget: (): void => {
      setCheckedState(null);
      changes.forget();
    },
    readCurrent: async (onProgress: (p: Progress) => void): Promise<LoadedWorkbook> => {
      const loaded = await loadCurrent(onProgress);
      changes.checkRead();
      return loaded;
    },
  };
}
