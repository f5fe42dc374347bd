/**
 * Writes rows top to bottom on one worksheet the way a finance team lays a sheet out: bold titles,
 * headers and totals, one blank row between tables, notes and sources at the foot, and column
 * widths fitted to the table cells (titles and notes may run across empty cells, as in Excel).
 */
import type ExcelJS from 'exceljs';

export type CellInput = string | number | Date | { readonly formula: string; readonly result: number } | null;

interface RowOptions {
  readonly bold?: boolean;
  /** A line above the row, as under a column of figures before its total. */
  readonly ruleAbove?: boolean;
  /** Number format per column index; undefined leaves General. */
  readonly numFmts?: readonly (string | undefined)[];
  /** Right-align these column indexes (amount columns, including text placeholders). */
  readonly rightAligned?: readonly number[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const FONT = 'Calibri';
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH_UNIT = 1.2;

export class SheetWriter {
  private nextRow = 1;
  /** Longest text per column among table cells, for fitting widths. */
  private readonly contentWidths: number[] = [];
  private readonly wrapCandidates: { readonly cell: ExcelJS.Cell; readonly text: string }[][] = [];

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  /** The row the next write goes to (1-based, as Excel numbers rows). */
  get row(): number {
    return this.nextRow;
  }

  title(text: string, size = 12): void {
    const cell = this.sheet.getCell(this.nextRow++, 1);
    cell.value = text;
    cell.font = { name: FONT, bold: true, size };
  }

  header(cells: readonly string[], rightAligned: readonly number[] = []): void {
    this.write(cells, { bold: true, rightAligned }, (cell) => {
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { ...cell.alignment, vertical: 'bottom', wrapText: true };
    });
  }

  line(cells: readonly CellInput[], options: RowOptions = {}): number {
    const rowNumber = this.nextRow;
    this.write(cells, options, (cell) => {
      if (options.ruleAbove) cell.border = { top: { style: 'thin' } };
    });
    return rowNumber;
  }

  blank(): void {
    this.nextRow++;
  }

  note(text: string): void {
    const cell = this.sheet.getCell(this.nextRow++, 1);
    cell.value = text;
    cell.font = { name: FONT, italic: true, size: 9 };
  }

  /**
   * Fits each column to its table cells, within bounds; `fixed` sets chosen widths by column index.
   * Text too long for its column wraps, and its row is made tall enough, since not every
   * spreadsheet program resizes rows when it opens a file.
   */
  fitColumns(fixed: Readonly<Record<number, number>> = {}): void {
    const linesPerRow = new Map<number, number>();
    this.contentWidths.forEach((chars, index) => {
      const width = fixed[index] ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2));
      this.sheet.getColumn(index + 1).width = width;
      for (const { cell, text } of this.wrapCandidates[index] ?? []) {
        const length = text.length;
        if (length < width) continue;
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
        const row = Number(cell.row);
        // Width counts the digit 0; ordinary text fits about a fifth more characters than that.
        const lines = Math.ceil(length / (width * CHARS_PER_WIDTH_UNIT));
        linesPerRow.set(row, Math.max(linesPerRow.get(row) ?? 1, lines));
      }
    });
    for (const [rowNumber, lines] of linesPerRow) {
      const row = this.sheet.getRow(rowNumber);
      row.height = lines * LINE_HEIGHT;
      row.eachCell((cell) => {
        cell.alignment = { ...cell.alignment, vertical: 'top' };
      });
    }
  }

  private write(cells: readonly CellInput[], options: RowOptions, style: (cell: ExcelJS.Cell) => void): void {
    const row = this.sheet.getRow(this.nextRow++);
    cells.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      if (value !== null && value !== '') cell.value = value;
      const numFmt = options.numFmts?.[index];
      if (numFmt !== undefined) cell.numFmt = numFmt;
      if (options.bold) cell.font = { name: FONT, size: 11, bold: true };
      if (options.rightAligned?.includes(index)) cell.alignment = { horizontal: 'right' };
      style(cell);
      this.measure(index, cell, value);
    });
  }

  private measure(index: number, cell: ExcelJS.Cell, value: CellInput): void {
    const text = value === null ? '' : value instanceof Date ? '00/00/0000' : typeof value === 'object' ? String(value.result) : String(value);
    // Numbers show with separators and a sign; allow for them.
    const chars = typeof value === 'number' || (value !== null && typeof value === 'object' && !(value instanceof Date)) ? text.length + 4 : text.length;
    this.contentWidths[index] = Math.max(this.contentWidths[index] ?? 0, chars);
    if (typeof value === 'string') (this.wrapCandidates[index] ??= []).push({ cell, text: value });
  }
}
