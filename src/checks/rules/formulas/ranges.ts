/**
 * formula-range and formula-double-count: a total's SUM that leaves out lines of its block, takes in
 * another total or the header, or adds a subtotal together with the lines it already adds.
 *
 * The structure layer reads a total's SUM range as the rows it adds, so the stated figure always agrees
 * with its "lines" and totals.ts cannot see such a fault. Here each total's formula is read again
 * (range-scope.ts) and tried against each fault in turn: double counting (double-count.ts), a range
 * reaching into another block or the header (range-reach.ts), lines of its block left out
 * (range-omission.ts).
 */
import type { Table } from '../../../sheet/tables/types';
import type { CheckContext } from '../../context';
import type { Finding } from '../../finding';
import type { TableRule } from '../rule';
import { totalRules } from '../totals';
import { doubleCount } from './double-count';
import { omission } from './range-omission';
import { reachIntoHeader, reachIntoTotal } from './range-reach';
import { readTotalFormula, scopeOf, type Candidate } from './range-scope';

export const rangeRules: TableRule = (table, ctx) => {
  const grid = ctx.grids.get(table.sheet);
  if (!grid || !table.rows.some((r) => r.kind === 'total')) return [];
  const scope = scopeOf(table, grid);
  const cols = table.columns.filter((c) => c.kind === 'money' && !c.hidden);
  const candidates: Candidate[] = [];
  for (const total of table.rows) {
    if (total.kind !== 'total') continue;
    for (const col of cols) {
      const tf = readTotalFormula(scope, total, col);
      if (!tf) continue;
      const found = doubleCount(scope, tf) ?? reachIntoTotal(scope, tf) ?? reachIntoHeader(scope, tf) ?? omission(scope, tf);
      if (found) candidates.push(found);
    }
  }
  return withoutTotalsOverlap(candidates, table, ctx);
};

/**
 * Where totals.ts compared the stated figure with the same lines (a SUM stopping short of the total is
 * read as adding the lines it skips) and reported a difference, that finding stands for the omission.
 */
function withoutTotalsOverlap(candidates: readonly Candidate[], table: Table, ctx: CheckContext): Finding[] {
  if (!candidates.some((c) => c.seenByTotals)) return candidates.map((c) => c.finding);
  const reported = new Set(
    totalRules(table, ctx)
      .filter((f) => f.rule === 'total-mismatch' || f.rule === 'total-rounding')
      .map((f) => f.cell),
  );
  return candidates.filter((c) => !(c.seenByTotals && reported.has(c.finding.cell))).map((c) => c.finding);
}
