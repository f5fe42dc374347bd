/** Splits a grid into blocks of consecutive non-blank rows: a blank row ends a table. */
import { Cell, Grid, forEachCellIn, isBlankCell } from '../grid';

export interface Block {
  readonly rows: readonly number[];
  readonly firstCol: number;
  readonly lastCol: number;
}

/** First and last columns holding something in a row, or undefined for a blank row. */
function filledSpan(cells: readonly (Cell | undefined)[]): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  forEachCellIn(cells, (cell, c) => {
    if (isBlankCell(cell)) return;
    if (first === -1) first = c;
    last = c;
  });
  return first === -1 ? undefined : { first, last };
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
  for (const r of grid.rowIndexes()) {
    const span = filledSpan(grid.row(r));
    if (!span) {
      close();
      continue;
    }
    if (rows.length > 0 && r !== rows[rows.length - 1] + 1) close();
    rows.push(r);
    firstCol = Math.min(firstCol, span.first);
    lastCol = Math.max(lastCol, span.last);
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
