/**
 * Measure sets: the budget, forecast, actual and variance columns that belong together because they
 * share a year and a funder group ("2019/20 Budget £m", "2019/20 Forecast £m", "2019/20 Variance £m").
 */
import type { VarianceConvention } from '../model/types';
import { ZERO, type Money } from '../money/decimal';
import { PenceFigure, figureMinus, figuresEqual, type Figure } from '../money/pence';
import type { AmountCell, Column, Table, TableRow } from '../sheet/tables/types';

export interface MeasureSet {
  readonly key: string;
  readonly budget?: Column;
  readonly forecast?: Column;
  readonly actual?: Column;
  readonly variance?: Column;
  readonly amount?: Column;
}

export function measureSets(table: Table): MeasureSet[] {
  const sets = new Map<string, { -readonly [K in keyof MeasureSet]: MeasureSet[K] }>();
  for (const col of table.columns) {
    if (col.role !== 'budget' && col.role !== 'forecast' && col.role !== 'actual' && col.role !== 'variance' && col.role !== 'amount') continue;
    const key = `${col.year?.label ?? ''}|${col.group ?? ''}`;
    let set = sets.get(key);
    if (!set) {
      set = { key };
      sets.set(key, set);
    }
    // A second column of the same role in the same set starts its own set: keep the first.
    if (set[col.role] === undefined) set[col.role] = col;
    else sets.set(`${key}|${col.col}`, { key: `${key}|${col.col}`, [col.role]: col });
  }
  return [...sets.values()];
}

/** The column a set's other figures are measured against: the budget, else a generic amount. */
export function baseColumn(set: MeasureSet): Column | undefined {
  return set.budget ?? set.amount;
}

/** Forecast where there is one, else actual: what a variance compares with the budget. */
export function outturnColumn(set: MeasureSet): Column | undefined {
  return set.forecast ?? set.actual;
}

export function amountIn(row: TableRow, col: Column | undefined): AmountCell | undefined {
  return col ? row.amounts.get(col.col) : undefined;
}

function poundsIn(row: TableRow, col: Column | undefined): Money | undefined {
  const a = amountIn(row, col);
  return a?.kind === 'amount' ? a.pounds : undefined;
}

/** The variance a row's budget and outturn imply under the model's convention. */
export function impliedVariance(budget: Money, outturn: Money, convention: VarianceConvention): Money {
  if (budget === outturn || budget.eq(outturn)) return ZERO; // most lines run to budget
  return convention === 'forecast-minus-budget' ? outturn.minus(budget) : budget.minus(outturn);
}

const NO_VARIANCE: Figure = new PenceFigure(0n);

/** impliedVariance for figures, in exact pence where both are whole pence. */
export function impliedVarianceFigure(budget: Figure, outturn: Figure, convention: VarianceConvention): Figure {
  if (figuresEqual(budget, outturn)) return NO_VARIANCE;
  return convention === 'forecast-minus-budget' ? figureMinus(outturn, budget) : figureMinus(budget, outturn);
}

/**
 * A blank figure the others determine: budget, outturn and variance are tied by one equation, so
 * any two give the third.
 */
export function inferMissing(row: TableRow, set: MeasureSet, missingCol: number, convention: VarianceConvention): Money | undefined {
  const base = baseColumn(set);
  const outturn = outturnColumn(set);
  if (!base || !outturn || !set.variance) return undefined;
  const b = poundsIn(row, base);
  const o = poundsIn(row, outturn);
  const v = poundsIn(row, set.variance);
  const sign = convention === 'forecast-minus-budget' ? 1 : -1;
  if (missingCol === base.col && o && v) return sign === 1 ? o.minus(v) : o.plus(v);
  if (missingCol === outturn.col && b && v) return sign === 1 ? b.plus(v) : b.minus(v);
  if (missingCol === set.variance.col && b && o) return impliedVariance(b, o, convention);
  return undefined;
}
