/** A1 addresses. Rows and columns are 0-based internally; addresses are Excel's 1-based A1 form. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLS) {
    throw new RangeError(`column index ${col} is outside A to XFD`);
  }
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "XFD" → 16383; undefined for anything that is not a column name. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLS ? n - 1 : undefined;
}

export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) {
    throw new RangeError(`row index ${row} is outside 1 to ${MAX_ROWS}`);
  }
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "B7" or "$B$7"; undefined when the text is not a single-cell address inside the sheet. */
export function parseA1(address: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === undefined || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

export function rangeToA1(range: RangeRef): string {
  const a = toA1(range.start.row, range.start.col);
  const b = toA1(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}

/** Parses "A1:C9" (or a single cell), normalising so start is top-left. */
export function parseRange(text: string): RangeRef | undefined {
  const parts = text.split(':');
  if (parts.length > 2) return undefined;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/**
 * Quotes a sheet name for use in a formula or reference: 'It''s here'!A1. A name Excel would read as
 * something else is quoted too, or the reference is "not valid": one that starts like a cell in A1
 * style (FY08, Q1, PM10, XFD1), one that is a row, column or cell in R1C1 style (R, C, R1C1, RC2) and
 * the logical values TRUE and FALSE.
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d/.test(name) && !/^(?:R\d*C?\d*|C\d*)$/i.test(name) && !/^(?:TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}
