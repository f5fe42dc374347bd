/**
 * Column widths fitted to content, and a sheet kept narrow enough to print legibly: when the fitted
 * columns are wider than a landscape page, the widest text columns give way (never below 20
 * characters or a column's minWidth) and their long text wraps. Lines of text across the sheet
 * (paragraphs, titles, footnotes, source lines) longer than all the columns wrap over them, merged.
 * Row heights are set for wrapped text, since LibreOffice does not grow rows to fit it (Excel would).
 */
import type ExcelJS from 'exceljs';
import type { SpecColumn } from '../../reports/spec';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** A4 at 100%, in characters of the default font: landscape and portrait. */
const LANDSCAPE_WIDTH = 135;
export const PORTRAIT_WIDTH = 95;
/** Text columns are not narrowed below this to fit the page. */
const MIN_TEXT_WIDTH = 20;
/**
 * Average lower-case letters of 10pt Arial per unit of column width (a digit of the default font,
 * Calibri 11), on the low side: too few lines would clip text.
 */
const CHARS_PER_UNIT = 1.0;
/** Points per line of text, per point of font size. */
const LINE_SPACING = 1.3;
const BODY_SIZE = 10;

interface TextPlacement {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** Font size in points. */
  readonly size: number;
}

export class ColumnWidths {
  /** Per column: the widest content that cannot wrap (figures, dates, RAG) and the widest that can (text, headers). */
  private readonly rigid = new Map<number, number>();
  private readonly wrapping = new Map<number, number>();
  private readonly floors = new Map<number, number>();
  private readonly texts: TextPlacement[] = [];
  private readonly lines: TextPlacement[] = [];

  /** Content `chars` wide in column `col`; `wraps` when it is text that may break over lines. */
  fit(col: number, chars: number, column: SpecColumn, wraps: boolean): void {
    const wanted = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2));
    const widest = wraps ? this.wrapping : this.rigid;
    widest.set(col, Math.max(wanted, widest.get(col) ?? 0));
    this.floors.set(col, Math.max(column.minWidth ?? 0, MIN_WIDTH, this.floors.get(col) ?? 0));
  }

  /** Text that may need to wrap at the final width (row and column 0-based). */
  place(row: number, col: number, text: string): void {
    if (text.length > MIN_WIDTH / 2) this.texts.push({ row, col, text, size: BODY_SIZE });
  }

  /** A line of text in column A meant to read across the sheet, in a font of `size` points. */
  placeLine(row: number, text: string, size: number): void {
    this.lines.push({ row, col: 0, text, size });
  }

  /** Sets widths, wraps long text and sizes its rows; returns the sheet's total width. */
  apply(worksheet: ExcelJS.Worksheet): number {
    const widths = this.finalWidths();
    for (const [col, width] of widths) worksheet.getColumn(col + 1).width = width;

    const heights = new Map<number, number>();
    const grow = (row: number, lines: number, size: number) => heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(lines * size * LINE_SPACING) + 2));
    for (const { row, col, text, size } of this.texts) {
      const width = widths.get(col);
      if (width === undefined) continue;
      const count = wrappedLines(text, capacity(width, size));
      if (count <= 1) continue;
      wrapText(worksheet, row, col);
      grow(row, count, size);
    }
    const total = [...widths.values()].reduce((a, b) => a + b, 0);
    const lastCol = Math.max(0, ...widths.keys());
    for (const { row, text, size } of this.lines) {
      const count = wrappedLines(text, capacity(total, size));
      if (count <= 1) continue;
      if (lastCol > 0) worksheet.mergeCells(row + 1, 1, row + 1, lastCol + 1);
      wrapText(worksheet, row, 0, { vertical: 'top' });
      grow(row, count, size);
    }
    for (const [row, height] of heights) worksheet.getRow(row + 1).height = height;
    return total;
  }

  /** Fitted widths, with long text capped at one common width (not below 20) until the sheet fits a landscape page. */
  private finalWidths(): Map<number, number> {
    const columns = [...new Set([...this.rigid.keys(), ...this.wrapping.keys()])];
    const widthOf = (col: number, cap: number): number => {
      const text = this.wrapping.get(col) ?? 0;
      return Math.max(this.rigid.get(col) ?? 0, Math.min(text, cap), this.floors.get(col) ?? MIN_WIDTH);
    };
    const total = (cap: number) => columns.reduce((sum, col) => sum + widthOf(col, cap), 0);
    let cap = MAX_WIDTH;
    while (cap > MIN_TEXT_WIDTH && total(cap) > LANDSCAPE_WIDTH) cap--;
    return new Map(columns.map((col) => [col, widthOf(col, cap)] as const));
  }
}

/** Turns on wrapping in a cell, keeping its other alignment. */
function wrapText(worksheet: ExcelJS.Worksheet, row: number, col: number, extra: Partial<ExcelJS.Alignment> = {}): void {
  worksheet.getCell(row + 1, col + 1).alignment = { ...worksheet.getCell(row + 1, col + 1).alignment, wrapText: true, ...extra };
}

/** Average lower-case letters that fit in `width` units of column width at `size` points. */
function capacity(width: number, size: number): number {
  return Math.max(1, Math.floor((width - 1) * CHARS_PER_UNIT * (BODY_SIZE / size)));
}

/**
 * Lines `text` takes when wrapped at `capacity` (in widths of an average lower-case letter), breaking
 * at spaces as a spreadsheet does: capitals and m, w take more room, i, l, t and punctuation less.
 */
export function wrappedLines(text: string, capacity: number): number {
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const width = textWidth(word);
      if (line > 0 && line + SPACE + width <= capacity) {
        line += SPACE + width;
        continue;
      }
      if (line > 0) count++;
      // A word longer than a line breaks wherever it must.
      count += Math.max(0, Math.ceil(width / capacity) - 1);
      line = width - (Math.ceil(width / capacity) - 1) * capacity;
    }
    lines += count;
  }
  return lines;
}

const SPACE = 0.6;

function textWidth(word: string): number {
  let width = 0;
  for (const ch of word) {
    if (/[A-Z]/.test(ch)) width += /[IJ]/.test(ch) ? 0.6 : /[MW]/.test(ch) ? 1.6 : 1.3;
    else if (/[mw@]/.test(ch)) width += 1.5;
    else if (/[0-9£$%&#]/.test(ch)) width += 1.1;
    else if (/[iljtfr.,;:'!|()[\]-]/.test(ch)) width += 0.6;
    else width += 1;
  }
  return width;
}
