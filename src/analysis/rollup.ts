/** Rollups: exact sums of budget lines by any combination of dimensions, with variance, share, RAG and the model's stated figures. */
import { Money } from '../money/decimal';
import { ExactSum, decimalFigure, isZeroFigure, type Figure } from '../money/pence';
import type { GridWorkbook } from '../sheet/grid';
import type { Table } from '../sheet/tables/types';
import type { CommissioningModel } from '../model/types';
import { buildModelNames } from '../model/model-names';
import { citeSource } from '../model/documents';
import { compareStated, modelStep } from '../money/tolerance';
import { extractLines } from './lines';
import { percentOf, ragFor, ragLimits } from '../budget/rag';
import {
  isColumnDimension,
  type BudgetLine,
  type Dimension,
  type DimensionKey,
  type Disagreement,
  type LineFigures,
  type LineSet,
  type Rollup,
  type RollupRow,
  type YearOnYear,
} from './types';

const NOT_GIVEN = '(not given)';

interface Accumulator {
  key: DimensionKey;
  lines: number;
  budget: ExactSum;
  forecast: ExactSum;
  actual: ExactSum;
  variance: ExactSum;
}

function keyOf(line: BudgetLine, by: readonly Dimension[]): DimensionKey {
  const key: Partial<Record<Dimension, string>> = {};
  for (const d of by) key[d] = line.dims[d] ?? NOT_GIVEN;
  return key;
}

/**
 * Groups by their dimension values, one level of maps per dimension: a line finds its group without a
 * key string built for it (100,000 lines would make 100,000 strings to hash and throw away).
 */
class Groups {
  private readonly root = new Map<string, unknown>();
  readonly inOrder: Accumulator[] = [];

  constructor(private readonly by: readonly Dimension[]) {}

  of(line: BudgetLine): Accumulator {
    let level = this.root;
    const last = this.by.length - 1;
    for (let k = 0; k < last; k++) {
      const value = line.dims[this.by[k]] ?? NOT_GIVEN;
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (!next) level.set(value, (next = new Map()));
      level = next;
    }
    const value = last >= 0 ? (line.dims[this.by[last]] ?? NOT_GIVEN) : '';
    let acc = level.get(value) as Accumulator | undefined;
    if (!acc) {
      acc = empty(keyOf(line, this.by));
      level.set(value, acc);
      this.inOrder.push(acc);
    }
    return acc;
  }
}

/** A line's figures, whole pence where it has them (extracted lines do; hand-built ones may not). */
function figuresOf(line: BudgetLine): LineFigures {
  if (line.figures) return line.figures;
  const asFigure = (pounds: Money | undefined): Figure | undefined => (pounds === undefined ? undefined : decimalFigure(pounds));
  return { budget: asFigure(line.budget), forecast: asFigure(line.forecast), actual: asFigure(line.actual), variance: asFigure(line.variance) };
}

function add(acc: Accumulator, line: BudgetLine): void {
  const f = figuresOf(line);
  acc.lines++;
  if (f.budget) acc.budget.add(f.budget);
  if (f.forecast) acc.forecast.add(f.forecast);
  if (f.actual) acc.actual.add(f.actual);
  if (f.variance && !isZeroFigure(f.variance)) acc.variance.add(f.variance);
}

function merge(into: Accumulator, from: Accumulator): void {
  into.lines += from.lines;
  into.budget.addSum(from.budget);
  into.forecast.addSum(from.forecast);
  into.actual.addSum(from.actual);
  into.variance.addSum(from.variance);
}

function empty(key: DimensionKey): Accumulator {
  return { key, lines: 0, budget: new ExactSum(), forecast: new ExactSum(), actual: new ExactSum(), variance: new ExactSum() };
}

/** Groups in a reader's order: priority areas and boroughs as the model lists them, years in time, the rest alphabetically. */
function orderOf(model: CommissioningModel): (d: Dimension, value: string) => string {
  const rank = new Map<string, number>();
  model.priorityAreas.forEach((p, i) => rank.set(`priority-area|${p.name}`, i));
  model.boroughs.forEach((b, i) => rank.set(`borough|${b.name}`, i));
  return (d, value) => {
    const r = rank.get(`${d}|${value}`);
    if (value === NOT_GIVEN) return '~';
    return r !== undefined ? String(r).padStart(4, '0') : `${d === 'year' ? '' : '~'}${value.toLowerCase()}`;
  };
}

interface RollupOptions {
  readonly tables?: readonly Table[];
  readonly lines?: LineSet;
}

export function rollupWorkbook(workbook: GridWorkbook, model: CommissioningModel, by: readonly Dimension[], options: RollupOptions = {}): Rollup {
  const byColumns = by.filter(isColumnDimension);
  const lineSet = options.lines ?? extractLines(workbook, model, { tables: options.tables, names: buildModelNames(model), byColumns });
  return rollupLines(lineSet, model, by);
}

export function rollupLines(lineSet: LineSet, model: CommissioningModel, by: readonly Dimension[]): Rollup {
  const index = new Groups(by);
  for (const line of lineSet.lines) add(index.of(line), line);
  const groups = index.inOrder;
  // Subtotals and the total add up the groups (a few), not the lines again (many): the same exact sums.
  const total = empty({});
  const firstGroups = new Map<string, Accumulator>();
  for (const acc of groups) {
    merge(total, acc);
    if (by.length > 1) {
      const firstId = String(acc.key[by[0]]);
      let sub = firstGroups.get(firstId);
      if (!sub) {
        sub = empty({ [by[0]]: acc.key[by[0]] });
        firstGroups.set(firstId, sub);
      }
      merge(sub, acc);
    }
  }
  const limits = ragLimits(model);
  const rank = orderOf(model);
  const sortKey = (key: DimensionKey): string => by.map((d) => rank(d, key[d] ?? NOT_GIVEN)).join('\u0000');
  const singleYear = singleYearOf(lineSet.lines);
  const hasOutturn = lineSet.lines.some((l) => l.forecast !== undefined || l.actual !== undefined || l.variance !== undefined);
  const finish = (acc: Accumulator): RollupRow => ({
    key: acc.key,
    lines: acc.lines,
    budget: acc.budget.pounds,
    forecast: acc.forecast.pounds,
    actual: acc.actual.pounds,
    variance: acc.variance.pounds,
    variancePct: percentOf(acc.variance.pounds, acc.budget.pounds),
    share: percentOf(acc.budget.pounds, total.budget.pounds),
    // RAG rates a variance: lines with no forecast or actual have none, so no status (never a green for nothing compared).
    rag: acc.lines === 0 || !hasOutturn ? null : ragFor(acc.variance.pounds, acc.budget.pounds, limits),
    stated: statedFigure(model, acc.key, singleYear),
  });
  const rows = groups.map(finish).sort((a, b) => sortKey(a.key).localeCompare(sortKey(b.key)));
  const subtotals = [...firstGroups.values()].map(finish).sort((a, b) => sortKey(a.key).localeCompare(sortKey(b.key)));
  return {
    by,
    measures: {
      budget: lineSet.lines.some((l) => l.budget !== undefined),
      forecast: lineSet.lines.some((l) => l.forecast !== undefined),
      actual: lineSet.lines.some((l) => l.actual !== undefined),
    },
    // A rollup of no lines, or of budgets, says Budget as it always has; of other figures, Amount.
    baseTitle: lineSet.budgetBased === false && lineSet.lines.length > 0 ? 'Amount' : 'Budget',
    rows,
    subtotals,
    total: { ...finish(total), share: total.budget.pounds.isZero() ? null : new Money(100), stated: statedTotal(model, by, singleYear) },
    excluded: lineSet.excluded,
    sources: lineSet.sources,
    yearOnYear: yearOnYear(lineSet.lines, model),
    disagreements: disagreements(rows, model, singleYear),
  };
}

function singleYearOf(lines: readonly BudgetLine[]): string | undefined {
  let year: string | undefined;
  for (const line of lines) {
    if (!line.dims.year) return undefined;
    if (year === undefined) year = line.dims.year;
    else if (year !== line.dims.year) return undefined;
  }
  return year;
}

/** The model's stated figure for a group: a priority area's headline for the group's year. */
function statedFigure(model: CommissioningModel, key: DimensionKey, singleYear: string | undefined): Money | null {
  const dims = Object.keys(key) as Dimension[];
  const area = key['priority-area'];
  const year = key.year ?? singleYear;
  if (!area || !year || dims.some((d) => d !== 'priority-area' && d !== 'year')) return null;
  const figure = model.priorityAreas.find((p) => p.name === area)?.figures.find((f) => f.year === year);
  return figure ? new Money(figure.amount) : null;
}

function statedTotal(model: CommissioningModel, by: readonly Dimension[], singleYear: string | undefined): Money | null {
  if (!singleYear || by.some((d) => d !== 'priority-area' && d !== 'year')) return null;
  const total = model.totals.find((t) => t.year === singleYear);
  return total ? new Money(total.amount) : null;
}

/** Rows whose lines differ from the model's stated figure by more than the stated figure's rounding can explain. */
function disagreements(rows: readonly RollupRow[], model: CommissioningModel, singleYear: string | undefined): Disagreement[] {
  const found: Disagreement[] = [];
  for (const row of rows) {
    if (!row.stated) continue;
    const comparison = compareStated({ pounds: row.stated, step: modelStep(row.stated) }, row.budget, []);
    if (comparison.verdict !== 'error') continue;
    const area = model.priorityAreas.find((p) => p.name === row.key['priority-area']);
    const figure = area?.figures.find((f) => f.year === (row.key.year ?? singleYear));
    found.push({
      key: row.key,
      stated: row.stated,
      computed: row.budget,
      source: figure ? citeSource(model, figure.source) : 'the model',
    });
  }
  return found;
}

/**
 * Totals by year as the panel sees them: the model's stated totals (the published series), and the
 * workbook's own total for years the model states none for. Where both exist and differ, the
 * disagreement is reported with the rollup's total, not hidden in this series.
 */
function yearOnYear(lines: readonly BudgetLine[], model: CommissioningModel): YearOnYear[] {
  const stated = new Set(model.totals.map((t) => t.year));
  const fromLines = new Map<string, ExactSum>();
  for (const line of lines) {
    // The model's stated total stands for its years; only other years are summed from the lines.
    const year = line.dims.year;
    if (!year || stated.has(year)) continue;
    const budget = figuresOf(line).budget;
    if (!budget) continue;
    let sum = fromLines.get(year);
    if (!sum) fromLines.set(year, (sum = new ExactSum()));
    sum.add(budget);
  }
  const years = new Map<string, { total: Money; source: 'workbook' | 'model' }>();
  for (const [year, total] of fromLines) years.set(year, { total: total.pounds, source: 'workbook' });
  for (const t of model.totals) years.set(t.year, { total: new Money(t.amount), source: 'model' });
  const sorted = [...years.entries()].sort(([a], [b]) => a.localeCompare(b));
  return sorted.map(([year, { total, source }], i) => {
    const previous = i > 0 ? sorted[i - 1][1].total : undefined;
    const change = previous ? total.minus(previous) : null;
    return { year, total, source, change, changePct: previous && change ? percentOf(change, previous) : null };
  });
}

/** Decimals to show a rollup in: a display in whole pounds shows pence where any figure has them (figures out as they came in). */
export function rollupDecimals(rollup: Rollup, unit: string, decimals: number): number {
  if (unit !== '£' || decimals >= 2) return decimals;
  const rows = [...rollup.rows, rollup.total];
  return rows.some((r) => [r.budget, r.forecast, r.actual, r.variance].some((m) => !m.isInteger())) ? 2 : decimals;
}
