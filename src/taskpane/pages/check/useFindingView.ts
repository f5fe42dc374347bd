/**
 * The Check page's view of the findings: errors first (decided ones last), the counts chosen in the summary,
 * the rule, the search and the grouping, the rows the list draws, and the finding last gone to.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RuleId } from '../../../checks/finding';
import { orderFindings } from '../../../reports/findings-table';
import type { CheckView } from '../../engine/protocol';
import { useWorkbench } from '../../workbench';
import {
  countCategories,
  filterOf,
  filtersActive,
  groupTotals,
  listRows,
  placeOf,
  type Category,
  type GroupBy,
  type KeyedFinding,
  type ListRow,
} from './finding-rows';

/** A request to bring a finding into view; `serial` tells a repeated request for the same finding from the last. */
interface ScrollRequest {
  readonly key: string;
  readonly serial: number;
}

export interface FindingView {
  readonly categories: ReadonlySet<Category>;
  readonly rule: RuleId | '';
  readonly query: string;
  readonly groupBy: GroupBy;
  /** Every finding of the check, in the order shown. */
  readonly ordered: readonly KeyedFinding[];
  /** The findings that pass the filters, in order. */
  readonly filtered: readonly KeyedFinding[];
  readonly rows: readonly ListRow[];
  readonly counts: Readonly<Record<Category, number>>;
  readonly ruleCounts: ReadonlyMap<RuleId, number>;
  readonly filtering: boolean;
  readonly selected: string | null;
  readonly scrollRequest: ScrollRequest | null;
  toggleCategory: (category: Category) => void;
  chooseRule: (rule: RuleId | '') => void;
  search: (query: string) => void;
  chooseGrouping: (by: GroupBy) => void;
  clearFilters: () => void;
  goTo: (item: KeyedFinding) => void;
  /** Selects the finding at `place` in the list (clearing filters that hide it), brings it into view and goes to its cell. */
  goToRelated: (place: { readonly sheet: string; readonly cell: string; readonly rule: RuleId }) => void;
}

/**
 * A function whose identity never changes yet always runs the latest `fn`: the cards are memoised, and a
 * callback made afresh on each render would draw every card again on each keystroke in the search.
 */
function useSteady<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

function countByRule(items: readonly KeyedFinding[]): Map<RuleId, number> {
  const counts = new Map<RuleId, number>();
  for (const { finding } of items) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

/** The check's findings in the order shown, each keyed by its place in the check. */
function useOrdered(check: CheckView | null) {
  return useMemo(() => {
    const findings = check?.findings ?? [];
    const keyOf = new Map(findings.map((finding, index) => [finding, `${finding.sheet}!${finding.cell}:${finding.rule}:${index}`]));
    const ordered = orderFindings(findings, check?.sheets ?? []).map((finding) => ({ finding, key: keyOf.get(finding)! }));
    const byPlace = new Map<string, string>();
    for (const { finding, key } of ordered) if (!byPlace.has(placeOf(finding))) byPlace.set(placeOf(finding), key);
    return { ordered, keys: new Set(keyOf.values()), byPlace, counts: countCategories(findings), ruleCounts: countByRule(ordered) };
  }, [check]);
}

function useFilters() {
  const [categories, setCategories] = useState<ReadonlySet<Category>>(new Set<Category>());
  const [rule, setRule] = useState<RuleId | ''>('');
  const [query, setQuery] = useState('');
  const toggleCategory = (category: Category) => {
    const next = new Set(categories);
    if (!next.delete(category)) next.add(category);
    setCategories(next);
  };
  const clearFilters = () => {
    setCategories(new Set());
    setRule('');
    setQuery('');
  };
  const filters = useMemo(() => ({ categories, rule, query }), [categories, rule, query]);
  return { filters, toggleCategory, chooseRule: setRule, search: setQuery, clearFilters };
}

export function useFindingView(check: CheckView | null): FindingView {
  const workbench = useWorkbench().from('findings');
  const { ordered, keys, byPlace, counts, ruleCounts } = useOrdered(check);
  const { filters, toggleCategory, chooseRule, search, clearFilters } = useFilters();
  const [groupBy, chooseGrouping] = useState<GroupBy>('none');
  // A key names a finding by its place, rule and position in the check: a selection outlasts a decision laid
  // over the same check, and is dropped by a check that no longer has that finding there.
  const [selection, setSelection] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);

  const filtered = useMemo(() => {
    const passes = filterOf(filters);
    return ordered.filter(({ finding }) => passes(finding));
  }, [ordered, filters]);
  const totals = useMemo(
    () =>
      groupTotals(
        ordered.map((item) => item.finding),
        groupBy,
      ),
    [ordered, groupBy],
  );
  const rows = useMemo(() => listRows(filtered, groupBy, totals), [filtered, groupBy, totals]);

  const goTo = useSteady(({ key, finding }: KeyedFinding) => {
    setSelection(key);
    void workbench.select(finding.sheet, finding.cell);
  });
  const goToRelated = useSteady((place: { readonly sheet: string; readonly cell: string; readonly rule: RuleId }) => {
    const key = byPlace.get(placeOf(place));
    if (key === undefined || !check) return;
    if (!filtered.some((item) => item.key === key)) clearFilters();
    setSelection(key);
    setScrollRequest({ key, serial: (scrollRequest?.serial ?? 0) + 1 });
    void workbench.select(place.sheet, place.cell);
  });

  return {
    ...filters,
    groupBy,
    ordered,
    filtered,
    rows,
    counts,
    ruleCounts,
    filtering: filtersActive(filters),
    selected: selection !== null && keys.has(selection) ? selection : null,
    scrollRequest,
    toggleCategory,
    chooseRule,
    search,
    chooseGrouping,
    clearFilters,
    goTo,
    goToRelated,
  };
}
