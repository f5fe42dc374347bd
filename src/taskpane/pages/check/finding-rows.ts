/**
 * The Check page's findings as the list draws them: which pass the counts chosen, the rule and the search,
 * and the rows of the list (group headings among the findings) when grouped by rule or sheet.
 */
import type { Finding, RuleId, Severity } from '../../../checks/finding';

/** What a count in the summary stands for: open findings by severity, and the decided ones. */
export type Category = Severity | 'decided';
export type GroupBy = 'none' | 'rule' | 'sheet';

/** A finding with a key that stays the same while the check does. */
export interface KeyedFinding {
  readonly finding: Finding;
  readonly key: string;
}

export interface Filters {
  /** The counts pressed in the summary; none pressed shows every finding. */
  readonly categories: ReadonlySet<Category>;
  readonly rule: RuleId | '';
  readonly query: string;
}

export type ListRow =
  | { readonly kind: 'heading'; readonly group: string; readonly label: string; readonly shown: number; readonly total: number }
  | { readonly kind: 'finding'; readonly group: string | null; readonly item: KeyedFinding };

export function categoryOf(finding: Finding): Category {
  return finding.decision !== undefined ? 'decided' : finding.severity;
}

export function countCategories(findings: readonly Finding[]): Readonly<Record<Category, number>> {
  const counts: Record<Category, number> = { error: 0, warning: 0, info: 0, decided: 0 };
  for (const finding of findings) counts[categoryOf(finding)]++;
  return counts;
}

/** The text a search looks in: the message, where (sheet, cell, Sheet!Cell), the rule and the suggestion. */
function searchText(finding: Finding): string {
  return [finding.message, finding.sheet, finding.cell, `${finding.sheet}!${finding.cell}`, finding.rule, finding.suggestion ?? ''].join('\n').toLowerCase();
}

/** A test for findings that pass the filters; the search ignores case and the spaces around it. */
export function filterOf({ categories, rule, query }: Filters): (finding: Finding) => boolean {
  const words = query.trim().toLowerCase();
  return (finding) =>
    (categories.size === 0 || categories.has(categoryOf(finding))) &&
    (rule === '' || finding.rule === rule) &&
    (words === '' || searchText(finding).includes(words));
}

export function filtersActive({ categories, rule, query }: Filters): boolean {
  return categories.size > 0 || rule !== '' || query.trim() !== '';
}

function groupOf(finding: Finding, by: Exclude<GroupBy, 'none'>): string {
  return by === 'sheet' ? finding.sheet : finding.rule;
}

/** How many findings each group holds in all, whatever the filters: a heading shows "12 of 10,086". */
export function groupTotals(findings: readonly Finding[], by: GroupBy): ReadonlyMap<string, number> {
  const totals = new Map<string, number>();
  if (by === 'none') return totals;
  for (const finding of findings) totals.set(groupOf(finding, by), (totals.get(groupOf(finding, by)) ?? 0) + 1);
  return totals;
}

/**
 * The list's rows: the findings in order, or (grouped) a heading then the group's findings, groups in the
 * order of their first finding, so the group holding the most serious finding comes first.
 */
export function listRows(items: readonly KeyedFinding[], by: GroupBy, totals: ReadonlyMap<string, number>): ListRow[] {
  if (by === 'none') return items.map((item) => ({ kind: 'finding', group: null, item }));
  const groups = new Map<string, KeyedFinding[]>();
  for (const item of items) {
    const group = groupOf(item.finding, by);
    const members = groups.get(group);
    if (members) members.push(item);
    else groups.set(group, [item]);
  }
  const rows: ListRow[] = [];
  for (const [group, members] of groups) {
    rows.push({ kind: 'heading', group, label: group, shown: members.length, total: totals.get(group) ?? members.length });
    for (const item of members) rows.push({ kind: 'finding', group, item });
  }
  return rows;
}

/** Where a finding is, as `related` names it: the key to find it by. */
export function placeOf(place: { readonly sheet: string; readonly cell: string; readonly rule: RuleId }): string {
  return `${place.sheet}!${place.cell}:${place.rule}`;
}
