/**
 * The check behind the ribbon command: reads the open workbook (two to four requests, whatever its
 * size), picks the model as the pane does (the workbook's Model sheet, else the default where it applies) with the
 * settings saved with the workbook, and checks. Writes nothing. Loaded on demand by commands.ts.
 */
import { chooseModel } from '../app/model-in-effect';
import { checkWorkbook } from '../checks/runner';
import { readGridsFromExcel } from '../workbook/office/read';
import type { ExcelRunner } from '../workbook/office/requests';
import { WORKBOOK_SETTINGS_KEY, parseStoredSettings, withSettings } from '../taskpane/settings';
import { summarise, type CheckSummary } from './check-summary';

/** The pane's settings saved with the workbook, when office.js offers them. */
export function savedSettingsText(): unknown {
  try {
    return Office.context.document?.settings?.get(WORKBOOK_SETTINGS_KEY);
  } catch {
    return undefined;
  }
}

export async function checkOpenWorkbook(run: ExcelRunner, storedSettings: unknown = savedSettingsText()): Promise<CheckSummary> {
  const workbook = await readGridsFromExcel(run);
  // A Model sheet that cannot be read fails the command with its problems, as the CLI does.
  const inEffect = chooseModel(workbook, { workbookLabel: 'the workbook' });
  const origin = inEffect.origin;
  const described = origin.kind === 'workbook' ? `the "${origin.sheet}" sheet` : origin.kind === 'none' ? 'no model (the default model does not describe this workbook)' : 'the default model';
  const settings = parseStoredSettings(typeof storedSettings === 'string' ? storedSettings : null);
  const result = checkWorkbook(workbook, withSettings(inEffect.model, settings));
  return summarise(result.tables.length, result.findings, result.summary, described);
}
