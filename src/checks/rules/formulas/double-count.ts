/** Double counting: a total that adds a subtotal and (some of) the rows that subtotal already adds. */
import { toA1 } from '../../../sheet/a1';
import type { TableRow } from '../../../sheet/tables/types';
import { figureEffect, placeOf, sumFormula } from './range-effect';
import { classOf, isAdded, isCredibleTotal, type Candidate, type Scope, type TotalFormula } from './range-scope';
import { formulaText, rowsText, totalName } from './range-wording';
import { rowName } from '../../present';
import { formulaDoubleCount } from './ranges.meta';

export function doubleCount(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const covered = new Set(tf.covered);
  const twice = new Set<number>();
  const subtotals: TableRow[] = [];
  for (const r of tf.covered) {
    const sub = scope.byRow.get(r);
    if (!isCredibleTotal(sub)) continue;
    // A subtotal that adds a total among its own lines is that subtotal's fault (formula-range there), not this one's.
    const mixed = (sub.sums ?? []).some((x) => scope.byRow.get(x)?.kind === 'line');
    const inside = (sub.sums ?? []).filter((x) => covered.has(x) && !(mixed && scope.byRow.get(x)?.kind === 'total'));
    if (inside.length === 0) continue;
    subtotals.push(sub);
    for (const x of inside) twice.add(x);
  }
  if (twice.size === 0) return undefined;
  const kept = tf.covered.filter((r) => !twice.has(r) && isAdded(classOf(scope, r, tf.col)));
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const doubled = [...twice].sort((a, b) => a - b);
  const effect = figureEffect(scope, tf, doubled, -1, kept);
  const data = {
    total: totalName(tf),
    cell: tf.cell,
    formula: formulaText(tf),
    subtotals: subtotals.map((s) => `${rowName(s)} in ${toA1(s.row, tf.col.col)} already adds ${rowsText(s.sums ?? [], tf.col.col)}`).join('; '),
    effect: effect.sentence,
    fix,
  };
  const finding = formulaDoubleCount.report(placeOf(scope, tf, effect, fix), doubled.length === 1 ? 'rowCountedTwice' : 'rowsCountedTwice', data);
  return { finding, seenByTotals: false };
}
