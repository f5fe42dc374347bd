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
import type ExcelJS from 'exceljs';
import { OWNER_MARKER, type SheetSpec } from '../../reports/spec';
import { columnLetters, parseRange, quoteSheetName } from '../../sheet/a1';
import {
  DATA_BAR_COLOUR,
  FOOTNOTE_FONT,
  HEADER_FILL,
  HEADER_FONT,
  LINK_COLOUR,
  NEGATIVE_FONT,
  RAG_LOOKS,
  SOURCE_FONT,
  TABLE_STYLE,
  TAB_COLOUR,
  TITLE_FONT,
  UNIT_NOTE_FONT,
  paragraphFont,
  rowLook,
} from '../xlsx/write-styles';
import { MAX_COLUMN_CHARS, area, layoutSheet, type OfficeSheetLayout, type TextRole } from './layout';
import { planWrite, type SheetPlan, type WorkbookState } from './ownership';
import { ACTION_BYTES, DEFAULT_MAX_REQUEST_BYTES, RequestSession, jsonBytes, type ExcelRunner } from './requests';

export interface WriteOptions {
  /** Largest request to build, in estimated bytes. Default 3,000,000 (Excel on the web refuses 5 MB). */
  readonly maxRequestBytes?: number;
}

export interface WriteReport {
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
 * Writes the sheets, replacing those the product made before (in their tab positions) and adding the others.
 * @throws NotOurSheetError or SheetSpecError, having changed nothing, when a sheet or table name is taken
 *         by something the product did not make, or a spec cannot be laid out.
 */
export async function writeSheetSpecsToExcel(
  run: ExcelRunner,
  sheets: readonly SheetSpec[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  // Laid out before Excel is touched: a spec that cannot be written fails without a request.
  const layouts = sheets.map(layoutSheet);
  const tableNames = sheets.flatMap((s) => s.tables.map((t) => t.name));
  return run(async (context) => {
    const session = new RequestSession(context, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
    const state = await readWorkbookState(session);
    const plan = planWrite(
      state,
      sheets.map((s) => s.name),
      tableNames,
    );

    const syncsBeforeWriting = session.syncs;
    session.suspendCalculation();
    for (const name of plan.namesToDelete) {
      await session.reserve();
      context.workbook.names.getItem(name).delete();
      session.queued();
    }
    let cellsWritten = 0;
    const widths: ColumnWidthCheck[] = [];
    for (let i = 0; i < layouts.length; i++) {
      const worksheet = await createSheet(context, plan.sheets[i], session);
      cellsWritten += await writeCells(worksheet, layouts[i], session);
      await formatSheet(worksheet, layouts[i], session);
      widths.push(...(await loadColumnWidths(worksheet, layouts[i], session)));
    }
    await session.sync();
    const chunks = session.syncs - syncsBeforeWriting;

    if (widths.length > 0) {
      for (const check of widths) boundColumnWidth(check);
      await session.sync();
    }
    return { sheetsWritten: sheets.map((s) => s.name), tables: tableNames, cellsWritten, syncs: session.syncs, chunks };
  });
}

async function readWorkbookState(session: RequestSession): Promise<WorkbookState> {
  const { workbook } = session.context;
  const worksheets = workbook.worksheets.load('items/name,items/position');
  const names = workbook.names.load('items/name,items/value');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  await session.sync();
  return {
    sheets: worksheets.items.map((w) => ({ name: w.name, position: w.position })),
    names: names.items.map((n) => ({ name: n.name, value: String(n.value ?? '') })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  };
}

/** Adds the sheet (in place of our old one, at its tab position) and its marker name. */
async function createSheet(context: Excel.RequestContext, plan: SheetPlan, session: RequestSession): Promise<Excel.Worksheet> {
  await session.reserve(8 * ACTION_BYTES);
  const { worksheets } = context.workbook;
  let worksheet: Excel.Worksheet;
  if (plan.kind === 'replace') {
    // The new sheet comes first, so the old one is never the workbook's last visible sheet when deleted.
    worksheet = worksheets.add(plan.temporaryName);
    worksheets.getItem(plan.existingName).delete();
    worksheet.name = plan.name;
    worksheet.position = plan.position;
    session.queued(4 * ACTION_BYTES);
  } else {
    worksheet = worksheets.add(plan.name);
    session.queued();
  }
  context.workbook.names.add(plan.markerName, worksheet.getRange('A1'), OWNER_MARKER);
  worksheet.showGridlines = false;
  worksheet.tabColor = hex(TAB_COLOUR);
  session.queued(4 * ACTION_BYTES);
  return worksheet;
}

/** Writes the sheet's cells as one block, in row bands where one request would outgrow the budget. Returns cells written. */
async function writeCells(worksheet: Excel.Worksheet, layout: OfficeSheetLayout, session: RequestSession): Promise<number> {
  const height = layout.inputs.length;
  if (height === 0) return 0;
  // Each row appears twice in the request (contents and formats), each array with a separating comma.
  const rowBytes = layout.inputs.map((inputs, r) => jsonBytes(inputs) + jsonBytes(layout.numFmts[r]) + 2);
  const bandOverhead = 2 * ACTION_BYTES;
  let cells = 0;
  let start = 0;
  let bytes = bandOverhead;
  const writeBand = (end: number): void => {
    const range = worksheet.getRange(area(start, 0, end - 1, layout.width - 1));
    range.formulas = layout.inputs.slice(start, end) as OfficeCells;
    range.numberFormat = layout.numFmts.slice(start, end) as OfficeCells;
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

/** office.js types 2-D cell arrays as any[][]; null entries (leave the cell as it is) are documented input. */
type OfficeCells = any[][]; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEXT_FONTS: Record<Exclude<TextRole, 'paragraph'>, Partial<ExcelJS.Font>> = {
  title: TITLE_FONT,
  unitNote: UNIT_NOTE_FONT,
  footnote: FOOTNOTE_FONT,
  source: SOURCE_FONT,
};

/** Fonts, fills and borders, the Excel tables, conditional formats, frozen header, fitted columns, chart. */
async function formatSheet(worksheet: Excel.Worksheet, layout: OfficeSheetLayout, session: RequestSession): Promise<void> {
  const act = async (count: number, queue: () => void): Promise<void> => {
    await session.reserve(count * ACTION_BYTES);
    queue();
    session.queued(count * ACTION_BYTES);
  };

  for (const run of layout.textRuns) {
    if (run.role === 'paragraph' && !run.emphasis) continue; // plain text keeps the sheet's font
    const font = run.role === 'paragraph' ? paragraphFont(run.emphasis) : TEXT_FONTS[run.role];
    await act(4, () => applyFont(worksheet.getRange(area(run.first, 0, run.last, 0)).format.font, font));
  }

  for (const table of layout.tables) {
    const { spec } = table.plan;
    await act(4, () => {
      const excelTable = worksheet.tables.add(`${quoteSheetName(layout.name)}!${table.tableAddress}`, true);
      excelTable.name = spec.name;
      excelTable.style = TABLE_STYLE;
      excelTable.showBandedRows = false;
    });
    // The look is set on the cells too, as the .xlsx writer does, so it does not depend on the table style.
    await act(8, () => {
      const header = worksheet.getRange(table.headerAddress).format;
      applyFont(header.font, HEADER_FONT);
      header.fill.color = hex(fillColour(HEADER_FILL));
      header.verticalAlignment = 'Center';
      header.horizontalAlignment = 'Left';
      header.wrapText = true;
    });
    for (const col of table.figureColumns) {
      await act(1, () => {
        worksheet.getRange(area(table.plan.headerRow, col, table.plan.headerRow, col)).format.horizontalAlignment = 'Right';
      });
    }
    await act(4, () => {
      const body = worksheet.getRange(table.bodyAddress).format;
      body.verticalAlignment = 'Top';
      applyBorder(body.borders.getItem('InsideHorizontal'), rowLook('body').border.bottom);
      applyBorder(body.borders.getItem('EdgeBottom'), rowLook('body').border.bottom);
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
        if (look.fill) format.fill.color = hex(fillColour(look.fill));
        applyBorder(format.borders.getItem('EdgeTop'), look.border.top);
        applyBorder(format.borders.getItem('EdgeBottom'), look.border.bottom);
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

  if (layout.plan.frozenRows > 0) await act(1, () => worksheet.freezePanes.freezeRows(layout.plan.frozenRows));

  const chart = layout.chart;
  if (chart) {
    await act(8, () => {
      const excelChart = worksheet.charts.add('ColumnClustered', worksheet.getRange(chart.valueAddress), 'Columns');
      excelChart.title.text = chart.title;
      excelChart.legend.visible = false;
      const series = excelChart.series.getItemAt(0);
      series.name = chart.seriesName;
      series.setXAxisValues(worksheet.getRange(chart.labelAddress));
      excelChart.setPosition(chart.topLeft, chart.bottomRight);
    });
  }
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
        format.custom.format.fill.color = hex(fillColour(look.fill));
        format.custom.format.font.color = hex(look.font.color.argb);
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
      format.cellValue.format.font.color = hex(NEGATIVE_FONT.color.argb);
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

function applyFont(font: Excel.RangeFont, look: Partial<ExcelJS.Font>): void {
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color?.argb) font.color = hex(look.color.argb);
}

function applyBorder(border: Excel.RangeBorder, look: Partial<ExcelJS.Border> | undefined): void {
  if (!look?.style) return;
  if (look.style === 'double') {
    border.style = 'Double';
  } else {
    border.style = 'Continuous';
    border.weight = look.style === 'hair' ? 'Hairline' : look.style === 'medium' ? 'Medium' : look.style === 'thick' ? 'Thick' : 'Thin';
  }
  border.color = hex(look.color?.argb ?? 'FF000000');
}

function fillColour(fill: ExcelJS.Fill): string {
  return fill.type === 'pattern' && fill.fgColor?.argb ? fill.fgColor.argb : 'FFFFFFFF';
}

/** ExcelJS colours are ARGB ("FF1F4E78"); office.js takes "#1F4E78". */
function hex(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}
