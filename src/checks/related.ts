/**
 * Findings about the same difference, linked to each other. One gap often shows in several places: a section's
 * headline states £17.9m where its lines sum to £18.1m, and the same lines restated on another sheet sum to
 * £18.1m against the model's £17.9m. Each finding then names the others in `related`.
 *
 * A link needs both the same two figures compared (so the same non-zero difference, seen from either side)
 * and a real connection that the rules themselves know: the same cell, or the same subject, which a rule
 * records as it makes the finding (`about`): the sum of the same lines of a column, or the model's figure
 * for the same priority area, programme or year. Equal amounts alone never link findings: a false link
 * would send a reviewer to fix one figure for another's reason.
 */
import { Money } from '../money/decimal';
import { toPounds } from '../money/units';
import type { Finding, RelatedFinding } from './finding';
import { inFieldOrder } from './rules/meta';

/** What a comparison is about, as a key: two findings with one in common compare the same thing. */
export type Subject = string & { readonly __subject: unique symbol };

/** The sum of these lines of one column: a total over them and a headline for them compare it. */
export function linesSubject(sheet: string, col: number, rows: readonly number[]): Subject {
  return `lines\u0000${sheet}\u0000${col}\u0000${[...rows].sort((a, b) => a - b).join(',')}` as Subject;
}

/** The model's figure for a thing in a year: a priority area, a programme or component, total spend. */
export function modelFigureSubject(kind: 'priority-area' | 'programme' | 'total-spend', name: string, year: string): Subject {
  return `${kind}\u0000${name}\u0000${year}` as Subject;
}

const subjects = new WeakMap<Finding, readonly Subject[]>();

/** Records what `finding` compares, for linking (the finding itself is unchanged). */
export function about<F extends Finding | undefined>(finding: F, ...what: readonly (Subject | undefined)[]): F {
  const known = what.filter((s): s is Subject => s !== undefined);
  if (finding && known.length > 0) subjects.set(finding, [...(subjects.get(finding) ?? []), ...known]);
  return finding;
}

/** The two figures a finding compares, in pounds and in order, as one key; undefined where it compares none or they agree. */
function figuresKey(f: Finding): string | undefined {
  if (f.expected === undefined || f.actual === undefined || f.unit === undefined) return undefined;
  let expected: Money;
  let actual: Money;
  try {
    expected = toPounds(new Money(f.expected), f.unit);
    actual = toPounds(new Money(f.actual), f.unit);
  } catch {
    return undefined;
  }
  if (expected.eq(actual)) return undefined;
  // Either side may hold either figure: a headline states what the model states, a reconciliation the reverse.
  const [low, high] = expected.lt(actual) ? [expected, actual] : [actual, expected];
  return `${low.toFixed()}\u0000${high.toFixed()}`;
}

/** The findings, in the same order, each carrying the others about the same difference in `related`. */
export function linkRelated(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const figures = figuresKey(f);
    if (figures === undefined) continue;
    for (const subject of [`cell\u0000${f.sheet}\u0000${f.cell}`, ...(subjects.get(f) ?? [])]) {
      const key = `${subject}\u0001${figures}`;
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
  }
  const links = new Map<Finding, Set<Finding>>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const f of group) {
      let linked = links.get(f);
      if (!linked) links.set(f, (linked = new Set()));
      for (const other of group) if (other !== f) linked.add(other);
    }
  }
  if (links.size === 0) return [...findings];
  const order = new Map(findings.map((f, i) => [f, i]));
  return findings.map((f) => {
    const linked = links.get(f);
    if (!linked) return f;
    const related: RelatedFinding[] = [...linked]
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map((other) => ({ sheet: other.sheet, cell: other.cell, rule: other.rule }));
    return inFieldOrder({ ...f, related });
  });
}
