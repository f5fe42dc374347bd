/** The generated sheets of a report, built from one check, one rollup and the register: pure, no I/O. */
import { rollupWorkbook } from '../analysis/rollup';
import type { Rollup } from '../analysis/types';
import type { Decision } from '../checks/decisions';
import type { CheckResult } from '../checks/runner';
import type { CommissioningModel, ModelInEffect, RoundingPolicy } from '../model/types';
import type { GridWorkbook } from '../sheet/grid';
import type { ReportContext } from './builders/context';
import { decisionsTable, withDecisionsTable } from './builders/decisions';
import { buildFindingsSheet } from './builders/findings';
import { buildPanelReportSheet } from './builders/panel-report';
import { buildRegisterSheet } from './builders/register';
import { buildRollupSheet } from './builders/rollup';
import type { RegisterRecord } from './register-records';
import type { SheetSpec } from './spec';

interface ReportInputs {
  readonly workbook: GridWorkbook;
  readonly model: CommissioningModel;
  readonly modelOrigin: ModelInEffect['origin'];
  readonly check: CheckResult;
  readonly rollup: Rollup;
  readonly records: readonly RegisterRecord[];
  readonly today: Date;
  /** Overrides the model's rounding policy for the Rollup sheet. */
  readonly rounding?: RoundingPolicy;
  /** Decisions that match no finding: listed in the Findings sheet's Decisions table with the decided findings. */
  readonly unmatchedDecisions?: readonly Decision[];
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
    case 'none':
      return 'none';
  }
}

/** Findings, Rollup, Register and (where a model applies) Panel report, in that order. */
export function buildReportSheets(inputs: ReportInputs): SheetSpec[] {
  const context: ReportContext = { model: inputs.model, modelDescription: describeModel(inputs.modelOrigin), today: inputs.today };
  const sheetOrder = inputs.workbook.sheets.map((g) => g.name);
  const findings = withDecisionsTable(
    buildFindingsSheet(inputs.check, context, { sheetOrder }),
    decisionsTable(inputs.check.findings, inputs.unmatchedDecisions ?? [], context, sheetOrder),
  );
  const origin = inputs.modelOrigin;
  const sheets: SheetSpec[] = [
    // A reader of the Findings sheet learns at once that nothing was compared with a model.
    origin.kind === 'none'
      ? {
          ...findings,
          paragraphs: [...findings.paragraphs, { text: `No model applies: ${origin.reason}. Checked for structure, arithmetic, notation and registers.` }],
        }
      : findings,
    buildRollupSheet(inputs.rollup, context, inputs.rounding ? { rounding: inputs.rounding } : {}),
  ];
  if (inputs.records.length > 0) {
    sheets.push(buildRegisterSheet(inputs.records, context, { findings: inputs.check.findings, tables: inputs.check.tables }));
  }
  // The panel appendix is the model's organisation's: without a model there is no panel to report to.
  if (inputs.modelOrigin.kind === 'none') return sheets;
  // The panel shows spend by priority area whatever the Rollup sheet was asked to show.
  const panelRollup =
    inputs.rollup.by[0] === 'priority-area' ? inputs.rollup : rollupWorkbook(inputs.workbook, inputs.model, ['priority-area'], { tables: inputs.check.tables });
  sheets.push(buildPanelReportSheet({ workbook: inputs.workbook, check: inputs.check, rollup: panelRollup, records: inputs.records }, context));
  return sheets;
}
