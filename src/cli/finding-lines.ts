/**
 * How `commissioning check` prints one finding: its cell, severity, RAG status where it has one, and rule;
 * the message; the compared figures as the message shows them; and the other findings about the same
 * difference. The same money display as the pane's (checks/figures), so message and figures agree.
 */
import { findingFigures } from '../checks/figures';
import { RAG_WORD } from '../budget/rag';
import type { Finding } from '../checks/finding';
import type { NegativeStyle } from '../money/format';
import { quoteSheetName } from '../sheet/a1';
import { UsageError } from './args';

const INDENT = '         ';

function severityWord(f: Finding): string {
  return f.severity === 'error' ? 'ERROR' : f.severity === 'warning' ? 'warning' : 'info';
}

/** "  J9     warning Red   variance-threshold": a RAG status is a column of its own, beside the severity, never in place of it. */
function findingHeading(f: Finding): string {
  const status = f.status ? `${RAG_WORD[f.status].padEnd(5)} ` : '';
  return `  ${f.cell.padEnd(6)} ${severityWord(f).padEnd(7)} ${status}${f.rule}`;
}

/** The finding's lines under its sheet's heading. */
export function findingLines(f: Finding, negatives: NegativeStyle): string[] {
  const lines = [findingHeading(f), `${INDENT}${f.message}`];
  const shown = findingFigures(f, negatives);
  const figures: string[] = [];
  if (shown.expected !== undefined) figures.push(`expected ${shown.expected}`);
  if (shown.actual !== undefined) figures.push(`actual ${shown.actual}`);
  if (f.suggestion !== undefined) figures.push(`suggestion: ${f.suggestion}`);
  if (figures.length > 0) lines.push(`${INDENT}${figures.join('  ')}`);
  if (f.related && f.related.length > 0) {
    lines.push(`${INDENT}same difference as: ${f.related.map((r) => `${quoteSheetName(r.sheet)}!${r.cell} (${r.rule})`).join(', ')}`);
  }
  return lines;
}

/** The --negatives option: brackets or minus; undefined where it is not given. */
export function negativesOption(value: string | undefined, command: string): NegativeStyle | undefined {
  if (value === undefined) return undefined;
  if (value !== 'brackets' && value !== 'minus') throw new UsageError(`${command}: --negatives is brackets or minus, not "${value}"`);
  return value;
}
