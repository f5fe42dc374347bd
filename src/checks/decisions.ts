/**
 * Reviewers' decisions on findings, and which finding each one is about. Two kinds:
 *
 * - accepted: this difference is explained. It is about the finding's rule, sheet and cell AND its
 *   figures (expected, actual): when a figure changes the decision no longer matches, and the finding is
 *   open again, so an old acceptance never hides a new difference.
 * - ignored: this rule does not apply at this cell, whatever the figures.
 *
 * Figures are compared as numbers where both are numbers ("1200" and "1200.0" are the same figure), as
 * text otherwise. The message is not compared: its wording may change between versions of the product
 * while the difference it describes does not. Pure: no I/O.
 */
import { Money } from '../money/decimal';
import type { DecisionKind, Finding, FindingDecision, RuleId } from './finding';

/** What a decision is about: a finding's place and, for an acceptance, its figures. A Finding is one. */
export interface DecisionTarget {
  readonly rule: RuleId;
  readonly sheet: string;
  readonly cell: string;
  readonly expected?: string;
  readonly actual?: string;
}

export interface Decision extends DecisionTarget, FindingDecision {}

/** Reasons offered when accepting a finding (the user may write their own). */
export const COMMON_ACCEPT_REASONS = ['Rounding explained', 'Agreed with the panel', 'Timing difference, explained in the report'] as const;

/** One decision per rule, sheet and cell: deciding again replaces it. Sheet names compare without case, as Excel's do. */
export function decisionKey(target: Pick<DecisionTarget, 'rule' | 'sheet' | 'cell'>): string {
  return `${target.rule}\u0000${target.sheet.trim().toUpperCase()}\u0000${target.cell.trim().toUpperCase()}`;
}

/** A decision about `target`, keeping the figures it was made on. */
export function decisionFor(target: DecisionTarget, decision: FindingDecision): Decision {
  return {
    rule: target.rule,
    sheet: target.sheet,
    cell: target.cell,
    kind: decision.kind,
    reason: decision.reason.trim(),
    date: decision.date,
    ...(target.expected !== undefined ? { expected: target.expected } : {}),
    ...(target.actual !== undefined ? { actual: target.actual } : {}),
  };
}

export function decisionMatches(decision: Decision, finding: DecisionTarget): boolean {
  if (decisionKey(decision) !== decisionKey(finding)) return false;
  return decision.kind === 'ignored' || (sameFigure(decision.expected, finding.expected) && sameFigure(decision.actual, finding.actual));
}

function sameFigure(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = asNumber(a);
  const y = asNumber(b);
  return x && y ? x.eq(y) : a.trim() === b.trim();
}

function asNumber(text: string): Money | undefined {
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return new Money(text.trim());
}

/** `decisions` with the one about `target` replaced by `decision`, or removed when it is null. */
export function withDecision(decisions: readonly Decision[], target: DecisionTarget, decision: FindingDecision | null): Decision[] {
  const key = decisionKey(target);
  const others = decisions.filter((d) => decisionKey(d) !== key);
  return decision === null ? others : [...others, decisionFor(target, decision)];
}

interface Applied {
  /** The findings in the same order, each one a decision matches carrying it. */
  readonly findings: Finding[];
  /** Decisions that match no finding (about `sheets` only, when given): a figure changed, or the finding went. */
  readonly unmatched: Decision[];
}

/**
 * Lays decisions over findings. `sheets`, when given, are the sheets checked: a decision about another
 * sheet is neither matched nor reported as unmatched (a check of one sheet says nothing about the others).
 */
export function applyDecisions(findings: readonly Finding[], decisions: readonly Decision[], sheets?: readonly string[]): Applied {
  if (decisions.length === 0) return { findings: [...findings], unmatched: [] };
  const byKey = new Map<string, Decision>();
  for (const d of decisions) byKey.set(decisionKey(d), d);
  const used = new Set<Decision>();
  const decided = findings.map((finding) => {
    const decision = byKey.get(decisionKey(finding));
    if (!decision || !decisionMatches(decision, finding)) return finding;
    used.add(decision);
    return withFindingDecision(finding, { kind: decision.kind, reason: decision.reason, date: decision.date });
  });
  const checked = sheets ? new Set(sheets.map((s) => s.trim().toUpperCase())) : undefined;
  const unmatched = [...byKey.values()].filter((d) => !used.has(d) && (!checked || checked.has(d.sheet.trim().toUpperCase())));
  return { findings: decided, unmatched };
}

/** The finding with its decision, placed before a machine-readable `apply` so the JSON reads in the agreed order. */
function withFindingDecision(finding: Finding, decision: FindingDecision): Finding {
  const { apply, ...rest } = finding;
  return apply === undefined ? { ...rest, decision } : { ...rest, decision, apply };
}

export function decisionKindWord(kind: DecisionKind): 'Accepted' | 'Ignored' {
  return kind === 'accepted' ? 'Accepted' : 'Ignored';
}

/** "2026-03-05" for a day, in the local calendar (the day the reviewer made the decision). */
export function decisionDate(day: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
