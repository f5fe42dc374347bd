/** The Findings sheet: every finding of the check, most serious first, each linked to its cell. */
import type { CheckResult } from '../../checks/runner';
import { SEVERITY_WORD, type Finding, type Severity } from '../../checks/finding';
import { parseA1, rangeToA1 } from '../../sheet/a1';
import type { SheetSpec, SpecColumn, SpecRow, TableSpec } from '../spec';
import { sourceLine, type ReportContext } from './context';
import { readinessParagraph, summaryText } from './readiness';
import { TableNames } from './table-names';

export const NO_FINDINGS = 'No findings: every total checked adds up and every name is known.';
/** Said where no total was found to check: silence is not a clean bill of health. */
export const NO_FINDINGS_NOTHING_CHECKED = 'No findings, but no totals were found to check: nothing here says the figures add up.';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** Errors red, warnings amber; information is not a problem, so it gets no colour. */
const SEVERITY_RAG: Readonly<Record<Severity, string>> = { error: 'red', warning: 'amber', info: '' };

/** A finding's columns as both the findings table and the decisions table show them. */
export const FINDING_COLUMN = {
  severity: { key: 'severity', header: 'Severity', type: 'text', minWidth: 9 },
  rule: { key: 'rule', header: 'Rule', type: 'text', minWidth: 18 },
  sheet: { key: 'sheet', header: 'Sheet', type: 'text', minWidth: 16 },
  cell: { key: 'cell', header: 'Cell', type: 'link', minWidth: 6 },
  message: { key: 'message', header: 'Message', type: 'text', minWidth: 60 },
  expected: { key: 'expected', header: 'Expected', type: 'text', minWidth: 10 },
  actual: { key: 'actual', header: 'Actual', type: 'text', minWidth: 10 },
} as const satisfies Record<string, SpecColumn>;

const COLUMNS: readonly SpecColumn[] = [
  FINDING_COLUMN.severity,
  { key: 'flag', header: 'Flag', type: 'rag', minWidth: 6 },
  // A variance's RAG status, coloured as the Rollup sheet colours RAG: a status of the figure, beside how serious the finding is.
  { key: 'status', header: 'RAG', type: 'rag', minWidth: 6 },
  FINDING_COLUMN.rule,
  FINDING_COLUMN.sheet,
  FINDING_COLUMN.cell,
  FINDING_COLUMN.message,
  FINDING_COLUMN.expected,
  FINDING_COLUMN.actual,
  { key: 'unit', header: 'Unit', type: 'text', minWidth: 5 },
  { key: 'suggestion', header: 'Suggestion', type: 'text', minWidth: 14 },
];

/** Findings most serious first, then in sheet order, then by row and column of the cell. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetIndex = new Map<string, number>();
  for (const sheet of [...sheetOrder, ...findings.map((f) => f.sheet)]) if (!sheetIndex.has(sheet)) sheetIndex.set(sheet, sheetIndex.size);
  const position = (f: Finding): { row: number; col: number } => parseA1(f.cell) ?? { row: Number.MAX_SAFE_INTEGER, col: 0 };
  return [...findings].sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    return (
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) ||
      pa.row - pb.row ||
      pa.col - pb.col
    );
  });
}

function findingRow(f: Finding): SpecRow {
  return {
    cells: {
      severity: SEVERITY_WORD[f.severity],
      flag: SEVERITY_RAG[f.severity],
      status: f.status ?? '',
      rule: f.rule,
      sheet: f.sheet,
      cell: { sheet: f.sheet, cell: f.cell, text: f.cell },
      message: f.message,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      unit: f.unit ?? null,
      suggestion: f.suggestion ?? null,
    },
  };
}

interface FindingsOptions {
  /** Sheet names in tab order; the checked tables' order is used when absent. */
  readonly sheetOrder?: readonly string[];
}

export function buildFindingsSheet(result: CheckResult, context: ReportContext, options: FindingsOptions = {}): SheetSpec {
  const names = new TableNames();
  const sheetOrder = options.sheetOrder ?? result.tables.map((t) => t.sheet);
  const table: TableSpec = {
    name: names.name('Findings'),
    title: 'Findings',
    unitNote: 'Expected and actual figures are in the unit shown on each row.',
    unit: context.model.settings.displayUnit,
    decimals: context.model.settings.displayDecimals,
    columns: COLUMNS,
    // Decided findings are listed in the Decisions table below this one (builders/decisions.ts), not as open.
    rows: sortFindings(
      result.findings.filter((f) => !f.decision),
      sheetOrder,
    ).map(findingRow),
    totals: [],
    conditionalFormats: [
      { kind: 'rag', column: 'flag' },
      { kind: 'rag', column: 'status' },
    ],
    footnotes:
      result.findings.length > 0
        ? [
            'Sorted by severity (errors first), then by sheet and cell. Each cell links to the figure the finding is about.',
            `${result.tables.length} tables checked.`,
          ]
        : [`${result.tables.length} tables checked.`],
    source: sourceLine(
      result.tables.map((t) => ({ sheet: t.sheet, range: rangeToA1(t.range) })),
      context,
    ),
  };
  const paragraphs =
    result.findings.length === 0
      ? [
          result.coverage.totalsChecked > 0
            ? { text: NO_FINDINGS, emphasis: 'good' as const }
            : { text: NO_FINDINGS_NOTHING_CHECKED, emphasis: 'warning' as const },
        ]
      : [{ text: summaryText(result.summary), emphasis: 'strong' as const }, readinessParagraph(result.summary)];
  return { name: 'Findings', paragraphs, tables: [table] };
}
