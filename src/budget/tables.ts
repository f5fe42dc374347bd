/**
 * The tables a workbook holds, as the model reads them: every sheet the user made, read with the
 * model's priority areas known, so that checks and analysis start from the same tables.
 */
import { appendAll } from '../util/append';
import type { CommissioningModel } from '../model/types';
import { buildModelNames, resolvePriorityArea, type ModelNames } from '../model/model-names';
import { MODEL_SHEET_NAME } from '../sheet/reserved-sheet-names';
import type { GridWorkbook } from '../sheet/grid';
import { readSheet, type UnreadRegion } from '../sheet/tables/detect';
import type { Table } from '../sheet/tables/types';

export function findTables(workbook: GridWorkbook, model: CommissioningModel, names = buildModelNames(model)): Table[] {
  return readWorkbookStructure(workbook, model, names).tables;
}

/** Every table of every sheet the user made, and the regions of figures no table was read from. */
export function readWorkbookStructure(
  workbook: GridWorkbook,
  model: CommissioningModel,
  names: ModelNames = buildModelNames(model),
): { tables: Table[]; unread: UnreadRegion[] } {
  const tables: Table[] = [];
  const unread: UnreadRegion[] = [];
  for (const grid of workbook.sheets) {
    // Sheets the product generated are derived from the rest; a user's own sheet of the same name is checked.
    // The Model sheet holds the model itself, read as such (model/model-sheet.ts), not figures to check.
    if (grid.generated || grid.name.trim().toLowerCase() === MODEL_SHEET_NAME.toLowerCase()) continue;
    const sheet = readSheet(grid, { isPriorityArea: (text) => resolvePriorityArea(names, text) !== undefined });
    appendAll(tables, sheet.tables);
    appendAll(unread, sheet.unread);
  }
  return { tables, unread };
}
