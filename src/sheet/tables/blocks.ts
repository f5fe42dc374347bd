/** Splits a grid into blocks of consecutive non-blank rows: a blank row ends a table. */
import { Cell, Grid, forEachCellIn, isBlankCell } from '../grid';

export interface Block {
  readonly rows: readonly number[];
  readonly firstCol: number;
  readonly lastCol: number;
}

export function findBlocks(grid: Grid): Block[] {
  const blocks: Block[] = [];
  let rows: number[] = [];
  let firstCol = Infinity;
  let lastCol = -1;
  const close = (): void => {
    if (rows.length > 0) blocks.push({ rows, firstCol, lastCol });
    rows = [];
    firstCol = Infinity;
    lastCol = -1;
  };
  // First and last columns holding something in the row being read; one visitor for every row.
  let rowFirst = -1;
  let rowLast = -1;
  const visit = (cell: Cell, c: number): void => {
    if (isBlankCell(cell)) return;
    if (rowFirst === -1) rowFirst = c;
    rowLast = c;
  };
  for (const r of grid.rowIndexes()) {
    rowFirst = -1;
    rowLast = -1;
    forEachCellIn(grid.row(r), visit);
    if (rowFirst === -1) {
      close();
      continue;
    }
    if (rows.length > 0 && r !== rows[rows.length - 1] + 1) close();
    rows.push(r);
    firstCol = Math.min(firstCol, rowFirst);
    lastCol = Math.max(lastCol, rowLast);
  }
  close();
  return blocks;
}

/** The non-blank cells of a row within a block's columns, in column order. */
export function filledColumns(grid: Grid, row: number, firstCol: number, lastCol: number): number[] {
  const cols: number[] = [];
  forEachCellIn(grid.row(row), (cell, c) => {
    if (c >= firstCol && c <= lastCol && !isBlankCell(cell)) cols.push(c);
  });
  return cols;
}
