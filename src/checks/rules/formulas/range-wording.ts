/** How the range rules name totals, formulas and rows in their messages. */
import { rangeToA1, toA1 } from '../../../sheet/a1';
import type { Column } from '../../../sheet/tables/types';
import { columnTitle, decimalsFor, money } from '../../present';
import { amountAt, type Scope, type TotalFormula } from './range-scope';

/** "Total (Budget)": the total's label and its column. */
export function totalName(tf: TotalFormula): string {
  return `${tf.total.label === '' ? 'Total' : tf.total.label} (${columnTitle(tf.col)})`;
}

/** The formula as a reviewer reads it: "C5:C10" for a plain SUM of one range, else the formula. */
export function formulaText(tf: TotalFormula): string {
  return tf.ranges.length === 1 && /^\s*=?\s*SUM\(/i.test(tf.formula) ? rangeToA1(tf.ranges[0]) : `=${tf.formula.replace(/^=/, '')}`;
}

/** Rows as cells: "C5:C8" for a run, else "C5, C7 and C9". */
export function rowsText(rows: readonly number[], col: number): string {
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.length > 1 && sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1)) return `${toA1(sorted[0], col)}:${toA1(sorted[sorted.length - 1], col)}`;
  return listText(sorted.map((r) => toA1(r, col)));
}

/** “Victim services” in C5 (£12,300), row 7 in C7 (blank). */
export function itemsText(scope: Scope, rows: readonly number[], col: Column): string {
  const items = rows.map((r) => {
    const row = scope.byRow.get(r);
    const a = amountAt(scope, r, col);
    const figure = a.kind === 'amount' ? money(a.pounds, col.unit, decimalsFor(col.unit, a.pounds)) : 'blank';
    return `${row && row.label !== '' ? `“${row.label}”` : `row ${r + 1}`} in ${toA1(r, col.col)} (${figure})`;
  });
  return listText(items);
}

/** "a, b and c"; past five items, the first four and "n more". */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const shown = items.length > 5 ? [...items.slice(0, 4), `${items.length - 4} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
