/**
 * Listening for edits: one `worksheets.onChanged` registration (ExcelApi 1.9) for the whole workbook,
 * removed with the same request context when the pane goes away
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events). Each change is
 * reported by sheet name. Names come from the sheets listed when the registration was made; a sheet
 * added since is looked up once (one request), so typing into a sheet costs no request per keystroke.
 */
import type { ExcelRunner } from './requests';

interface SheetChange {
  /** The sheet's name; undefined when the sheet is gone by the time the change is heard. */
  readonly sheet: string | undefined;
  /** The range changed, as Excel reports it: "B7", "A1:C4". */
  readonly address: string;
}

/** Stops listening. */
type StopWatching = () => Promise<void>;

/** Whether the host has the event (ExcelApi 1.9); false where Office cannot say. */
// The Excel host imports this module lazily, which the tool does not follow.
// ts-unused-exports:disable-next-line
export function canWatchChanges(): boolean {
  try {
    return Office.context.requirements?.isSetSupported?.('ExcelApi', '1.9') === true;
  } catch {
    return false;
  }
}

/** Sheet ids to names, read in one request. */
async function sheetNamesById(run: ExcelRunner): Promise<Map<string, string>> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/id,items/name');
    await context.sync();
    return new Map(sheets.items.map((s) => [s.id, s.name]));
  });
}

/**
 * Calls `onChange` for each change Excel reports, in the order heard. `isNewSheetExpected` says when an
 * unknown sheet is one the add-in itself has just added (a report sheet, its log): not worth a request.
 */
export async function watchSheetChanges(run: ExcelRunner, onChange: (change: SheetChange) => void, isNewSheetExpected: () => boolean): Promise<StopWatching> {
  let names = new Map<string, string>();
  let refreshing: Promise<void> | undefined;
  const nameOf = async (id: string): Promise<string | undefined> => {
    if (!names.has(id) && !isNewSheetExpected()) {
      refreshing ??= sheetNamesById(run)
        .then((fresh) => void (names = fresh))
        .finally(() => (refreshing = undefined));
      await refreshing;
    }
    return names.get(id);
  };
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/id,items/name');
    const registration = context.workbook.worksheets.onChanged.add(async (event) => {
      try {
        onChange({ sheet: await nameOf(event.worksheetId), address: event.address });
      } catch {
        // A change whose sheet cannot be named is still a change.
        onChange({ sheet: undefined, address: event.address });
      }
    });
    await context.sync();
    names = new Map(sheets.items.map((s) => [s.id, s.name]));
    return async () => {
      registration.remove();
      await registration.context.sync();
    };
  });
}
