/** The generated sheets of a report, built from one check, one rollup and the register: pure, no I/O. */
import { rollupWorkbook } from '../analysis/rollup';
import type { Rollup } from '../analysis/types';
import type { CheckResult } from '../checks/runner';
import type { CommissioningModel, ModelInEffect, RoundingPolicy } from '../model/types';
import type { GridWorkbook } from '../sheet/grid';
import type { ReportContext } from './builders/context';
import { buildFindingsSheet } from './builders/findings';
import { buildPanelReportSheet } from './builders/panel-report';
import { buildRegisterSheet } from './builders/register';
import { buildRollupSheet } from './builders/rollup';
import type { RegisterRecord } from './register-records';
import type { SheetSpec } from './spec';

export type { ReportContext } from './builders/context';
export { buildFindingsSheet } from './builders/findings';
export { buildRollupSheet } from './builders/rollup';
export { buildRegisterSheet } from './builders/register';
export { buildPanelReportSheet } from './builders/panel-report';

export interface ReportInputs {
  readonly workbook: GridWorkbook;
  readonly model: CommissioningModel;
  readonly modelOrigin: ModelInEffect['origin'];
  readonly check: CheckResult;
  readonly rollup: Rollup;
  readonly records: readonly RegisterRecord[];
  readonly today: Date;
  /** Overrides the model's rounding policy for the Rollup sheet. */
  readonly rounding?: RoundingPolicy;
}

/** How a source line names the model: "default", "m.json", "the Model sheet". */
export function describeModel(origin: ModelInEffect['origin']): string {
  switch (origin.kind) {
    case 'default':
      return 'default';
    case 'json':
      return origin.path;
    case 'workbook':
      return `the ${origin.sheet} sheet`;
  }
}

/** Findings, Rollup, Register and Panel report, in that order. */
export function buildReportSheets(inputs: ReportInputs): SheetSpec[] {
  const context: ReportContext = { model: inputs.model, modelDescription: describeModel(inputs.modelOrigin), today: inputs.today };
  const sheetOrder = inputs.workbook.sheets.map((g) => g.name);
  // The panel shows spend by priority area whatever the Rollup sheet was asked to show.
  const panelRollup =
    inputs.rollup.by[0] === 'priority-area'
      ? inputs.rollup
      : rollupWorkbook(inputs.workbook, inputs.model, ['priority-area'], { tables: inputs.check.tables });
  const sheets: SheetSpec[] = [
    buildFindingsSheet(inputs.check, context, { sheetOrder }),
    buildRollupSheet(inputs.rollup, context, inputs.rounding ? { rounding: inputs.rounding } : {}),
  ];
  if (inputs.records.length > 0) {
    sheets.push(buildRegisterSheet(inputs.records, context, { findings: inputs.check.findings, tables: inputs.check.tables }));
  }
  sheets.push(buildPanelReportSheet({ workbook: inputs.workbook, check: inputs.check, rollup: panelRollup, records: inputs.records }, context));
  return sheets;
}
