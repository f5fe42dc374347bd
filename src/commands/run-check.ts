/**
 * The check behind the ribbon command: reads the open workbook (two to four requests, whatever its
 * size) and checks it the application's way (app/check.ts): the model chosen as everywhere, with the
 * settings saved with the workbook laid over it. Writes nothing. Loaded on demand by commands.ts.
 */
import { checkWithModel } from '../app/check';
import { describeOrigin } from '../app/model-in-effect';
import { WORKBOOK_SETTINGS_KEY, parseStoredSettings } from '../app/settings';
import { readGridsFromExcel } from '../workbook/office/read';
import type { ExcelRunner } from '../workbook/office/requests';
import { summarise, type CheckSummary } from './check-summary';

/** The pane's settings saved with the workbook, when office.js offers them. */
function savedSettingsText(): unknown {
  try {
    return Office.context.document?.settings?.get(WORKBOOK_SETTINGS_KEY);
  } catch {
    return undefined;
  }
}

export async function checkOpenWorkbook(run: ExcelRunner, storedSettings: unknown = savedSettingsText()): Promise<CheckSummary> {
  const workbook = await readGridsFromExcel(run);
  const settings = parseStoredSettings(typeof storedSettings === 'string' ? storedSettings : null);
  // A Model sheet that cannot be read fails the command with its problems, as the CLI does.
  const { inEffect, result } = checkWithModel(workbook, { workbookLabel: 'the workbook' }, settings);
  return summarise(result.tables.length, result.findings, result.summary, describeOrigin(inEffect, 'brief'));
}
