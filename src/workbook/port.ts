/**
 * What the engine needs from a workbook, whichever adapter provides it: office.js inside Excel,
 * or ExcelJS on an .xlsx file. Reads give grids; writes (added as reports arrive) take table specs.
 */
import type { GridWorkbook } from '../sheet/grid';

export interface WorkbookSource {
  /** How a reader names this workbook in messages: a file path, or "this workbook" inside Excel. */
  readonly label: string;
  readGrids(): Promise<GridWorkbook>;
}

/** A workbook that cannot be read: `message` is one sentence a user can act on. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}
