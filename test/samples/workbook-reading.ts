/** Reading the sample workbook the way a reader (or a checker) would: by labels and headers, not by fixed cells. */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';

export type Plain = string | number | Date | { formula: string; result: unknown } | null;

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet named "${name}"`);
  return sheet;
}

/**
 * A cell as plain data. ExcelJS's `cell.value` leaves out a formula's cached result when it is 0,
 * so formula results are read from `cell.result`.
 */
export function plain(cell: ExcelJS.Cell): Plain {
  if (cell.type === ExcelJS.ValueType.Formula) return { formula: cell.formula, result: cell.result ?? null };
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  throw new Error(`unexpected cell content at ${cell.address}: ${JSON.stringify(value)}`);
}

/** A cell as text: '' when empty, text and numbers as written, a date in ISO form; a formula fails the test that asks. */
export function textOf(cell: ExcelJS.Cell): string {
  const value = plain(cell);
  if (value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new Error(`${cell.worksheet.name}!${cell.address} holds a formula, not text`);
}

/** One cell (a named helper, so lint rules written for office.js ranges do not mistake it for one). */
export function cellAt(sheet: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell {
  return sheet.getCell(row, column);
}

export function rowValues(sheet: ExcelJS.Worksheet, row: number, width: number): Plain[] {
  return Array.from({ length: width }, (_, i) => plain(sheet.getCell(row, i + 1)));
}

/** Rows whose first cell reads `label`, top to bottom. */
export function rowsLabelled(sheet: ExcelJS.Worksheet, label: string): number[] {
  const rows: number[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (row.getCell(1).value === label) rows.push(rowNumber);
  });
  return rows;
}

export function rowLabelled(sheet: ExcelJS.Worksheet, label: string): number {
  const rows = rowsLabelled(sheet, label);
  if (rows.length !== 1) throw new Error(`expected one row labelled "${label}" on ${sheet.name}, found ${rows.length}`);
  return rows[0];
}

export function numberAt(sheet: ExcelJS.Worksheet, row: number, column: number): Decimal {
  const value = sheet.getCell(row, column).value;
  if (typeof value !== 'number') throw new Error(`${sheet.name}!${sheet.getCell(row, column).address} holds ${JSON.stringify(value)}, not a number`);
  return new Decimal(String(value));
}

/** Decimal places a format like `#,##0.00;-#,##0.00` or `"£"#,##0.0"m"` shows. */
export function decimalsShown(numFmt: string | undefined): number {
  const firstSection = (numFmt ?? '').split(';')[0];
  return /\.(0+)/.exec(firstSection)?.[1]?.length ?? 0;
}

/** The last row holding anything, and its first cell's text. */
export function lastText(sheet: ExcelJS.Worksheet): string {
  let text = '';
  sheet.eachRow((row) => {
    text = textOf(row.getCell(1));
  });
  return text;
}

/** Every non-empty cell of every sheet: address, plain value and number format. */
export function snapshot(workbook: ExcelJS.Workbook): Record<string, { value: Plain; numFmt: string | undefined }> {
  const cells: Record<string, { value: Plain; numFmt: string | undefined }> = {};
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const value = plain(cell);
        cells[`${sheet.name}!${cell.address}`] = { value: value instanceof Date ? value.toISOString() : value, numFmt: cell.numFmt };
      });
    });
  }
  return cells;
}
