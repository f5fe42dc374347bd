/**
 * Refusals only the Excel adapter makes. Writing refusals (NotOurSheetError, SheetSpecError) are the classes
 * both writers share, in workbook/layout/errors, so the pane and the CLI catch one of each whichever writer ran.
 */

/** Navigation to a sheet that is not in the workbook (renamed or deleted since the check ran). */
export class SheetNotFoundError extends Error {
  constructor(readonly sheetName: string) {
    super(`there is no sheet named "${sheetName}" in this workbook; it may have been renamed or deleted since the check ran`);
    this.name = 'SheetNotFoundError';
  }
}

/** Workbook structure or sheet protection would refuse the write part-way; nothing was changed. */
export class WorkbookProtectedError extends Error {
  constructor(
    readonly workbookProtected: boolean,
    readonly protectedSheets: readonly string[],
  ) {
    const what = [
      ...(workbookProtected ? ["the workbook's structure is protected (Review > Protect Workbook)"] : []),
      ...(protectedSheets.length > 0
        ? [
            `${protectedSheets.length === 1 ? 'the sheet' : 'the sheets'} ${protectedSheets.map((s) => `"${s}"`).join(', ')} ${protectedSheets.length === 1 ? 'is' : 'are'} protected (Review > Unprotect Sheet)`,
          ]
        : []),
    ];
    super(`nothing was written: ${what.join(' and ')}; remove the protection and run again`);
    this.name = 'WorkbookProtectedError';
  }
}
