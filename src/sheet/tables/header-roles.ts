/**
 * Column roles from header words. Headers are read case-insensitively with units and fiscal years
 * taken out first, so "2019/20 Budget £m" reads as "budget".
 */
import { findFiscalYear } from '../../money/fiscal-year';
import { withoutUnitText } from '../../money/units';
import type { ColumnRole } from './types';

/** Header text with fiscal years, units and punctuation taken out, lower-cased and single-spaced. */
export function headerWords(header: string): string {
  let text = header.toLowerCase().replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
  for (let found = findFiscalYear(text); found; found = findFiscalYear(text)) {
    text = `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`;
  }
  return withoutUnitText(text)
    .replace(/[()[\]:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface RolePattern {
  readonly role: ColumnRole;
  readonly pattern: RegExp;
  /** Roles that only make sense in registers (dates, recipients) mark a table as a register. */
  readonly registerOnly?: boolean;
}

// Order matters: the first pattern that matches wins, so specific phrases come before general words.
const PATTERNS: readonly RolePattern[] = [
  { role: 'variance', pattern: /\bvariance\b|\bvar\b|under\s*\/?\s*\(?over\)?\s*spend|over\s*\/?\s*\(?under\)?\s*spend/ },
  { role: 'award-date', pattern: /\baward(ed)? date\b|\bdate (of )?award(ed)?\b|\bdate awarded\b/, registerOnly: true },
  { role: 'start-date', pattern: /\bstart( date)?\b|\bcommence/, registerOnly: true },
  { role: 'end-date', pattern: /\bend( date)?\b|\bexpiry\b|\bexpires\b/, registerOnly: true },
  { role: 'recipient', pattern: /\brecipient\b|\bprovider\b|\bsupplier\b|\bgrantee\b|\bcontractor\b/, registerOnly: true },
  { role: 'procurement-route', pattern: /\bprocurement\b|\broute to market\b/, registerOnly: true },
  { role: 'rag', pattern: /\brag\b|\bperformance\b/ },
  { role: 'outcomes', pattern: /\boutcomes?\b/ },
  { role: 'type', pattern: /^(type|contract or grant|contract\/grant|grant or contract|award type)$/ },
  { role: 'forecast', pattern: /\bforecast\b|\boutturn\b|\bprojected\b/ },
  { role: 'actual', pattern: /\bactuals?\b|\bspend to date\b|\bspent\b|\bytd\b|\byear to date\b/ },
  { role: 'budget', pattern: /\bbudget\b|\ballocation\b|\baward\b|\bawarded\b|\bplanned\b/ },
  { role: 'priority-area', pattern: /\bpriority( area)?\b|\bpcp priority\b/ },
  { role: 'commissioning-model', pattern: /\bcommissioning model\b/ },
  { role: 'funding-stream', pattern: /\bfunding (stream|source)\b|\bsource of funding\b/ },
  { role: 'funder', pattern: /^(funder|funders|funding organi[sz]ation|funding body)$/ },
  { role: 'borough', pattern: /\bborough\b|\blocal authority\b|^la$/ },
  { role: 'programme', pattern: /^(programme|program|fund|programme name|fund name)$/ },
  { role: 'year', pattern: /^(year|financial year|fiscal year|fy)$/ },
  { role: 'ref', pattern: /^(ref|ref\.|refs|reference|id|ref no\.?|grant ref|contract ref|grant id|contract id|identifier)$/ },
  { role: 'status', pattern: /^(status|rag status|current status|progress)$/ },
  { role: 'owner', pattern: /^(owner|action owner|lead|responsible)$/ },
  { role: 'date', pattern: /\bdate\b/ },
  { role: 'amount', pattern: /^(amount|value|total|cost|funding|spend|grant|contract value|grant value|amount awarded)$/ },
  { role: 'notes', pattern: /\bnotes?\b|\bcomments?\b|\bdescription\b|\bdetails?\b|\bupdate\b|\bextension\b/ },
];

interface HeaderRole {
  readonly role: ColumnRole;
  readonly registerOnly: boolean;
}

/** The role a header names, or undefined when its words name none. */
export function roleFromHeader(header: string): HeaderRole | undefined {
  const words = headerWords(header);
  if (words === '') return undefined;
  for (const { role, pattern, registerOnly } of PATTERNS) {
    if (pattern.test(words)) return { role, registerOnly: registerOnly ?? false };
  }
  return undefined;
}

/** Header words that name a total row's label rather than a column: "Total", "Grand total", "Total LCPF". */
function isTotalLabel(label: string): boolean {
  // One case-insensitive pattern: this runs on every row's label.
  return /^(grand\s+|sub-?\s*)?totals?\b|\btotals?$/i.test(label.trim());
}

/**
 * How strongly a row's label says it is a total: "Total", "Sub-total", "Total income" are strong (a total
 * whatever its figures); "Net expenditure", "Gross expenditure", "All services", "England" are weak (a
 * total only where the arithmetic bears it out, since "Net" and "All" also begin ordinary lines).
 */
export function totalWords(label: string): 'strong' | 'weak' | undefined {
  const text = label.trim();
  if (text === '') return undefined;
  if (isTotalLabel(text) || /^sub-?\s*totals?\b/i.test(text)) return 'strong';
  if (
    /^(net|gross)\b|^all\b|^(surplus|deficit)\b|^(total )?balances? (carried|c\/f)|^(england|wales|scotland|northern ireland|united kingdom|uk|great britain|england and wales)\b/i.test(
      text,
    )
  )
    return 'weak';
  return undefined;
}
