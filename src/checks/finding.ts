/** A finding: one thing a reviewer should look at, at one cell, said in plain English. */
import type { Rag } from '../budget/rag';
import type { UnitId } from '../money/units';

export const RULE_IDS = [
  'variance-mismatch',
  'variance-sign-convention',
  'total-mismatch',
  'total-rounding',
  'headline-mismatch',
  'percent-mismatch',
  'reconciliation-mismatch',
  'missing-value',
  'not-a-number',
  'formula-error',
  'unknown-priority-area',
  'unknown-funding-stream',
  'unknown-programme',
  'unknown-borough',
  'invalid-year',
  'duplicate-line',
  'negative-amount',
  'hardcoded-total',
  'variance-threshold',
  'register-missing-field',
  'register-dates',
  'register-zero-amount',
  'register-duplicate-id',
  'formula-range',
  'formula-double-count',
  'formula-inconsistent',
  'formula-constant',
  'formula-missing',
  'formula-among-inputs',
  'formula-blank-or-text',
  'formula-stale',
  'formula-not-evaluated',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** A severity as a reviewer reads it, in the pane, the Findings sheet and exported tables. */
export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Red, amber or green: where a variance stands against the RAG thresholds. */
export type RagStatus = Rag;

/** Where another finding about the same difference is, and which rule made it. */
export interface RelatedFinding {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: RuleId;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** A variance's RAG status against the model's thresholds: a status of the figure, not how serious the finding is. */
  readonly status?: RagStatus;
  readonly sheet: string;
  /** A1 address, without the sheet name. */
  readonly cell: string;
  readonly message: string;
  /** Decimal strings in the table's unit. */
  readonly expected?: string;
  readonly actual?: string;
  readonly unit?: UnitId;
  /** Decimal places of `unit` the message shows its figures to, so the figures beside it show the same (checks/figures). */
  readonly decimals?: number;
  readonly suggestion?: string;
  /** Other findings about the same difference (a headline and the lines it restates): the same two figures compared, seen from elsewhere. */
  readonly related?: readonly RelatedFinding[];
  /** A reviewer's decision kept in the workbook (app/decisions): a decided finding is not counted as open. */
  readonly decision?: FindingDecision;
  /** What "Apply" writes into the cell when the suggestion is exactly that: a formula (with its "=") or a value (a decimal in the table's unit, or text). */
  readonly apply?: FindingApply;
}

/** A suggestion a machine can write: set only where writing it is the whole fix. */
export type FindingApply = { readonly formula: string } | { readonly value: string };

/**
 * 'accepted': this difference, with these figures, is explained (a changed figure reopens it);
 * 'ignored': this rule does not apply at this cell, whatever the figures.
 */
export type DecisionKind = 'accepted' | 'ignored';

export interface FindingDecision {
  readonly kind: DecisionKind;
  readonly reason: string;
  /** YYYY-MM-DD, the day the decision was made. */
  readonly date: string;
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  /** Findings a reviewer has decided (accepted or ignored): not in the counts above. Absent when none is decided. */
  readonly decided?: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  let info = 0;
  let decided = 0;
  for (const f of findings) {
    if (f.decision) decided++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else info++;
  }
  return decided > 0 ? { errors, warnings, info, decided } : { errors, warnings, info };
}
