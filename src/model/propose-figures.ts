/**
 * Headline figures a proposed model takes from a workbook, as stated, in pounds, each quoting its row,
 * and only where a year can be read for them (the column's header, the table's title, or the one year
 * all a total's lines share):
 *
 * - a total whose lines all belong to one priority area, or whose label names one ("Total Adult Social
 *   Care"), is that area's figure; so is each line of a summary by priority area (one line per area,
 *   under a total);
 * - a table's grand total (its top-level total covering the most lines), and each line of a table of
 *   spend by year (one line per year), are candidates for the model's total for the year.
 */
import { quoteSheetName, toA1 } from '../sheet/a1';
import type { Grid, CellValue } from '../sheet/grid';
import { isErrorValue } from '../sheet/grid';
import { parseFiscalYear } from '../money/fiscal-year';
import { withoutNegativeZero, type Money } from '../money/decimal';
import { yearAsWritten } from '../sheet/tables/cell-text';
import type { Column, MeasureRole, Table, TableRow } from '../sheet/tables/types';
import type { SourceNote } from './types';

/**
 * What a figure is, strongest first for the model's yearly total: the total of a table by priority
 * area covers every area; a table of spend by year states the total itself; any other table's grand
 * total may cover only part of the spend. Area figures are either a total or a summary's line.
 */
type FigureBasis = 'area-table-total' | 'year-line' | 'table-total' | 'area-total' | 'area-line';

export interface FigureDraft {
  readonly year: string;
  /** Decimal string in pounds. */
  readonly amount: string;
  readonly source: SourceNote;
  /** The priority area (its index in the proposed list) the figure belongs to; undefined for a yearly total. */
  readonly area?: number;
  readonly basis: FigureBasis;
  /** "Sheet!D26", for notes. */
  readonly cell: string;
}

interface TableFigures {
  readonly figures: FigureDraft[];
  /** Totals that would have given a figure but for a year that could not be read. */
  readonly withoutYear: number;
}

interface FigureContext {
  /** The workbook's file name, for each figure's source. */
  readonly document: string;
  /** The priority area a line belongs to, by its value in the table's priority-area column. */
  readonly areaOfLine: (table: Table, row: number) => number | undefined;
  /** The priority area a total's label names, once its "Total" words are taken off. */
  readonly areaNamed: (label: string) => number | undefined;
  /** Whether a table's lines name anything the model lists (areas, streams, programmes): then it is not a series of years. */
  readonly namesLines: (table: Table) => boolean;
}

/** Budget before amount before actual before forecast: a model states what was planned. Variances never. */
const MEASURE_PREFERENCE: readonly MeasureRole[] = ['budget', 'amount', 'actual', 'forecast'];

export function figuresOfTable(table: Table, grid: Grid, context: FigureContext): TableFigures {
  if (table.kind === 'audit-actions') return { figures: [], withoutYear: 0 };
  const columns = figureColumns(table);
  if (columns.length === 0) return { figures: [], withoutYear: 0 };
  return new TableFigureReader(table, grid, context, columns).read();
}

/** One table's figures: its totals first (area totals, then one grand total per year), then a summary's or a year series' lines. */
class TableFigureReader {
  private readonly rows: ReadonlyMap<number, TableRow>;
  private readonly totals: readonly TableRow[];
  private readonly lines: readonly TableRow[];
  /** Rows a total adds or takes away: a total among them is a subtotal. */
  private readonly inner: ReadonlySet<number>;
  private readonly coverage = new Map<number, number[]>();
  private readonly yearColumn: Column | undefined;
  /** Whether any line names a priority area: then a grand total is the total of a table by area. */
  private readonly byArea: boolean;

  constructor(
    private readonly table: Table,
    private readonly grid: Grid,
    private readonly context: FigureContext,
    private readonly columns: readonly Column[],
  ) {
    this.rows = new Map(table.rows.map((r) => [r.row, r]));
    this.totals = table.rows.filter((r) => r.kind === 'total');
    this.lines = table.rows.filter((r) => r.kind === 'line');
    this.inner = new Set(this.totals.flatMap((t) => [...(t.sums ?? []), ...(t.subtracts ?? [])]));
    this.yearColumn = table.columns.find((c) => c.role === 'year' && !c.hidden);
    this.byArea = this.lines.some((line) => this.areaOf(line.row) !== undefined);
  }

  read(): TableFigures {
    const { figures, withoutYear } = this.totalFigures();
    figures.push(...this.summaryLineFigures(), ...this.yearLineFigures());
    return { figures, withoutYear };
  }

  private areaOf(row: number): number | undefined {
    return this.context.areaOfLine(this.table, row);
  }

  private linesOf(total: TableRow): number[] {
    return coveredLines(total, this.rows, this.coverage);
  }

  private rowYearOf(row: number): string | undefined {
    return this.yearColumn ? fiscalYearIn(this.grid.value(row, this.yearColumn.col)) : this.table.titleYear?.label;
  }

  /** Area totals as found, then the grand total candidate per year: the top-level total covering the most lines. */
  private totalFigures(): TableFigures {
    const figures: FigureDraft[] = [];
    const grand = new Map<string, { figure: FigureDraft; covers: number }>();
    let withoutYear = 0;
    for (const total of this.totals) {
      const covered = this.linesOf(total);
      if (covered.length === 0) continue;
      const area = this.context.areaNamed(total.label) ?? commonArea(covered, (row) => this.areaOf(row));
      if (area === undefined && this.inner.has(total.row)) continue; // a subtotal of nothing the model names
      // Where lines state their own years, the title's year is not the total's: only a year they all share is.
      const rowYear = this.yearColumn ? commonYear(covered, this.grid, this.yearColumn.col) : this.table.titleYear?.label;
      const basis: FigureBasis = area !== undefined ? 'area-total' : this.byArea ? 'area-table-total' : 'table-total';
      const found = this.figuresOfRow(total, rowYear, basis, area);
      if (found.length === 0 && this.columns.some((c) => total.amounts.kindOf(c.col) === 'amount')) withoutYear++;
      for (const f of found) {
        if (area !== undefined) figures.push(f);
        else {
          const held = grand.get(f.year);
          if (!held || covered.length > held.covers) grand.set(f.year, { figure: f, covers: covered.length });
        }
      }
    }
    figures.push(...[...grand.values()].map((g) => g.figure));
    return { figures, withoutYear };
  }

  /** A summary by priority area: each area on one line, under a total of them all. */
  private summaryLineFigures(): FigureDraft[] {
    const { lines } = this;
    const summaryTotal = this.totals.some((t) => !this.inner.has(t.row) && this.linesOf(t).length === lines.length);
    const areas = lines.map((line) => this.areaOf(line.row));
    if (!summaryTotal || lines.length <= 1 || !areas.every((a) => a !== undefined) || new Set(areas).size !== lines.length) return [];
    return lines.flatMap((line, i) => this.figuresOfRow(line, this.rowYearOf(line.row), 'area-line', areas[i]));
  }

  /** A table of spend by year: each line a different year, naming nothing else. */
  private yearLineFigures(): FigureDraft[] {
    const { lines, yearColumn } = this;
    if (!yearColumn || lines.length <= 1 || this.context.namesLines(this.table)) return [];
    const years = lines.map((line) => fiscalYearIn(this.grid.value(line.row, yearColumn.col)));
    if (!years.every((y) => y !== undefined) || new Set(years).size !== lines.length) return [];
    const undated = sortByPreference(this.columns.filter((c) => c.year === undefined));
    return lines.flatMap((line, i) => {
      const column = undated.find((c) => line.amounts.kindOf(c.col) === 'amount');
      const found = column && this.figure(line, column, years[i], 'year-line', undefined);
      return found ? [found] : [];
    });
  }

  /** The figure of `row` in the most preferred column stating one, per year. */
  private figuresOfRow(row: TableRow, rowYear: string | undefined, basis: FigureBasis, area: number | undefined): FigureDraft[] {
    const out: FigureDraft[] = [];
    for (const [year, candidates] of byYear(this.columns, rowYear)) {
      const column = candidates.find((c) => row.amounts.kindOf(c.col) === 'amount');
      const found = column && this.figure(row, column, year, basis, area);
      if (found) out.push(found);
    }
    return out;
  }

  private figure(row: TableRow, column: Column, year: string, basis: FigureBasis, area: number | undefined): FigureDraft | undefined {
    const cell = row.amounts.get(column.col);
    if (!cell || cell.kind !== 'amount') return undefined;
    const { table } = this;
    const at = `${quoteSheetName(table.sheet)}!${toA1(row.row, column.col)}`;
    const quote = rowText(this.grid, row.row, table.range.start.col, table.range.end.col);
    return {
      year,
      amount: statedPounds(cell.pounds),
      source: { document: this.context.document, locator: at, ...(quote !== '' ? { quote } : {}) },
      basis,
      cell: at,
      ...(area !== undefined ? { area } : {}),
    };
  }
}

/**
 * A figure as the sheet states it. A cell holds a binary float (106915.01299999999 for 106915.013);
 * Excel shows 15 significant digits, and so does the model, so no float noise becomes a stated figure.
 */
const SIGNIFICANT_DIGITS_SHOWN = 15;

function statedPounds(pounds: Money): string {
  return withoutNegativeZero(pounds.toSignificantDigits(SIGNIFICANT_DIGITS_SHOWN)).toFixed();
}

/** Money columns that state figures: not variances, not hidden, not a column adding up several years. */
function figureColumns(table: Table): Column[] {
  const byCol = new Map(table.columns.map((c) => [c.col, c]));
  const multiYear = new Set(table.columnTotals.filter((t) => new Set(t.adds.map((col) => byCol.get(col)?.year?.label)).size > 1).map((t) => t.col));
  return table.columns.filter((c) => c.kind === 'money' && !c.hidden && c.role !== 'variance' && !multiYear.has(c.col));
}

/** The figure columns by the year each states, each year's columns in order of preference. */
function byYear(columns: readonly Column[], rowYear: string | undefined): Map<string, Column[]> {
  const out = new Map<string, Column[]>();
  for (const column of columns) {
    const year = column.year?.label ?? rowYear;
    if (year === undefined) continue;
    const list = out.get(year) ?? [];
    list.push(column);
    out.set(year, list);
  }
  for (const [year, list] of out) out.set(year, sortByPreference(list));
  return out;
}

function sortByPreference(columns: readonly Column[]): Column[] {
  const rank = (c: Column): number => {
    const i = MEASURE_PREFERENCE.indexOf(c.role as MeasureRole);
    return i < 0 ? MEASURE_PREFERENCE.length : i;
  };
  return [...columns].sort((a, b) => rank(a) - rank(b) || a.col - b.col);
}

/** The line rows a total adds up, through the subtotals it adds. */
function coveredLines(total: TableRow, rows: ReadonlyMap<number, TableRow>, memo: Map<number, number[]>, depth = 0): number[] {
  const known = memo.get(total.row);
  if (known) return known;
  const lines: number[] = [];
  // Totals nest a few levels at most; the bound only guards against a reading that refers to itself.
  if (depth < 20) {
    for (const r of total.sums ?? []) {
      const row = rows.get(r);
      if (!row) continue;
      if (row.kind === 'line') lines.push(r);
      else if (row.kind === 'total') lines.push(...coveredLines(row, rows, memo, depth + 1));
    }
  }
  memo.set(total.row, lines);
  return lines;
}

function commonArea(lines: readonly number[], areaOf: (row: number) => number | undefined): number | undefined {
  let area: number | undefined;
  for (const row of lines) {
    const here = areaOf(row);
    if (here === undefined || (area !== undefined && here !== area)) return undefined;
    area = here;
  }
  return area;
}

/** The fiscal year every line states in the table's year column, when they all state the same one. */
function commonYear(lines: readonly number[], grid: Grid, col: number): string | undefined {
  let year: string | undefined;
  for (const row of lines) {
    const here = fiscalYearIn(grid.value(row, col));
    if (here === undefined || (year !== undefined && here !== year)) return undefined;
    year = here;
  }
  return year;
}

/** "2019/20", "2019-20", "FY19/20", "2020/21r [Note 3]" → the fiscal year's label; calendar years and anything else → undefined. */
export function fiscalYearIn(value: CellValue | null): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = typeof value === 'string' ? yearAsWritten(value) : value;
  const parsed = parseFiscalYear(text);
  return parsed.kind === 'year' ? parsed.year.label : undefined;
}

/** The row's cells as a reader sees them, joined by single spaces: the quote a figure's source gives. */
function rowText(grid: Grid, row: number, firstCol: number, lastCol: number): string {
  const parts: string[] = [];
  for (let col = firstCol; col <= lastCol; col++) {
    const text = shownText(grid.value(row, col));
    if (text !== '') parts.push(text);
  }
  return parts.join(' ');
}

/** A cell's value as Excel shows it in General format: numbers to 15 significant digits, so no float noise. */
function shownText(value: CellValue | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(SIGNIFICANT_DIGITS_SHOWN))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return isErrorValue(value) ? value.code : '';
}
