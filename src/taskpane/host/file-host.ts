/**
 * The pane outside Excel, on an .xlsx file the user opens (or the sample). The engine reads the file;
 * writes produce a new workbook, offered as a download: the file opened is never changed. Settings
 * are kept in this browser.
 */
import type { CommissioningModel } from '../../model/types';
import { listInWords } from '../../reports/builders/context';
import type { Engine } from '../engine/client';
import { EngineUsageError } from '../engine/usage-error';
import type { Progress, ReportArgs, WorkbookInput } from '../engine/protocol';
import { parseStoredSettings, type PaneSettings } from '../../app/settings';
import { downloadFile, downloadsWork } from './download';
import { workbookMime, type HostOutcome, type PaneHost } from './types';

export const SAMPLE_WORKBOOK_URL = 'assets/samples/commissioning-2019-20.xlsx';
export const SETTINGS_STORAGE_KEY = 'commissioning-workbench:settings';

export interface OpenFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export class FileHost implements PaneHost {
  readonly kind = 'file' as const;
  readonly settingsPlace = 'in this browser';
  private file: OpenFile | undefined;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = safeLocalStorage(),
    private readonly offer: (fileName: string, data: Uint8Array | string, mimeType: string) => void = downloadFile,
    private readonly downloads: () => boolean = downloadsWork,
  ) {}

  /** Makes `file` the workbook the pane works on; returns the one it replaces, to go back to if `file` cannot be read. */
  open(file: OpenFile): OpenFile | undefined {
    const previous = this.file;
    this.file = file;
    return previous;
  }

  /** Goes back to the workbook open before one that could not be read (or to none). */
  restore(previous: OpenFile | undefined): void {
    this.file = previous;
  }

  /** The sample workbook shipped beside the pane. */
  async fetchSample(fetcher: typeof fetch = fetch): Promise<OpenFile> {
    const response = await fetcher(SAMPLE_WORKBOOK_URL);
    if (!response.ok) {
      throw new EngineUsageError(`The sample workbook could not be loaded (HTTP ${response.status}): open a workbook of your own instead.`);
    }
    return { fileName: 'commissioning-2019-20.xlsx', bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  workbookLabel(): string | null {
    return this.file?.fileName ?? null;
  }

  // The host methods return promises because Excel answers after a round trip; a file in memory answers at once.
  readWorkbook(): Promise<WorkbookInput> {
    if (!this.file) return Promise.reject(new EngineUsageError('No workbook is open: choose "Open workbook" or "Try the sample" first.'));
    return Promise.resolve({ kind: 'bytes', label: this.file.fileName, fileName: this.file.fileName, bytes: this.file.bytes });
  }

  async writeReport(engine: Engine, args: ReportArgs, onProgress?: (progress: Progress) => void): Promise<HostOutcome> {
    const file = await engine.call('reportFile', args, onProgress);
    this.offer(file.fileName, file.bytes, workbookMime(file.fileName));
    return {
      message: this.downloaded(
        file.fileName,
        `with the ${listInWords(file.sheets)} ${file.sheets.length === 1 ? 'sheet' : 'sheets'}`,
        'The file you opened is unchanged.',
      ),
    };
  }

  /** Decisions stay with the engine (and the pane) until downloaded: nothing is written to the file opened. */
  saveDecisions(): Promise<HostOutcome> {
    return Promise.resolve({ message: 'Decision kept in the pane: it is not in your file until you choose "Download workbook with decisions".' });
  }

  async downloadWithDecisions(engine: Engine): Promise<HostOutcome> {
    const file = await engine.call('decisionsFile', { today: new Date() });
    this.offer(file.fileName, file.bytes, workbookMime(file.fileName));
    return { message: this.downloaded(file.fileName, 'with your decisions on its hidden "Workbench decisions" sheet', 'The file you opened is unchanged.') };
  }

  select(sheet: string, cell: string): Promise<HostOutcome> {
    return Promise.resolve({ message: `${sheet}!${cell}: open the workbook in Excel to go to this cell.` });
  }

  async insertModelSheet(engine: Engine, model: CommissioningModel): Promise<HostOutcome> {
    const file = await engine.call('modelSheetFile', { model });
    this.offer(file.fileName, file.bytes, workbookMime(file.fileName));
    return { message: this.downloaded(file.fileName, 'with a Model sheet', 'Edit it in Excel, and the pane will use it when you open that file.') };
  }

  async insertBudgetTemplate(engine: Engine, model: CommissioningModel): Promise<HostOutcome> {
    const file = await engine.call('budgetTemplateFile', { model });
    this.offer(file.fileName, file.bytes, workbookMime(file.fileName));
    return { message: this.downloaded(file.fileName, `with an empty "${file.sheets[0]}" sheet whose columns offer the model's names as drop-downs`, '') };
  }

  download(fileName: string, data: Uint8Array | string, mimeType: string): void {
    this.offer(fileName, data, mimeType);
  }

  canDownload(): boolean {
    return this.downloads();
  }

  /**
   * The notice for a workbook offered as a download: what it holds, or, where this window cannot
   * save downloads, that it did not arrive and what works instead (never "Downloaded" for nothing).
   */
  private downloaded(fileName: string, holding: string, after: string): string {
    if (this.canDownload()) return `Downloaded ${fileName} ${holding}.${after ? ` ${after}` : ''}`;
    return `${fileName} (${holding}) could not be downloaded: Excel for Mac and for iPad do not save downloads from the pane. Use the pane connected to Excel, which writes into the workbook, or open this page in a web browser.`;
  }

  loadSettings(): PaneSettings | null {
    try {
      return parseStoredSettings(this.storage?.getItem(SETTINGS_STORAGE_KEY));
    } catch {
      return null;
    }
  }

  saveSettings(settings: PaneSettings | null): Promise<void> {
    // A refusal (no storage, a full quota) arrives as a rejection, as it does from Excel.
    return new Promise((resolve) => {
      if (!this.storage) throw new EngineUsageError('This browser does not let the page keep settings (storage is off): they apply until you close the page.');
      if (settings) this.storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
      else this.storage.removeItem(SETTINGS_STORAGE_KEY);
      resolve();
    });
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return null;
  }
}
