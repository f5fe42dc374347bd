/**
 * The Rollup sheet: budget lines summed by the chosen dimensions, with variance, share, RAG and the
 * model's stated figure; totals and variances as live formulas whose cached values are the engine's
 * exact sums; footnotes on rounding, lines left out, sources and disagreements with the model.
 */
import { rollupDecimals } from '../../analysis/rollup';
import { controlledRound } from '../../analysis/rounding';
import { dimensionInWords, dimensionTitle, type Dimension, type DimensionKey, type Rollup, type RollupRow } from '../../analysis/types';
import { Money, ZERO } from '../../money/decimal';
import { UNITS } from '../../money/units';
import type { CommissioningModel, RoundingPolicy } from '../../model/types';
import type { ChartSpec, ConditionalFormat, SheetSpec, SpecColumn, SpecRow, SpecValue, TableSpec } from '../spec';
import { listInWords, plural, sourceLine, unitNote, type MoneyDisplay, type ReportContext } from './context';
import { displayedPartsDiffer, ROUNDING_NOTE, showMoney, showPair } from './display';
import { minusOf, numericValue, percentOfColumns, sumOf } from './formulas';
import { TableNames } from './table-names';
import { yearOnYearTable } from './year-on-year';

type Measure = 'budget' | 'forecast' | 'actual';
const MEASURE_HEADERS: Readonly<Record<Measure, string>> = { budget: 'Budget', forecast: 'Forecast', actual: 'Actual' };

interface RollupSheetOptions {
  /** Overrides the model's rounding policy: 'largest-remainder' publishes figures that add up. */
  readonly rounding?: RoundingPolicy;
}

/** Which columns the table has: forecast and actual only where some line has one, stated only where the model states a figure. */
interface Layout {
  readonly by: readonly Dimension[];
  readonly lineCounts: boolean;
  readonly measures: readonly Measure[];
  readonly baseTitle: string;
  readonly variance: boolean;
  readonly stated: boolean;
}

function layoutOf(rollup: Rollup, lineCounts: boolean): Layout {
  const measured = rollup.measures;
  const measures: Measure[] = ['budget'];
  if (measured.forecast) measures.push('forecast');
  if (measured.actual) measures.push('actual');
  const all = [...rollup.rows, rollup.total];
  return {
    by: rollup.by,
    lineCounts,
    measures,
    baseTitle: rollup.baseTitle,
    variance: measured.forecast || measured.actual || all.some((r) => !r.variance.isZero()),
    stated: all.some((r) => r.stated !== null),
  };
}

function columnsOf(layout: Layout): SpecColumn[] {
  const columns: SpecColumn[] = layout.by.map((d) => ({ key: d, header: dimensionTitle(d), type: 'text', minWidth: 14 }));
  if (layout.lineCounts) columns.push({ key: 'lines', header: 'Lines', type: 'integer', minWidth: 6 });
  for (const m of layout.measures) columns.push({ key: m, header: m === 'budget' ? layout.baseTitle : MEASURE_HEADERS[m], type: 'money', minWidth: 10 });
  if (layout.variance) {
    columns.push({ key: 'variance', header: 'Variance', type: 'money', minWidth: 10 });
    columns.push({ key: 'variancePct', header: 'Variance %', type: 'percent', minWidth: 10 });
  }
  columns.push({ key: 'share', header: 'Share %', type: 'percent', minWidth: 8 });
  // RAG rates a variance: without one there is no status to show.
  if (layout.variance) columns.push({ key: 'rag', header: 'RAG', type: 'rag', minWidth: 6 });
  if (layout.stated) columns.push({ key: 'stated', header: 'Stated', type: 'money', minWidth: 10 });
  return columns;
}

function keyText(key: DimensionKey, by: readonly Dimension[]): string {
  return by
    .map((d) => key[d] ?? '')
    .filter((v) => v !== '')
    .join(', ');
}

/**
 * The variance as a formula where a formula on this row's own cells gives exactly the engine's
 * figure (forecast − budget under the usual convention, or actual − budget where there is no
 * forecast); otherwise the engine's figure as a value, since the lines mix forecasts and actuals.
 */
function varianceFormulaColumns(row: RollupRow, layout: Layout, model: CommissioningModel): [string, string] | undefined {
  const convention = model.settings.varianceConvention;
  for (const outturn of ['forecast', 'actual'] as const) {
    if (!layout.measures.includes(outturn)) continue;
    const o = row[outturn];
    if (convention === 'forecast-minus-budget' && row.variance.eq(o.minus(row.budget))) return [outturn, 'budget'];
    if (convention === 'budget-minus-forecast' && row.variance.eq(row.budget.minus(o))) return ['budget', outturn];
  }
  return undefined;
}

/** Variance % as a formula where it matches the engine (which divides by the budget's size, so negative budgets keep their value). */
function variancePctCell(variance: Money | null, budget: Money | null, engine: Money | null): SpecValue {
  if (budget !== null && budget.isNegative()) return engine;
  return percentOfColumns('variance', 'budget', variance, budget);
}

interface Body {
  readonly rows: SpecRow[];
  readonly notes: string[];
}

function bodyRows(rollup: Rollup, layout: Layout, display: MoneyDisplay, policy: RoundingPolicy, model: CommissioningModel): Body {
  const controlled = policy === 'largest-remainder';
  const notes: string[] = [];
  const moved: string[] = [];
  const shown = new Map<string, Money[]>();
  for (const m of layout.measures) {
    const exact = rollup.rows.map((r) => r[m]);
    if (!controlled) {
      shown.set(m, exact);
      continue;
    }
    const result = controlledRound(exact, display.unit, display.decimals);
    shown.set(m, result.rounded);
    for (const i of result.moved) moved.push(`${MEASURE_HEADERS[m]} of ${keyText(rollup.rows[i].key, layout.by)}`);
  }
  const formulaColumns = rollup.rows.map((r) => (layout.variance ? varianceFormulaColumns(r, layout, model) : undefined));
  // Variances that are not formulas are figures of their own; rounded together so they add up too.
  const valueRows = rollup.rows.map((_, i) => i).filter((i) => formulaColumns[i] === undefined);
  const varianceValues = new Map<number, Money>();
  if (controlled && valueRows.length > 0) {
    const result = controlledRound(
      valueRows.map((i) => rollup.rows[i].variance),
      display.unit,
      display.decimals,
    );
    valueRows.forEach((i, j) => varianceValues.set(i, result.rounded[j]));
    for (const j of result.moved) moved.push(`Variance of ${keyText(rollup.rows[valueRows[j]].key, layout.by)}`);
  } else for (const i of valueRows) varianceValues.set(i, rollup.rows[i].variance);

  const rows = rollup.rows.map((r, i): SpecRow => {
    const cells: Record<string, SpecValue> = {};
    for (const d of layout.by) cells[d] = r.key[d] ?? '';
    if (layout.lineCounts) cells.lines = r.lines;
    for (const m of layout.measures) cells[m] = shown.get(m)![i];
    if (layout.variance) {
      const pair = formulaColumns[i];
      cells.variance = pair ? minusOf(pair[0], pair[1], numericValue(cells[pair[0]]), numericValue(cells[pair[1]])) : varianceValues.get(i)!;
      cells.variancePct = variancePctCell(numericValue(cells.variance), numericValue(cells.budget), r.variancePct);
    }
    cells.share = r.share;
    if (layout.variance) cells.rag = r.rag ?? '';
    if (layout.stated) cells.stated = r.stated;
    return { cells, style: 'body' };
  });

  if (controlled) {
    const step = showMoney(stepOf(display), display);
    notes.push(
      moved.length === 0
        ? 'Figures rounded so that they add up (largest remainder); no figure needed moving.'
        : `Figures rounded so that they add up (largest remainder); ${movedInWords(moved)} moved by ${step}.`,
    );
  }
  return { rows, notes };
}

/** Figures moved by controlled rounding, named up to a point: a footnote is not a list of every row. */
const MAX_NAMED_MOVES = 8;

function movedInWords(moved: readonly string[]): string {
  if (moved.length <= MAX_NAMED_MOVES) return listInWords(moved);
  return `${moved.slice(0, MAX_NAMED_MOVES).join(', ')} and ${moved.length - MAX_NAMED_MOVES} other figures`;
}

/** One unit of the last decimal shown: £0.1m for £m to 1 dp. */
function stepOf(display: MoneyDisplay): Money {
  return UNITS[display.unit].factor.div(new Money(10).pow(display.decimals));
}

/** A subtotal or total row: sums over `rows` of every figure column. */
function summaryRow(
  body: readonly SpecRow[],
  rows: 'body' | readonly number[],
  labels: Readonly<Record<string, string>>,
  engine: RollupRow,
  layout: Layout,
  style: 'subtotal' | 'total',
): SpecRow {
  const cells: Record<string, SpecValue> = {};
  for (const d of layout.by) cells[d] = labels[d] ?? '';
  if (layout.lineCounts) cells.lines = sumOf(body, 'lines', rows);
  for (const m of layout.measures) cells[m] = sumOf(body, m, rows);
  if (layout.variance) {
    cells.variance = sumOf(body, 'variance', rows);
    cells.variancePct = variancePctCell(numericValue(cells.variance), numericValue(cells.budget), engine.variancePct);
  }
  cells.share = engine.share;
  if (layout.variance) cells.rag = engine.rag ?? '';
  if (layout.stated) cells.stated = engine.stated;
  return { cells, style };
}

function roundingDiffers(
  body: readonly SpecRow[],
  summaries: readonly { rows: 'body' | readonly number[]; row: SpecRow }[],
  keys: readonly string[],
  display: MoneyDisplay,
): boolean {
  for (const { rows, row } of summaries) {
    const indexes = rows === 'body' ? body.map((_, i) => i) : rows;
    for (const key of keys) {
      const total = numericValue(row.cells[key]) ?? ZERO;
      if (
        displayedPartsDiffer(
          indexes.map((i) => numericValue(body[i].cells[key])),
          total,
          display,
        )
      )
        return true;
    }
  }
  return false;
}

function sourcesNote(rollup: Rollup): string | undefined {
  if (rollup.sources.length === 0) return undefined;
  const parts = rollup.sources.map((s) => `${s.sheet}!${s.range}${s.title ? ` (“${s.title}”)` : ''}, ${plural(s.lines, 'line')}`);
  return `From ${listInWords(parts)}.`;
}

function excludedNote(rollup: Rollup): string | undefined {
  const n = rollup.excluded.length;
  if (n === 0) return undefined;
  const parts = rollup.excluded.map((e) => `${e.sheet}!${e.reason}${e.label ? ` in “${e.label}”` : ''}`);
  return `${plural(n, 'line')} left out of totals: ${parts.join('; ')}.`;
}

function disagreementNotes(rollup: Rollup, display: MoneyDisplay): string[] {
  const notes = rollup.disagreements.map((d) => {
    const [stated, computed] = showPair(d.stated, d.computed, display);
    return `The model states ${stated} for ${keyText(d.key, rollup.by)} (${d.source}); its lines sum to ${computed}.`;
  });
  const total = rollup.total;
  if (total.stated !== null) {
    const [stated, computed] = showPair(total.stated, total.budget, display);
    if (showMoney(total.stated, display) !== showMoney(total.budget, display)) {
      notes.push(`The model states ${stated} in total; the lines sum to ${computed}.`);
    } else if (!total.stated.eq(total.budget)) {
      notes.push(`The model states ${stated} in total; the lines sum to ${computed}, the same to the figures shown.`);
    }
  }
  return notes;
}

function rollupTitle(by: readonly Dimension[]): string {
  return `Spend by ${listInWords(by.map((d) => dimensionInWords(d)))}`;
}

function singleYear(rollup: Rollup): string | undefined {
  const years = new Set(rollup.yearOnYear.filter((y) => y.source === 'workbook').map((y) => y.year));
  return years.size === 1 ? [...years][0] : undefined;
}

/** A small table of budget by priority area, for the chart, when the main table splits areas further. */
function priorityAreaChartTable(rollup: Rollup, body: readonly SpecRow[], name: string, display: MoneyDisplay, source: string): TableSpec {
  const order: string[] = [];
  const rowsOf = new Map<string, number[]>();
  rollup.rows.forEach((r, i) => {
    const area = r.key['priority-area'] ?? '';
    if (!rowsOf.has(area)) {
      rowsOf.set(area, []);
      order.push(area);
    }
    rowsOf.get(area)!.push(i);
  });
  const rows: SpecRow[] = order.map((area) => {
    let budget = ZERO;
    for (const i of rowsOf.get(area)!) budget = budget.plus(numericValue(body[i].cells.budget) ?? ZERO);
    return { cells: { 'priority-area': area, budget } };
  });
  return {
    name,
    title: 'Budget by priority area',
    unitNote: unitNote(display.unit),
    unit: display.unit,
    decimals: display.decimals,
    columns: [
      { key: 'priority-area', header: 'Priority area', type: 'text', minWidth: 14 },
      { key: 'budget', header: 'Budget', type: 'money', minWidth: 10 },
    ],
    rows,
    totals: [{ cells: { 'priority-area': 'Total', budget: sumOf(rows, 'budget', 'body') }, style: 'total' }],
    conditionalFormats: [{ kind: 'dataBar', column: 'budget' }],
    footnotes: ['The budget rows of the table above, added up by priority area.'],
    source,
  };
}

interface RollupTablesOptions extends RollupFiguresOptions {
  /** Table names start "CW_<prefix>_…": "Rollup" on the Rollup sheet, "Panel" in the panel report. */
  readonly prefix: string;
  readonly title?: string;
}

interface RollupTables {
  readonly main: TableSpec;
  /** Budget by priority area for the chart, when the main table splits priority areas further. */
  readonly chartTable?: TableSpec;
  readonly yearOnYear?: TableSpec;
  readonly chart?: ChartSpec;
}

/**
 * The main table's figures as the Rollup sheet shows them: its columns, its rows rounded as the policy
 * says, its subtotals (by the first dimension, where there are two or more) and total, and the notes
 * its rounding needs. The command line's text rollup is rendered from these too, so the two agree.
 */
export interface RollupFigures {
  readonly display: MoneyDisplay;
  readonly columns: readonly SpecColumn[];
  readonly rows: readonly SpecRow[];
  /** Each subtotal, then the total: sums of the rows as shown. */
  readonly totals: readonly SpecRow[];
  readonly roundingNotes: readonly string[];
}

interface RollupFiguresOptions extends RollupSheetOptions {
  /** Show how many lines each row sums (the Rollup sheet does; a panel appendix does not). */
  readonly lineCounts: boolean;
}

export function rollupFigures(rollup: Rollup, model: CommissioningModel, options: RollupFiguresOptions): RollupFigures {
  if (rollup.by.length === 0) throw new Error('a rollup needs at least one dimension, such as priority-area');
  const { displayUnit: unit, displayDecimals } = model.settings;
  const display = { unit, decimals: rollupDecimals(rollup, unit, displayDecimals) };
  const policy = options.rounding ?? model.settings.roundingPolicy;
  const layout = layoutOf(rollup, options.lineCounts);
  const { rows, notes } = bodyRows(rollup, layout, display, policy, model);
  const summaries = summaryRows(rollup, rows, layout);
  const moneyKeys = [...layout.measures, ...(layout.variance ? ['variance'] : [])];
  const roundingNotes = [...notes];
  if (policy !== 'largest-remainder' && roundingDiffers(rows, summaries, moneyKeys, display)) roundingNotes.push(ROUNDING_NOTE);
  return { display, columns: columnsOf(layout), rows, totals: summaries.map((s) => s.row), roundingNotes };
}

type Summary = { readonly rows: 'body' | readonly number[]; readonly row: SpecRow };

/** A subtotal for each value of the first dimension where there are two or more dimensions, then the total. */
function summaryRows(rollup: Rollup, body: readonly SpecRow[], layout: Layout): Summary[] {
  const summaries: Summary[] = [];
  if (layout.by.length > 1) {
    const first = layout.by[0];
    for (const sub of rollup.subtotals) {
      const value = sub.key[first];
      const indexes = rollup.rows.map((r, i) => (r.key[first] === value ? i : -1)).filter((i) => i >= 0);
      if (indexes.length === 0) continue;
      summaries.push({ rows: indexes, row: summaryRow(body, indexes, { [first]: value ?? '', [layout.by[1]]: 'Subtotal' }, sub, layout, 'subtotal') });
    }
  }
  summaries.push({ rows: 'body', row: summaryRow(body, 'body', { [layout.by[0]]: 'Total' }, rollup.total, layout, 'total') });
  return summaries;
}

function rollupFootnotes(rollup: Rollup, figures: RollupFigures, context: ReportContext): string[] {
  const footnotes: string[] = [...figures.roundingNotes];
  footnotes.push(...disagreementNotes(rollup, figures.display));
  const excluded = excludedNote(rollup);
  if (excluded) footnotes.push(excluded);
  const sources = sourcesNote(rollup);
  if (sources) footnotes.push(sources);
  if (figures.columns.some((c) => c.key === 'variance')) {
    footnotes.push(
      context.model.settings.varianceConvention === 'forecast-minus-budget'
        ? 'Variance is forecast (or actual, where there is no forecast) minus budget; RAG by the model’s thresholds.'
        : 'Variance is budget minus forecast (or actual, where there is no forecast); RAG by the model’s thresholds.',
    );
  }
  return footnotes;
}

export function buildRollupTables(rollup: Rollup, context: ReportContext, names: TableNames, options: RollupTablesOptions): RollupTables {
  const figures = rollupFigures(rollup, context.model, options);
  const { display } = figures;
  const variance = figures.columns.some((c) => c.key === 'variance');
  const workbookSources = rollup.sources.map((s) => ({ sheet: s.sheet, range: s.range }));
  const source = sourceLine(workbookSources, context);
  const charted = rollup.by.includes('priority-area');
  const conditionalFormats: ConditionalFormat[] = variance
    ? [
        { kind: 'rag', column: 'rag' },
        { kind: 'negative', column: 'variance' },
      ]
    : [];
  if (charted && rollup.by.length === 1) conditionalFormats.push({ kind: 'dataBar', column: 'budget' });

  const main: TableSpec = {
    name: names.name(options.prefix, 'By', ...rollup.by.map((d) => dimensionTitle(d))),
    title: options.title ?? rollupTitle(rollup.by),
    unitNote: unitNote(display.unit, singleYear(rollup)),
    unit: display.unit,
    decimals: display.decimals,
    columns: figures.columns,
    rows: figures.rows,
    totals: figures.totals,
    conditionalFormats,
    footnotes: rollupFootnotes(rollup, figures, context),
    source,
  };
  let chartTable: TableSpec | undefined;
  let chart: ChartSpec | undefined;
  if (charted && rollup.by.length === 1) {
    chart = { title: 'Spend by priority area', table: main.name, labelColumn: 'priority-area', valueColumn: 'budget' };
  } else if (charted) {
    chartTable = priorityAreaChartTable(rollup, figures.rows, names.name(options.prefix, 'Budget', 'By', 'Priority', 'Area'), display, source);
    chart = { title: 'Spend by priority area', table: chartTable.name, labelColumn: 'priority-area', valueColumn: 'budget' };
  }
  const yearOnYear =
    rollup.yearOnYear.length > 1
      ? yearOnYearTable(rollup.yearOnYear, names.name(options.prefix, 'Year', 'On', 'Year'), 'Total commissioning spend by year', workbookSources, context)
      : undefined;
  return { main, ...(chartTable ? { chartTable } : {}), ...(yearOnYear ? { yearOnYear } : {}), ...(chart ? { chart } : {}) };
}

export function buildRollupSheet(rollup: Rollup, context: ReportContext, options: RollupSheetOptions = {}): SheetSpec {
  const built = buildRollupTables(rollup, context, new TableNames(), { ...options, prefix: 'Rollup', lineCounts: true });
  const tables = [built.main, ...(built.chartTable ? [built.chartTable] : []), ...(built.yearOnYear ? [built.yearOnYear] : [])];
  const dims = listInWords(rollup.by.map((d) => dimensionInWords(d)));
  const paragraphs =
    rollup.rows.length === 0
      ? [{ text: 'No budget lines found: nothing to roll up.', emphasis: 'warning' as const }]
      : [{ text: `${plural(rollup.total.lines, 'budget line')} rolled up by ${dims}.` }];
  return { name: 'Rollup', paragraphs, tables, ...(built.chart ? { chart: built.chart } : {}) };
}
