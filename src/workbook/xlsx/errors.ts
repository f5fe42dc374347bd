/** Refusals of the .xlsx adapter: each message is one sentence a user can act on. */

/** A workbook that cannot be read: not an .xlsx package, encrypted, or damaged. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}

/** The copy was asked for as a kind of file that cannot hold the workbook: an .xlsx of a macro-enabled workbook, or the reverse. */
export class OutputKindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputKindError';
  }
}
