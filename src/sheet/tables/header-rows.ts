/**
 * A table's header: one to three rows of column names, such as years merged over measures
 * ("2023/24" over "Budget | Actual"). A header holds words and years, never other figures.
 */
import type { Cell, Grid } from '../grid';
import { isDateFormat } from '../number-format';
import type { Block } from './blocks';
import { filledColumns } from './blocks';
import { cellText, isWordCell, isYearLike } from './cell-text';
import { roleFromHeader } from './header-roles';
import { kindFromHeader } from './column-kinds';
import { headerWords } from './header-roles';
import { unitRowStatement } from '../../money/units';

const MAX_HEADER_ROWS = 3;

/** A row of words, years or dates (30-Jun-02 over a time series) with no other figure in it. */
export function isHeaderLike(grid: Grid, row: number, block: Block): boolean {
  const filled = filledColumns(grid, row, block.firstCol, block.lastCol);
  if (filled.length === 0) return false;
  const dates = filled.filter((c) => isDateCell(grid.cell(row, c))).length;
  // A row of dates heads columns; one date among figures is a line's date.
  if (dates > 0 && dates < Math.max(2, filled.length - 1)) return false;
  return filled.every((c) => {
    const cell = grid.cell(row, c);
    return isWordCell(cell) || isYearLike(cell) || isDateCell(cell) || unitRowStatement(cellText(cell)) !== undefined;
  });
}

function isDateCell(cell: Cell | undefined): boolean {
  const v = cell?.value;
  return v instanceof Date || (typeof v === 'number' && cell?.numFmt !== undefined && isDateFormat(cell.numFmt));
}

/** How many of the row's cells name a column role or kind: the mark of a header row. */
export function namedColumns(grid: Grid, row: number, block: Block): number {
  let n = 0;
  for (const c of filledColumns(grid, row, block.firstCol, block.lastCol)) {
    const text = cellText(grid.cell(row, c));
    if (roleFromHeader(text) || kindFromHeader(text, headerWords(text)) || isYearLike(grid.cell(row, c))) n++;
  }
  return n;
}

/**
 * The header rows starting at block.rows[start]: empty when that row is not a header. A further row
 * joins the header when it is header-like, a body row still follows, and it fills in what the row
 * above left open (measures under merged years) or names more columns than it.
 */
export function readHeaderRows(grid: Grid, block: Block, start: number): number[] {
  const first = block.rows[start];
  if (first === undefined || !isHeaderLike(grid, first, block)) return [];
  // One cell over a table three or more wide is a title or note, not a header.
  if (
    block.lastCol - block.firstCol >= 2 &&
    filledColumns(grid, first, block.firstCol, block.lastCol).length === 1 &&
    start + 1 < block.rows.length &&
    filledColumns(grid, block.rows[start + 1], block.firstCol, block.lastCol).length >= 3
  )
    return [];
  const rows = [first];
  for (let i = start + 1; i < block.rows.length - 1 && rows.length < MAX_HEADER_ROWS; i++) {
    const r = block.rows[i];
    // A row numbering the columns (1, 2, 3 … under the names) is part of the header, not a line.
    if (isColumnNumberRow(grid, r, block)) {
      rows.push(r);
      continue;
    }
    if (!isHeaderLike(grid, r, block)) break;
    const above = rows[rows.length - 1];
    const fillsIn = filledColumns(grid, r, block.firstCol, block.lastCol).length > filledColumns(grid, above, block.firstCol, block.lastCol).length;
    const namesMore = namedColumns(grid, r, block) > namedColumns(grid, above, block);
    // Measures or quarters under a row of bare years ("2019" over "Q1 | Q2 …") belong to the header.
    const underYears =
      filledColumns(grid, r, block.firstCol, block.lastCol).length >= 2 &&
      filledColumns(grid, above, block.firstCol, block.lastCol).every((c) => isBareYear(cellText(grid.cell(above, c))));
    const cells = filledColumns(grid, r, block.firstCol, block.lastCol);
    const yearsRow = cells.length >= 2 && cells.every((c) => isBareYear(cellText(grid.cell(r, c))));
    if (!fillsIn && !namesMore && !underYears && !yearsRow) break;
    rows.push(r);
  }
  const next = block.rows[block.rows.indexOf(rows[rows.length - 1]) + 1];
  if (next !== undefined && isColumnNumberRow(grid, next, block)) rows.push(next);
  return rows;
}

/** Whole numbers counting up by one from 1 across the row, or "(1)", "[1]", "C1": column numbers. */
export function isColumnNumberRow(grid: Grid, row: number, block: Block): boolean {
  const cols = filledColumns(grid, row, block.firstCol, block.lastCol);
  if (cols.length < 3) return false;
  // Each group of columns may number its own from 1 again (1–5 under each age band).
  let last = 0;
  return cols.every((c) => {
    const n = Number(cellText(grid.cell(row, c)).replace(/^[([]?c?(\d+)[)\]]?$/i, '$1'));
    const ok = n === 1 || n === last + 1;
    last = n;
    return ok;
  });
}

/** The texts of a header row, for spotting the same header repeated at a page break. */
export function headerSignature(grid: Grid, row: number, block: Block): string {
  return filledColumns(grid, row, block.firstCol, block.lastCol)
    .map((c) => `${c}:${cellText(grid.cell(row, c)).toLowerCase()}`)
    .join('|');
}

/** A cell that is a year and nothing else: 2019, "2019/20", "FY 2019-20". */
function isBareYear(text: string): boolean {
  return /^(fy\s?)?(19|20)\d\d([/\-–](\d{2}|\d{4}))?$/i.test(text.trim());
}
