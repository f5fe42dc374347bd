/**
 * Block finding: the lines of a total's block that its range stops short of, on either side. The block
 * is worked out from position alone (the lines between the total and the previous total, heading or
 * header), and only a clear case counts: nothing but lines, without a gap, between the range and where
 * the block ends.
 */
import { toA1 } from '../../../sheet/a1';
import { figureEffect, placeOf, sumFormula } from './range-effect';
import { classOf, type Candidate, type Scope, type TotalFormula } from './range-scope';
import { formulaText, itemsText, totalName } from './range-wording';
import { formulaRange } from './ranges.meta';

/** Lines of the total's block that its range stops short of, on either side. */
export function omission(scope: Scope, tf: TotalFormula): Candidate | undefined {
  const classes = tf.covered.map((r) => classOf(scope, r, tf.col));
  if (!classes.includes('line') || classes.some((c) => c !== 'line' && c !== 'empty' && c !== 'other')) return undefined;
  const firstLine = tf.covered[classes.indexOf('line')];
  const lo = tf.covered[0];
  const hi = tf.covered[tf.covered.length - 1];
  // Toward the total: lines between the range and the total, then nothing but blank rows.
  const near = tf.below ? nearRun(scope, tf, hi + 1, tf.total.row, 1) : nearRun(scope, tf, lo - 1, tf.total.row, -1);
  // Away from it: lines just beyond the range, back to the previous total, heading or header.
  const far = tf.below ? farRun(scope, tf, lo - 1, -1) : farRun(scope, tf, hi + 1, 1);
  const left = [...near, ...far].filter((r) => !addedElsewhere(scope, r, tf, firstLine)).sort((a, b) => a - b);
  if (left.length === 0 || left.length !== near.length + far.length) return undefined;
  const kept = [...tf.covered.filter((_, i) => classes[i] === 'line'), ...left].sort((a, b) => a - b);
  const fix = sumFormula(scope, tf.col, kept);
  if (!fix) return undefined;
  const effect = figureEffect(scope, tf, left, 1, kept);
  const at = (r: number): string => toA1(r, tf.col.col);
  const data = { total: totalName(tf), cell: tf.cell, formula: formulaText(tf), items: itemsText(scope, left, tf.col), effect: effect.sentence };
  const many = left.length > 1;
  const place = placeOf(scope, tf, effect, fix);
  const finding =
    far.length > 0 && near.length > 0
      ? formulaRange.report(place, many ? 'runsFromToMany' : 'runsFromTo', { ...data, from: at(kept[0]), to: at(kept[kept.length - 1]) })
      : far.length > 0
        ? formulaRange.report(place, many ? 'startsAtMany' : 'startsAt', { ...data, from: at(left[0]) })
        : formulaRange.report(place, many ? 'runsToMany' : 'runsTo', { ...data, to: at(tf.below ? kept[kept.length - 1] : kept[0]) });
  return { finding, seenByTotals: left.every((r) => (tf.total.sums ?? []).includes(r)) };
}

/** Lines from `from` stepping toward the total, followed only by blank rows up to it; none if anything else is there. */
function nearRun(scope: Scope, tf: TotalFormula, from: number, to: number, step: 1 | -1): number[] {
  const run: number[] = [];
  let r = from;
  for (; r !== to && classOf(scope, r, tf.col) === 'line'; r += step) run.push(r);
  for (; r !== to; r += step) if (classOf(scope, r, tf.col) !== 'empty') return [];
  return run;
}

/** Lines from `from` stepping away from the total, when what lies beyond them (past blank rows) closes the block. */
function farRun(scope: Scope, tf: TotalFormula, from: number, step: 1 | -1): number[] {
  const run: number[] = [];
  let r = from;
  for (; r >= scope.firstRow && r <= scope.lastRow && classOf(scope, r, tf.col) === 'line'; r += step) run.push(r);
  if (run.length === 0) return run;
  for (; r >= scope.firstRow && r <= scope.lastRow; r += step) {
    const c = classOf(scope, r, tf.col);
    if (c === 'empty') continue;
    const row = scope.byRow.get(r);
    return c === 'header' || c === 'total' || row?.kind === 'section' ? run : [];
  }
  // The table's edge closes the block of a total above its lines; lines above a total end at the header.
  return step === 1 ? run : [];
}

/** A line another total adds, where that total does not add this one's lines too: it belongs to another block. */
function addedElsewhere(scope: Scope, r: number, tf: TotalFormula, firstLine: number): boolean {
  return (scope.addedBy.get(r) ?? []).some((t) => t !== tf.total && !(t.sums ?? []).includes(firstLine));
}
