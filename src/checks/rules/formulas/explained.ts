/**
 * A total that fails to add up only because one of its lines carries a formula fault (a plug, a typed
 * figure, a formula unlike its neighbours) is that fault, reported once, at its cause: the line's finding
 * says it also explains the total, and the total's own finding is not repeated. A total off by anything
 * else keeps its finding.
 */
import { Money } from '../../../money/decimal';
import { parseA1 } from '../../../sheet/a1';
import type { Table } from '../../../sheet/tables/types';
import type { Finding } from '../../finding';
import { fillTemplate } from '../meta';

const CAUSES = new Set(['formula-constant', 'formula-missing', 'formula-inconsistent']);
/** Added to the cause's own message, whichever rule worded it. */
export const ALSO_EXPLAINS = '{message} It is also why the total in {totals} does not add up to its lines.';

/** What a finding's figure is off by: stated minus what it should be. */
function gap(f: Finding): Money | undefined {
  return f.expected !== undefined && f.actual !== undefined ? new Money(f.actual).minus(f.expected) : undefined;
}

function causeOf(table: Table, total: Finding, causes: readonly Finding[]): Finding | undefined {
  const at = parseA1(total.cell);
  const off = gap(total);
  const lines = at && table.rows.find((r) => r.row === at.row)?.sums;
  if (!at || !off || !lines) return undefined;
  return causes.find((c) => {
    const line = parseA1(c.cell);
    const cause = gap(c);
    // The line's surplus is the total's shortfall: the sum of lines counts it, the stated total does not.
    return line !== undefined && cause !== undefined && line.col === at.col && lines.includes(line.row) && off.plus(cause).isZero();
  });
}

export function foldTotalsIntoCauses(table: Table, findings: readonly Finding[]): Finding[] {
  const causes = findings.filter((f) => CAUSES.has(f.rule) && f.severity === 'error' && gap(f) !== undefined);
  if (causes.length === 0) return [...findings];
  const explains = new Map<Finding, string[]>();
  const folded = new Set<Finding>();
  for (const f of findings) {
    if (f.rule !== 'total-mismatch') continue;
    const cause = causeOf(table, f, causes);
    if (!cause) continue;
    folded.add(f);
    explains.set(cause, [...(explains.get(cause) ?? []), f.cell]);
  }
  return findings
    .filter((f) => !folded.has(f))
    .map((f) => {
      const totals = explains.get(f);
      return totals ? { ...f, message: fillTemplate(ALSO_EXPLAINS, { message: f.message, totals: totals.join(' and ') }) } : f;
    });
}
