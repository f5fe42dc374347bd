/**
 * The pane's shared state and actions: the workbook the engine has, the model in effect and the
 * settings over it, the last check, and the one piece of work under way (with its progress and
 * Cancel). Every page reads and acts through this, so a page never talks to office.js or the worker.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Dimension } from '../analysis/types';
import { defaultModel, loadModelJson } from '../model/json';
import { neutralModel } from '../model/neutral';
import type { CommissioningModel } from '../model/types';
import type { Engine } from './engine/client';
import { isCancelled } from './engine/errors';
import type { ArgsOf, CheckView, LoadedWorkbook, ModelArgs, ModelOrigin, Progress, ReportArgs, ResultOf } from './engine/protocol';
import { explainError, type PaneError } from './explain-error';
import type { FileHost, OpenFile } from './host/file-host';
import type { PaneHost } from './host/types';
import { settingsOf, withSettings, type PaneSettings } from './settings';
import type { GeneratedSheetName } from '../reports/spec';

export interface ModelInUse {
  readonly model: CommissioningModel;
  readonly origin: ModelOrigin;
}

export interface Busy {
  /** What is under way, for the status line: "Checking the workbook". */
  readonly label: string;
  readonly progress: Progress | null;
}

export interface Workbench {
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
  readonly rollupBy: readonly Dimension[];
  readonly busy: Busy | null;
  readonly error: PaneError | null;
  readonly notice: string | null;

  openFile(file: OpenFile): Promise<void>;
  openSample(): Promise<void>;
  runCheck(sheet?: string): Promise<void>;
  /** Runs an engine call on the current workbook (read afresh from Excel first), as the work under way. */
  ask<K extends 'rollup' | 'register' | 'panel' | 'giving360' | 'proposeModel'>(
    label: string,
    call: K,
    args: Omit<ArgsOf<K>, keyof ModelArgs>,
  ): Promise<ResultOf<K> | undefined>;
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

export function describeOrigin(origin: ModelOrigin, workbookLabel: string | null): string {
  switch (origin.kind) {
    case 'none':
      return `No model: ${origin.reason}. The workbook is checked for structure, arithmetic, notation and registers; choose a model file, insert a Model sheet, or create a model from this workbook to check it against one.`;
    case 'default':
      return 'The default model, built from the MOPAC audit-panel reports of January 2020 and October 2021.';
    case 'json':
      return `The model file ${origin.path}, chosen in this pane (it takes precedence over the workbook's Model sheet).`;
    case 'workbook':
      return `The "${origin.sheet}" sheet of ${workbookLabel ?? 'the workbook'}.`;
  }
}

/**
 * Which model the pane uses, in the order app/model-in-effect.ts decides for the command line: a model
 * file chosen here, the workbook's Model sheet, then the default model where the engine found that it
 * describes the workbook, and otherwise none.
 */
export function modelInUseFor(loaded: LoadedWorkbook | null, modelFile: { readonly model: CommissioningModel; readonly fileName: string } | null): ModelInUse {
  if (modelFile) return { model: modelFile.model, origin: { kind: 'json', path: modelFile.fileName } };
  const sheet = loaded?.modelSheet;
  if (loaded && sheet && 'model' in sheet) return { model: sheet.model, origin: { kind: 'workbook', path: loaded.label, sheet: sheet.sheet } };
  if (loaded && !loaded.defaultModel.applies) return { model: neutralModel(), origin: { kind: 'none', reason: loaded.defaultModel.reason } };
  return { model: defaultModel(), origin: { kind: 'default' } };
}

export interface WorkbenchProviderProps {
  readonly host: PaneHost;
  readonly engine: Engine;
  readonly children: ReactNode;
}

export function WorkbenchProvider({ host, engine, children }: WorkbenchProviderProps) {
  const [workbook, setWorkbook] = useState<LoadedWorkbook | null>(null);
  const [modelFile, setModelFile] = useState<{ model: CommissioningModel; fileName: string } | null>(null);
  const [savedSettings, setSavedSettings] = useState<PaneSettings | null>(() => host.loadSettings());
  /** The last check, and the model (with settings) it was made with. */
  const [checked, setChecked] = useState<{ view: CheckView; scope: string | undefined; modelKey: string } | null>(null);
  // None chosen: the engine groups by priority area where a model applies, else by the workbook's first column of names.
  const [rollupBy, setRollupBy] = useState<readonly Dimension[]>([]);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const busyRef = useRef(false);
  // Actions read these, not the render's copies: an action may follow a change made a moment before
  // (Analyse saves new thresholds, then rolls up) in the same event.
  const savedSettingsRef = useRef(savedSettings);
  const modelFileRef = useRef(modelFile);
  const rollupByRef = useRef(rollupBy);

  const modelInUse: ModelInUse = useMemo(() => modelInUseFor(workbook, modelFile), [modelFile, workbook]);
  const modelSheetProblem = workbook?.modelSheet && 'problem' in workbook.modelSheet ? workbook.modelSheet.problem : null;
  const model = useMemo(() => withSettings(modelInUse.model, savedSettings), [modelInUse, savedSettings]);
  const settings = useMemo(() => settingsOf(model), [model]);

  // A check made with another model or other settings no longer describes the workbook, so it is not
  // shown. Compared by content: re-reading the workbook from Excel rebuilds an identical model.
  const modelKey = useMemo(() => JSON.stringify(model), [model]);
  const current = checked && checked.modelKey === modelKey ? checked : null;

  /** Runs one piece of work: progress and Cancel while it runs, its error in the message bar after. */
  const run = useCallback(async <T,>(label: string, task: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
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

  /** The workbook for the engine: read afresh from Excel every time (the user edits it), loaded once from a file. */
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

  /** The model args for a workbook just loaded: its Model sheet may have changed which model is in effect. */
  const argsFor = useCallback((loaded: LoadedWorkbook): ModelArgs => {
    const inUse = modelInUseFor(loaded, modelFileRef.current);
    return { model: withSettings(inUse.model, savedSettingsRef.current), origin: inUse.origin };
  }, []);

  const open = useCallback(
    async (label: string, getFile: () => Promise<OpenFile>) => {
      await run(label, async (onProgress) => {
        const file = await getFile();
        (host as FileHost).open(file);
        const loaded = await engine.call('load', await host.readWorkbook(), onProgress);
        setChecked(null);
        setWorkbook(loaded);
        setNotice(`Opened ${file.fileName}: ${loaded.sheets.length} ${loaded.sheets.length === 1 ? 'sheet' : 'sheets'}. Choose "Check workbook" to check it.`);
      });
    },
    [engine, host, run],
  );

  const workbench: Workbench = {
    host,
    engine,
    workbook,
    modelInUse,
    model,
    modelOriginText: describeOrigin(modelInUse.origin, workbook?.label ?? host.workbookLabel()),
    modelSheetProblem,
    settings,
    settingsSaved: savedSettings !== null,
    check: current?.view ?? null,
    checkScope: current?.scope,
    rollupBy,
    busy,
    error,
    notice,

    openFile: (file) => open('Opening the workbook', async () => file),
    openSample: () => open('Opening the sample workbook', () => (host as FileHost).fetchSample()),

    runCheck: async (sheet) => {
      await run('Checking the workbook', async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        const scope = sheet !== undefined && loaded.sheets.includes(sheet) ? sheet : undefined;
        const args = argsFor(loaded);
        const view = await engine.call('check', { ...args, ...(scope !== undefined ? { sheet: scope } : {}) }, onProgress);
        setChecked({ view, scope, modelKey: JSON.stringify(args.model) });
      });
    },

    ask: async (label, call, args) =>
      run(label, async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        return engine.call(call, { ...argsFor(loaded), ...args } as never, onProgress);
      }),

    write: async (which, extra = {}) => {
      const label = which.length > 1 ? 'Writing the report' : `Writing the ${which[0]} sheet`;
      const outcome = await run(label, async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        const args: ReportArgs = { ...argsFor(loaded), which, by: rollupByRef.current, today: new Date(), ...extra };
        return host.writeReport(engine, args, onProgress);
      });
      if (outcome) setNotice(outcome.message);
      return outcome !== undefined;
    },

    insertModelSheet: async (model) => {
      const outcome = await run('Inserting the Model sheet', async (onProgress) => {
        await loadCurrent(onProgress);
        return host.insertModelSheet(engine, model ?? modelInUse.model);
      });
      if (outcome) setNotice(outcome.message);
    },

    insertBudgetTemplate: async () => {
      const outcome = await run('Inserting the budget template', async (onProgress) => {
        await loadCurrent(onProgress);
        return host.insertBudgetTemplate(engine, modelInUse.model);
      });
      if (outcome) setNotice(outcome.message);
    },

    select: async (sheet, cell) => {
      try {
        const outcome = await host.select(sheet, cell);
        setNotice(outcome.message);
      } catch (caught) {
        setError(explainError(caught, `Going to ${sheet}!${cell}`));
      }
    },

    chooseModelFile: (fileName, text) => {
      try {
        const chosen = { model: loadModelJson(text, fileName), fileName };
        modelFileRef.current = chosen;
        setModelFile(chosen);
        setError(null);
        setNotice(`Using the model file ${fileName}.`);
      } catch (caught) {
        setError(explainError(caught, `Reading the model file ${fileName}`));
      }
    },

    forgetModelFile: () => {
      modelFileRef.current = null;
      setModelFile(null);
      setNotice('The model file is no longer used.');
    },

    saveSettings: async (next) => {
      savedSettingsRef.current = next;
      try {
        await host.saveSettings(next);
        setSavedSettings(next);
        setError(null);
        setNotice(next ? `Settings saved ${host.settingsPlace}.` : "Settings reset: the model's own settings apply.");
        return true;
      } catch (caught) {
        // Still use them for this session: the user asked for them.
        setSavedSettings(next);
        setError(explainError(caught, 'Saving the settings'));
        return false;
      }
    },

    setRollupBy: (by) => {
      rollupByRef.current = by;
      setRollupBy(by);
    },
    cancel: () => engine.cancel(),
    dismissError: () => setError(null),
    dismissNotice: () => setNotice(null),
    showNotice: setNotice,
  };

  return <WorkbenchContext.Provider value={workbench}>{children}</WorkbenchContext.Provider>;
}

/** The sheet names a page may offer: the loaded workbook's, generated ones and the Model sheet aside. */
export function checkableSheets(workbook: LoadedWorkbook | null): string[] {
  const skip = new Set(['findings', 'rollup', 'register', 'panel report', 'audit log', 'model']);
  return (workbook?.sheets ?? []).filter((name) => !skip.has(name.trim().toLowerCase()));
}
