/**
 * Key activities per priority area, as the panel appendix lists them: each priority area with the
 * figure it is stated at, then its activities. The area's own row sums its activities with a live
 * formula, so a stated figure that its lines do not add up to shows beside the sum.
 */
import { buildModelNames, resolvePriorityArea } from '../../model/model-names';
import { rangeToA1 } from '../../sheet/a1';
import type { Grid } from '../../sheet/grid';
import type { Column, Table } from '../../sheet/tables/types';
import type { SpecColumn, SpecRow, SpecValue, TableSpec } from '../spec';
import { moneyDisplay, sourceLine, unitNote, type MoneyDisplay, type ReportContext } from './context';
import { displayedPartsDiffer, ROUNDING_NOTE, showPair } from './display';
import { numericValue, sumOf } from './formulas';
import { amountOf, cellAddress, cellText, poundsOf, tableDecimals, tableYear, unusable } from './source-cells';
import type { TableNames } from './table-names';

/** Tables grouped under section rows of which at least one names a priority area. */
function activityTables(tables: readonly Table[], context: ReportContext): Table[] {
  const names = buildModelNames(context.model);
  return tables.filter((t) => t.kind === 'budget' && t.sections.some((s) => resolvePriorityArea(names, s.name) !== undefined));
}

/** The column the activities' figures are in: the budget, else a generic amount, else the first measure. */
function figureColumn(table: Table): Column | undefined {
  return (
    table.columns.find((c) => c.role === 'budget') ??
    table.columns.find((c) => c.role === 'amount') ??
    table.columns.find((c) => c.role === 'forecast' || c.role === 'actual')
  );
}

/** A priority area's row in the table: where it is, its lines' rows, and the figure the sheet states for it. */
interface AreaRow {
  readonly index: number;
  readonly lines: number[];
  readonly name: string;
  readonly stated: SpecValue;
  readonly cell?: string;
}

/** The table's body as it is built: every row, which are lines and which are areas, and notes on the way. */
interface ActivityBody {
  readonly rows: SpecRow[];
  readonly lineIndexes: number[];
  readonly areas: AreaRow[];
  readonly footnotes: string[];
}

function activityColumns(stream: Column | undefined): SpecColumn[] {
  const columns: SpecColumn[] = [{ key: 'activity', header: 'Priority area and activity', type: 'text', minWidth: 40 }];
  if (stream) columns.push({ key: 'stream', header: 'Funding stream', type: 'text', minWidth: 14 });
  columns.push({ key: 'amount', header: 'Amount', type: 'money', minWidth: 10 });
  columns.push({ key: 'stated', header: 'Stated', type: 'money', minWidth: 10 });
  return columns;
}

/** The rows in the sheet's order: lines before the first section (they belong to no area), then each area and its lines. */
function activityBody(table: Table, grid: Grid | undefined, figure: Column | undefined, stream: Column | undefined): ActivityBody {
  const body: ActivityBody = { rows: [], lineIndexes: [], areas: [], footnotes: [] };
  const { rows } = body;
  const lineRow = (row: Table['rows'][number]): void => {
    const a = amountOf(row, figure);
    const problem = unusable(a);
    if (problem && a) body.footnotes.push(`${cellAddress(table.sheet, a.row, a.col)} ${problem}: left out of the sums.`);
    body.lineIndexes.push(rows.length);
    const cells: Record<string, SpecValue> = { activity: row.label, amount: poundsOf(row, figure), stated: null };
    if (stream) cells.stream = cellText(grid, row.row, stream.col);
    rows.push({ cells, style: 'body' });
  };

  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  for (const row of table.rows) if (row.kind === 'line' && row.section === undefined) lineRow(row);
  for (const section of table.sections) {
    const headline = section.headlines.find((h) => h.col === figure?.col) ?? section.headlines[0];
    const index = rows.length;
    rows.push({ cells: { activity: section.name, ...(stream ? { stream: null } : {}), amount: null, stated: headline?.pounds ?? null }, style: 'section' });
    const lines: number[] = [];
    for (const lineRowIndex of section.lineRows) {
      const row = byRow.get(lineRowIndex);
      if (!row || row.kind !== 'line') continue;
      lines.push(rows.length);
      lineRow(row);
    }
    body.areas.push({
      index,
      lines,
      name: section.name,
      stated: headline?.pounds ?? null,
      ...(headline ? { cell: cellAddress(table.sheet, headline.cell.row, headline.cell.col) } : {}),
    });
  }
  return body;
}

/** Each area's row sums its own lines, a formula a reviewer can trace; a stated figure the sum differs from gets a note. */
function sumAreas({ rows, areas, footnotes }: ActivityBody, shown: MoneyDisplay): void {
  for (const s of areas) {
    const sum = sumOf(rows, 'amount', s.lines);
    rows[s.index] = { ...rows[s.index], cells: { ...rows[s.index].cells, amount: sum } };
    const stated = numericValue(s.stated);
    if (stated && sum.value && !stated.eq(sum.value)) {
      const [said, summed] = showPair(stated, sum.value, shown);
      footnotes.push(`${s.name} is stated as ${said}${s.cell ? ` (${s.cell})` : ''}; its activities sum to ${summed}.`);
    }
  }
}

/** Whether any area's lines, or all the lines, shown rounded, do not add up to their shown sum. */
function roundedPartsDiffer({ rows, areas, lineIndexes }: ActivityBody, total: SpecRow, shown: MoneyDisplay): boolean {
  const areaSums = areas.map((s) => ({ parts: s.lines, total: numericValue(rows[s.index].cells.amount) }));
  return [...areaSums, { parts: lineIndexes, total: numericValue(total.cells.amount) }].some(
    ({ parts, total: sum }) =>
      sum !== null &&
      displayedPartsDiffer(
        parts.map((i) => numericValue(rows[i].cells.amount)),
        sum,
        shown,
      ),
  );
}

function activitiesTable(table: Table, grid: Grid | undefined, name: string, context: ReportContext): TableSpec {
  const figure = figureColumn(table);
  const stream = table.columns.find((c) => c.role === 'funding-stream');
  const display = moneyDisplay(context);
  const decimals = tableDecimals(table, [figure], display);
  const shown = { unit: display.unit, decimals };

  const body = activityBody(table, grid, figure, stream);
  sumAreas(body, shown);
  const total: SpecRow = { cells: { activity: 'Total', amount: sumOf(body.rows, 'amount', body.lineIndexes) }, style: 'total' };
  const footnotes = body.footnotes;
  if (roundedPartsDiffer(body, total, shown)) footnotes.unshift(ROUNDING_NOTE);
  footnotes.push('Each priority area’s amount is the sum of its activities; Stated is the figure the sheet gives for the area.');

  return {
    name,
    title: table.title ?? `Key activities (${table.sheet})`,
    unitNote: unitNote(display.unit, tableYear(table, [figure])),
    unit: display.unit,
    decimals,
    columns: activityColumns(stream),
    rows: body.rows,
    totals: [total],
    conditionalFormats: [],
    footnotes,
    source: sourceLine([{ sheet: table.sheet, range: rangeToA1(table.range) }], context),
  };
}

export function buildActivityTables(tables: readonly Table[], grids: ReadonlyMap<string, Grid>, names: TableNames, context: ReportContext): TableSpec[] {
  return activityTables(tables, context).map((t) => activitiesTable(t, grids.get(t.sheet), names.name('Panel', 'Activities', t.title ?? t.sheet), context));
}
