/**
 * What a rule says about itself, beside its logic (as typescript-eslint rules declare `meta`): its title,
 * what it checks, why that matters, how to fix it, its default severity and the wording of its findings.
 * The rule catalogue (docs/rules.md), the pane's rule help and every finding's message come from here.
 */
import type { UnitId } from '../../money/units';
import type { Finding, FindingApply, RagStatus, RuleId, Severity } from '../finding';

/** Where rules are listed together, in the catalogue and the pane's help. */
export type RuleGroup = 'figures' | 'totals' | 'variances' | 'names' | 'register' | 'reconciliation' | 'formulas' | 'calculation';

export interface RuleMeta<MessageId extends string = string> {
  readonly id: RuleId;
  readonly group: RuleGroup;
  /** A few words: the rule's name for people. */
  readonly title: string;
  /** What the rule looks at and when it reports, in a sentence or two. */
  readonly checks: string;
  /** Why a reviewer should care. */
  readonly why: string;
  /** What to do about a finding. */
  readonly fix: string;
  /** The cell a finding is reported at: "the total cell", "the variance header"… */
  readonly reportedAt: string;
  readonly severity: Severity;
  /** Other severities the rule reports at, and when (an error where the figure is wrong today, a warning otherwise…). */
  readonly otherSeverities?: string;
  /**
   * Message templates: `{name}` is replaced by the value given for it. Every placeholder must be given, and
   * every value given must be used; a mismatch throws, so a rule cannot say half a sentence.
   */
  readonly messages: Readonly<Record<MessageId, string>>;
}

/** Where a finding is, and the figures it states beside its message. */
export interface FindingPlace {
  readonly sheet: string;
  readonly cell: string;
  readonly severity?: Severity;
  /** A variance's RAG status, where the finding is about one. */
  readonly status?: RagStatus;
  readonly expected?: string;
  readonly actual?: string;
  readonly unit?: UnitId;
  /** The decimal places the message shows `unit` to (present.decimalsFor), where it shows expected or actual. */
  readonly decimals?: number;
  readonly suggestion?: string;
  /** What "Apply" writes: set (through formulaFix or valueFix) only where the suggestion is exactly what the cell should hold. */
  readonly apply?: FindingApply;
}

/** A corrected formula as both the suggestion people read and what "Apply" writes. */
export function formulaFix(formula: string): { readonly suggestion: string; readonly apply: FindingApply } {
  return { suggestion: formula, apply: { formula } };
}

/** A value (a decimal in the table's unit, or a name) as both the suggestion and what "Apply" writes. */
export function valueFix(value: string): { readonly suggestion: string; readonly apply: FindingApply } {
  return { suggestion: value, apply: { value } };
}

type MessageData = Readonly<Record<string, string | number>>;

export interface Rule<MessageId extends string> {
  readonly meta: RuleMeta<MessageId>;
  /** A finding of this rule at `place`, worded by the template `messageId` filled with `data`. */
  report(place: FindingPlace, messageId: MessageId, data?: MessageData): Finding;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills a template; throws on a placeholder without a value or a value without a placeholder. */
export function fillTemplate(template: string, data: MessageData = {}): string {
  const used = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`Message template needs a value for {${name}}: ${template}`);
    used.add(name);
    return String(value);
  });
  const unused = Object.keys(data).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`Message template has no place for ${unused.map((n) => `{${n}}`).join(', ')}: ${template}`);
  return text;
}

/** The placeholders a template needs, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * A finding with its fields in the one order every finding lists them (rule, severity, status, sheet, cell,
 * message, expected, actual, unit, decimals, suggestion, related, decision, apply), whichever rule or pass
 * made it, so JSON output reads the same everywhere. Fields left undefined are left out.
 */
export function inFieldOrder(f: Finding): Finding {
  return {
    rule: f.rule,
    severity: f.severity,
    ...(f.status !== undefined ? { status: f.status } : {}),
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    ...(f.decimals !== undefined ? { decimals: f.decimals } : {}),
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    ...(f.related !== undefined ? { related: f.related } : {}),
    ...(f.decision !== undefined ? { decision: f.decision } : {}),
    ...(f.apply !== undefined ? { apply: f.apply } : {}),
  };
}

/** A rule's definition: its meta, and `report`, which words each finding from the meta's templates. */
export function defineRule<MessageId extends string>(meta: RuleMeta<MessageId>): Rule<MessageId> {
  return {
    meta,
    report(place, messageId, data) {
      const { severity, ...rest } = place;
      return inFieldOrder({ ...rest, rule: meta.id, severity: severity ?? meta.severity, message: fillTemplate(meta.messages[messageId], data) });
    },
  };
}
