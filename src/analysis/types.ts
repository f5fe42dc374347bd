/** Lines and rollups: the figures the panel sees, each traceable to its cells. */
import type { Money } from '../money/decimal';
import type { Figure } from '../money/pence';
import type { Rag } from '../budget/rag';

export const DIMENSIONS = ['priority-area', 'funding-stream', 'programme', 'borough', 'commissioning-model', 'year'] as const;
/** A dimension the model names: lines are grouped by the model's own names for it. */
type ModelDimension = (typeof DIMENSIONS)[number];
/**
 * Any column of the workbook, by its header as written ("column:Authority"): lines are grouped by the
 * column's text as it stands. How an organisation with no model groups its own figures.
 */
export type ColumnDimension = `column:${string}`;
export type Dimension = ModelDimension | ColumnDimension;

export function isColumnDimension(d: Dimension): d is ColumnDimension {
  return d.startsWith('column:');
}

export function columnDimension(header: string): ColumnDimension {
  return `column:${header.trim()}`;
}

/** A dimension's title in tables and headers: the model dimension's name, or the column's header. */
export function dimensionTitle(d: Dimension): string {
  return isColumnDimension(d) ? d.slice('column:'.length) : DIMENSION_TITLES[d];
}

/** A dimension in a sentence: "priority area", or a column's header as written ("Grant Programme:Title"). */
export function dimensionInWords(d: Dimension): string {
  return isColumnDimension(d) ? dimensionTitle(d) : DIMENSION_TITLES[d].toLowerCase();
}

/** How each model dimension is titled in tables and headers. */
export const DIMENSION_TITLES: Readonly<Record<ModelDimension, string>> = {
  'priority-area': 'Priority area',
  'funding-stream': 'Funding stream',
  programme: 'Programme',
  borough: 'Borough',
  'commissioning-model': 'Commissioning model',
  year: 'Year',
};

/** A line's dimensions; a dimension it does not have is absent or undefined (one object shape for every line). */
export type DimensionKey = Readonly<{ [D in Dimension]?: string | undefined }>;

/** One budget line: a label, its dimensions (canonical model names where the model knows them) and exact amounts. */
export interface BudgetLine {
  readonly sheet: string;
  /** 0-based row of the line on its sheet. */
  readonly row: number;
  readonly label: string;
  readonly dims: DimensionKey;
  readonly budget?: Money | undefined;
  readonly forecast?: Money | undefined;
  readonly actual?: Money | undefined;
  /** The line's variance under the model's convention: (forecast, else actual) against budget; the stated variance where one side is missing. */
  readonly variance?: Money | undefined;
  /** A1 addresses of the figures, for tracing. */
  readonly cells: Readonly<{ budget?: string; forecast?: string; actual?: string; variance?: string }>;
  /** The same figures, whole pence where they are (money/pence.ts), for exact sums without decimal arithmetic. */
  readonly figures?: LineFigures;
}

export type LineFigures = Readonly<{ budget?: Figure | undefined; forecast?: Figure | undefined; actual?: Figure | undefined; variance?: Figure | undefined }>;

/** A line left out of totals because a figure in it cannot be used (text that is not an amount, a formula error). */
export interface ExcludedLine {
  readonly sheet: string;
  readonly cell: string;
  readonly label: string;
  readonly reason: string;
}

/** A table the lines came from. */
export interface LineSource {
  readonly sheet: string;
  readonly range: string;
  readonly title?: string;
  readonly lines: number;
}

export interface LineSet {
  readonly lines: readonly BudgetLine[];
  /** True when some line's base figure is a budget column; false when all are other amounts (outturn, financing). */
  readonly budgetBased?: boolean;
  readonly excluded: readonly ExcludedLine[];
  readonly sources: readonly LineSource[];
}

export interface RollupRow {
  readonly key: DimensionKey;
  readonly lines: number;
  readonly budget: Money;
  readonly forecast: Money;
  readonly actual: Money;
  readonly variance: Money;
  /** variance ÷ budget × 100; null when the budget is zero. */
  readonly variancePct: Money | null;
  /** budget ÷ total budget × 100; null when the total budget is zero. */
  readonly share: Money | null;
  readonly rag: Rag | null;
  /** The model's stated figure for the same thing (a priority area's headline for the year), where it states one. */
  readonly stated: Money | null;
}

export interface YearOnYear {
  readonly year: string;
  readonly total: Money;
  readonly source: 'workbook' | 'model';
  /** Against the year before; null for the first year. */
  readonly change: Money | null;
  readonly changePct: Money | null;
}

/** Where the model (the seed's own figure) and the lines disagree. */
export interface Disagreement {
  readonly key: DimensionKey;
  readonly stated: Money;
  readonly computed: Money;
  readonly source: string;
}

export interface Rollup {
  readonly by: readonly Dimension[];
  /** Which figures any line has: a rollup of budgets alone shows no forecast or actual columns. */
  readonly measures: Readonly<{ budget: boolean; forecast: boolean; actual: boolean }>;
  /** What the base figure is called: "Budget" where the lines state budgets, "Amount" where they state other figures. */
  readonly baseTitle: 'Budget' | 'Amount';
  readonly rows: readonly RollupRow[];
  /** Per value of the first dimension, when rolling up by more than one. */
  readonly subtotals: readonly RollupRow[];
  readonly total: RollupRow;
  readonly excluded: readonly ExcludedLine[];
  readonly sources: readonly LineSource[];
  readonly yearOnYear: readonly YearOnYear[];
  readonly disagreements: readonly Disagreement[];
}
