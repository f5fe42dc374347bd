/**
 * Range faults beyond the block: a total whose range takes in the total of another block, or runs into
 * the header rows.
 */
import { toA1 } from '../../../sheet/a1';
import { figureEffect, placeOf, sumFormula } from './range-effect';
import { classOf, isAdded, isCredibleTotal, type Candidate, type Scope, type TotalFormula } from './range-scope';
import { formulaText, rowsText, totalName } from './range-wording';
import { rowName } from '../../present';
import { formulaRange } from './ranges.meta';

/**
 * A total that takes in the total of another block as well as lines of its own. Reported only where that
 * is clearly wrong: a later total adds both (so the other block is counted twice there), or the range
 * crosses a section heading. "Subtotal + contingency = Total" is a common honest shape.
 */
export function reachIntoTotal(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const edge = tf.below ? tf.covered[0] : tf.covered[tf.covered.length - 1];
  const other = scope.byRow.get(edge);
  if (!isCredibleTotal(other) || other.row === tf.total.row) return undefined;
  const rest = tf.covered.filter((r) => r !== edge);
  const classes = rest.map((r) => classOf(scope, r, tf.col));
  if (!classes.includes('line') || classes.some((c) => c === 'total' || c === 'header')) return undefined;
  const later = scope.table.rows.find(
    (g) => g.kind === 'total' && g !== tf.total && g !== other && (g.sums ?? []).includes(other.row) && (g.sums ?? []).includes(tf.total.row),
  );
  const heading = scope.table.rows.find((s) => s.kind === 'section' && s.row > Math.min(edge, tf.total.row) && s.row < Math.max(edge, tf.total.row));
  if (!later && !heading) return undefined;
  const kept = rest.filter((r) => isAdded(classOf(scope, r, tf.col)));
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const effect = figureEffect(scope, tf, [edge], -1, kept);
  const place = placeOf(scope, tf, effect, fix);
  const data = {
    total: totalName(tf),
    cell: tf.cell,
    formula: formulaText(tf),
    other: rowName(other),
    otherCell: toA1(edge, tf.col.col),
    effect: effect.sentence,
    fix,
  };
  const finding = later
    ? formulaRange.report(place, 'countedTwiceLater', { ...data, later: rowName(later), laterCell: toA1(later.row, tf.col.col) })
    : formulaRange.report(place, 'acrossHeading', { ...data, heading: heading?.label ?? '' });
  return { finding, seenByTotals: false };
}

/** A total whose range runs up (or down) into the header rows. */
export function reachIntoHeader(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const classes = tf.covered.map((r) => classOf(scope, r, tf.col));
  const headers = tf.covered.filter((_, i) => classes[i] === 'header');
  if (headers.length === 0 || !classes.includes('line') || classes.includes('total')) return undefined;
  const kept = tf.covered.filter((_, i) => classes[i] === 'line');
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const effect = figureEffect(scope, tf, headers, -1, kept);
  const data = { total: totalName(tf), cell: tf.cell, formula: formulaText(tf), headerCells: rowsText(headers, tf.col.col), effect: effect.sentence, fix };
  return { finding: formulaRange.report(placeOf(scope, tf, effect, fix), 'intoHeader', data), seenByTotals: false };
}
