/**
 * Why writing table specs into a workbook was refused, whichever adapter wrote: the pane and the CLI
 * catch one NotOurSheetError and one SheetSpecError. Each message is one sentence a user can act on.
 */

/** A sheet has the name of a generated sheet but the product did not make it, so it must not be replaced. */
export class NotOurSheetError extends Error {
  constructor(readonly sheetName: string) {
    super(`a sheet named "${sheetName}" already exists and was not made by Commissioning Workbench; rename it and run again`);
    this.name = 'NotOurSheetError';
  }
}

/** A table spec that cannot be laid out (a builder's mistake), or a table name the workbook already uses. */
export class SheetSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetSpecError';
  }
}
