/**
 * The rows above a table's header: a title, a unit row ("£000", "£ thousands"), notes. Each is a
 * row of one or two text cells over the wider header, read before the header is looked for.
 */
import type { UnitId } from '../../money/units';
import type { CellRef } from '../a1';
import type { Grid } from '../grid';
import type { Block } from './blocks';
import { filledColumns } from './blocks';
import { cellText, isWordCell, isYearLike, looksLikeAmount } from './cell-text';
import { namesCurrency, unitInNote, unitRowStatement } from '../../money/units';

export interface Preamble {
  readonly rows: readonly number[];
  readonly title?: string | undefined;
  readonly titleCell?: CellRef | undefined;
  /** The unit a unit row or note states, and where. */
  readonly unitRow?: { readonly unit: UnitId; readonly cell: CellRef; readonly scaleOnly?: boolean } | undefined;
  /** Index into the block's rows of the first row after the preamble. */
  readonly next: number;
}

/**
 * A row of one text cell: a title, unit or note, not a header. Two text cells in a table at least four
 * wide ("Table 3" and a title, a title and "£000") count too, unless the row beneath is already body.
 */
function isPreambleRow(grid: Grid, block: Block, i: number, width: number): boolean {
  const row = block.rows[i];
  const filled = filledColumns(grid, row, block.firstCol, block.lastCol);
  if (isMetadataRow(grid, row, filled)) return true;
  if (filled.length === 0 || !filled.every((c) => isWordCell(grid.cell(row, c)) || unitRowStatement(cellText(grid.cell(row, c))))) return false;
  if (filled.length === 1) return true;
  // Years over measures are the top of a header, not a title.
  if (filled.some((c) => isYearLike(grid.cell(row, c)))) return false;
  // A pair starting right of the first column is a group header over columns ("Resources" … "Memo").
  if (filled.length !== 2 || width < 4 || filled[0] !== block.firstCol) return false;
  const next = block.rows[i + 1];
  if (next === undefined) return false;
  const below = filledColumns(grid, next, block.firstCol, block.lastCol);
  return below.length > 2 || below.every((c) => typeof grid.value(next, c) === 'string');
}

/**
 * Publication details above a statistics table: "Date of publication:" and its date, "Inquiries:
 * Email:" and an address, "Telephone:" and a number. Every label ends in a colon; what follows each is
 * its value.
 */
function isMetadataRow(grid: Grid, row: number, filled: readonly number[]): boolean {
  if (filled.length < 2 || !/:\s*$/.test(cellText(grid.cell(row, filled[0])))) return false;
  return filled.every((c, k) => {
    const cell = grid.cell(row, c);
    const text = cellText(cell);
    const previousIsLabel = k > 0 && /:\s*$/.test(cellText(grid.cell(row, filled[k - 1])));
    return /:\s*$/.test(text) || (previousIsLabel && (cell?.value instanceof Date || typeof cell?.value === 'string' || typeof cell?.value === 'number'));
  });
}

export function readPreamble(grid: Grid, block: Block, from = 0): Preamble {
  const rows: number[] = [];
  const width = block.lastCol - block.firstCol + 1;
  let title: string | undefined;
  let titleCell: CellRef | undefined;
  let unitRow: Preamble['unitRow'];
  let i = from;
  for (; i < block.rows.length - 1; i++) {
    const r = block.rows[i];
    if (!isPreambleRow(grid, block, i, width)) break;
    // A lone text cell over a row of figures is a one-column header, not a title.
    const next = block.rows[i + 1];
    if (filledColumns(grid, next, block.firstCol, block.lastCol).every((c) => looksLikeAmount(grid.cell(next, c)) && !isYearLike(grid.cell(next, c)))) break;
    rows.push(r);
    for (const c of filledColumns(grid, r, block.firstCol, block.lastCol)) {
      const text = cellText(grid.cell(r, c));
      const unit = unitRowStatement(text);
      if (unit) {
        unitRow ??= { unit, cell: { row: r, col: c }, ...(namesCurrency(text) ? {} : { scaleOnly: true }) };
      } else if (title === undefined) {
        title = text;
        titleCell = { row: r, col: c };
      } else {
        // A note that says how the figures are reported states their unit too.
        const noted = unitInNote(text);
        if (noted) unitRow ??= { unit: noted, cell: { row: r, col: c }, ...(namesCurrency(text) ? {} : { scaleOnly: true }) };
      }
    }
  }
  return { rows, title, titleCell, unitRow, next: i };
}
