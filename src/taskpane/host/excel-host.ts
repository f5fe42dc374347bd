/**
 * The pane inside Excel: reads the open workbook and writes into it through office.js (the adapter in
 * workbook/office, loaded on first use so the pane's first load stays small), and keeps settings with
 * the workbook (Office.context.document.settings, saved into the file).
 *
 * Requests: each command reads or writes in a fixed number of `context.sync` calls, whatever the
 * number of rows; the workbook/office adapter documents its own, and the two inserts here take two
 * (look at the sheet names, then write everything).
 */
import type { CommissioningModel } from '../../model/types';
import type { SheetSpec } from '../../reports/spec';
import type { Grid } from '../../sheet/grid';
import { columnLetters } from '../../sheet/a1';
import { listInWords } from '../../reports/builders/context';
import { excelRun, type ExcelRunner } from '../../workbook/office/requests';
import { budgetTemplate, lineRange, listSource, listsSheetRows, validationAlert } from '../budget-template';
import { encodeWorkbook } from '../engine/codec';
import type { Engine } from '../engine/client';
import type { Progress, ReportArgs, WorkbookInput } from '../engine/protocol';
import { EngineUsageError } from '../engine/usage-error';
import { WORKBOOK_SETTINGS_KEY, parseStoredSettings, type PaneSettings } from '../../app/settings';
import type { ApplyRequest, ApplyResult, CellContent } from '../../workbook/office/apply';
import { downloadFile, downloadsWork } from './download';
import { OwnWrites } from './own-writes';
import type { HostOutcome, PaneHost } from './types';

/** Points per character of column width (Calibri 11: 7 pixels a character plus 5 of padding). */
function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/**
 * Text as Excel must keep it: a leading apostrophe stops "=...", "+1", "2019/20" or "007" becoming a
 * formula, a date or a number (the apostrophe is not part of the value).
 */
function asTypedText(text: string): string {
  return `'${text}`;
}

type OfficeCell = string | number | boolean;

/** A Grid (the Model sheet) as office.js values and number formats, one block from A1. */
export function gridBlock(grid: Grid): { values: OfficeCell[][]; formats: string[][]; rows: number; cols: number } {
  const rows = Math.max(1, grid.rowCount);
  const cols = Math.max(1, grid.colCount);
  const values: OfficeCell[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const valueRow: OfficeCell[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = grid.cell(r, c);
      const v = cell?.value;
      if (cell?.formula) valueRow.push(`=${cell.formula}`);
      else if (v === null || v === undefined) valueRow.push('');
      else if (typeof v === 'number' || typeof v === 'boolean') valueRow.push(v);
      else if (typeof v === 'string') valueRow.push(asTypedText(v));
      else if (v instanceof Date) valueRow.push(excelSerial(v));
      else valueRow.push(asTypedText(v.code));
      formatRow.push(cell?.numFmt ?? (v instanceof Date ? 'dd mmm yyyy' : 'General'));
    }
    values.push(valueRow);
    formats.push(formatRow);
  }
  return { values, formats, rows, cols };
}

/** Days since 30 December 1899, Excel's serial date, from a UTC date. */
function excelSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

interface OfficeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export class ExcelHost implements PaneHost {
  readonly kind = 'excel' as const;
  readonly settingsPlace = 'with this workbook';

  /** Every request this host makes: counted, so changes Excel reports while (or just after) the add-in writes are known as its own. */
  private readonly run: ExcelRunner;
  private readonly ownWrites = new OwnWrites();

  constructor(
    // Writes ask to wait out cell-edit mode where Excel supports it (ExcelApi 1.11).
    runner: ExcelRunner = excelRun,
    private readonly settingsStore: OfficeSettings | null = officeSettings(),
    private readonly downloads: () => boolean = downloadsWork,
  ) {
    this.run = this.ownWrites.tracking(runner);
  }

  workbookLabel(): string {
    return 'this workbook';
  }

  async readWorkbook(onProgress?: (progress: Progress) => void): Promise<WorkbookInput> {
    const { readGridsFromExcel } = await import('../../workbook/office/read');
    onProgress?.({ stage: 'Reading the sheets from Excel' });
    const workbook = await readGridsFromExcel(this.run);
    return { kind: 'grids', label: 'this workbook', sheets: encodeWorkbook(workbook) };
  }

  async writeReport(engine: Engine, args: ReportArgs, onProgress?: (progress: Progress) => void): Promise<HostOutcome> {
    const sheets = await engine.call('reportSheets', args, onProgress);
    onProgress?.({ stage: 'Writing into Excel' });
    const { writeSheetSpecsToExcel } = await import('../../workbook/office/write');
    const report = await writeSheetSpecsToExcel(this.run, sheets);
    const names = report.sheetsWritten;
    return { message: `Wrote the ${listInWords(names)} ${names.length === 1 ? 'sheet' : 'sheets'} into this workbook (${report.tables.length} tables).` };
  }

  /** Writes the hidden decisions sheet in one Excel.run: the product's own sheet, replaced in place, never a user's cell. */
  async saveDecisions(sheet: SheetSpec): Promise<HostOutcome> {
    const { writeSheetSpecsToExcel } = await import('../../workbook/office/write');
    const report = await writeSheetSpecsToExcel(this.run, [sheet]);
    return { message: `Decision saved in this workbook, on the hidden "${report.sheetsWritten[0] ?? sheet.name}" sheet.` };
  }

  /** Inside Excel each decision is written as it is made: there is nothing more to download. */
  downloadWithDecisions(): Promise<HostOutcome> {
    return Promise.resolve({ message: 'Decisions are saved in this workbook as you make them: save the workbook to keep them.' });
  }

  async select(sheet: string, cell: string): Promise<HostOutcome> {
    const { select } = await import('../../workbook/office/select');
    await select(this.run, sheet, cell);
    return { message: `Selected ${sheet}!${cell}.` };
  }

  async insertModelSheet(_engine: Engine, model: CommissioningModel): Promise<HostOutcome> {
    const { writeModelSheet } = await import('../../model/model-sheet');
    const grid = writeModelSheet(model);
    const block = gridBlock(grid);
    await this.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(grid.name);
      existing.load('name');
      await context.sync();
      if (!existing.isNullObject) {
        throw new EngineUsageError(
          `This workbook already has a "${existing.name}" sheet, and it is the model in effect: edit it there, or rename it to insert a fresh copy.`,
        );
      }
      const sheet = context.workbook.worksheets.add(grid.name);
      context.application.suspendApiCalculationUntilNextSync();
      const range = sheet.getRangeByIndexes(0, 0, block.rows, block.cols);
      range.values = block.values;
      range.numberFormat = block.formats;
      range.format.autofitColumns();
      sheet.activate();
      await context.sync();
    });
    return { message: `Inserted the "${grid.name}" sheet: edit it, and check again to use it.` };
  }

  async insertBudgetTemplate(_engine: Engine, model: CommissioningModel): Promise<HostOutcome> {
    const template = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const plan = budgetTemplate(
        model,
        worksheets.items.map((w) => w.name),
      );
      const lists = worksheets.add(plan.listsSheet);
      const rows = listsSheetRows(plan);
      lists.getRangeByIndexes(0, 0, rows.length, plan.lists.length).values = rows.map((row) => row.map((text) => (text === '' ? '' : asTypedText(text))));
      lists.getRangeByIndexes(0, 0, 1, plan.lists.length).format.font.bold = true;
      lists.visibility = 'Hidden';

      const sheet = worksheets.add(plan.sheet);
      const width = plan.columns.length;
      const header = sheet.getRangeByIndexes(0, 0, 1, width);
      header.values = [plan.columns.map((c) => asTypedText(c.header))];
      header.format.font.bold = true;
      plan.columns.forEach((column, index) => {
        const letter = columnLetters(index);
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnPoints(column.width);
        const lines = sheet.getRange(lineRange(plan, index));
        if (column.numFmt) lines.numberFormat = Array.from({ length: plan.lineRows }, () => [column.numFmt!]);
        if (column.list !== undefined) {
          lines.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(plan, column.list) } };
          // The same short title and message as the .xlsx download: Excel refuses a title over 32 characters.
          const alert = validationAlert(plan, column.list);
          lines.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: alert.title, message: alert.message };
        }
      });
      sheet.freezePanes.freezeRows(1);
      sheet.activate();
      sheet.getRange('A2').select();
      await context.sync();
      return plan;
    });
    return {
      message: `Inserted "${template.sheet}": fill in one budget line per row; the name columns offer the model's lists (kept on the hidden "${template.listsSheet}" sheet).`,
    };
  }

  download(fileName: string, data: Uint8Array | string, mimeType: string): void {
    downloadFile(fileName, data, mimeType);
  }

  async readCell(sheet: string, cell: string): Promise<CellContent> {
    const { readCell } = await import('../../workbook/office/apply');
    return readCell(this.run, sheet, cell);
  }

  async applyToCell(request: ApplyRequest): Promise<ApplyResult> {
    const { applyToCell } = await import('../../workbook/office/apply');
    return applyToCell(this.run, request);
  }

  async watchChanges(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    const { canWatchChanges, watchSheetChanges } = await import('../../workbook/office/changes');
    if (!canWatchChanges()) return () => Promise.resolve();
    const own = this.ownWrites;
    return watchSheetChanges(
      this.run,
      ({ sheet }) => {
        if (sheet !== undefined && !own.isOwnChange(sheet)) onChange(sheet);
      },
      () => own.active(),
    );
  }

  canDownload(): boolean {
    return this.downloads();
  }

  loadSettings(): PaneSettings | null {
    try {
      const stored = this.settingsStore?.get(WORKBOOK_SETTINGS_KEY);
      return parseStoredSettings(typeof stored === 'string' ? stored : null);
    } catch {
      return null;
    }
  }

  async saveSettings(settings: PaneSettings | null): Promise<void> {
    const store = this.settingsStore;
    if (!store) throw new EngineUsageError('Excel did not give the pane access to workbook settings: they apply until you close the pane.');
    if (settings) store.set(WORKBOOK_SETTINGS_KEY, JSON.stringify(settings));
    else store.remove(WORKBOOK_SETTINGS_KEY);
    await new Promise<void>((resolve, reject) =>
      store.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
        else
          reject(
            new EngineUsageError(
              `Excel could not save the settings with the workbook (${result.error?.message ?? 'no reason given'}); they apply until you close the pane.`,
            ),
          );
      }),
    );
  }
}

function officeSettings(): OfficeSettings | null {
  try {
    return typeof Office !== 'undefined' && Office.context?.document?.settings ? Office.context.document.settings : null;
  } catch {
    return null;
  }
}
