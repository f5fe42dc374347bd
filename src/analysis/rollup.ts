/** Rollups: exact sums of budget lines by any combination of dimensions, with variance, share, RAG and the model's stated figures. */
import { Money, ZERO } from '../money/decimal';
import type { GridWorkbook } from '../sheet/grid';
import type { Table } from '../sheet/tables/types';
import type { CommissioningModel } from '../model/types';
import { buildModelNames } from '../model/model-names';
import { compareStated, modelStep } from '../checks/tolerance';
import { extractLines } from './lines';
import { percentOf, ragFor, ragLimits } from './rag';
import type { BudgetLine, Dimension, DimensionKey, Disagreement, LineSet, Rollup, RollupRow, YearOnYear } from './types';

export const NOT_GIVEN = '(not given)';

interface Accumulator {
  key: DimensionKey;
  lines: number;
  budget: Money;
  forecast: Money;
  actual: Money;
  variance: Money;
}

function keyOf(line: BudgetLine, by: readonly Dimension[]): DimensionKey {
  const key: Partial<Record<Dimension, string>> = {};
  for (const d of by) key[d] = line.dims[d] ?? NOT_GIVEN;
  return key;
}

function add(acc: Accumulator, line: BudgetLine): void {
  acc.lines++;
  if (line.budget) acc.budget = acc.budget.plus(line.budget);
  if (line.forecast) acc.forecast = acc.forecast.plus(line.forecast);
  if (line.actual) acc.actual = acc.actual.plus(line.actual);
  if (line.variance && !line.variance.isZero()) acc.variance = acc.variance.plus(line.variance);
}

function merge(into: Accumulator, from: Accumulator): void {
  into.lines += from.lines;
  into.budget = into.budget.plus(from.budget);
  into.forecast = into.forecast.plus(from.forecast);
  into.actual = into.actual.plus(from.actual);
  into.variance = into.variance.plus(from.variance);
}

function empty(key: DimensionKey): Accumulator {
  return { key, lines: 0, budget: ZERO, forecast: ZERO, actual: ZERO, variance: ZERO };
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

export interface RollupOptions {
  readonly tables?: readonly Table[];
  readonly lines?: LineSet;
}

export function rollupWorkbook(workbook: GridWorkbook, model: CommissioningModel, by: readonly Dimension[], options: RollupOptions = {}): Rollup {
  const lineSet = options.lines ?? extractLines(workbook, model, { tables: options.tables, names: buildModelNames(model) });
  return rollupLines(lineSet, model, by);
}

export function rollupLines(lineSet: LineSet, model: CommissioningModel, by: readonly Dimension[]): Rollup {
  const groups = new Map<string, Accumulator>();
  for (const line of lineSet.lines) {
    const key = keyOf(line, by);
    const id = by.map((d) => key[d]).join('\u0000');
    let acc = groups.get(id);
    if (!acc) {
      acc = empty(key);
      groups.set(id, acc);
    }
    add(acc, line);
  }
  // Subtotals and the total add up the groups (a few), not the lines again (many): the same exact sums.
  const total = empty({});
  const firstGroups = new Map<string, Accumulator>();
  for (const acc of groups.values()) {
    merge(total, acc);
    if (by.length > 1) {
      const firstId = String(acc.key[by[0]]);
      let sub = firstGroups.get(firstId);
      if (!sub) {
        sub = empty({ [by[0]]: acc.key[by[0]] } as DimensionKey);
        firstGroups.set(firstId, sub);
      }
      merge(sub, acc);
    }
  }
  const limits = ragLimits(model);
  const rank = orderOf(model);
  const sortKey = (key: DimensionKey): string => by.map((d) => rank(d, key[d] ?? NOT_GIVEN)).join('\u0000');
  const singleYear = singleYearOf(lineSet.lines);
  const finish = (acc: Accumulator): RollupRow => ({
    key: acc.key,
    lines: acc.lines,
    budget: acc.budget,
    forecast: acc.forecast,
    actual: acc.actual,
    variance: acc.variance,
    variancePct: percentOf(acc.variance, acc.budget),
    share: percentOf(acc.budget, total.budget),
    rag: acc.lines === 0 ? null : ragFor(acc.variance, acc.budget, limits),
    stated: statedFigure(model, acc.key, singleYear),
  });
  const rows = [...groups.values()].map(finish).sort((a, b) => sortKey(a.key).localeCompare(sortKey(b.key)));
  const subtotals = [...firstGroups.values()].map(finish).sort((a, b) => sortKey(a.key).localeCompare(sortKey(b.key)));
  return {
    by,
    measures: {
      budget: lineSet.lines.some((l) => l.budget !== undefined),
      forecast: lineSet.lines.some((l) => l.forecast !== undefined),
      actual: lineSet.lines.some((l) => l.actual !== undefined),
    },
    rows,
    subtotals,
    total: { ...finish(total), share: total.budget.isZero() ? null : new Money(100), stated: statedTotal(model, by, singleYear) },
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
    found.push({ key: row.key, stated: row.stated, computed: row.budget, source: figure ? `${figure.source.document}, ${figure.source.locator}` : 'the model' });
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
  const fromLines = new Map<string, Money>();
  for (const line of lines) {
    // The model's stated total stands for its years; only other years are summed from the lines.
    if (!line.dims.year || !line.budget || stated.has(line.dims.year)) continue;
    fromLines.set(line.dims.year, (fromLines.get(line.dims.year) ?? ZERO).plus(line.budget));
  }
  const years = new Map<string, { total: Money; source: 'workbook' | 'model' }>();
  for (const [year, total] of fromLines) years.set(year, { total, source: 'workbook' });
  for (const t of model.totals) years.set(t.year, { total: new Money(t.amount), source: 'model' });
  const sorted = [...years.entries()].sort(([a], [b]) => a.localeCompare(b));
  return sorted.map(([year, { total, source }], i) => {
    const previous = i > 0 ? sorted[i - 1][1].total : undefined;
    const change = previous ? total.minus(previous) : null;
    return { year, total, source, change, changePct: previous && change ? percentOf(change, previous) : null };
  });
}
