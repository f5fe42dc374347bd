/** Navigation from a finding: shows the sheet and selects the cell or range, in one request. */
import { parseRange } from '../../sheet/a1';
import { SheetNotFoundError } from './errors';
import type { ExcelRunner } from './requests';

/**
 * Activates `sheet` and selects `cell` ("B7", "$B$7" or "B7:D9").
 * @throws RangeError for an address that is not a cell or range; SheetNotFoundError when the sheet is gone.
 */
export async function select(run: ExcelRunner, sheet: string, cell: string): Promise<void> {
  const range = parseRange(cell.replace(/\$/g, ''));
  if (!range) throw new RangeError(`"${cell}" is not a cell address such as B7`);
  const address = cell.replace(/\$/g, '').toUpperCase();
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    try {
      await context.sync();
    } catch (error) {
      if (isItemNotFound(error)) throw new SheetNotFoundError(sheet);
      throw error;
    }
  });
}

function isItemNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ItemNotFound';
}
