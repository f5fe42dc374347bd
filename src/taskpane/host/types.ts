/**
 * Where the pane runs: inside Excel (office.js reads and writes the open workbook) or in a browser on
 * an .xlsx file (the engine reads the file; writes come back as downloads). The pages only ever talk
 * to this interface, so they behave the same in both.
 */
import type { CommissioningModel } from '../../model/types';
import type { Engine } from '../engine/client';
import type { Progress, ReportArgs, WorkbookInput } from '../engine/protocol';
import type { PaneSettings } from '../../app/settings';
import type { ApplyRequest, ApplyResult, CellContent } from '../../workbook/office/apply';
import type { SheetSpec } from '../../reports/spec';

export type HostKind = 'excel' | 'file';

export interface HostOutcome {
  /** One sentence for the pane's notice: what was written or downloaded. */
  readonly message: string;
}

export interface PaneHost {
  readonly kind: HostKind;
  /** The open workbook for the engine; throws (with what to do) when there is none. */
  readWorkbook(onProgress?: (progress: Progress) => void): Promise<WorkbookInput>;
  /** Writes the generated sheets `args.which` (Excel: into the workbook; outside: a downloaded copy). */
  writeReport(engine: Engine, args: ReportArgs, onProgress?: (progress: Progress) => void): Promise<HostOutcome>;
  /** Selects a cell: in Excel it activates the sheet and the cell; outside Excel it says where the cell is. */
  select(sheet: string, cell: string): Promise<HostOutcome>;
  insertModelSheet(engine: Engine, model: CommissioningModel): Promise<HostOutcome>;
  insertBudgetTemplate(engine: Engine, model: CommissioningModel): Promise<HostOutcome>;
  /**
   * Keeps reviewers' decisions: Excel writes the hidden decisions sheet into the workbook (the product's own
   * sheet, never a user's cell, in one batch); outside Excel nothing is written until the user downloads the
   * workbook with its decisions, and the outcome says so.
   */
  saveDecisions(sheet: SheetSpec): Promise<HostOutcome>;
  /** Outside Excel: offers a copy of the file with the decisions sheet (the file opened is never changed). */
  downloadWithDecisions(engine: Engine): Promise<HostOutcome>;
  /** Offers a file to the user (the 360Giving export, a workbook copy). */
  download(fileName: string, data: Uint8Array | string, mimeType: string): void;
  /**
   * False where a download from the pane is known not to arrive (Excel for Mac or iPad: its web view
   * ignores downloads), so a page offers the clipboard first.
   */
  canDownload(): boolean;
  /** Settings saved with the workbook (Excel) or in this browser (outside); null when none are saved. */
  loadSettings(): PaneSettings | null;
  /** Saves settings, or forgets them (null) so the model's own settings apply again. */
  saveSettings(settings: PaneSettings | null): Promise<void>;
  /** Where saved settings live, for the Settings page: "with this workbook", "in this browser". */
  readonly settingsPlace: string;
  /** The workbook as the user knows it: "this workbook", or the file name. */
  workbookLabel(): string | null;
  /** Excel only: what a cell holds now, for the preview before "Apply". */
  readCell?(sheet: string, cell: string): Promise<CellContent>;
  /** Excel only: writes a finding's suggestion into its cell if it still holds `before`, and logs the change (workbook/office/apply.ts). */
  applyToCell?(request: ApplyRequest): Promise<ApplyResult>;
  /**
   * Excel only: calls `onChange` with the name of each sheet the user changes, leaving out the product's
   * own sheets and its own writes to them; resolves to what stops listening.
   */
  watchChanges?(onChange: (sheet: string) => void): Promise<() => Promise<void>>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** The download type of a workbook by its name: a macro-enabled copy (.xlsm) is not an .xlsx; a macro-enabled template has its own. */
export function workbookMime(fileName: string): string {
  if (/\.xltm$/i.test(fileName)) return 'application/vnd.ms-excel.template.macroEnabled.12';
  return /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME;
}
