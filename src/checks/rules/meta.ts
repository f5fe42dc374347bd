/**
 * What a rule says about itself, beside its logic (as typescript-eslint rules declare `meta`): its title,
 * what it checks, why that matters, how to fix it, its default severity and the wording of its findings.
 * The rule catalogue (docs/rules.md), the pane's rule help and every finding's message come from here.
 */
import type { UnitId } from '../../money/units';
import type { Finding, RuleId, Severity } from '../finding';

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
  readonly expected?: string;
  readonly actual?: string;
  readonly unit?: UnitId;
  readonly suggestion?: string;
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
 * A rule's definition. Findings always list their fields in one order (rule, severity, sheet, cell, message,
 * expected, actual, unit, suggestion), whichever rule made them, so JSON output reads the same everywhere.
 */
export function defineRule<MessageId extends string>(meta: RuleMeta<MessageId>): Rule<MessageId> {
  return {
    meta,
    report(place, messageId, data) {
      return {
        rule: meta.id,
        severity: place.severity ?? meta.severity,
        sheet: place.sheet,
        cell: place.cell,
        message: fillTemplate(meta.messages[messageId], data),
        ...(place.expected !== undefined ? { expected: place.expected } : {}),
        ...(place.actual !== undefined ? { actual: place.actual } : {}),
        ...(place.unit !== undefined ? { unit: place.unit } : {}),
        ...(place.suggestion !== undefined ? { suggestion: place.suggestion } : {}),
      };
    },
  };
}
