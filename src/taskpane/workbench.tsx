/**
 * The pane's shared state and actions: the workbook the engine has, the model in effect and the
 * settings over it, the last check, and the one piece of work under way (with its progress and
 * Cancel). Every page reads and acts through this, so a page never talks to office.js or the worker.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { PaneSettings } from '../app/settings';
import type { Dimension } from '../analysis/types';
import type { CommissioningModel } from '../model/types';
import type { Engine } from './engine/client';
import type { ArgsOf, CheckView, LoadedWorkbook, ModelArgs, ModelOrigin, Progress, ReportArgs, ResultOf } from './engine/protocol';
import type { PaneError } from './explain-error';
import type { OpenFile } from './host/file-host';
import type { PaneHost } from './host/types';
import { RESERVED_SHEET_NAMES, type GeneratedSheetName } from '../sheet/reserved-sheet-names';
import { describeOrigin } from '../app/model-in-effect';
import { engineActions, openActions, sheetActions, type ActionNeeds, type AskedCall } from './workbench-actions';
import { decisionActions, type DecisionActions } from './workbench-decisions';
import { useModelChoice } from './workbench-model';
import { useFindingActs, type FindingActs } from './workbench-act';
import { checkChangedAction, useKeptCheck, type Staleness } from './workbench-stale';
import { useWork, type Busy, type Place } from './workbench-work';

export interface ModelInUse {
  readonly model: CommissioningModel;
  readonly origin: ModelOrigin;
}

interface Workbench extends DecisionActions, FindingActs {
  readonly host: PaneHost;
  readonly engine: Engine;
  readonly workbook: LoadedWorkbook | null;
  readonly modelInUse: ModelInUse;
  /** The model with the pane's settings laid over it: what every call uses. */
  readonly model: CommissioningModel;
  /** In words, for the Model page: where the model in effect came from. */
  readonly modelOriginText: string;
  /** Why the workbook's Model sheet is not used, when it has one that cannot be read. */
  readonly modelSheetProblem: string | null;
  readonly settings: PaneSettings;
  /** True when the settings in effect were saved by the user (not the model's own). */
  readonly settingsSaved: boolean;
  readonly check: CheckView | null;
  readonly checkScope: string | undefined;
  /** What changed since the check (sheets edited, settings that could change findings); null while it is current. */
  readonly stale: Staleness | null;
  /** "Check changed sheets" (or, after a settings change, "Check again"): brings the check up to date. */
  checkChanged(): Promise<void>;
  readonly rollupBy: readonly Dimension[];
  readonly busy: Busy | null;
  readonly error: PaneError | null;
  readonly notice: string | null;
  /** Where the error or notice was raised (null: the pane's general place), so it shows beside its cause. */
  readonly place: Place | null;

  /** This workbench for the action at `place`: the notices and errors of what is called through it show there. */
  from(place: Place): Workbench;
  openFile(file: OpenFile): Promise<void>;
  openSample(): Promise<void>;
  runCheck(sheet?: string): Promise<void>;
  /** Runs an engine call on the current workbook (read afresh from Excel first), as the work under way. */
  ask<K extends AskedCall>(label: string, call: K, args: Omit<ArgsOf<K>, keyof ModelArgs>): Promise<ResultOf<K> | undefined>;
  write(which: readonly GeneratedSheetName[], extra?: Partial<Pick<ReportArgs, 'panel' | 'sheet'>>): Promise<boolean>;
  /** Inserts `model` (the model in effect when none is given, such as a proposed one) as the Model sheet. */
  insertModelSheet(model?: CommissioningModel): Promise<void>;
  insertBudgetTemplate(): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  chooseModelFile(fileName: string, text: string): void;
  forgetModelFile(): void;
  saveSettings(settings: PaneSettings | null): Promise<boolean>;
  setRollupBy(by: readonly Dimension[]): void;
  cancel(): void;
  dismissError(): void;
  dismissNotice(): void;
  showNotice(message: string): void;
}

const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench needs a <WorkbenchProvider> above it');
  return workbench;
}

interface WorkbenchProviderProps {
  readonly host: PaneHost;
  readonly engine: Engine;
  readonly children: ReactNode;
}

/** The workbook the engine has, and how to get it as it is now. */
function useLoadedWorkbook(host: PaneHost, engine: Engine) {
  const [workbook, setWorkbook] = useState<LoadedWorkbook | null>(null);
  const loadCurrent = useCallback(
    async (onProgress: (p: Progress) => void): Promise<LoadedWorkbook> => {
      if (host.kind === 'file' && workbook) return workbook;
      onProgress({ stage: 'Reading the workbook' });
      const input = await host.readWorkbook(onProgress);
      const loaded = await engine.call('load', input, onProgress);
      setWorkbook(loaded);
      return loaded;
    },
    [engine, host, workbook],
  );
  return { workbook, setWorkbook, loadCurrent };
}

/** The dimensions chosen for rollups. None chosen: the engine groups by priority area where a model applies, else by the first column of names. */
function useRollupBy() {
  const [rollupBy, setRollupByState] = useState<readonly Dimension[]>([]);
  // Actions read the ref, not the render's copy: Analyse may choose dimensions and write in the same event.
  const rollupByRef = useRef(rollupBy);
  const setRollupBy = (by: readonly Dimension[]): void => {
    rollupByRef.current = by;
    setRollupByState(by);
  };
  return { rollupBy, setRollupBy, rollupByRef };
}

export function WorkbenchProvider({ host, engine, children }: WorkbenchProviderProps) {
  const work = useWork();
  const { workbook, setWorkbook, loadCurrent } = useLoadedWorkbook(host, engine);
  const choice = useModelChoice(host, workbook, work);
  const { rollupBy, setRollupBy, rollupByRef } = useRollupBy();
  // A check made before edits or under other settings is kept and marked stale: the user decides when to check again.
  const kept = useKeptCheck(host, loadCurrent, choice);
  const { checked: current, stale } = kept;
  const opened = (loaded: LoadedWorkbook): void => {
    kept.forget();
    setWorkbook(loaded);
  };
  const needs: ActionNeeds = {
    host,
    engine,
    work,
    choice,
    loadCurrent: kept.readCurrent,
    opened,
    setChecked: kept.setChecked,
    rollupBy: () => rollupByRef.current,
  };
  const acts = useFindingActs(needs, () => current?.scope, kept.markChanged);
  const engineCalls = engineActions(needs);

  const built: Omit<Workbench, 'from'> = {
    host,
    engine,
    workbook,
    modelInUse: choice.modelInUse,
    model: choice.model,
    modelOriginText: describeOrigin(choice.modelInUse, 'sentence'),
    modelSheetProblem: workbook?.modelSheet && 'problem' in workbook.modelSheet ? workbook.modelSheet.problem : null,
    settings: choice.settings,
    settingsSaved: choice.settingsSaved,
    check: current?.view ?? null,
    checkScope: current?.scope,
    stale,
    checkChanged: checkChangedAction(needs, current, stale, engineCalls.runCheck),
    rollupBy,
    busy: work.busy,
    error: work.error,
    notice: work.notice,
    place: work.place,
    ...openActions(needs),
    ...engineCalls,
    ...sheetActions(needs),
    ...acts,
    ...decisionActions(needs, current, workbook),
    chooseModelFile: choice.chooseModelFile,
    forgetModelFile: choice.forgetModelFile,
    saveSettings: choice.saveSettings,
    setRollupBy,
    cancel: () => engine.cancel(),
    dismissError: () => work.setError(null),
    dismissNotice: () => work.setNotice(null),
    showNotice: work.setNotice,
  };

  return <WorkbenchContext.Provider value={placed(built, null, work.setPlace)}>{children}</WorkbenchContext.Provider>;
}

/** The workbench whose every call first marks `place` as where its notices and errors are to show. */
function placed(built: Omit<Workbench, 'from'>, place: Place | null, setPlace: (place: Place | null) => void): Workbench {
  const bound: Record<string, unknown> = { from: (other: Place) => placed(built, other, setPlace) };
  for (const [key, value] of Object.entries(built)) {
    bound[key] =
      typeof value === 'function'
        ? (...args: unknown[]): unknown => {
            setPlace(place);
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value;
  }
  return bound as unknown as Workbench;
}

/** The sheet names a page may offer: the loaded workbook's, generated ones and the Model sheet aside. */
export function checkableSheets(workbook: LoadedWorkbook | null): string[] {
  const skip = new Set(RESERVED_SHEET_NAMES.map((name) => name.toLowerCase()));
  return (workbook?.sheets ?? []).filter((name) => !skip.has(name.trim().toLowerCase()));
}
