/**
 * What the pane's pages ask the workbench to do: open a workbook, check it, ask the engine, write
 * sheets (going to a cell is workbench-act.ts). Each runs as the one piece of work under way (workbench-work.ts), on the
 * workbook as it is now and with the model in effect for it.
 */
import type { Dimension } from '../analysis/types';
import type { CommissioningModel } from '../model/types';
import type { GeneratedSheetName } from '../sheet/reserved-sheet-names';
import type { Engine } from './engine/client';
import type { ArgsOf, CheckView, LoadedWorkbook, ModelArgs, Progress, ReportArgs, ResultOf } from './engine/protocol';
import { isCancelled } from './engine/errors';
import { explainError, type PaneError } from './explain-error';
import type { FileHost, OpenFile } from './host/file-host';
import type { PaneHost } from './host/types';
import type { ModelChoice } from './workbench-model';
import type { Work } from './workbench-work';

/** The last check, and the model (with settings) it was made with. */
export interface Checked {
  readonly view: CheckView;
  readonly scope: string | undefined;
  readonly modelKey: string;
}

export type AskedCall = 'rollup' | 'register' | 'panel' | 'giving360' | 'proposeModel';

export interface ActionNeeds {
  readonly host: PaneHost;
  readonly engine: Engine;
  readonly work: Work;
  readonly choice: ModelChoice;
  /** The workbook for the engine: read afresh from Excel every time (the user edits it), loaded once from a file. */
  readonly loadCurrent: (onProgress: (p: Progress) => void) => Promise<LoadedWorkbook>;
  readonly opened: (loaded: LoadedWorkbook) => void;
  readonly setChecked: (checked: Checked) => void;
  readonly rollupBy: () => readonly Dimension[];
}

/**
 * A workbook that could not be opened: which file, why, and which file the pane is still working on
 * (the one open before, kept), so the pane never names a file it does not have.
 */
function failedOpen(caught: unknown, label: string, fileName: string, stillOpen: string | undefined): PaneError {
  const explained = explainError(caught, label);
  const kept = stillOpen ? `${stillOpen} is still open: the pane keeps working on it.` : 'No workbook is open.';
  return { ...explained, title: `${fileName} could not be opened`, next: `${kept} ${explained.next}` };
}

export function openActions({ host, engine, work, opened }: ActionNeeds) {
  const open = async (label: string, getFile: () => Promise<OpenFile>): Promise<void> => {
    await work.run(label, async (onProgress) => {
      const file = await getFile();
      const fileHost = host as FileHost;
      const previous = fileHost.open(file);
      let loaded: LoadedWorkbook;
      try {
        loaded = await engine.call('load', await host.readWorkbook(), onProgress);
      } catch (caught) {
        fileHost.restore(previous);
        if (isCancelled(caught)) throw caught;
        work.setError(failedOpen(caught, label, file.fileName, previous?.fileName));
        return;
      }
      opened(loaded);
      work.setNotice(
        `Opened ${file.fileName}: ${loaded.sheets.length} ${loaded.sheets.length === 1 ? 'sheet' : 'sheets'}. Choose "Check workbook" to check it.`,
      );
    });
  };
  return {
    openFile: (file: OpenFile) => open('Opening the workbook', () => Promise.resolve(file)),
    openSample: () => open('Opening the sample workbook', () => (host as FileHost).fetchSample()),
  };
}

export function engineActions({ host, engine, work, choice, loadCurrent, setChecked, rollupBy }: ActionNeeds) {
  return {
    runCheck: async (sheet?: string): Promise<void> => {
      await work.run('Checking the workbook', async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        const scope = sheet !== undefined && loaded.sheets.includes(sheet) ? sheet : undefined;
        const args = choice.argsFor(loaded);
        const view = await engine.call('check', { ...args, ...(scope !== undefined ? { sheet: scope } : {}) }, onProgress);
        setChecked({ view, scope, modelKey: JSON.stringify(args.model) });
      });
    },

    ask: async <K extends AskedCall>(label: string, call: K, args: Omit<ArgsOf<K>, keyof ModelArgs>): Promise<ResultOf<K> | undefined> =>
      work.run(label, async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        return engine.call(call, { ...choice.argsFor(loaded), ...args }, onProgress);
      }),

    write: async (which: readonly GeneratedSheetName[], extra: Partial<Pick<ReportArgs, 'panel' | 'sheet'>> = {}): Promise<boolean> => {
      const label = which.length > 1 ? 'Writing the report' : `Writing the ${which[0]} sheet`;
      const outcome = await work.run(label, async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        const args: ReportArgs = { ...choice.argsFor(loaded), which, by: rollupBy(), today: new Date(), ...extra };
        return host.writeReport(engine, args, onProgress);
      });
      if (outcome) work.setNotice(outcome.message);
      return outcome !== undefined;
    },
  };
}

export function sheetActions({ host, engine, work, choice, loadCurrent }: ActionNeeds) {
  return {
    insertModelSheet: async (model?: CommissioningModel): Promise<void> => {
      const outcome = await work.run('Inserting the Model sheet', async (onProgress) => {
        await loadCurrent(onProgress);
        return host.insertModelSheet(engine, model ?? choice.modelInUse.model);
      });
      if (outcome) work.setNotice(outcome.message);
    },

    insertBudgetTemplate: async (): Promise<void> => {
      const outcome = await work.run('Inserting the budget template', async (onProgress) => {
        await loadCurrent(onProgress);
        return host.insertBudgetTemplate(engine, choice.modelInUse.model);
      });
      if (outcome) work.setNotice(outcome.message);
    },
  };
}
