/**
 * Defined names as the cells they stand for. A name local to a sheet wins over a workbook-wide one of
 * the same name, as in Excel. Names that stand for a constant or a formula (=0.2, =OFFSET(…)) are not
 * references, and a formula that uses one is left unevaluated rather than guessed.
 */
import type { CellPosition, RangePosition } from 'fast-formula-parser';
import { parseRange } from '../a1';
import type { DefinedName } from '../grid';
import { MAX_COLUMN, MAX_ROW } from './engine';

const SHEET_AND_REFERENCE = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/;
const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3})(?::\$?([A-Za-z]{1,3}))?$/;
const WHOLE_ROWS = /^\$?(\d{1,7})(?::\$?(\d{1,7}))?$/;

/** A reference such as 'Budget 2019'!$C$5:$C$40, $A:$A or $5:$7 as the parser's 1-based position. */
function referencePosition(text: string, fallbackSheet: string): CellPosition | RangePosition | undefined {
  const m = SHEET_AND_REFERENCE.exec(text.trim().replace(/^=/, ''));
  const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : fallbackSheet;
  const reference = (m ? m[3] : text.trim().replace(/^=/, '')).replace(/\$/g, '');
  const range = parseRange(reference);
  if (range) {
    const { start, end } = range;
    if (start.row === end.row && start.col === end.col) return { sheet, row: start.row + 1, col: start.col + 1 };
    return { sheet, from: { row: start.row + 1, col: start.col + 1 }, to: { row: end.row + 1, col: end.col + 1 } };
  }
  return wholeColumnsOrRows(reference, sheet);
}

function wholeColumnsOrRows(reference: string, sheet: string): RangePosition | undefined {
  const columns = WHOLE_COLUMNS.exec(reference);
  if (columns) {
    const first = parseRange(`${columns[1]}1`)?.start.col;
    const last = parseRange(`${columns[2] ?? columns[1]}1`)?.start.col;
    if (first === undefined || last === undefined) return undefined;
    return { sheet, from: { row: 1, col: Math.min(first, last) + 1 }, to: { row: MAX_ROW, col: Math.max(first, last) + 1 } };
  }
  const rows = WHOLE_ROWS.exec(reference);
  if (!rows) return undefined;
  const first = Number(rows[1]);
  const last = Number(rows[2] ?? rows[1]);
  return { sheet, from: { row: Math.min(first, last), col: 1 }, to: { row: Math.max(first, last), col: MAX_COLUMN } };
}

/** Looks names up as Excel does: case-insensitive, the sheet's own first. */
export class NameTable {
  private readonly global = new Map<string, string>();
  private readonly local = new Map<string, string>();

  constructor(names: readonly DefinedName[]) {
    for (const n of names) {
      if (n.sheet === undefined) this.global.set(n.name.toLowerCase(), n.refersTo);
      else this.local.set(`${n.sheet.toLowerCase()}!${n.name.toLowerCase()}`, n.refersTo);
    }
  }

  /** The cells a name stands for, read from `sheet`; undefined for an unknown name or one that is not a reference. */
  resolve(name: string, sheet: string): CellPosition | RangePosition | undefined {
    const key = name.toLowerCase();
    const refersTo = this.local.get(`${sheet.toLowerCase()}!${key}`) ?? this.global.get(key);
    return refersTo === undefined ? undefined : referencePosition(refersTo, sheet);
  }
}
