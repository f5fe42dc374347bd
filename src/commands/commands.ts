/**
 * The manifest's FunctionFile. "Commissioning" shows the task pane (no function needed); "Check
 * workbook" (FunctionName checkWorkbook) checks the open workbook without opening the pane, writes
 * nothing to any cell, and shows the summary in a small dialog (Office.context.ui.displayDialogAsync,
 * DialogApi 1.1). Excel offers an add-in command no other way to show a message: notification
 * messages exist only in Outlook, and a shared runtime's taskpane APIs need a manifest this add-in's
 * schema (VersionOverrides 1.0) does not allow.
 */
import { encodeSummary, type CheckSummary } from './check-summary';

const CHECK_FUNCTION_NAME = 'checkWorkbook';
/** The dialog page, beside this one. */
const SUMMARY_PAGE = 'summary.html';

/** Percent of the Excel window the dialog takes. */
const DIALOG_SIZE = { height: 45, width: 35 };

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const problems = (error as { problems?: unknown })?.problems;
  const first = Array.isArray(problems) && problems.length > 1 ? ` (${problems.length} problems; the pane's Model page lists them)` : '';
  return `${message}${first}`;
}

async function summaryOfOpenWorkbook(): Promise<CheckSummary> {
  try {
    const { checkOpenWorkbook } = await import('./run-check');
    return await checkOpenWorkbook((batch) => Excel.run(batch));
  } catch (error) {
    return { tables: 0, summary: { errors: 0, warnings: 0, info: 0 }, model: '', top: [], failure: describeFailure(error) };
  }
}

/** Shows the summary; `done` runs once the dialog is closed (or could not open), so Office knows the command has finished. */
function showSummary(summary: CheckSummary, done: () => void): void {
  const url = new URL(`${SUMMARY_PAGE}?${encodeSummary(summary)}`, window.location.href).href;
  Office.context.ui.displayDialogAsync(url, { ...DIALOG_SIZE, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) {
      // Another dialog is open, or the host blocks dialogs: nothing more this command can show.
      done();
      return;
    }
    const dialog = result.value;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      dialog.close();
      done();
    };
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
    // The user closed the dialog with its X (12006), or it failed to load.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
      finished = true;
      done();
    });
  });
}

/** Never rejects: Office drops what a command returns, so every failure ends in the dialog or in completing the command. */
async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const summary = await summaryOfOpenWorkbook();
  try {
    showSummary(summary, () => event.completed());
  } catch {
    // No dialog API at all: nothing more this command can show, but Office must still hear it has finished.
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  // onReady never rejects: it waits for Office, and outside Office this file is not loaded.
  void Office.onReady(() => {
    // Office runs a command function and drops what it returns; Microsoft's own samples associate async functions.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- nothing is lost: checkWorkbook never rejects.
    Office.actions?.associate(CHECK_FUNCTION_NAME, checkWorkbook);
  });
}
// Hosts from before Office.actions look for a global function of the manifest's FunctionName.
(globalThis as Record<string, unknown>)[CHECK_FUNCTION_NAME] = checkWorkbook;
