/**
 * Sheets the pane adds to a workbook outside Excel, with ExcelJS: the Model sheet and the empty budget
 * template with its drop-downs. Both are the user's sheets once added (they edit them), so they are
 * only ever added, never written over.
 */
import type ExcelJS from 'exceljs';
import { isErrorValue, type Grid } from '../../sheet/grid';
import { loadExcelJs } from '../../workbook/xlsx/read';
import { lineRange, listSource, listsSheetRows, validationAlert, type BudgetTemplate } from '../budget-template';

/** Widest column the pane sets when fitting a column to its text, in characters. */
const MAX_WIDTH = 60;

class SheetExistsError extends Error {
  constructor(
    readonly sheetName: string,
    advice: string,
  ) {
    super(`The workbook already has a sheet named "${sheetName}": ${advice}`);
    this.name = 'SheetExistsError';
  }
}

function hasSheet(workbook: ExcelJS.Workbook, name: string): boolean {
  return workbook.worksheets.some((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** The workbook with `grid` added as a new sheet at the end. */
export async function addGridSheet(input: Uint8Array, grid: Grid): Promise<Uint8Array> {
  const workbook = await loadExcelJs(input, 'the workbook');
  if (hasSheet(workbook, grid.name)) {
    throw new SheetExistsError(grid.name, 'it is the model in effect. Edit it there, or rename it to insert a fresh copy of the model.');
  }
  const sheet = workbook.addWorksheet(grid.name);
  const widths: number[] = [];
  for (const row of grid.rowIndexes()) {
    grid.row(row).forEach((cell, col) => {
      if (!cell) return;
      const target = sheet.getCell(row + 1, col + 1);
      const value = cell.value;
      const plain = isErrorValue(value) ? { error: value.code } : value;
      target.value = (cell.formula ? { formula: cell.formula, result: plain ?? undefined } : plain) as ExcelJS.CellValue;
      if (cell.numFmt) target.numFmt = cell.numFmt;
      const length = value === null ? 0 : String(isErrorValue(value) ? value.code : value).length;
      widths[col] = Math.min(MAX_WIDTH, Math.max(widths[col] ?? 8, length + 2));
    });
  }
  widths.forEach((width, col) => {
    if (width) sheet.getColumn(col + 1).width = width;
  });
  sheet.getRow(1).font = { bold: true };
  return bytesOf(workbook);
}

/** ExcelJS validates a whole range in one entry (worksheet.dataValidations); its typings only know the per-cell form. */
function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** The workbook with the budget template and its lists sheet (hidden) added at the end. */
export async function addBudgetTemplate(input: Uint8Array, template: BudgetTemplate): Promise<Uint8Array> {
  const workbook = await loadExcelJs(input, 'the workbook');
  for (const name of [template.sheet, template.listsSheet]) {
    if (hasSheet(workbook, name)) throw new SheetExistsError(name, 'rename it, then insert the template again.');
  }
  const sheet = workbook.addWorksheet(template.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  template.columns.forEach((column, index) => {
    const cell = sheet.getCell(1, index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    sheet.getColumn(index + 1).width = column.width;
    if (column.numFmt) {
      for (let row = 2; row <= template.lineRows + 1; row++) sheet.getCell(row, index + 1).numFmt = column.numFmt;
    }
    if (column.list !== undefined) {
      const alert = validationAlert(template, column.list);
      rangeValidations(sheet).add(lineRange(template, index), {
        type: 'list',
        allowBlank: true,
        formulae: [listSource(template, column.list).slice(1)],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: alert.title,
        error: alert.message,
      });
    }
  });

  const lists = workbook.addWorksheet(template.listsSheet, { state: 'hidden' });
  listsSheetRows(template).forEach((row, r) => {
    row.forEach((text, c) => {
      if (text !== '') lists.getCell(r + 1, c + 1).value = text;
    });
  });
  lists.getRow(1).font = { bold: true };
  return bytesOf(workbook);
}
