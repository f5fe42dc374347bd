/**
 * Writes table specs into the open workbook through office.js, laid out and styled as the .xlsx
 * writer lays them out (layout.ts) so a report looks the same whichever way it was made.
 *
 * Requests, whatever the row count:
 *   1. one sync reads sheet names, defined names and tables, so a refusal changes nothing;
 *   2. one request writes everything: cell contents as one `range.formulas` 2-D array per sheet
 *      (constants and formulas together) and number formats as one 2-D array, with calculation
 *      suspended; a sheet too big for one request is split into row bands, each its own request;
 *   3. one sync bounds the fitted column widths (autofit can leave a column narrower than its
 *      header or wider than a page), when any table was written.
 *
 * Text is written with a leading apostrophe, Excel's mark for "text, as typed": formula-like data
 * ("=cmd|...", "+1", "@SUM") stays text, and so do "2019/20" or "007", which Excel would otherwise
 * turn into a date or a number.
 */
import { OWNER_MARKER, type SheetSpec } from '../../reports/spec';
import { columnLetters, parseRange, quoteSheetName } from '../../sheet/a1';
import {
  DATA_BAR_COLOUR,
  FOOTNOTE_FONT,
  HEADER_FILL,
  HEADER_FONT,
  LINK_COLOUR,
  NEGATIVE_COLOUR,
  RAG_LOOKS,
  SOURCE_FONT,
  TABLE_STYLE,
  TAB_COLOUR,
  TITLE_FONT,
  UNIT_NOTE_FONT,
  paragraphFont,
  rowLook,
  type FontLook,
  type LineLook,
} from '../layout/looks';
import { MAX_COLUMN_CHARS, area, layoutSheet, type ChartLayout, type OfficeSheetLayout, type TableLayout, type TextRole } from './layout';
import { WorkbookProtectedError } from './errors';
import { planWrite, type SheetPlan, type WorkbookState } from './ownership';
import { ACTION_BYTES, DEFAULT_MAX_REQUEST_BYTES, RequestSession, jsonBytes, runRetryingCellEdit, type CellEditRetry, type ExcelRunner } from './requests';

interface WriteOptions {
  /** Largest request to build, in estimated bytes. Default 3,000,000 (Excel on the web refuses 5 MB). */
  readonly maxRequestBytes?: number;
  /** Retries when Excel refuses the write for cell-edit mode and cannot wait it out itself. */
  readonly cellEditRetry?: CellEditRetry;
}

interface WriteReport {
  readonly sheetsWritten: readonly string[];
  readonly tables: readonly string[];
  /** Cells covered by the block writes, blank cells inside a block included. */
  readonly cellsWritten: number;
  /** Every `context.sync` of the command. */
  readonly syncs: number;
  /** Requests the writing took: 1, plus one for each split made to stay under the byte budget. */
  readonly chunks: number;
}

/** Width in points of a column `chars` characters wide (Calibri 11: 7 pixels a character and 5 of padding). */
export function charactersToPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/**
 * Writes the sheets, rewriting in place those the product made before (so the user's formulas that
 * point at them keep working) and adding the others.
 * @throws NotOurSheetError or SheetSpecError, having changed nothing, when a sheet or table name is taken
 *         by something the product did not make, or a spec cannot be laid out; WorkbookProtectedError,
 *         having changed nothing, when the workbook's structure or a sheet to rewrite is protected;
 *         CellEditModeError when Excel stayed in cell-edit mode.
 */
export async function writeSheetSpecsToExcel(run: ExcelRunner, sheets: readonly SheetSpec[], options: WriteOptions = {}): Promise<WriteReport> {
  // Laid out before Excel is touched: a spec that cannot be written fails without a request.
  const layouts = sheets.map(layoutSheet);
  const tableNames = sheets.flatMap((s) => s.tables.map((t) => t.name));
  return runRetryingCellEdit(
    run,
    async (context) => {
      const session = new RequestSession(context, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
      const state = await readWorkbookState(session);
      const plan = planWrite(
        state,
        sheets.map((s) => s.name),
        tableNames,
      );
      const existing = await readSheetsToReplace(session, plan, state);

      const syncsBeforeWriting = session.syncs;
      session.suspendCalculation();
      let cellsWritten = 0;
      const widths: ColumnWidthCheck[] = [];
      for (let i = 0; i < layouts.length; i++) {
        const worksheet = await prepareSheet(context, plan.sheets[i], existing, state, session);
        cellsWritten += await writeCells(worksheet, layouts[i], session);
        await writeNumberFormats(worksheet, layouts[i], session);
        await formatSheet(worksheet, layouts[i], session, plan.sheets[i].name);
        if (sheets[i].hidden) {
          // Hidden, not very hidden: an auditor can unhide the sheet (the decisions sheet) and read it.
          await session.reserve();
          worksheet.visibility = 'Hidden';
          session.queued();
        }
        widths.push(...(await loadColumnWidths(worksheet, layouts[i], session)));
      }
      // Broken markers go last: every sheet written already has its own.
      for (const name of plan.namesToDelete) {
        await session.reserve();
        context.workbook.names.getItem(name).delete();
        session.queued();
      }
      await session.sync();
      const chunks = session.syncs - syncsBeforeWriting;

      if (widths.length > 0) {
        for (const check of widths) boundColumnWidth(check);
        await session.sync();
      }
      return { sheetsWritten: plan.sheets.map((s) => s.name), tables: tableNames, cellsWritten, syncs: session.syncs, chunks };
    },
    options.cellEditRetry,
  );
}

interface StateWithProtection extends WorkbookState {
  readonly workbookProtected: boolean;
}

async function readWorkbookState(session: RequestSession): Promise<StateWithProtection> {
  const { workbook } = session.context;
  const worksheets = workbook.worksheets.load('items/name,items/position');
  const names = workbook.names.load('items/name,items/value');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  const protection = workbook.protection.load('protected');
  await session.sync();
  return {
    sheets: worksheets.items.map((w) => ({ name: w.name, position: w.position })),
    names: names.items.map((n) => ({ name: n.name, value: String(n.value ?? '') })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    workbookProtected: protection.protected,
  };
}

/** The sheets to rewrite in place, by existing name, with their charts loaded (to delete). */
type SheetsToReplace = ReadonlyMap<string, { readonly worksheet: Excel.Worksheet; readonly charts: Excel.ChartCollection }>;

/**
 * Loads, in one request, whether each sheet to rewrite is protected and which charts it has; then
 * refuses, before anything is changed, when protection would stop the write part-way: a write that
 * fails half done could leave a sheet without its marker, or the user's sheets mid-change.
 */
async function readSheetsToReplace(
  session: RequestSession,
  plan: { readonly sheets: readonly SheetPlan[] },
  state: StateWithProtection,
): Promise<SheetsToReplace> {
  const { worksheets } = session.context.workbook;
  const loaded = new Map<string, { worksheet: Excel.Worksheet; charts: Excel.ChartCollection; protection: Excel.WorksheetProtection }>();
  for (const sheet of plan.sheets) {
    if (sheet.kind !== 'replace') continue;
    const worksheet = worksheets.getItem(sheet.existingName);
    loaded.set(sheet.existingName, {
      worksheet,
      charts: worksheet.charts.load('items/name'),
      protection: worksheet.protection.load('protected'),
    });
  }
  if (loaded.size > 0) await session.sync();
  const protectedSheets = [...loaded].flatMap(([name, { protection }]) => (protection.protected ? [name] : []));
  if (state.workbookProtected || protectedSheets.length > 0) throw new WorkbookProtectedError(state.workbookProtected, protectedSheets);
  return loaded;
}

/**
 * Makes the sheet ready to write: a new one is added; one of ours is emptied in place (its tables,
 * charts, conditional formats, contents and formats), keeping the sheet object, its tab position and
 * every reference to it. Its marker name is replaced only once the sheet it marks exists.
 */
async function prepareSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  existing: SheetsToReplace,
  state: WorkbookState,
  session: RequestSession,
): Promise<Excel.Worksheet> {
  const { worksheets, names } = context.workbook;
  let worksheet: Excel.Worksheet;
  if (plan.kind === 'replace') {
    const { worksheet: sheet, charts } = existing.get(plan.existingName)!;
    worksheet = sheet;
    const tables = state.tables.filter((t) => t.sheet.toUpperCase() === plan.existingName.toUpperCase());
    const actions = tables.length + charts.items.length + 4;
    await session.reserve(actions * ACTION_BYTES);
    for (const table of tables) context.workbook.tables.getItem(table.name).delete();
    for (const chart of charts.items) chart.delete();
    const all = worksheet.getRange();
    all.conditionalFormats.clearAll();
    all.clear('All');
    worksheet.freezePanes.unfreeze();
    if (plan.existingName !== plan.name) worksheet.name = plan.name;
    session.queued(actions * ACTION_BYTES);
  } else {
    await session.reserve();
    worksheet = worksheets.add(plan.name);
    session.queued();
  }
  await session.reserve(4 * ACTION_BYTES);
  if (plan.kind === 'add' || !plan.marked) {
    if (plan.staleMarker) names.getItem(plan.staleMarker).delete();
    names.add(plan.markerName, worksheet.getRange('A1'), OWNER_MARKER);
  }
  worksheet.showGridlines = false;
  worksheet.tabColor = hex(TAB_COLOUR);
  session.queued(4 * ACTION_BYTES);
  return worksheet;
}

/** Writes the sheet's cells as one block, in row bands where one request would outgrow the budget. Returns cells written. */
async function writeCells(worksheet: Excel.Worksheet, layout: OfficeSheetLayout, session: RequestSession): Promise<number> {
  const height = layout.inputs.length;
  if (height === 0) return 0;
  // Each row's contents, with a separating comma; number formats go by column (writeNumberFormats).
  const rowBytes = layout.inputs.map((inputs) => jsonBytes(inputs) + 1);
  const bandOverhead = ACTION_BYTES;
  let cells = 0;
  let start = 0;
  let bytes = bandOverhead;
  const writeBand = (end: number): void => {
    const range = worksheet.getRange(area(start, 0, end - 1, layout.width - 1));
    range.formulas = layout.inputs.slice(start, end) as OfficeCells;
    session.queued(bytes);
    cells += (end - start) * layout.width;
  };
  await session.reserve(bandOverhead + rowBytes[0]);
  for (let r = 0; r < height; r++) {
    if (r > start && bytes + rowBytes[r] > session.room) {
      writeBand(r);
      await session.flush();
      start = r;
      bytes = bandOverhead;
    }
    bytes += rowBytes[r];
  }
  writeBand(height);
  return cells;
}

/**
 * Number formats as one value per run of equal formats down a column (a table column's body is one run,
 * its total row another when it differs): office.js applies a single value set on a range to every
 * cell of it (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#update-all-cells-in-a-range),
 * so a 10,000-row column costs one small action, not 10,000 strings. Set after the contents, as before.
 */
async function writeNumberFormats(worksheet: Excel.Worksheet, layout: OfficeSheetLayout, session: RequestSession): Promise<void> {
  for (let col = 0; col < layout.width; col++) {
    let start = 0;
    for (let row = 1; row <= layout.numFmts.length; row++) {
      const format = layout.numFmts[start][col];
      if (row < layout.numFmts.length && layout.numFmts[row][col] === format) continue;
      if (format !== null) {
        const bytes = ACTION_BYTES + jsonBytes(format);
        await session.reserve(bytes);
        // office.js types numberFormat as any[][]; a single string is its documented all-cells form.
        (worksheet.getRange(area(start, col, row - 1, col)) as unknown as { numberFormat: string }).numberFormat = format;
        session.queued(bytes);
      }
      start = row;
    }
  }
}

/** office.js types 2-D cell arrays as any[][]; null entries (leave the cell as it is) are documented input. */
type OfficeCells = any[][]; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEXT_FONTS: Record<Exclude<TextRole, 'paragraph'>, FontLook> = {
  title: TITLE_FONT,
  unitNote: UNIT_NOTE_FONT,
  footnote: FOOTNOTE_FONT,
  source: SOURCE_FONT,
};

/** Queues `count` formatting actions, made by `queue`, within the request's byte budget. */
type Act = (count: number, queue: () => void) => Promise<void>;

/**
 * Fonts, fills and borders, the Excel tables, conditional formats, frozen header, fitted columns, chart.
 * `sheetName` is the name the sheet was written under: "Register (2)" where the user has a Register of their own.
 */
async function formatSheet(worksheet: Excel.Worksheet, layout: OfficeSheetLayout, session: RequestSession, sheetName: string): Promise<void> {
  const act: Act = async (count, queue) => {
    await session.reserve(count * ACTION_BYTES);
    queue();
    session.queued(count * ACTION_BYTES);
  };
  for (const run of layout.textRuns) {
    if (run.role === 'paragraph' && !run.emphasis) continue; // plain text keeps the sheet's font
    const font = run.role === 'paragraph' ? paragraphFont(run.emphasis) : TEXT_FONTS[run.role];
    await act(4, () => applyFont(worksheet.getRange(area(run.first, 0, run.last, 0)).format.font, font));
  }
  for (const table of layout.tables) await formatTable(worksheet, table, act, sheetName);
  if (layout.plan.frozenRows > 0) await act(1, () => worksheet.freezePanes.freezeRows(layout.plan.frozenRows));
  const chart = layout.chart;
  if (chart) await act(8, () => addChart(worksheet, chart));
}

/** One table: the Excel table, then its look set on the cells too, as the .xlsx writer does, so it does not depend on the table style. */
async function formatTable(worksheet: Excel.Worksheet, table: TableLayout, act: Act, sheetName: string): Promise<void> {
  await act(4, () => {
    const excelTable = worksheet.tables.add(`${quoteSheetName(sheetName)}!${table.tableAddress}`, true);
    excelTable.name = table.plan.spec.name;
    excelTable.style = TABLE_STYLE;
    excelTable.showBandedRows = false;
  });
  await act(8, () => {
    const header = worksheet.getRange(table.headerAddress).format;
    applyFont(header.font, HEADER_FONT);
    header.fill.color = hex(HEADER_FILL);
    header.verticalAlignment = 'Center';
    header.horizontalAlignment = 'Left';
    header.wrapText = true;
  });
  const headerRow = table.plan.headerRow;
  for (const col of table.figureColumns) {
    await act(1, () => {
      worksheet.getRange(area(headerRow, col, headerRow, col)).format.horizontalAlignment = 'Right';
    });
  }
  await act(4, () => {
    const body = worksheet.getRange(table.bodyAddress).format;
    body.verticalAlignment = 'Top';
    applyBorder(body.borders.getItem('InsideHorizontal'), rowLook('body').bottom);
    applyBorder(body.borders.getItem('EdgeBottom'), rowLook('body').bottom);
  });
  for (const col of table.ragColumns) {
    await act(1, () => {
      worksheet.getRange(columnOf(table.bodyAddress, col)).format.horizontalAlignment = 'Center';
    });
  }
  for (const run of table.styleRuns) {
    await act(6, () => {
      const format = worksheet.getRange(area(run.first, 0, run.last, run.columns - 1)).format;
      const look = rowLook(run.style);
      format.font.bold = look.bold;
      if (look.fill) format.fill.color = hex(look.fill);
      applyBorder(format.borders.getItem('EdgeTop'), look.top);
      applyBorder(format.borders.getItem('EdgeBottom'), look.bottom);
    });
  }
  for (const address of table.linkRuns) {
    await act(2, () => {
      const font = worksheet.getRange(address).format.font;
      font.underline = 'Single';
      font.color = hex(LINK_COLOUR);
    });
  }
  for (const format of table.conditionalFormats) {
    await act(4 * RAG_LOOKS.length, () => addConditionalFormat(worksheet, format.address, format.kind));
  }
  await act(1, () => worksheet.getRange(table.blockAddress).format.autofitColumns());
}

function addChart(worksheet: Excel.Worksheet, chart: ChartLayout): void {
  const excelChart = worksheet.charts.add('ColumnClustered', worksheet.getRange(chart.valueAddress), 'Columns');
  excelChart.title.text = chart.title;
  excelChart.legend.visible = false;
  const series = excelChart.series.getItemAt(0);
  series.name = chart.seriesName;
  series.setXAxisValues(worksheet.getRange(chart.labelAddress));
  excelChart.setPosition(chart.topLeft, chart.bottomRight);
}

function addConditionalFormat(worksheet: Excel.Worksheet, address: string, kind: 'rag' | 'dataBar' | 'negative'): void {
  const range = worksheet.getRange(address);
  switch (kind) {
    case 'rag': {
      // Relative down the column from its first cell, as the .xlsx writer's rule: =$C5="green".
      const first = parseRange(address)!.start;
      const cell = `$${columnLetters(first.col)}${first.row + 1}`;
      for (const look of RAG_LOOKS) {
        const format = range.conditionalFormats.add('Custom');
        format.custom.rule.formula = `=${cell}="${look.text}"`;
        format.custom.format.fill.color = hex(look.fill);
        format.custom.format.font.color = hex(look.colour);
      }
      return;
    }
    case 'dataBar': {
      const format = range.conditionalFormats.add('DataBar');
      format.dataBar.barDirection = 'LeftToRight';
      format.dataBar.positiveFormat.fillColor = hex(DATA_BAR_COLOUR);
      return;
    }
    case 'negative': {
      const format = range.conditionalFormats.add('CellValue');
      format.cellValue.format.font.color = hex(NEGATIVE_COLOUR);
      format.cellValue.rule = { formula1: '0', operator: 'LessThan' };
      return;
    }
  }
}

interface ColumnWidthCheck {
  readonly column: Excel.Range;
  /** The column's cells in each table, wrapped when the column is capped. */
  readonly blocks: readonly Excel.Range[];
  readonly minPoints: number;
  readonly maxPoints: number;
}

/** Queues a read of each table column's fitted width, to be bounded once it is known. */
async function loadColumnWidths(worksheet: Excel.Worksheet, layout: OfficeSheetLayout, session: RequestSession): Promise<ColumnWidthCheck[]> {
  const bounds = new Map<number, { min: number; max: number; blocks: string[] }>();
  for (const table of layout.tables) {
    table.minWidths.forEach((minChars, col) => {
      const bound = bounds.get(col) ?? { min: 0, max: 0, blocks: [] };
      bound.min = Math.max(bound.min, minChars);
      bound.max = Math.max(bound.max, MAX_COLUMN_CHARS, minChars);
      bound.blocks.push(columnOf(table.blockAddress, col));
      bounds.set(col, bound);
    });
  }
  const checks: ColumnWidthCheck[] = [];
  for (const [col, bound] of bounds) {
    await session.reserve();
    const letters = columnLetters(col);
    const column = worksheet.getRange(`${letters}:${letters}`);
    column.format.load('columnWidth');
    session.queued();
    checks.push({
      column,
      blocks: bound.blocks.map((address) => worksheet.getRange(address)),
      minPoints: charactersToPoints(bound.min),
      maxPoints: charactersToPoints(bound.max),
    });
  }
  return checks;
}

function boundColumnWidth(check: ColumnWidthCheck): void {
  const width = check.column.format.columnWidth;
  if (width < check.minPoints) {
    check.column.format.columnWidth = check.minPoints;
  } else if (width > check.maxPoints) {
    // Long text wraps within a page-friendly column instead of stretching it.
    check.column.format.columnWidth = check.maxPoints;
    for (const block of check.blocks) block.format.wrapText = true;
  }
}

/** One column of a range address: columnOf("A5:F20", 2) is "C5:C20". */
function columnOf(address: string, col: number): string {
  const range = parseRange(address)!;
  return area(range.start.row, col, range.end.row, col);
}

function applyFont(font: Excel.RangeFont, look: FontLook): void {
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  font.size = look.size;
  if (look.colour) font.color = hex(look.colour);
}

function applyBorder(border: Excel.RangeBorder, look: LineLook | undefined): void {
  if (!look) return;
  if (look.style === 'double') {
    border.style = 'Double';
  } else {
    border.style = 'Continuous';
    border.weight = look.style === 'hair' ? 'Hairline' : 'Thin';
  }
  border.color = hex(look.colour);
}

/** Looks give colours as ARGB ("FF1F4E78"); office.js takes "#1F4E78". */
function hex(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}
