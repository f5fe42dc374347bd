/**
 * The Check page's view of the findings: which severities and rule are shown, how many are drawn so
 * far, which finding was last gone to, and the findings that pass, grouped by sheet.
 */
import { useMemo, useState } from 'react';
import type { Finding, RuleId, Severity } from '../../../checks/finding';
import type { CheckView } from '../../engine/protocol';
import { useWorkbench } from '../../workbench';

/** Findings drawn at first; more on request, so a workbook with thousands of findings stays responsive. */
export const FINDINGS_PAGE = 200;

/** A finding with a key that stays the same while the check does. */
interface KeyedFinding {
  readonly finding: Finding;
  readonly key: string;
}

export interface FindingView {
  readonly shown: ReadonlySet<Severity>;
  readonly rule: RuleId | '';
  /** The findings that pass the filters, drawn or not. */
  readonly filtered: readonly KeyedFinding[];
  /** The findings drawn so far, by sheet in the order they come. */
  readonly bySheet: readonly (readonly [string, readonly KeyedFinding[]])[];
  /** Findings that pass the filters but are not drawn yet. */
  readonly undrawn: number;
  readonly ruleCounts: ReadonlyMap<RuleId, number>;
  readonly selected: string | null;
  toggle: (severity: Severity, on: boolean) => void;
  chooseRule: (rule: RuleId | '') => void;
  showMore: () => void;
  goTo: (item: KeyedFinding) => void;
}

function findingKey(f: Finding, index: number): string {
  return `${f.sheet}!${f.cell}:${f.rule}:${index}`;
}

function groupBySheet(items: readonly KeyedFinding[]): [string, KeyedFinding[]][] {
  const groups = new Map<string, KeyedFinding[]>();
  for (const item of items) {
    const group = groups.get(item.finding.sheet);
    if (group) group.push(item);
    else groups.set(item.finding.sheet, [item]);
  }
  return [...groups];
}

function countByRule(findings: readonly Finding[]): Map<RuleId, number> {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}

export function useFindingView(check: CheckView | null): FindingView {
  const workbench = useWorkbench();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set<Severity>(['error', 'warning', 'info']));
  const [rule, setRule] = useState<RuleId | ''>('');
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const [selected, setSelected] = useState<string | null>(null);

  const filtered = useMemo(
    () =>
      (check?.findings ?? [])
        .map((finding, index) => ({ finding, key: findingKey(finding, index) }))
        .filter(({ finding }) => shown.has(finding.severity) && (rule === '' || finding.rule === rule)),
    [check, shown, rule],
  );
  const visible = filtered.slice(0, limit);
  const bySheet = useMemo(() => groupBySheet(visible), [visible]);
  const ruleCounts = useMemo(() => countByRule(check?.findings ?? []), [check]);

  const toggle = (severity: Severity, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(severity);
    else next.delete(severity);
    setShown(next);
    setLimit(FINDINGS_PAGE);
  };
  const chooseRule = (chosen: RuleId | '') => {
    setRule(chosen);
    setLimit(FINDINGS_PAGE);
  };
  const goTo = ({ key, finding }: KeyedFinding) => {
    setSelected(key);
    void workbench.select(finding.sheet, finding.cell);
  };
  const showMore = () => setLimit(limit + FINDINGS_PAGE);

  return { shown, rule, filtered, bySheet, undrawn: filtered.length - visible.length, ruleCounts, selected, toggle, chooseRule, showMore, goTo };
}
