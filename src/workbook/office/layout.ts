/**
 * A SheetSpec laid out for office.js: the same rows, columns, formulas, number formats and text as
 * the .xlsx writer, because both take them from the shared planner (layout/plan.ts) and cell
 * rules (layout/cells.ts). What differs is only the delivery: here every cell becomes an entry
 * of one 2-D `range.formulas` array and one 2-D `range.numberFormat` array, and formats become
 * range-wide actions (a run of rows, a column of a table) rather than per-cell styles.
 */
import { rangeToA1, toA1 } from '../../sheet/a1';
import { isFormulaValue, type ColumnType, type ConditionalFormat, type SheetSpec, type SpecParagraph, type SpecRow } from '../../reports/spec';
import { formulaCell, textCell, writtenCell, type WrittenCell } from '../layout/cells';
import { SheetSpecError } from '../layout/errors';
import { lastRowOf, planSheet, renderFormula, type SheetPlan, type TablePlan } from '../layout/plan';

/** What office.js takes for a cell in `range.formulas`: null leaves a new sheet's cell empty. */
type OfficeInput = string | number | boolean | null;

export type TextRole = 'paragraph' | 'title' | 'unitNote' | 'footnote' | 'source';

interface TextRun {
  readonly role: TextRole;
  readonly first: number;
  readonly last: number;
  readonly emphasis?: SpecParagraph['emphasis'];
}

/** Consecutive table rows of one style (body rows are styled as a whole, so only the others appear). */
interface RowStyleRun {
  readonly style: 'section' | 'subtotal' | 'total';
  readonly first: number;
  readonly last: number;
  readonly columns: number;
}

interface ConditionalFormatLayout {
  readonly kind: ConditionalFormat['kind'];
  readonly address: string;
}

export interface TableLayout {
  readonly plan: TablePlan;
  /** Header and data rows: the Excel table. */
  readonly tableAddress: string;
  readonly headerAddress: string;
  /** Data rows and totals, which share the body look. */
  readonly bodyAddress: string;
  /** Header to the last total: what column widths are fitted to. */
  readonly blockAddress: string;
  readonly styleRuns: readonly RowStyleRun[];
  /** Columns by alignment, and link cells in runs down a column, for font and alignment actions. */
  readonly figureColumns: readonly number[];
  readonly ragColumns: readonly number[];
  readonly linkRuns: readonly string[];
  readonly conditionalFormats: readonly ConditionalFormatLayout[];
  /** Columns' minimum widths in characters: header plus filter button, spec minimum, never below 8. */
  readonly minWidths: readonly number[];
}

export interface ChartLayout {
  readonly title: string;
  readonly labelAddress: string;
  readonly valueAddress: string;
  readonly seriesName: string;
  readonly topLeft: string;
  readonly bottomRight: string;
}

export interface OfficeSheetLayout {
  readonly name: string;
  readonly plan: SheetPlan;
  readonly width: number;
  /** One entry per sheet row from row 1: the formulas and number formats of that row, `width` long. */
  readonly inputs: readonly (readonly OfficeInput[])[];
  readonly numFmts: readonly (readonly (string | null)[])[];
  readonly textRuns: readonly TextRun[];
  readonly tables: readonly TableLayout[];
  readonly chart?: ChartLayout;
}

/** Column widths in characters, as the .xlsx writer bounds them. */
const MIN_COLUMN_CHARS = 8;
export const MAX_COLUMN_CHARS = 60;
/** The filter button takes about three characters of a header cell. */
const FILTER_BUTTON_CHARS = 3;
/** A HYPERLINK formula's text is a string literal, which Excel caps at 255 characters. */
const MAX_LITERAL = 255;
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;

export function layoutSheet(spec: SheetSpec): OfficeSheetLayout {
  const plan = planSheet(spec);
  const height = Math.max(plan.paragraphs.length, ...plan.tables.map((t) => lastRowOf(t) + 1));
  const width = Math.max(1, ...plan.tables.map((t) => t.spec.columns.length));
  const inputs: OfficeInput[][] = Array.from({ length: height }, () => new Array<OfficeInput>(width).fill(null));
  const numFmts: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const put = (row: number, col: number, cell: WrittenCell): void => {
    inputs[row][col] = officeInput(cell);
    numFmts[row][col] = cell.numFmt ?? null;
  };

  const texts: { row: number; role: TextRole; emphasis?: SpecParagraph['emphasis'] }[] = [];
  const putText = (row: number, text: string, role: TextRole, emphasis?: SpecParagraph['emphasis']): void => {
    put(row, 0, textCell(text));
    texts.push(emphasis ? { row, role, emphasis } : { row, role });
  };
  for (const { row, paragraph } of plan.paragraphs) putText(row, paragraph.text, 'paragraph', paragraph.emphasis);

  const tables = plan.tables.map((table) => {
    if (table.titleRow !== undefined) putText(table.titleRow, table.spec.title, 'title');
    if (table.unitRow !== undefined) putText(table.unitRow, table.spec.unitNote, 'unitNote');
    table.headers.forEach((header, c) => put(table.headerRow, c, textCell(header)));
    const links: { row: number; col: number }[] = [];
    const putRow = (row: SpecRow, sheetRow: number): void => {
      table.spec.columns.forEach((column, c) => {
        const value = row.cells[column.key] ?? null;
        const cell = isFormulaValue(value)
          ? formulaCell(renderFormula(value.formula, table, column.key, sheetRow), value.value, column.type, table.spec)
          : writtenCell(value, column.type, table.spec);
        put(sheetRow, c, cell);
        if (cell.linkLocation !== undefined) links.push({ row: sheetRow, col: c });
      });
    };
    table.spec.rows.forEach((row, i) => putRow(row, table.bodyRows[i]));
    table.spec.totals.forEach((row, i) => putRow(row, table.totalRows[i]));
    table.footnoteRows.forEach((row, i) => putText(row, table.spec.footnotes[i], 'footnote'));
    if (table.sourceRow !== undefined) putText(table.sourceRow, table.spec.source, 'source');
    return tableLayout(table, links);
  });

  const chart = spec.chart ? chartLayout(spec, plan, width) : undefined;
  return { name: spec.name, plan, width, inputs, numFmts, textRuns: textRuns(texts), tables, ...(chart ? { chart } : {}) };
}

/** A written cell as office.js input. Text gets a leading apostrophe, Excel's mark for "text, as typed". */
export function officeInput(cell: WrittenCell): OfficeInput {
  const value = cell.value;
  if (cell.linkLocation !== undefined) {
    const text = cell.value.slice(0, MAX_LITERAL);
    return `=HYPERLINK(${stringLiteral(`#${cell.linkLocation}`)},${stringLiteral(text)})`;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : `'${value}`;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return excelSerialDate(value);
  if (typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  throw new SheetSpecError('a cell value of a kind the Excel writer does not know');
}

/** Days since Excel's epoch, counted in UTC as ExcelJS counts them, so both writers store the same serial. */
export function excelSerialDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function tableLayout(table: TablePlan, links: readonly { row: number; col: number }[]): TableLayout {
  const { spec } = table;
  const lastColumn = spec.columns.length - 1;
  const firstData = table.headerRow + 1;
  const lastData = table.headerRow + table.tableDataRows;
  const lastBlock = Math.max(lastData, ...table.totalRows);
  const columnsOfType = (type: ColumnType): number[] => spec.columns.flatMap((column, c) => (column.type === type ? [c] : []));
  return {
    plan: table,
    tableAddress: area(table.headerRow, 0, lastData, lastColumn),
    headerAddress: area(table.headerRow, 0, table.headerRow, lastColumn),
    bodyAddress: area(firstData, 0, lastBlock, lastColumn),
    blockAddress: area(table.headerRow, 0, lastBlock, lastColumn),
    styleRuns: styleRuns(table),
    figureColumns: spec.columns.flatMap((column, c) => (isFigure(column.type) ? [c] : [])),
    ragColumns: columnsOfType('rag'),
    linkRuns: linkRuns(links),
    conditionalFormats: conditionalFormats(table, firstData, lastData, lastBlock),
    minWidths: spec.columns.map((column, c) =>
      Math.max(MIN_COLUMN_CHARS, column.minWidth ?? 0, Math.min(MAX_COLUMN_CHARS, table.headers[c].length + FILTER_BUTTON_CHARS + 2)),
    ),
  };
}

/** The spec's conditional formats, plus RAG colours on every "rag" column, each once (as the .xlsx writer does). */
function conditionalFormats(table: TablePlan, firstData: number, lastData: number, lastBlock: number): ConditionalFormatLayout[] {
  const { spec } = table;
  const formats: ConditionalFormat[] = [...spec.conditionalFormats];
  for (const column of spec.columns) {
    if (column.type === 'rag' && !formats.some((f) => f.kind === 'rag' && f.column === column.key)) {
      formats.push({ kind: 'rag', column: column.key });
    }
  }
  const seen = new Set<string>();
  const laid: ConditionalFormatLayout[] = [];
  for (const format of formats) {
    const key = `${format.kind}:${format.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const col = table.columnOf.get(format.column);
    if (col === undefined) {
      throw new SheetSpecError(`a conditional format in table "${spec.name}" names "${format.column}", which is not one of its columns`);
    }
    // Data bars describe the body only: a total would dwarf them.
    const last = format.kind === 'dataBar' ? lastData : lastBlock;
    laid.push({ kind: format.kind, address: area(firstData, col, last, col) });
  }
  return laid;
}

function styleRuns(table: TablePlan): RowStyleRun[] {
  const styled: { row: number; style: RowStyleRun['style'] }[] = [];
  const collect = (rows: readonly SpecRow[], sheetRows: readonly number[]): void =>
    rows.forEach((row, i) => {
      if (row.style === 'section' || row.style === 'subtotal' || row.style === 'total') styled.push({ row: sheetRows[i], style: row.style });
    });
  collect(table.spec.rows, table.bodyRows);
  collect(table.spec.totals, table.totalRows);
  const runs: RowStyleRun[] = [];
  for (const { row, style } of styled) {
    const previous = runs[runs.length - 1];
    if (previous && previous.style === style && previous.last === row - 1) runs[runs.length - 1] = { ...previous, last: row };
    else runs.push({ style, first: row, last: row, columns: table.spec.columns.length });
  }
  return runs;
}

function textRuns(texts: readonly { row: number; role: TextRole; emphasis?: SpecParagraph['emphasis'] }[]): TextRun[] {
  const sorted = [...texts].sort((a, b) => a.row - b.row);
  const runs: TextRun[] = [];
  for (const text of sorted) {
    const previous = runs[runs.length - 1];
    if (previous && previous.role === text.role && previous.emphasis === text.emphasis && previous.last === text.row - 1) {
      runs[runs.length - 1] = { ...previous, last: text.row };
    } else {
      runs.push({ role: text.role, first: text.row, last: text.row, ...(text.emphasis ? { emphasis: text.emphasis } : {}) });
    }
  }
  return runs;
}

/** Link cells as ranges down each column: a column of links is one range. */
function linkRuns(links: readonly { row: number; col: number }[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of links) {
    const rows = byColumn.get(col);
    if (rows) rows.push(row);
    else byColumn.set(col, [row]);
  }
  const runs: string[] = [];
  for (const [col, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let end = start;
    for (const row of [...rows.slice(1), Number.NaN]) {
      if (row === end + 1) {
        end = row;
        continue;
      }
      runs.push(area(start, col, end, col));
      start = row;
      end = row;
    }
  }
  return runs;
}

function chartLayout(spec: SheetSpec, plan: SheetPlan, width: number): ChartLayout {
  const chart = spec.chart!;
  const table = plan.tables.find((t) => t.spec.name === chart.table);
  if (!table) throw new SheetSpecError(`the chart "${chart.title}" plots table "${chart.table}", which is not on sheet "${spec.name}"`);
  const column = (key: string): number => {
    const index = table.columnOf.get(key);
    if (index === undefined) {
      throw new SheetSpecError(`the chart "${chart.title}" plots "${key}", which is not a column of table "${chart.table}"`);
    }
    return index;
  };
  const label = column(chart.labelColumn);
  const value = column(chart.valueColumn);
  // The plotted rows: the body without its own subtotal and total rows.
  const rows = table.bodyRows.filter((_, i) => table.spec.rows[i].style !== 'subtotal' && table.spec.rows[i].style !== 'total');
  const first = rows.length > 0 ? rows[0] : table.headerRow + 1;
  const last = rows.length > 0 ? rows[rows.length - 1] : table.headerRow + 1;
  const top = table.titleRow ?? table.headerRow;
  return {
    title: chart.title,
    labelAddress: area(first, label, last, label),
    valueAddress: area(first, value, last, value),
    seriesName: table.headers[value],
    topLeft: toA1(top, width + 1),
    bottomRight: toA1(top + CHART_ROWS - 1, width + CHART_COLUMNS),
  };
}

function isFigure(type: ColumnType): boolean {
  return type === 'money' || type === 'percent' || type === 'integer';
}

function stringLiteral(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function area(r1: number, c1: number, r2: number, c2: number): string {
  return rangeToA1({ start: { row: r1, col: c1 }, end: { row: r2, col: c2 } });
}
