/**
 * Decisions on findings as sheets: the hidden "Workbench decisions" sheet that keeps them in the
 * workbook (read back by checks/decisions-sheet.ts), and the Decisions table the Findings sheet shows
 * under the open findings, so a reader of the report sees what was accepted or ignored, why and when.
 */
import { decisionKindWord, type Decision } from '../../checks/decisions';
import { DECISION_COLUMNS } from '../../checks/decisions-sheet';
import { SEVERITY_WORD, type Finding } from '../../checks/finding';
import { DECISIONS_SHEET_NAME } from '../../sheet/reserved-sheet-names';
import type { SheetSpec, SpecColumn, SpecRow, TableSpec } from '../spec';
import { plural, sourceLine, type ReportContext } from './context';
import { FINDING_COLUMN, sortFindings } from './findings';

const DECISIONS_TABLE_NAME = 'CW_WorkbenchDecisions';

/**
 * The decisions sheet, hidden: one row per decision, text only (figures as the exact decimal strings
 * the finding had, dates as YYYY-MM-DD), so what is read back is exactly what was written.
 */
export function buildDecisionsSheet(decisions: readonly Decision[]): SheetSpec {
  const columns: SpecColumn[] = DECISION_COLUMNS.map((c) => ({ key: c.key, header: c.header, type: 'text', minWidth: c.key === 'reason' ? 40 : 10 }));
  const table: TableSpec = {
    name: DECISIONS_TABLE_NAME,
    title: 'Decisions on findings',
    unitNote: '',
    unit: '£',
    decimals: 0,
    columns,
    rows: decisions.map(decisionRow),
    totals: [],
    conditionalFormats: [],
    // Nothing below the table: every row under its header is read back as a decision.
    footnotes: [],
    source: '',
  };
  const paragraphs = [
    { text: 'Decisions reviewers made in Commissioning Workbench on its findings. The product keeps this sheet: a decided finding is not counted as open.' },
    {
      text: 'Accepted: this difference, with these Expected and Actual figures, is explained; if a figure changes the finding opens again. Ignored: the rule does not apply at this cell.',
    },
  ];
  return { name: DECISIONS_SHEET_NAME, paragraphs, tables: [table], hidden: true };
}

function decisionRow(d: Decision): SpecRow {
  return {
    cells: {
      rule: d.rule,
      sheet: d.sheet,
      cell: d.cell,
      decision: decisionKindWord(d.kind),
      reason: d.reason,
      date: d.date,
      expected: d.expected ?? null,
      actual: d.actual ?? null,
    },
  };
}

const TABLE_COLUMNS: readonly SpecColumn[] = [
  { key: 'decision', header: 'Decision', type: 'text', minWidth: 10 },
  { key: 'reason', header: 'Reason', type: 'text', minWidth: 30 },
  { key: 'date', header: 'Date', type: 'text', minWidth: 11 },
  FINDING_COLUMN.severity,
  FINDING_COLUMN.rule,
  FINDING_COLUMN.sheet,
  FINDING_COLUMN.cell,
  FINDING_COLUMN.message,
  FINDING_COLUMN.expected,
  FINDING_COLUMN.actual,
];

const NO_LONGER_MATCHES = 'No finding matches this decision now: a figure changed or the finding went away, so it is not applied.';

/**
 * The Decisions table of the Findings sheet: decided findings (most serious first), then decisions that
 * no longer match a finding. Undefined when there is neither.
 */
export function decisionsTable(
  findings: readonly Finding[],
  unmatched: readonly Decision[],
  context: ReportContext,
  sheetOrder: readonly string[],
): TableSpec | undefined {
  const decided = sortFindings(
    findings.filter((f) => f.decision),
    sheetOrder,
  );
  if (decided.length === 0 && unmatched.length === 0) return undefined;
  const rows: SpecRow[] = [
    ...decided.map((f) => ({
      cells: {
        decision: decisionKindWord(f.decision!.kind),
        reason: f.decision!.reason,
        date: f.decision!.date,
        severity: SEVERITY_WORD[f.severity],
        rule: f.rule,
        sheet: f.sheet,
        cell: { sheet: f.sheet, cell: f.cell, text: f.cell },
        message: f.message,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
      },
    })),
    ...unmatched.map((d) => ({
      cells: {
        decision: `${decisionKindWord(d.kind)} (no longer matches)`,
        reason: d.reason,
        date: d.date,
        severity: null,
        rule: d.rule,
        sheet: d.sheet,
        cell: { sheet: d.sheet, cell: d.cell, text: d.cell },
        message: NO_LONGER_MATCHES,
        expected: d.expected ?? null,
        actual: d.actual ?? null,
      },
    })),
  ];
  return {
    name: 'CW_FindingDecisions',
    title: 'Decisions',
    unitNote: `${plural(decided.length, 'finding')} accepted or ignored by a reviewer, with the reason and date: not counted as open above.`,
    unit: context.model.settings.displayUnit,
    decimals: context.model.settings.displayDecimals,
    columns: TABLE_COLUMNS,
    rows,
    totals: [],
    conditionalFormats: [],
    footnotes: unmatched.length > 0 ? [`${plural(unmatched.length, 'decision')} no longer ${unmatched.length === 1 ? 'matches' : 'match'} a finding.`] : [],
    source: sourceLine([], context, [`the hidden "${DECISIONS_SHEET_NAME}" sheet`]),
  };
}

/** The Findings sheet with its Decisions table after the open findings (no table when nothing is decided). */
export function withDecisionsTable(findingsSheet: SheetSpec, table: TableSpec | undefined): SheetSpec {
  return table ? { ...findingsSheet, tables: [...findingsSheet.tables, table] } : findingsSheet;
}
