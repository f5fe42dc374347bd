/** The one line a report author reads first: may this go to the panel? */
import type { FindingSummary } from '../../checks/finding';
import type { SpecParagraph } from '../spec';
import { plural } from './context';

export function readinessParagraph(summary: FindingSummary): SpecParagraph {
  return summary.errors > 0
    ? { text: `${plural(summary.errors, 'error')} open: not ready for the panel`, emphasis: 'warning' }
    : { text: 'No errors open', emphasis: 'good' };
}

/** "3 errors, 20 warnings, 23 info". */
export function summaryText(summary: FindingSummary): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info`;
}
