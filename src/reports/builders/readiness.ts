/** The one line a report author reads first: may this go to the panel? */
import type { FindingSummary } from '../../checks/finding';
import type { SpecParagraph } from '../spec';
import { plural } from './context';

export function readinessParagraph(summary: FindingSummary): SpecParagraph {
  return summary.errors > 0
    ? { text: `${plural(summary.errors, 'error')} open: not ready for the panel`, emphasis: 'warning' }
    : { text: 'No errors open', emphasis: 'good' };
}

/** "3 errors, 20 warnings, 23 info", and "; 2 decided" when reviewers have decided some (not counted before it). */
export function summaryText(summary: FindingSummary): string {
  const decided = summary.decided ? `; ${summary.decided} decided` : '';
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info${decided}`;
}
