/**
 * Refusals of the Excel adapter. Writing refusals are the .xlsx writer's classes, so the pane and the
 * CLI catch one NotOurSheetError and one SheetSpecError whichever writer ran.
 */
export { NotOurSheetError, SheetSpecError } from '../xlsx/write-errors';

/** Navigation to a sheet that is not in the workbook (renamed or deleted since the check ran). */
export class SheetNotFoundError extends Error {
  constructor(readonly sheetName: string) {
    super(`there is no sheet named "${sheetName}" in this workbook; it may have been renamed or deleted since the check ran`);
    this.name = 'SheetNotFoundError';
  }
}
