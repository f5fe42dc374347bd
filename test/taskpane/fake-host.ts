/**
 * A PaneHost for component tests: serves a workbook (an .xlsx file's bytes, or grids as office.js
 * would read them) and records every call the pane makes, so a test can assert what was asked for.
 * Writes go through the real engine (the report sheets are built) but land in memory.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CommissioningModel } from '../../src/model/types';
import type { SheetSpec } from '../../src/reports/spec';
import type { GridWorkbook } from '../../src/sheet/grid';
import { encodeWorkbook } from '../../src/taskpane/engine/codec';
import type { Engine } from '../../src/taskpane/engine/client';
import type { ReportArgs, WorkbookInput } from '../../src/taskpane/engine/protocol';
import type { HostKind, HostOutcome, PaneHost } from '../../src/taskpane/host/types';
import type { PaneSettings } from '../../src/app/settings';
import { readXlsx } from '../../src/workbook/xlsx/read';

export const SAMPLE_PATH = path.join(__dirname, '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');

export function sampleBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(SAMPLE_PATH));
}

export async function sampleWorkbook(): Promise<GridWorkbook> {
  return readXlsx(sampleBytes(), 'commissioning-2019-20.xlsx');
}

export interface Written {
  readonly args: ReportArgs;
  readonly sheets: readonly SheetSpec[];
}

export class FakeHost implements PaneHost {
  readonly settingsPlace: string;
  readonly selected: { sheet: string; cell: string }[] = [];
  readonly written: Written[] = [];
  readonly downloads: { fileName: string; data: Uint8Array | string; mimeType: string }[] = [];
  readonly modelSheets: CommissioningModel[] = [];
  readonly templates: CommissioningModel[] = [];
  readonly savedSettings: (PaneSettings | null)[] = [];
  /** Each decisions sheet saveDecisions was given, in order. */
  readonly decisionSheets: SheetSpec[] = [];
  reads = 0;
  /** What canDownload answers: false plays Excel for Mac, whose pane cannot save downloads. */
  canDownloadFiles = true;
  settings: PaneSettings | null = null;

  constructor(
    readonly kind: HostKind,
    /** What readWorkbook serves; replace it to simulate the user editing the workbook. */
    public workbook: GridWorkbook | { fileName: string; bytes: Uint8Array } | null,
  ) {
    this.settingsPlace = kind === 'excel' ? 'with this workbook' : 'in this browser';
  }

  workbookLabel(): string | null {
    if (this.kind === 'excel') return 'this workbook';
    return this.workbook && 'fileName' in this.workbook ? this.workbook.fileName : null;
  }

  // The host interface is asynchronous; this fake answers at once.
  readWorkbook(): Promise<WorkbookInput> {
    this.reads++;
    const workbook = this.workbook;
    if (!workbook) return Promise.reject(Object.assign(new Error('No workbook is open: choose "Open workbook" first.'), { name: 'EngineUsageError' }));
    if ('fileName' in workbook) return Promise.resolve({ kind: 'bytes', label: workbook.fileName, fileName: workbook.fileName, bytes: workbook.bytes });
    return Promise.resolve({ kind: 'grids', label: 'this workbook', sheets: encodeWorkbook(workbook) });
  }

  async writeReport(engine: Engine, args: ReportArgs): Promise<HostOutcome> {
    const sheets = await engine.call('reportSheets', args);
    this.written.push({ args, sheets });
    return { message: `Wrote ${sheets.map((s) => s.name).join(', ')}.` };
  }

  saveDecisions(sheet: SheetSpec): Promise<HostOutcome> {
    this.decisionSheets.push(sheet);
    return Promise.resolve({ message: 'Decision saved.' });
  }

  async downloadWithDecisions(engine: Engine): Promise<HostOutcome> {
    const file = await engine.call('decisionsFile', { today: new Date() });
    this.download(file.fileName, file.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return { message: `Downloaded ${file.fileName}.` };
  }

  select(sheet: string, cell: string): Promise<HostOutcome> {
    this.selected.push({ sheet, cell });
    return Promise.resolve({ message: `Selected ${sheet}!${cell}.` });
  }

  insertModelSheet(_engine: Engine, model: CommissioningModel): Promise<HostOutcome> {
    this.modelSheets.push(model);
    return Promise.resolve({ message: 'Inserted the Model sheet.' });
  }

  insertBudgetTemplate(_engine: Engine, model: CommissioningModel): Promise<HostOutcome> {
    this.templates.push(model);
    return Promise.resolve({ message: 'Inserted the budget template.' });
  }

  download(fileName: string, data: Uint8Array | string, mimeType: string): void {
    this.downloads.push({ fileName, data, mimeType });
  }

  canDownload(): boolean {
    return this.canDownloadFiles;
  }

  loadSettings(): PaneSettings | null {
    return this.settings;
  }

  saveSettings(settings: PaneSettings | null): Promise<void> {
    this.savedSettings.push(settings);
    this.settings = settings;
    return Promise.resolve();
  }
}
