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

/** A row holding something: its first and last filled columns (its cells are read again only to cut). */
interface FilledRow {
  readonly row: number;
  readonly first: number;
  readonly last: number;
  /** Every column from first to last is filled: most rows of a table, which need no second reading. */
  readonly full: boolean;
}

export function findBlocks(grid: Grid): Block[] {
  const filled: FilledRow[] = [];
  let first = -1;
  let last = -1;
  let count = 0;
  const visit = (cell: Cell, c: number): void => {
    if (isBlankCell(cell)) return;
    if (first === -1) first = c;
    last = c;
    count++;
  };
  for (const r of grid.rowIndexes()) {
    first = -1;
    count = 0;
    forEachCellIn(grid.row(r), visit);
    if (first !== -1) filled.push({ row: r, first, last, full: count === last - first + 1 });
  }
  const blocks: Block[] = [];
  cutRows(grid, filled, 0, Number.MAX_SAFE_INTEGER, MAX_CUTS, blocks);
  return blocks;
}

/** Cuts rows (restricted to columns lo..hi) into bands at gaps of blank rows, then each band by columns. */
function cutRows(grid: Grid, rows: readonly FilledRow[], lo: number, hi: number, cutsLeft: number, out: Block[]): void {
  let band: FilledRow[] = [];
  const closeBand = (): void => {
    if (band.length > 0) cutColumns(grid, band, lo, hi, cutsLeft, out);
    band = [];
  };
  for (const r of rows) {
    const endInside = (r.first >= lo && r.first <= hi) || (r.last >= lo && r.last <= hi);
    if (r.last < lo || r.first > hi || (!endInside && !hasCellIn(grid, r.row, lo, hi))) continue;
    const previous = band[band.length - 1];
    if (previous && r.row - previous.row > SEPARATING_GAP) closeBand();
    band.push(r);
  }
  closeBand();
}

/** Whether a row has a filled cell in columns lo..hi (its ends already say so when they lie inside). */
function hasCellIn(grid: Grid, row: number, lo: number, hi: number): boolean {
  let found = false;
  forEachCellIn(grid.row(row), (cell, c) => {
    if (!found && c >= lo && c <= hi && !isBlankCell(cell)) found = true;
  });
  return found;
}

/** The columns in lo..hi that hold a cell in any of the band's rows, as flags from lo. */
function usedColumns(grid: Grid, band: readonly FilledRow[], lo: number, hi: number): { from: number; used: Uint8Array } {
  let from = Number.MAX_SAFE_INTEGER;
  let to = -1;
  for (const r of band) {
    from = Math.min(from, Math.max(r.first, lo));
    to = Math.max(to, Math.min(r.last, hi));
  }
  const used = new Uint8Array(Math.max(0, to - from + 1));
  // Full rows mark their span at its ends (summed below); only rows with gaps are read cell by cell.
  const spans = new Int32Array(used.length + 1);
  for (const r of band) {
    if (r.full) {
      const a = Math.max(r.first, from);
      const b = Math.min(r.last, to);
      if (a <= b) {
        spans[a - from]++;
        spans[b - from + 1]--;
      }
      continue;
    }
    forEachCellIn(grid.row(r.row), (cell, c) => {
      if (c >= from && c <= to && !isBlankCell(cell)) used[c - from] = 1;
    });
  }
  let open = 0;
  for (let k = 0; k < used.length; k++) {
    open += spans[k];
    if (open > 0) used[k] = 1;
  }
  return { from, used };
}

/** Cuts a band of rows into groups of columns at gaps of blank columns; a band that does not cut is a block. */
function cutColumns(grid: Grid, band: readonly FilledRow[], lo: number, hi: number, cutsLeft: number, out: Block[]): void {
  const { from, used } = usedColumns(grid, band, lo, hi);
  const groups: [number, number][] = [];
  for (let k = 0; k < used.length; k++) {
    if (!used[k]) continue;
    const c = from + k;
    const group = groups[groups.length - 1];
    if (group && c - group[1] <= SEPARATING_GAP) group[1] = c;
    else groups.push([c, c]);
  }
  if (groups.length <= 1 || cutsLeft === 0) {
    if (groups.length === 0) return;
    out.push({ rows: band.map((r) => r.row), firstCol: groups[0][0], lastCol: groups[groups.length - 1][1] });
    return;
  }
  for (const [first, last] of groups) cutRows(grid, band, first, last, cutsLeft - 1, out);
}

/** The non-blank cells of a row within a block's columns, in column order. */
export function filledColumns(grid: Grid, row: number, firstCol: number, lastCol: number): number[] {
  const cols: number[] = [];
  forEachCellIn(grid.row(row), (cell, c) => {
    if (c >= firstCol && c <= lastCol && !isBlankCell(cell)) cols.push(c);
  });
  return cols;
}
