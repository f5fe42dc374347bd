/**
 * Each fund table of the workbook (allocation, forecast and variance by line) as the panel sees it:
 * the lines as the workbook states them, the variance as a live formula wherever the workbook's own
 * variance is forecast − budget, and the totals as sums, with footnotes where the workbook's stated
 * totals, variances or blanks say otherwise.
 */
import { impliedVariance, measureSets, type MeasureSet } from '../../budget/measures';
import type { Money } from '../../money/decimal';
import { rangeToA1 } from '../../sheet/a1';
import type { Column, Table, TableRow } from '../../sheet/tables/types';
import type { SpecColumn, SpecRow, SpecValue, TableSpec } from '../spec';
import { moneyDisplay, sourceLine, unitNote, type MoneyDisplay, type ReportContext } from './context';
import { displayedPartsDiffer, ROUNDING_NOTE, showPair } from './display';
import { minusOf, numericValue, sumOf } from './formulas';
import { amountOf, cellAddress, poundsOf, tableDecimals, tableYear, unusable } from './source-cells';
import type { TableNames } from './table-names';

interface FundColumns {
  readonly label?: Column;
  readonly budget: Column;
  readonly forecast: Column;
  readonly variance: Column;
}

function fundColumns(table: Table): FundColumns | undefined {
  const set: MeasureSet | undefined = measureSets(table).find((s) => s.budget && s.forecast && s.variance);
  if (!set?.budget || !set.forecast || !set.variance) return undefined;
  const label = table.columns.find((c) => c.role === 'label') ?? table.columns.find((c) => c.role === 'programme');
  return { budget: set.budget, forecast: set.forecast, variance: set.variance, ...(label ? { label } : {}) };
}

/**
 * Fund tables: budget tables with allocation, forecast and variance columns. Line-level tables (a
 * priority-area column on every line) feed the rollup instead; they are not panel tables.
 */
function fundTables(tables: readonly Table[]): Table[] {
  return tables.filter(
    (t) => t.kind === 'budget' && !t.columns.some((c) => c.role === 'priority-area') && fundColumns(t) !== undefined && t.rows.some((r) => r.kind === 'line'),
  );
}

const FIGURES = ['budget', 'forecast', 'variance'] as const;
type Figure = (typeof FIGURES)[number];
const FIGURE_WORD: Readonly<Record<Figure, string>> = { budget: 'Allocation', forecast: 'Forecast', variance: 'Variance' };

function varianceCell(row: TableRow, cols: FundColumns, context: ReportContext, shown: MoneyDisplay, notes: string[], sheet: string): SpecValue {
  const budget = poundsOf(row, cols.budget);
  const forecast = poundsOf(row, cols.forecast);
  const stated = poundsOf(row, cols.variance);
  const convention = context.model.settings.varianceConvention;
  const [a, b] = convention === 'forecast-minus-budget' ? (['forecast', 'budget'] as const) : (['budget', 'forecast'] as const);
  const values: Record<'budget' | 'forecast', Money | null> = { budget, forecast };
  if (budget === null || forecast === null) return stated;
  const implied = impliedVariance(budget, forecast, convention);
  if (stated === null || stated.eq(implied)) return minusOf(a, b, values[a], values[b]);
  const cell = amountOf(row, cols.variance);
  const [said, worked] = showPair(stated, implied, shown);
  notes.push(
    `Variance of “${row.label}” as the workbook states it, ${said}${cell ? ` (${cellAddress(sheet, cell.row, cell.col)})` : ''}; ${a} − ${b} gives ${worked}.`,
  );
  return stated;
}

/** The lines as the workbook states them; unusable figures are noted, blank allocations and forecasts listed. */
function fundLines(table: Table, cols: FundColumns, context: ReportContext, shown: MoneyDisplay, notes: string[], blanks: string[]): SpecRow[] {
  const rows: SpecRow[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'line') continue;
    for (const figure of FIGURES) {
      const a = amountOf(row, cols[figure]);
      const problem = unusable(a);
      const word = FIGURE_WORD[figure];
      if (a && problem) {
        notes.push(`${word} of “${row.label}” (${cellAddress(table.sheet, a.row, a.col)}) ${problem}: left blank here and out of the total.`);
      } else if (figure !== 'variance' && (!a || a.kind === 'missing')) {
        blanks.push(`${word.toLowerCase()} of “${row.label}” (${cellAddress(table.sheet, row.row, cols[figure].col)})`);
      }
    }
    rows.push({
      cells: {
        label: row.label,
        budget: poundsOf(row, cols.budget),
        forecast: poundsOf(row, cols.forecast),
        variance: varianceCell(row, cols, context, shown, notes, table.sheet),
      },
      style: 'body',
    });
  }
  return rows;
}

/** The workbook's own total row, where it has one, against the sum of its lines. */
function statedTotalNotes(table: Table, cols: FundColumns, total: SpecRow, shown: MoneyDisplay): string[] {
  const notes: string[] = [];
  for (const row of table.rows.filter((r) => r.kind === 'total')) {
    for (const figure of FIGURES) {
      const stated = poundsOf(row, cols[figure]);
      const sum = numericValue(total.cells[figure]);
      if (stated === null || sum === null || stated.eq(sum)) continue;
      const [said, summed] = showPair(stated, sum, shown);
      const cell = cellAddress(table.sheet, row.row, cols[figure].col);
      notes.push(`The workbook states a total ${FIGURE_WORD[figure].toLowerCase()} of ${said} (${cell}); its lines sum to ${summed}.`);
    }
  }
  return notes;
}

function fundSpecColumns(cols: FundColumns): SpecColumn[] {
  return [
    { key: 'label', header: cols.label?.header ?? 'Line', type: 'text', minWidth: 30 },
    { key: 'budget', header: 'Allocation', type: 'money', minWidth: 10 },
    { key: 'forecast', header: 'Forecast', type: 'money', minWidth: 10 },
    { key: 'variance', header: 'Variance', type: 'money', minWidth: 10 },
  ];
}

function fundTable(table: Table, name: string, context: ReportContext): TableSpec {
  const cols = fundColumns(table);
  if (!cols) throw new Error(`${table.sheet}!${rangeToA1(table.range)} has no allocation, forecast and variance columns`);
  const display = moneyDisplay(context);
  const decimals = tableDecimals(table, [cols.budget, cols.forecast, cols.variance], display);
  const shown = { unit: display.unit, decimals };
  const notes: string[] = [];
  const blanks: string[] = [];
  const rows = fundLines(table, cols, context, shown, notes, blanks);
  const total: SpecRow = {
    cells: { label: 'Total', budget: sumOf(rows, 'budget', 'body'), forecast: sumOf(rows, 'forecast', 'body'), variance: sumOf(rows, 'variance', 'body') },
    style: 'total',
  };

  const footnotes: string[] = [];
  if (
    FIGURES.some((f) =>
      displayedPartsDiffer(
        rows.map((r) => numericValue(r.cells[f])),
        numericValue(total.cells[f])!,
        shown,
      ),
    )
  )
    footnotes.push(ROUNDING_NOTE);
  footnotes.push(...statedTotalNotes(table, cols, total, shown));
  if (blanks.length > 0) footnotes.push(`Blank in the workbook: ${blanks.join('; ')}.`);
  footnotes.push(...notes);
  footnotes.push(
    context.model.settings.varianceConvention === 'forecast-minus-budget'
      ? 'Variance is forecast minus allocation: a negative variance is an underspend.'
      : 'Variance is allocation minus forecast: a negative variance is an overspend.',
  );

  return {
    name,
    title: table.title ?? table.sheet,
    unitNote: unitNote(display.unit, tableYear(table, [cols.budget, cols.forecast, cols.variance])),
    unit: display.unit,
    decimals,
    columns: fundSpecColumns(cols),
    rows,
    totals: [total],
    conditionalFormats: [{ kind: 'negative', column: 'variance' }],
    footnotes,
    source: sourceLine([{ sheet: table.sheet, range: rangeToA1(table.range) }], context),
  };
}

export function buildFundTables(tables: readonly Table[], names: TableNames, context: ReportContext): TableSpec[] {
  return fundTables(tables).map((t) => fundTable(t, names.name('Panel', 'Fund', t.title ?? t.sheet), context));
}
