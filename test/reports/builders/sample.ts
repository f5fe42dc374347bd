/** The sample workbook, checked, rolled up and its register read: what the builders are tested on. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { rollupWorkbook } from '../../../src/analysis/rollup';
import type { Rollup } from '../../../src/analysis/types';
import { checkWorkbook, type CheckResult } from '../../../src/checks/runner';
import { defaultModel } from '../../../src/model/json';
import type { CommissioningModel } from '../../../src/model/types';
import type { ReportContext } from '../../../src/reports/builders/context';
import { readRegisterRecords, type RegisterRecord } from '../../../src/reports/register-records';
import type { GridWorkbook } from '../../../src/sheet/grid';
import { readXlsx } from '../../../src/workbook/xlsx/read';

export const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');
export const TODAY = new Date(Date.UTC(2026, 10, 22));

export interface Sample {
  readonly workbook: GridWorkbook;
  readonly model: CommissioningModel;
  readonly check: CheckResult;
  readonly rollup: Rollup;
  readonly records: RegisterRecord[];
  readonly context: ReportContext;
}

let loaded: Promise<Sample> | undefined;

export function loadSample(): Promise<Sample> {
  loaded ??= (async () => {
    const workbook = await readXlsx(await fs.readFile(SAMPLE), 'sample');
    const model = defaultModel();
    const check = checkWorkbook(workbook, model, { today: TODAY });
    const rollup = rollupWorkbook(workbook, model, ['priority-area'], { tables: check.tables });
    const records = readRegisterRecords(check.tables, workbook, model);
    return { workbook, model, check, rollup, records, context: { model, modelDescription: 'default', today: TODAY } };
  })();
  return loaded;
}

export function withSettings(model: CommissioningModel, settings: Partial<CommissioningModel['settings']>): CommissioningModel {
  return { ...model, settings: { ...model.settings, ...settings } };
}
