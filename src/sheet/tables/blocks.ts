/**
 * Splits a grid into blocks: regions of filled cells that may each hold a table. A single blank row or
 * column inside a region does not end it (groups of lines, a spacer column); two or more do, so tables
 * side by side or stacked become separate blocks. Regions are cut first into bands of rows, then each
 * band into groups of columns, then each group into bands again (an XY cut), since tables side by side
 * rarely have the same height.
 */
import { Cell, Grid, forEachCellIn, isBlankCell } from '../grid';

export interface Block {
  /** The rows holding a cell within the block's columns, in order. */
  readonly rows: readonly number[];
  readonly firstCol: number;
  readonly lastCol: number;
}

/** Blank rows or columns it takes to separate two regions. */
const SEPARATING_GAP = 2;
/** How many times a region is cut again: enough for tables side by side that are stacked themselves. */
const MAX_CUTS = 4;

/** The filled columns of each row holding any, in sheet order. */
interface FilledRow {
  readonly row: number;
  readonly cols: readonly number[];
}

export function findBlocks(grid: Grid): Block[] {
  const filled: FilledRow[] = [];
  let cols: number[] = [];
  const visit = (cell: Cell, c: number): void => {
    if (!isBlankCell(cell)) cols.push(c);
  };
  for (const r of grid.rowIndexes()) {
    cols = [];
    forEachCellIn(grid.row(r), visit);
    if (cols.length > 0) filled.push({ row: r, cols });
  }
  const blocks: Block[] = [];
  cutRows(filled, 0, Number.MAX_SAFE_INTEGER, MAX_CUTS, blocks);
  return blocks;
}

/** Cuts rows (restricted to columns lo..hi) into bands at gaps of blank rows, then each band by columns. */
function cutRows(rows: readonly FilledRow[], lo: number, hi: number, cutsLeft: number, out: Block[]): void {
  let band: FilledRow[] = [];
  const closeBand = (): void => {
    if (band.length > 0) cutColumns(band, lo, hi, cutsLeft, out);
    band = [];
  };
  for (const r of rows) {
    const inRange = r.cols.some((c) => c >= lo && c <= hi);
    if (!inRange) continue;
    const last = band[band.length - 1];
    if (last && r.row - last.row > SEPARATING_GAP) closeBand();
    band.push(r);
  }
  closeBand();
}

/** Cuts a band of rows into groups of columns at gaps of blank columns; a band that does not cut is a block. */
function cutColumns(band: readonly FilledRow[], lo: number, hi: number, cutsLeft: number, out: Block[]): void {
  const used = new Set<number>();
  for (const r of band) for (const c of r.cols) if (c >= lo && c <= hi) used.add(c);
  const sorted = [...used].sort((a, b) => a - b);
  const groups: [number, number][] = [];
  for (const c of sorted) {
    const group = groups[groups.length - 1];
    if (group && c - group[1] <= SEPARATING_GAP) group[1] = c;
    else groups.push([c, c]);
  }
  if (groups.length === 1 || cutsLeft === 0) {
    const [first] = groups[0];
    const last = groups[groups.length - 1][1];
    out.push({ rows: band.map((r) => r.row), firstCol: first, lastCol: last });
    return;
  }
  for (const [first, last] of groups) cutRows(band, first, last, cutsLeft - 1, out);
}

/** The non-blank cells of a row within a block's columns, in column order. */
export function filledColumns(grid: Grid, row: number, firstCol: number, lastCol: number): number[] {
  const cols: number[] = [];
  forEachCellIn(grid.row(row), (cell, c) => {
    if (c >= firstCol && c <= lastCol && !isBlankCell(cell)) cols.push(c);
  });
  return cols;
}
