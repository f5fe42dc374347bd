/**
 * The panel report: the tables of an audit-panel commissioning appendix, in the order a panel reads
 * them. The readiness line comes first, so nobody sends a report with errors open by accident.
 */
import type { CheckResult } from '../../checks/runner';
import type { Rollup } from '../../analysis/types';
import type { GridWorkbook } from '../../sheet/grid';
import type { RegisterRecord } from '../register-records';
import type { SheetSpec, SpecParagraph, TableSpec } from '../spec';
import { longDate, type ReportContext } from './context';
import { buildActivityTables } from './panel-activities';
import { buildAuditActionTables } from './panel-audit-actions';
import { buildFundTables } from './panel-funds';
import { registerSummaryTables } from './panel-register';
import { readinessParagraph, summaryText } from './readiness';
import { registerSources } from './register';
import { buildRollupTables } from './rollup';
import { TableNames } from './table-names';

interface PanelInputs {
  readonly workbook: GridWorkbook;
  readonly check: CheckResult;
  /** A rollup whose first dimension is priority area (by priority area alone, ideally). */
  readonly rollup: Rollup;
  readonly records: readonly RegisterRecord[];
}

/** The rollup by priority area alone: itself, or its priority-area subtotals when it splits areas further. */
function byPriorityArea(rollup: Rollup): Rollup {
  if (rollup.by[0] !== 'priority-area') {
    throw new Error(`the panel report needs spend by priority area first, but the rollup is by ${rollup.by.join(', ') || 'nothing'}`);
  }
  if (rollup.by.length === 1) return rollup;
  return {
    ...rollup,
    by: ['priority-area'],
    rows: rollup.subtotals,
    subtotals: [],
    disagreements: rollup.disagreements.filter((d) => Object.keys(d.key).length === 1),
  };
}

export function buildPanelReportSheet(inputs: PanelInputs, context: ReportContext): SheetSpec {
  const names = new TableNames();
  const grids = new Map(inputs.workbook.sheets.map((g) => [g.name, g]));
  const tables = inputs.check.tables;
  const paragraphs: SpecParagraph[] = [
    readinessParagraph(inputs.check.summary),
    {
      text: `${context.model.organisation.name}: commissioning appendix for the audit panel, generated ${longDate(context.today)}. Checks: ${summaryText(inputs.check.summary)} (see the Findings sheet).`,
    },
  ];

  const spend = buildRollupTables(byPriorityArea(inputs.rollup), context, names, {
    prefix: 'PanelSpend',
    lineCounts: false,
    title: 'Commissioning spend by priority area',
  });
  const out: TableSpec[] = [spend.main];
  if (spend.yearOnYear) out.push(spend.yearOnYear);
  else paragraphs.push({ text: 'Year on year: the workbook and the model give spend for one year only.' });

  const activities = buildActivityTables(tables, grids, names, context);
  if (activities.length === 0) paragraphs.push({ text: 'Key activities: no table in the workbook groups activities under priority areas.' });
  out.push(...activities);

  const funds = buildFundTables(tables, names, context);
  if (funds.length === 0) paragraphs.push({ text: 'Fund tables: no table in the workbook has allocation, forecast and variance columns.' });
  out.push(...funds);

  if (inputs.records.length > 0) {
    out.push(...registerSummaryTables(inputs.records, registerSources(inputs.records, tables), names, context));
  } else {
    paragraphs.push({ text: 'Register summary: the workbook has no contracts and grants register.' });
  }

  const actions = buildAuditActionTables(tables, grids, names, context);
  if (actions.length === 0) paragraphs.push({ text: 'Audit actions: the workbook has no audit actions table.' });
  out.push(...actions);

  return { name: 'Panel report', paragraphs, tables: out, ...(spend.chart ? { chart: spend.chart } : {}) };
}
