/** A finding: one thing a reviewer should look at, at one cell, said in plain English. */
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

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address, without the sheet name. */
  readonly cell: string;
  readonly message: string;
  /** Decimal strings in the table's unit. */
  readonly expected?: string;
  readonly actual?: string;
  readonly unit?: UnitId;
  readonly suggestion?: string;
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  let info = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else info++;
  }
  return { errors, warnings, info };
}
