/**
 * A table's header: one to three rows of column names, such as years merged over measures
 * ("2023/24" over "Budget | Actual"). A header holds words and years, never other figures.
 */
import type { Grid } from '../grid';
import type { Block } from './blocks';
import { filledColumns } from './blocks';
import { cellText, isWordCell, isYearLike } from './cell-text';
import { roleFromHeader } from './header-roles';
import { kindFromHeader } from './column-kinds';
import { headerWords } from './header-roles';
import { unitRowStatement } from './table-units';

const MAX_HEADER_ROWS = 3;

/** A row of words and years with no other figure in it. */
export function isHeaderLike(grid: Grid, row: number, block: Block): boolean {
  const filled = filledColumns(grid, row, block.firstCol, block.lastCol);
  if (filled.length === 0) return false;
  return filled.every((c) => {
    const cell = grid.cell(row, c);
    return isWordCell(cell) || isYearLike(cell) || unitRowStatement(cellText(cell)) !== undefined;
  });
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
  if (block.lastCol - block.firstCol >= 2 && filledColumns(grid, first, block.firstCol, block.lastCol).length === 1 && start + 1 < block.rows.length && filledColumns(grid, block.rows[start + 1], block.firstCol, block.lastCol).length >= 3) return [];
  const rows = [first];
  for (let i = start + 1; i < block.rows.length - 1 && rows.length < MAX_HEADER_ROWS; i++) {
    const r = block.rows[i];
    if (!isHeaderLike(grid, r, block)) break;
    const above = rows[rows.length - 1];
    const fillsIn = filledColumns(grid, r, block.firstCol, block.lastCol).length > filledColumns(grid, above, block.firstCol, block.lastCol).length;
    const namesMore = namedColumns(grid, r, block) > namedColumns(grid, above, block);
    // Measures or quarters under a row of bare years ("2019" over "Q1 | Q2 …") belong to the header.
    const underYears = filledColumns(grid, r, block.firstCol, block.lastCol).length >= 2 && filledColumns(grid, above, block.firstCol, block.lastCol).every((c) => isBareYear(cellText(grid.cell(above, c))));
    const cells = filledColumns(grid, r, block.firstCol, block.lastCol);
    const yearsRow = cells.length >= 2 && cells.every((c) => isBareYear(cellText(grid.cell(r, c))));
    if (!fillsIn && !namesMore && !underYears && !yearsRow) break;
    rows.push(r);
  }
  return rows;
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
