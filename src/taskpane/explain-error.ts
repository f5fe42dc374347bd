/**
 * Errors as the pane shows them: a title saying what failed, the reason in the engine's or Excel's
 * own words (they name the cell or the sheet), and what to do next.
 */
export interface PaneError {
  readonly title: string;
  readonly message: string;
  /** What to do next. */
  readonly next: string;
  /** Further lines (a model's problems, one per line). */
  readonly details: readonly string[];
}

interface ErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly problems?: readonly string[];
}

/**
 * Sentence case with a full stop: engine messages are written to follow a colon ("a sheet named …").
 * A message that starts with a name ("notes.xlsx is …") keeps it as written.
 */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const firstWord = /^\S+/.exec(trimmed)?.[0] ?? '';
  const capital = /^[a-z]+[,:]?$/.test(firstWord) ? trimmed[0].toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** `doing` completes "… failed": "Checking the workbook", "Writing the report". */
export function explainError(error: unknown, doing: string): PaneError {
  const e: ErrorLike = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const message = sentence(e.message ?? String(error));
  const problems = e.problems ?? [];
  switch (e.name) {
    case 'UnreadableWorkbookError':
      return { title: 'The workbook could not be read', message, next: 'Open an .xlsx workbook saved from Excel, or try the sample workbook.', details: [] };
    case 'ModelError':
      return {
        title: 'The model cannot be used',
        message,
        next: 'Fix the model (each problem names its place), or choose another model under More › Model.',
        // One problem is the message itself; more are listed under it.
        details: problems.length > 1 ? problems.slice(0, 10) : [],
      };
    case 'NotOurSheetError':
    case 'NameTakenError':
      return { title: 'Nothing was written', message, next: 'Rename the sheet or name it mentions, then write again.', details: [] };
    case 'SheetExistsError':
      return { title: 'Nothing was added', message, next: 'Rename or remove that sheet, then try again.', details: [] };
    case 'CellChangedError':
      return { title: 'Nothing was written', message, next: 'Choose "Apply…" again to see the cell as it is now.', details: [] };
    case 'SheetNotFoundError':
      return { title: 'That cell is not in the workbook any more', message, next: 'Check the workbook again to refresh the findings.', details: [] };
    case 'Giving360InputError':
      return {
        title: 'The 360Giving prefix is not valid',
        message,
        next: "Enter your organisation's registered 360Giving prefix, such as 360G-mopac.",
        details: [],
      };
    case 'EngineUsageError':
      return { title: `${doing} is not possible yet`, message, next: 'Do what the message says, then try again.', details: [] };
    case 'EngineStopped':
      return {
        title: `${doing} failed`,
        message,
        next: 'Reload the pane; if it happens again with this workbook, check a single sheet at a time.',
        details: [],
      };
  }
  if (e.code !== undefined && typeof e.code === 'string') {
    // office.js errors (OfficeExtension.Error) carry a code such as InvalidOperation or AccessDenied.
    return {
      title: `Excel refused: ${doing.toLowerCase()} failed`,
      message: `${message} (Excel error ${e.code})`,
      next: 'Finish editing any cell (press Esc in the sheet), make sure the workbook and sheets are not protected, then try again.',
      details: [],
    };
  }
  return { title: `${doing} failed`, message, next: 'Try again. If it keeps failing, reload the pane.', details: [] };
}
