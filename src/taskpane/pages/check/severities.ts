/** How each severity is named and coloured on the Check page. */
import type { FindingSummary, Severity } from '../../../checks/finding';

/** The severities in the order the filters offer them, most serious first. */
export const SEVERITIES: readonly { readonly severity: Severity; readonly label: string }[] = [
  { severity: 'error', label: 'Errors' },
  { severity: 'warning', label: 'Warnings' },
  { severity: 'info', label: 'Info' },
];

export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };
export const SEVERITY_BADGE: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { error: 'danger', warning: 'warning', info: 'informative' };

/** How many findings of `severity` the summary counts. */
export function countOf(summary: FindingSummary, severity: Severity): number {
  return severity === 'error' ? summary.errors : severity === 'warning' ? summary.warnings : summary.info;
}
