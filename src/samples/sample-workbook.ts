/**
 * The bundled sample workbook, built only from the data files in ./data (the seeds' tables). Fixed
 * document dates make regenerating it give the same cells, so the committed .xlsx can be checked
 * against a fresh build.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import auditActionsJson from './data/audit-actions.json';
import budgetAdjustmentsJson from './data/budget-adjustments.json';
import coCommissioningFundJson from './data/co-commissioning-fund.json';
import contractsAndGrantsJson from './data/contracts-and-grants.json';
import earlyInterventionYouthFundJson from './data/early-intervention-youth-fund.json';
import keyActivitiesJson from './data/key-activities.json';
import lcpfBoroughsJson from './data/lcpf-boroughs.json';
import policeTransformationFundJson from './data/police-transformation-fund.json';
import spendTotalsJson from './data/spend-totals.json';
import vawgFundJson from './data/vawg-fund.json';
import vruExtensionsJson from './data/vru-extensions.json';
import youngLondonersFundJson from './data/young-londoners-fund.json';
import { readAuditActionsSheet } from './audit-actions';
import { buildBudgetLines, readForecastAdjustments } from './budget-lines';
import { readKeyActivities } from './key-activities';
import { readRegisterSheet } from './register';
import { readSeedTablesSheet } from './seed-table';
import { addAuditActionsSheet } from './sheets/audit-actions';
import { addBudgetLinesSheet } from './sheets/budget-lines';
import { addRegisterSheet } from './sheets/register';
import { addSeedTablesSheet } from './sheets/seed-tables';
import { addSpendSheet, readSpendByPriorityArea } from './sheets/spend';
import { RESERVED_SHEET_NAMES } from '../sheet/reserved-sheet-names';

/** The sample's as-at date: the November 2019 appendix the tables come from. */
export const SAMPLE_DATE = new Date(Date.UTC(2019, 10, 30));

export const SAMPLE_FILE_NAME = 'commissioning-2019-20.xlsx';

function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Commissioning Workbench sample generator';
  workbook.lastModifiedBy = 'Commissioning Workbench sample generator';
  workbook.title = 'MOPAC commissioning 2019/20 (sample built from audit panel papers)';
  workbook.created = SAMPLE_DATE;
  workbook.modified = SAMPLE_DATE;

  const spendTotals = readSeedTablesSheet(spendTotalsJson, 'data/spend-totals.json');
  const spendByArea = readSpendByPriorityArea(spendTotalsJson.spendByPriorityArea, 'data/spend-totals.json.spendByPriorityArea');
  const activities = readKeyActivities(keyActivitiesJson, 'data/key-activities.json');
  const adjustments = readForecastAdjustments(budgetAdjustmentsJson, 'data/budget-adjustments.json');

  addSpendSheet(workbook, spendTotals, spendByArea, activities);
  addSeedTablesSheet(workbook, readSeedTablesSheet(lcpfBoroughsJson, 'data/lcpf-boroughs.json'));
  addSeedTablesSheet(workbook, readSeedTablesSheet(coCommissioningFundJson, 'data/co-commissioning-fund.json'));
  addSeedTablesSheet(workbook, readSeedTablesSheet(vawgFundJson, 'data/vawg-fund.json'));
  addSeedTablesSheet(workbook, readSeedTablesSheet(vruExtensionsJson, 'data/vru-extensions.json'));
  addSeedTablesSheet(workbook, readSeedTablesSheet(youngLondonersFundJson, 'data/young-londoners-fund.json'));
  addSeedTablesSheet(workbook, readSeedTablesSheet(policeTransformationFundJson, 'data/police-transformation-fund.json'));
  addSeedTablesSheet(workbook, readSeedTablesSheet(earlyInterventionYouthFundJson, 'data/early-intervention-youth-fund.json'));
  addBudgetLinesSheet(workbook, buildBudgetLines(activities, adjustments), activities, adjustments);
  addRegisterSheet(workbook, readRegisterSheet(contractsAndGrantsJson, 'data/contracts-and-grants.json'));
  addAuditActionsSheet(workbook, readAuditActionsSheet(auditActionsJson, 'data/audit-actions.json'));

  for (const sheet of workbook.worksheets) {
    if ((RESERVED_SHEET_NAMES as readonly string[]).includes(sheet.name)) {
      throw new Error(`The sample may not use the sheet name "${sheet.name}": the add-in generates that sheet`);
    }
    sheet.pageSetup = { ...sheet.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  }
  return workbook;
}

/** Builds the sample and writes it to `outPath` atomically: a temporary file beside it, then a rename. */
export async function writeSampleWorkbook(outPath: string): Promise<void> {
  const workbook = buildSampleWorkbook();
  await fs.mkdir(path.dirname(outPath), { recursive: true });
  const temporary = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await fs.rename(temporary, outPath);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
