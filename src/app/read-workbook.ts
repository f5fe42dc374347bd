/**
 * Reading a workbook file, the one way every front door does it: the fast reader first, ExcelJS (the
 * reference reader, with the clear messages for files that are not workbooks) whenever the fast reader
 * meets anything it does not know, then the formulas calculated where the file holds no results. The
 * front door supplies only the fast reader, since inflating a zip differs between Node and a browser.
 */
import type { GridWorkbook } from '../sheet/grid';
import { sniffFile } from '../workbook/xlsx/sniff';

type FastReader = (bytes: Uint8Array) => GridWorkbook | Promise<GridWorkbook>;

export async function readWorkbookFile(bytes: Uint8Array, label: string, fastReader: FastReader | undefined): Promise<GridWorkbook> {
  return calculated(await readCells(bytes, label, fastReader));
}

async function readCells(bytes: Uint8Array, label: string, fastReader: FastReader | undefined): Promise<GridWorkbook> {
  if (fastReader && sniffFile(bytes) === 'zip') {
    try {
      return await fastReader(bytes);
    } catch {
      // fall through to the reference reader, which explains what is wrong if anything is
    }
  }
  // Loaded only when needed: ExcelJS takes a quarter of a second to load, longer than reading most workbooks.
  const { readXlsx } = await import('../workbook/xlsx/read');
  return readXlsx(bytes, label);
}

/**
 * The workbook with its formulas calculated. The formula engine loads only for a workbook that has
 * formulas, so the pane's first load and formula-free files never pay for it.
 */
async function calculated(workbook: GridWorkbook): Promise<GridWorkbook> {
  if (!workbook.sheets.some(hasFormula)) return workbook;
  const { calculateFormulas } = await import('../sheet/formulas/calculate');
  return calculateFormulas(workbook);
}

function hasFormula(grid: GridWorkbook['sheets'][number]): boolean {
  for (const row of grid.rowIndexes()) if (grid.row(row).some((cell) => cell?.formula !== undefined)) return true;
  return false;
}
