/**
 * The check behind the ribbon command: reads the open workbook (two to four requests, whatever its
 * size), picks the model as the pane does (the workbook's Model sheet, else the default) with the
 * settings saved with the workbook, and checks. Writes nothing. Loaded on demand by commands.ts.
 */
import { checkWorkbook } from '../checks/runner';
import { defaultModel } from '../model/json';
import { MODEL_SHEET_NAME, readModelSheet } from '../model/model-sheet';
import type { CommissioningModel } from '../model/types';
import { findSheet } from '../sheet/grid';
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
  const modelSheet = findSheet(workbook, MODEL_SHEET_NAME);
  let model: CommissioningModel = defaultModel();
  let described = 'the default model';
  if (modelSheet) {
    // A Model sheet that cannot be read fails the command with its problems, as the CLI does.
    model = readModelSheet(modelSheet, modelSheet.name);
    described = `the "${modelSheet.name}" sheet`;
  }
  const settings = parseStoredSettings(typeof storedSettings === 'string' ? storedSettings : null);
  const result = checkWorkbook(workbook, withSettings(model, settings));
  return summarise(result.tables.length, result.findings, result.summary, described);
}
