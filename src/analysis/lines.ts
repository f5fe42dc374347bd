/**
 * Budget lines from the tables a workbook holds: line-level tables (a column names at least one
 * dimension), and panel tables whose section rows name a priority area. Tables that summarise
 * others (fund tables, priority-area summaries) are for reconciliation and never counted here; a
 * panel table's lines are left out where a line-level table already covers the same priority area
 * and year, so nothing is counted twice.
 */
import { headerKey } from './dimensions';
import { appendAll } from '../util/append';
import { rangeToA1, toA1 } from '../sheet/a1';
import type { Cell, CellValue, Grid, GridWorkbook } from '../sheet/grid';
import type { AmountCell, Column, Table, TableRow } from '../sheet/tables/types';
import { parseFiscalYear } from '../money/fiscal-year';
import type { Money } from '../money/decimal';
import type { CommissioningModel } from '../model/types';
import { buildModelNames, resolvePriorityArea, withoutParenthetical, type ModelNames } from '../model/model-names';
import { baseColumn, impliedVarianceFigure, measureSets, type MeasureSet } from '../budget/measures';
import { findTables } from '../budget/tables';
import { figuresEqual, type Figure } from '../money/pence';
import {
  isColumnDimension,
  type BudgetLine,
  type ColumnDimension,
  type Dimension,
  type DimensionKey,
  type ExcludedLine,
  type LineFigures,
  type LineSet,
  type LineSource,
} from './types';

const DIMENSION_OF_ROLE: Partial<Record<Column['role'], Dimension>> = {
  'priority-area': 'priority-area',
  'funding-stream': 'funding-stream',
  programme: 'programme',
  borough: 'borough',
  'commissioning-model': 'commissioning-model',
  year: 'year',
};

function textOf(v: CellValue | null): string {
  if (typeof v === 'string') return v.trim();
  if (v === null || typeof v === 'object') return '';
  return String(v);
}

/** The model's name for a dimension value where it knows one; the text as written otherwise. */
function canonical(dimension: Dimension, text: string, names: ModelNames): string {
  if (isColumnDimension(dimension)) return text;
  switch (dimension) {
    case 'priority-area':
      return resolvePriorityArea(names, text)?.name ?? text;
    case 'funding-stream':
      return names.fundingStreams.resolve(text)?.name ?? text;
    case 'programme': {
      const entry = names.programmes.resolve(text) ?? names.programmes.resolve(withoutParenthetical(text));
      return entry ? (entry.component?.name ?? entry.programme.name) : text;
    }
    case 'borough':
      return names.boroughs.resolve(text)?.name ?? text;
    case 'commissioning-model':
      return names.commissioningModels.resolve(text)?.name ?? text;
    case 'year': {
      const parsed = parseFiscalYear(text);
      return parsed.kind === 'year' ? parsed.year.label : text;
    }
  }
}

/**
 * A line-level table names each line (a label or ref column of its own) and states at least one of its
 * dimensions in a column. A table that is only a dimension and its figures ("Priority area | £m") is a
 * summary of other tables, and a table grouped under priority-area section rows is a panel table.
 */
function isLineLevel(table: Table, names: ModelNames, byColumns: readonly ColumnDimension[]): boolean {
  const byModel = (c: Column) => c.declared && DIMENSION_OF_ROLE[c.role] !== undefined && c.role !== 'year';
  const byColumn = (c: Column) => byColumns.some((d) => headerNames(c, d));
  // A register's awards are rolled up only by a column asked for by name (grants by programme or by
  // recipient); by the model's dimensions its awards would count again the budget lines they are spent under.
  const kindCounts = table.kind === 'budget' || (table.kind === 'register' && table.columns.some(byColumn));
  const groupedBy = (c: Column) => byModel(c) || byColumn(c);
  return (
    kindCounts &&
    table.columns.some((c) => c.role === 'label' || c.role === 'ref') &&
    table.columns.some(groupedBy) &&
    measureSets(table).some((s) => baseColumn(s) !== undefined) &&
    !sectionAreas(table, names).some((a) => a !== undefined)
  );
}

/** A column named by a column dimension: its header as written, compared without case or spacing. */
function headerNames(col: Column, dimension: ColumnDimension): boolean {
  return headerKey(col.header) === headerKey(dimension.slice('column:'.length));
}

function sectionAreas(table: Table, names: ModelNames): (string | undefined)[] {
  return table.sections.map((s) => resolvePriorityArea(names, s.name)?.name);
}

interface Extracted {
  readonly lines: BudgetLine[];
  readonly excluded: ExcludedLine[];
  readonly budgetBased: boolean;
}

function extractFrom(
  table: Table,
  grid: Grid,
  names: ModelNames,
  model: CommissioningModel,
  areas: (string | undefined)[] | undefined,
  byColumns: readonly ColumnDimension[],
): Extracted {
  const lines: BudgetLine[] = [];
  const excluded: ExcludedLine[] = [];
  // Dimension values repeat: each column resolves each distinct text once.
  const dimensionCols = table.columns.flatMap((col) => {
    const dimension = DIMENSION_OF_ROLE[col.role];
    const named = byColumns.filter((d) => headerNames(col, d)).map((d) => ({ col: col.col, dimension: d, resolved: new Map<string, string>() }));
    return dimension === undefined ? named : [{ col: col.col, dimension, resolved: new Map<string, string>() }, ...named];
  });
  const colsOf = new Map<Dimension, typeof dimensionCols>();
  for (const d of dimensionCols)
    colsOf.set(
      d.dimension,
      dimensionCols.filter((x) => x.dimension === d.dimension),
    );
  const valueIn = (cells: readonly (Cell | undefined)[], dimension: Dimension): string | undefined => {
    const cols = colsOf.get(dimension);
    if (cols === undefined) return undefined;
    let value: string | undefined;
    for (const d of cols) {
      const text = textOf(cells[d.col]?.value ?? null);
      if (text === '') continue;
      value = d.resolved.get(text);
      if (value === undefined) d.resolved.set(text, (value = canonical(dimension, text, names)));
    }
    return value;
  };
  const { countable, leftOut } = countableSets(table);
  if (leftOut) excluded.push(leftOut);
  const sets = countable.map((set) => {
    const columns = figureColumns(set);
    return { set, columns, at: Object.fromEntries(columns.map(([name, col]) => [name, col.col])) };
  });
  for (const row of table.rows) {
    if (row.kind !== 'line') continue;
    const cells = grid.row(row.row);
    // One literal of one shape per line (a dimension not given is undefined): 100,000 lines share it.
    const dims: DimensionKey = {
      'priority-area': valueIn(cells, 'priority-area') ?? (areas && row.section !== undefined ? areas[row.section] : undefined),
      'funding-stream': valueIn(cells, 'funding-stream'),
      programme: valueIn(cells, 'programme'),
      borough: valueIn(cells, 'borough'),
      'commissioning-model': valueIn(cells, 'commissioning-model'),
      year: valueIn(cells, 'year'),
    };
    // Columns asked for by header widen the shape only when asked for.
    const withColumns: DimensionKey = byColumns.length === 0 ? dims : { ...dims, ...Object.fromEntries(byColumns.map((d) => [d, valueIn(cells, d)])) };
    for (const { set, columns, at } of sets) {
      const year = set.budget?.year?.label ?? set.amount?.year?.label ?? withColumns.year ?? table.titleYear?.label;
      const line = lineFrom(table, row, set, columns, at, year && year !== withColumns.year ? { ...withColumns, year } : withColumns, model);
      if ('reason' in line) excluded.push(line);
      else lines.push(line);
    }
  }
  // A register's "amount awarded" is not a budget, whatever role its column plays in the checks.
  return { lines, excluded, budgetBased: table.kind === 'budget' && countable.some((set) => set.budget !== undefined) };
}

/**
 * The figure sets of a table that may be added into a rollup. Sets told apart by a year or a heading
 * are different years' or groups' figures of the same lines. Several figures of a line that nothing
 * tells apart (sources of finance side by side, a total column beside them) are different measures:
 * adding them would count a total with its parts. Of those, only a total column over all the others is
 * taken (or the one budget among other amounts); with neither, the table's figures are left out and said
 * so, never summed into one "budget".
 */
function countableSets(table: Table): { countable: MeasureSet[]; leftOut?: ExcludedLine } {
  const sets = measureSets(table).filter((s) => baseColumn(s) !== undefined);
  const bySlot = new Map<string, MeasureSet[]>();
  for (const set of sets) {
    const slot = set.key.split('|').slice(0, 2).join('|');
    const list = bySlot.get(slot);
    if (list) list.push(set);
    else bySlot.set(slot, [set]);
  }
  const countable: MeasureSet[] = [];
  const dropped: MeasureSet[] = [];
  for (const slotSets of bySlot.values()) {
    if (slotSets.length === 1) {
      countable.push(slotSets[0]);
      continue;
    }
    // A stated budget (or amount awarded) beside other amounts (applied for, paid) is the line's figure.
    const budgets = slotSets.filter((set) => set.budget !== undefined);
    const total = budgets.length === 1 ? budgets[0] : totalOverAll(table, slotSets);
    if (total) countable.push(total);
    else dropped.push(...slotSets);
  }
  if (dropped.length === 0) return { countable };
  const first = baseColumn(dropped[0]) as Column;
  const headers = dropped
    .slice(0, 3)
    .map((set) => `“${(baseColumn(set) as Column).header}”`)
    .join(', ');
  return {
    countable,
    leftOut: {
      sheet: table.sheet,
      cell: toA1(table.headerRows[0] ?? table.range.start.row, first.col),
      label: table.title ?? `${table.sheet}!${rangeToA1(table.range)}`,
      reason: `${dropped.length} figures per line (${headers}${dropped.length > 3 ? ' …' : ''}) with no year or heading to tell them apart and no total column over them: not added together`,
    },
  };
}

/** The set whose base column totals every other set's base column, directly or through subtotal columns. */
function totalOverAll(table: Table, sets: readonly MeasureSet[]): MeasureSet | undefined {
  const bases = sets.map((s) => (baseColumn(s) as Column).col);
  const covered = (col: number, seen: Set<number>): Set<number> => {
    const total = table.columnTotals.find((t) => t.col === col);
    if (!total) return seen;
    for (const part of [...total.adds, ...total.subtracts]) {
      if (seen.has(part)) continue;
      seen.add(part);
      covered(part, seen);
    }
    return seen;
  };
  return sets.find((set) => {
    const col = (baseColumn(set) as Column).col;
    const parts = covered(col, new Set());
    return bases.every((b) => b === col || parts.has(b));
  });
}

type FigureName = 'budget' | 'forecast' | 'actual' | 'variance';

/** A set's figure columns, worked out once per table rather than once per line. */
function figureColumns(set: MeasureSet): [FigureName, Column][] {
  const columns: [FigureName, Column | undefined][] = [
    ['budget', baseColumn(set)],
    ['forecast', set.forecast],
    ['actual', set.actual],
    ['variance', set.variance],
  ];
  return columns.filter((c): c is [FigureName, Column] => c[1] !== undefined);
}

/** Where a set's figures are: its columns, once per set rather than once per line. */
type FigureColumns = { readonly [K in FigureName]?: number };

/**
 * A line as extracted: it keeps where its figures are, not copies of them, and builds its figures,
 * decimals and cell addresses only when something asks; a rollup of 100,000 lines asks for figures once.
 */
class ExtractedLine implements BudgetLine {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly label: string,
    readonly dims: DimensionKey,
    private readonly amounts: ReadonlyMap<number, AmountCell>,
    private readonly columns: FigureColumns,
    /** The line's variance where it is not the variance column's own figure (worked out from budget and outturn). */
    private readonly workedVariance: Figure | undefined,
  ) {}

  private figure(name: FigureName): FigureCell | undefined {
    const col = this.columns[name];
    const a = col === undefined ? undefined : this.amounts.get(col);
    return a?.kind === 'amount' ? a : undefined;
  }

  get figures(): LineFigures {
    return {
      budget: this.figure('budget'),
      forecast: this.figure('forecast'),
      actual: this.figure('actual'),
      variance: this.workedVariance ?? this.figure('variance'),
    };
  }

  get budget(): Money | undefined {
    return this.figure('budget')?.pounds;
  }

  get forecast(): Money | undefined {
    return this.figure('forecast')?.pounds;
  }

  get actual(): Money | undefined {
    return this.figure('actual')?.pounds;
  }

  get variance(): Money | undefined {
    return (this.workedVariance ?? this.figure('variance'))?.pounds;
  }

  get cells(): BudgetLine['cells'] {
    const cells: { -readonly [K in FigureName]?: string } = {};
    for (const name of ['budget', 'forecast', 'actual', 'variance'] as const) {
      const a = this.figure(name);
      if (a) cells[name] = toA1(a.row, a.col);
    }
    return cells;
  }
}

type FigureCell = Extract<AmountCell, { kind: 'amount' }>;

function lineFrom(
  table: Table,
  row: TableRow,
  set: MeasureSet,
  columns: readonly [FigureName, Column][],
  at: FigureColumns,
  dims: DimensionKey,
  model: CommissioningModel,
): BudgetLine | ExcludedLine {
  const found: { -readonly [K in FigureName]?: FigureCell } = {};
  for (const [name, col] of columns) {
    const a = row.amounts.get(col.col);
    if (!a) continue;
    if (a.kind === 'invalid' || a.kind === 'error') {
      return {
        sheet: table.sheet,
        cell: toA1(a.row, a.col),
        label: row.label,
        reason: a.kind === 'error' ? `${toA1(a.row, a.col)} shows ${a.code}` : `${toA1(a.row, a.col)} is not an amount (“${a.text}”)`,
      };
    }
    if (a.kind === 'amount') found[name] = a;
  }
  const outturn = set.forecast ? found.forecast : found.actual;
  const worked =
    found.budget !== undefined && outturn !== undefined ? impliedVarianceFigure(found.budget, outturn, model.settings.varianceConvention) : undefined;
  // Where the stated variance is that figure exactly, the line reads the cell rather than keep a copy.
  const sameAsStated = worked !== undefined && found.variance !== undefined && found.variance.step.isZero() && figuresEqual(found.variance, worked);
  return new ExtractedLine(table.sheet, row.row, row.label, dims, row.amounts, at, sameAsStated ? undefined : worked);
}

/** Pairs of strings (priority area, year), kept without building a key string per line. */
class PairSet {
  private readonly seconds = new Map<string, Set<string>>();

  add(first: string, second: string): void {
    let set = this.seconds.get(first);
    if (!set) this.seconds.set(first, (set = new Set()));
    set.add(second);
  }

  has(first: string, second: string): boolean {
    return this.seconds.get(first)?.has(second) ?? false;
  }
}

export function extractLines(
  workbook: GridWorkbook,
  model: CommissioningModel,
  options: { tables?: readonly Table[] | undefined; names?: ModelNames; byColumns?: readonly ColumnDimension[] } = {},
): LineSet {
  const names = options.names ?? buildModelNames(model);
  const byColumns = options.byColumns ?? [];
  const tables = options.tables ?? findTables(workbook, model, names);
  const grids = new Map(workbook.sheets.map((g) => [g.name, g]));
  const lines: BudgetLine[] = [];
  const excluded: ExcludedLine[] = [];
  const sources: LineSource[] = [];
  const covered = new PairSet();
  let budgetBased = false;
  const add = (table: Table, extracted: Extracted): void => {
    if (extracted.lines.length === 0 && extracted.excluded.length === 0) return;
    if (extracted.lines.length > 0 && extracted.budgetBased) budgetBased = true;
    appendAll(lines, extracted.lines);
    appendAll(excluded, extracted.excluded);
    sources.push({ sheet: table.sheet, range: rangeToA1(table.range), ...(table.title ? { title: table.title } : {}), lines: extracted.lines.length });
  };

  for (const table of tables) {
    const grid = grids.get(table.sheet);
    if (!grid || !isLineLevel(table, names, byColumns)) continue;
    const extracted = extractFrom(table, grid, names, model, undefined, byColumns);
    for (const line of extracted.lines) covered.add(line.dims['priority-area'] ?? '', line.dims.year ?? '');
    add(table, extracted);
  }
  for (const table of tables) {
    const grid = grids.get(table.sheet);
    if (!grid || table.kind !== 'budget' || table.sections.length === 0) continue;
    const areas = sectionAreas(table, names);
    if (!areas.some((a) => a !== undefined)) continue;
    const extracted = extractFrom(table, grid, names, model, areas, byColumns);
    const fresh = extracted.lines.filter((l) => l.dims['priority-area'] !== undefined && !covered.has(l.dims['priority-area'], l.dims.year ?? ''));
    add(table, { lines: fresh, excluded: extracted.excluded, budgetBased: extracted.budgetBased });
  }
  return { lines, excluded, sources, budgetBased };
}
