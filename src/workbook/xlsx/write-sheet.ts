/** Renders one planned SheetSpec into an empty ExcelJS worksheet: cells, formats, tables, conditional formats, view, print setup. */
import type ExcelJS from 'exceljs';
import { toA1 } from '../../sheet/a1';
import { isFormulaValue, looksLikeFormula, type SpecColumn, type SpecRow } from '../../reports/spec';
import { contentText, formulaCell, textCell, writtenCell, type WrittenCell } from '../layout/cells';
import { addConditionalFormats } from './write-formats';
import { renderFormula, type SheetPlan, type TablePlan } from '../layout/plan';
import { BODY_FONT, FOOTNOTE_FONT, HEADER_FILL, HEADER_FONT, SOURCE_FONT, TITLE_FONT, UNIT_NOTE_FONT, paragraphFont, rowLook } from './write-styles';
import { LINK_COLOUR, TABLE_STYLE } from '../layout/looks';
import type { SheetFinish } from './write-package';
import { ColumnWidths, PORTRAIT_WIDTH } from './write-widths';

/** The filter button takes about three characters of a header cell. */
const FILTER_BUTTON_WIDTH = 3;

export function renderSheet(worksheet: ExcelJS.Worksheet, plan: SheetPlan): SheetFinish {
  const quotePrefixCells: string[] = [];
  const widths = new ColumnWidths();
  let priority = 0;
  const nextPriority = (): number => ++priority;

  const putText = (row: number, text: string, look: Partial<ExcelJS.Font>): void => {
    const written = textCell(text);
    const cell = worksheet.getCell(row + 1, 1);
    cell.value = written.value;
    cell.font = look;
    if (written.formulaLikeText) quotePrefixCells.push(toA1(row, 0));
    widths.placeLine(row, written.value, look.size ?? 10);
  };

  for (const { row, paragraph } of plan.paragraphs) putText(row, paragraph.text, paragraphFont(paragraph.emphasis));

  for (const table of plan.tables) {
    if (table.titleRow !== undefined) putText(table.titleRow, table.spec.title, TITLE_FONT);
    if (table.unitRow !== undefined) putText(table.unitRow, table.spec.unitNote, UNIT_NOTE_FONT);
    renderTable(worksheet, table, widths, quotePrefixCells);
    addConditionalFormats(worksheet, table, nextPriority);
    table.footnoteRows.forEach((row, i) => putText(row, table.spec.footnotes[i], FOOTNOTE_FONT));
    if (table.sourceRow !== undefined) putText(table.sourceRow, table.spec.source, SOURCE_FONT);
  }

  const totalWidth = widths.apply(worksheet);
  setView(worksheet, plan);
  setPrintLayout(worksheet, totalWidth);
  return { sheetName: worksheet.name, quotePrefixCells };
}

function renderTable(worksheet: ExcelJS.Worksheet, table: TablePlan, widths: ColumnWidths, quotePrefixCells: string[]): void {
  const { spec } = table;
  const cellsOf = (row: SpecRow, sheetRow: number): WrittenCell[] =>
    spec.columns.map((column) => {
      const value = row.cells[column.key] ?? null;
      return isFormulaValue(value)
        ? formulaCell(renderFormula(value.formula, table, column.key, sheetRow), value.value, column.type, spec)
        : writtenCell(value, column.type, spec);
    });
  const body = spec.rows.map((row, i) => cellsOf(row, table.bodyRows[i]));
  const totals = spec.totals.map((row, i) => cellsOf(row, table.totalRows[i]));

  const excelValue = (cell: WrittenCell): ExcelJS.CellValue =>
    cell.linkLocation !== undefined ? { text: cell.value, hyperlink: cell.linkLocation } : cell.value;
  worksheet.addTable({
    name: spec.name,
    displayName: spec.name,
    ref: toA1(table.headerRow, 0),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: false },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows: body.length > 0 ? body.map((cells) => cells.map(excelValue)) : [spec.columns.map(() => null)],
  });

  const header = worksheet.getRow(table.headerRow + 1);
  spec.columns.forEach((column, c) => {
    const cell = header.getCell(c + 1);
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true, ...horizontalAlignment(column, c) };
    if (looksLikeFormula(table.headers[c])) quotePrefixCells.push(toA1(table.headerRow, c));
    widths.fit(c, table.headers[c].length + FILTER_BUTTON_WIDTH, column, true);
    widths.place(table.headerRow, c, `${table.headers[c]}${' '.repeat(FILTER_BUTTON_WIDTH)}`);
  });

  const styleRow = (cells: WrittenCell[], row: SpecRow, sheetRow: number): void => {
    const look = rowLook(row.style);
    const excelRow = worksheet.getRow(sheetRow + 1);
    cells.forEach((written, c) => {
      const column = spec.columns[c];
      const cell = excelRow.getCell(c + 1);
      cell.value = excelValue(written);
      if (written.numFmt) cell.numFmt = written.numFmt;
      cell.font =
        written.linkLocation !== undefined
          ? { ...BODY_FONT, bold: look.bold, underline: true, color: { argb: LINK_COLOUR } }
          : { ...BODY_FONT, bold: look.bold };
      if (look.fill) cell.fill = look.fill;
      cell.border = look.border;
      cell.alignment = { vertical: 'top', ...horizontalAlignment(column, c) };
      if (written.formulaLikeText) quotePrefixCells.push(toA1(sheetRow, c));
      const wraps = column.type === 'text' || column.type === 'link';
      widths.fit(c, written.display.length, column, wraps);
      if (wraps) widths.place(sheetRow, c, contentText(written.value));
    });
  };
  body.forEach((cells, i) => styleRow(cells, spec.rows[i], table.bodyRows[i]));
  totals.forEach((cells, i) => styleRow(cells, spec.totals[i], table.totalRows[i]));
  if (body.length === 0) spec.columns.forEach((_, c) => (worksheet.getCell(table.headerRow + 2, c + 1).border = rowLook('body').border));
}

function isFigure(column: SpecColumn): boolean {
  return column.type === 'money' || column.type === 'percent' || column.type === 'integer';
}

/** Figures and dates to the right, RAG centred, text to the left, indented off a figure column beside it. */
function horizontalAlignment(column: SpecColumn, index: number): Partial<ExcelJS.Alignment> {
  if (isFigure(column) || column.type === 'date') return { horizontal: 'right' };
  if (column.type === 'rag') return { horizontal: 'center' };
  return index > 0 ? { horizontal: 'left', indent: 1 } : { horizontal: 'left' };
}

function setView(worksheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  worksheet.views =
    plan.frozenRows > 0
      ? [{ state: 'frozen', xSplit: 0, ySplit: plan.frozenRows, topLeftCell: toA1(plan.frozenRows, 0), showGridLines: false }]
      : [{ state: 'normal', showGridLines: false }];
}

function setPrintLayout(worksheet: ExcelJS.Worksheet, totalWidth: number): void {
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9, // A4
    orientation: totalWidth > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  worksheet.headerFooter = { ...worksheet.headerFooter, oddFooter: '&L&8&A&R&8Page &P of &N' };
}
