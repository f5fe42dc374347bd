/**
 * Check, roll up, read the register, build the report's sheets: the one sequence behind the command
 * line's `report` and the pane's Report page. Pure over a workbook already read and the model in effect;
 * writing the sheets into a file is the caller's (workbook/xlsx or workbook/office).
 */
import { defaultDimensions } from '../analysis/dimensions';
import { rollupWorkbook } from '../analysis/rollup';
import type { Dimension, Rollup } from '../analysis/types';
import type { CheckResult } from '../checks/runner';
import { buildModelNames } from '../model/model-names';
import type { CommissioningModel, ModelInEffect } from '../model/types';
import { buildReportSheets } from '../reports/report-sheets';
import { readRegisterRecords, type RegisterRecord } from '../reports/register-records';
import type { SheetSpec } from '../reports/spec';
import type { GridWorkbook } from '../sheet/grid';
import type { Table } from '../sheet/tables/types';
import { checkWithDecisions, isDecidedCheck } from './decisions';

/**
 * The rollup by the dimensions chosen or, with none chosen, by priority area where a model applies and
 * otherwise by the workbook's first column of names.
 */
export function rollUp(workbook: GridWorkbook, inEffect: ModelInEffect, by: readonly Dimension[], tables: readonly Table[]): Rollup {
  const chosen = by.length > 0 ? by : defaultDimensions(inEffect.origin.kind !== 'none', tables);
  return rollupWorkbook(workbook, inEffect.model, chosen, { tables });
}

/** The records of the workbook's contracts and grants register, read from the tables a check found. */
export function registerOf(workbook: GridWorkbook, model: CommissioningModel, tables: readonly Table[]): RegisterRecord[] {
  return readRegisterRecords(tables, workbook, model, buildModelNames(model));
}

interface ReportOptions {
  /** The Rollup sheet's dimensions, or how to choose them from the tables found; none chosen, the default ones. */
  readonly by: readonly Dimension[] | ((tables: readonly Table[]) => readonly Dimension[]);
  /** The report's date, and the date the check judges award dates against. */
  readonly today: Date;
  /** A check of the whole workbook against the same model already made (the pane keeps its last one), decisions laid over it. */
  readonly check?: CheckResult;
}

interface Report {
  readonly check: CheckResult;
  readonly rollup: Rollup;
  readonly records: readonly RegisterRecord[];
  /** Findings, Rollup, Register (where there is one) and Panel report (where a model applies). */
  readonly sheets: SheetSpec[];
}

export function buildReport(workbook: GridWorkbook, inEffect: ModelInEffect, options: ReportOptions): Report {
  const check = options.check ?? checkWithDecisions(workbook, inEffect.model, { today: options.today });
  const by = typeof options.by === 'function' ? options.by(check.tables) : options.by;
  const rollup = rollUp(workbook, inEffect, by, check.tables);
  const records = registerOf(workbook, inEffect.model, check.tables);
  const unmatchedDecisions = isDecidedCheck(check) ? check.decisions.unmatched : [];
  const sheets = buildReportSheets({
    workbook,
    model: inEffect.model,
    modelOrigin: inEffect.origin,
    check,
    rollup,
    records,
    today: options.today,
    unmatchedDecisions,
  });
  return { check, rollup, records, sheets };
}
