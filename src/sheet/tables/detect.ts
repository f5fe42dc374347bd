/**
 * Table structure (DESIGN.md "Input the checker understands"), as a pipeline of small steps: blocks of
 * filled cells → preamble (title, unit, notes) → header rows → columns (role, kind, unit) → body rows
 * (lines, sections, totals) → aggregation (which rows each total adds up) → totals across columns.
 */
import { findFiscalYear, type FiscalYear } from '../../money/fiscal-year';
import { unitFromText, type UnitId } from '../../money/units';
import type { RangeRef } from '../a1';
import { Grid } from '../grid';
import { findColumnRatios } from './column-ratios';
import { findAggregates, type Grouping, type MoreEvidence } from './aggregation';
import { readCountCell } from './amount-cell';
import { classifyRows, type DraftRow } from './body-rows';
import { Block, findBlocks, filledColumns } from './blocks';
import { cellText } from './cell-text';
import { findColumnTotals } from './column-totals';
import { draftColumns, inheritHeaders, readColumns, tableKind } from './columns';
import { headerSignature, isHeaderLike, namedColumns, readHeaderRows } from './header-rows';
import { countsThings, preambleCounts } from './counted-things';
import { headlineFromText, sectionName } from './headline';
import { readPreamble, type Preamble } from './preamble';
import { readShorthandLegend, type ShorthandLegend } from './shorthand';
import { alignWholeNumberSteps, buildSections } from './sections';
import type { UnitEvidence } from './table-units';
import { Column, ColumnTotal, Headline, Table, TableRow, isMeasureRole } from './types';

interface DetectOptions {
  /** True when text names a priority area of the model: such a row heads a section of lines. */
  readonly isPriorityArea?: (text: string) => boolean;
}

/** A region of figures that no table was read from, so nothing in it was checked. */
export interface UnreadRegion {
  readonly sheet: string;
  readonly range: RangeRef;
  readonly reason: string;
}

interface SheetStructure {
  readonly tables: Table[];
  readonly unread: UnreadRegion[];
}

export function detectTables(grid: Grid, options: DetectOptions = {}): Table[] {
  return readSheet(grid, options).tables;
}

export function readSheet(grid: Grid, options: DetectOptions = {}): SheetStructure {
  const tables: Table[] = [];
  const unread: UnreadRegion[] = [];
  for (const block of findBlocks(grid)) {
    let start = 0;
    while (start < block.rows.length) {
      const read = tableFrom(grid, block, start, options, tables[tables.length - 1]);
      if (read.table) tables.push(read.table);
      else noteUnread(grid, block, start, read.next, unread);
      start = read.next;
    }
  }
  return { tables, unread };
}

/** A block's rows from `from` to `to` that hold figures but gave no table: listed as not understood. */
function noteUnread(grid: Grid, block: Block, from: number, to: number, unread: UnreadRegion[]): void {
  const rows = block.rows.slice(from, to);
  let figures = 0;
  for (const r of rows) for (const c of filledColumns(grid, r, block.firstCol, block.lastCol)) if (typeof grid.value(r, c) === 'number') figures++;
  if (figures < 2) return;
  unread.push({
    sheet: grid.name,
    range: { start: { row: rows[0], col: block.firstCol }, end: { row: rows[rows.length - 1], col: block.lastCol } },
    reason: 'no header row of column names was found above these figures',
  });
}

/**
 * The unit for money columns whose header states none: a unit row, then the title, then the one unit
 * the other headers state ("Budget £k | Forecast | Variance"), then the sheet name.
 */
function tableUnit(preamble: Preamble, sheetName: string, drafts: readonly { headerUnit?: UnitId }[] = []): UnitEvidence | undefined {
  if (preamble.unitRow) return { unit: preamble.unitRow.unit, source: 'unit-row', ...(preamble.unitRow.scaleOnly ? { scaleOnly: true } : {}) };
  const fromTitle = preamble.title ? unitFromText(preamble.title) : undefined;
  if (fromTitle) return { unit: fromTitle, source: 'title' };
  const stated = new Set(drafts.map((d) => d.headerUnit).filter((u): u is UnitId => u !== undefined));
  if (stated.size === 1) return { unit: [...stated][0], source: 'header' };
  const fromSheet = unitFromText(sheetName);
  return fromSheet ? { unit: fromSheet, source: 'sheet' } : undefined;
}

/** Reads one table starting at block.rows[start]; `next` is where the next one may start. */
function tableFrom(grid: Grid, block: Block, start: number, options: DetectOptions, above: Table | undefined): { table?: Table; next: number } {
  let preamble = readPreamble(grid, block, start);
  let headerRows = readHeaderRows(grid, block, preamble.next);
  // A row of column codes above the title ("la_code | la_name | …"), then the real header: the codes
  // and title are preamble.
  const after = readPreamble(grid, block, preamble.next + headerRows.length);
  if (headerRows.length > 0 && after.rows.length > 0) {
    const realHeader = readHeaderRows(grid, block, after.next);
    if (realHeader.length > 0) {
      preamble = joinPreambles(preamble, headerRows, after);
      headerRows = realHeader;
    }
  }
  if (headerRows.length === 0) return { next: nextTableStart(grid, block, preamble.next + 1) };
  const bodyStart = preamble.next + headerRows.length;
  const end = nextTableStart(grid, block, bodyStart + 1, headerSignature(grid, headerRows[headerRows.length - 1], block));
  const bodyRows = block.rows.slice(bodyStart, end);
  if (bodyRows.length === 0) return { next: end };
  const table = buildTable(grid, block, preamble, headerRows, bodyRows, options, above?.columns);
  return { table, next: end };
}

/** Two preambles with the rows between them, as one: the later title and unit row win. */
function joinPreambles(first: Preamble, between: readonly number[], second: Preamble): Preamble {
  const title = second.title ?? first.title;
  const titleCell = second.titleCell ?? first.titleCell;
  const unitRow = second.unitRow ?? first.unitRow;
  return {
    rows: [...first.rows, ...between, ...second.rows],
    next: second.next,
    ...(title !== undefined ? { title } : {}),
    ...(titleCell ? { titleCell } : {}),
    ...(unitRow ? { unitRow } : {}),
  };
}

/**
 * Where a stacked table begins: after a blank row, a title row then a header, or a header that is not
 * the one repeated at a page break. The block's end when none does.
 */
function nextTableStart(grid: Grid, block: Block, from: number, headerSig?: string): number {
  for (let i = Math.max(from, 1); i < block.rows.length - 1; i++) {
    const r = block.rows[i];
    if (r - block.rows[i - 1] < 2) continue;
    const preamble = readPreamble(grid, block, i);
    if (preamble.rows.length === 0) {
      // No title: a new header that names its columns, not the one repeated at a page break.
      if (isNewHeader(grid, block, r, headerSig)) return i;
      continue;
    }
    const header = block.rows[preamble.next];
    if (
      header !== undefined &&
      preamble.next < block.rows.length - 1 &&
      isHeaderLike(grid, header, block) &&
      filledColumns(grid, header, block.firstCol, block.lastCol).length >= 2
    )
      return i;
  }
  return block.rows.length;
}

/** A header-like row that names its columns (two of them, or one with a unit or year), unlike the last. */
function isNewHeader(grid: Grid, block: Block, r: number, headerSig: string | undefined): boolean {
  if (!isHeaderLike(grid, r, block) || headerSignature(grid, r, block) === headerSig) return false;
  const filled = filledColumns(grid, r, block.firstCol, block.lastCol);
  if (filled.length < 2) return false;
  const named = namedColumns(grid, r, block);
  return (
    named >= 2 ||
    (named === 1 && filled.some((c) => unitFromText(cellText(grid.cell(r, c))) !== undefined || findFiscalYear(cellText(grid.cell(r, c))) !== undefined))
  );
}

function buildTable(
  grid: Grid,
  block: Block,
  preamble: Preamble,
  headerRows: number[],
  bodyRows: readonly number[],
  options: DetectOptions,
  above: readonly Column[] | undefined,
): Table {
  const drafts = inheritHeaders(draftColumns(grid, block, headerRows), above);
  const kind = tableKind(drafts);
  const stated = tableUnit(preamble, grid.name, drafts);
  const notes = preambleTexts(grid, block, preamble);
  // "Thousands" alone over a table of people states a scale, not money; "£ thousands" states money.
  const counted = (!stated || stated.scaleOnly === true) && (countsThings(preamble.title, drafts, above) || preambleCounts(notes));
  const columns = readColumns(grid, block, drafts, bodyRows, kind, counted ? undefined : stated, counted);
  const measureCols = columns.filter((c) => isMeasureRole(c.role) && c.kind === 'money' && !c.hidden);
  const labelCol = pickLabelColumn(columns);
  const signature = headerSignature(grid, headerRows[headerRows.length - 1], block);
  const legend = readShorthandLegend(notes);
  const drafted = classifyRows(
    grid,
    { block, columns, measureCols, labelCol, kind, headerSignature: signature, legend, isPriorityArea: options.isPriorityArea },
    bodyRows,
  );
  const counts = countFigures(grid, drafted, columns, legend);
  findAggregates(drafted, measureCols, { groupings: groupings(grid, drafted, columns), counts });
  const rows = drafted as unknown as TableRow[];
  const rowFigures = measureCols.some((c) => c.unit !== '£') ? drafted.map((d) => ({ row: d.row, amounts: d.amounts })) : [];
  for (const col of measureCols) alignWholeNumberSteps(rowFigures, col, grid);
  assignSections(drafted);
  const sections = buildSections(rows, sectionHeadlines(drafted, measureCols));
  const figureRows = drafted.filter((d) => d.kind === 'line' || d.kind === 'total');
  const tableUnitId: UnitId = measureCols[0]?.unit ?? stated?.unit ?? '£';
  return {
    sheet: grid.name,
    kind,
    range: tableRange(grid, block, preamble, headerRows, lastRowOf(drafted, bodyRows)),
    ...(preamble.title ? { title: preamble.title } : {}),
    ...(preamble.titleCell ? { titleCell: preamble.titleCell } : {}),
    titleHeadlines: titleHeadlines(preamble, measureCols, tableUnitId),
    headerRows,
    columns,
    unit: tableUnitId,
    unitSource: measureCols[0]?.unitSource ?? stated?.source ?? 'default',
    ...(labelCol !== undefined ? { labelCol } : {}),
    ...titleYearOf(preamble.title),
    rows,
    sections,
    columnTotals: [...findColumnTotals(figureRows, measureCols), ...countColumnTotals(drafted, counts)],
    columnRatios: findColumnRatios(grid, figureRows, columns, measureCols),
  };
}

/** The fiscal year a table's title names, as a field to spread in; nothing where it names none. */
function titleYearOf(title: string | undefined): { titleYear?: FiscalYear } {
  const year = title === undefined ? undefined : findFiscalYear(title)?.year;
  return year === undefined ? {} : { titleYear: year };
}

/** The text of each row above the header, its cells joined. */
function preambleTexts(grid: Grid, block: Block, preamble: Preamble): string[] {
  return preamble.rows.map((r) =>
    filledColumns(grid, r, block.firstCol, block.lastCol)
      .map((c) => cellText(grid.cell(r, c)))
      .join(' '),
  );
}

/** Count columns that total others (Total = Men + Women): structure only, never reconciled. */
function countColumnTotals(rows: readonly DraftRow[], counts: MoreEvidence['counts']): ColumnTotal[] {
  if (!counts) return [];
  const figureRows = rows.flatMap((d, i) => (d.kind === 'line' || d.kind === 'total' ? [{ row: d.row, amounts: counts.rows[i] }] : []));
  return findColumnTotals(figureRows, counts.cols);
}

/** Figures in the count columns, which show a total's structure though they are never reconciled. */
function countFigures(grid: Grid, rows: readonly DraftRow[], columns: readonly Column[], legend: ShorthandLegend): MoreEvidence['counts'] {
  const cols = columns.filter((c) => c.kind === 'count' && !c.hidden);
  if (cols.length === 0) return undefined;
  return {
    cols,
    rows: rows.map((d) => {
      const cells = grid.row(d.row);
      return new Map(cols.map((c) => [c.col, readCountCell(cells[c.col], d.row, c.col, legend)]));
    }),
  };
}

/** As aggregation's search limit: past it a table is data, and its groups are not weighed for totals. */
const GROUPS_LIMIT = 5000;

/** Each row's value in every column of categories, for totals of groups (a region over its authorities). */
function groupings(grid: Grid, rows: readonly DraftRow[], columns: readonly Column[]): Grouping[] {
  const cols = columns.filter((c) => c.categorical && c.role !== 'label');
  if (cols.length === 0 || rows.length > GROUPS_LIMIT) return [];
  const values = cols.map(() => new Array<string | undefined>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const cells = grid.row(rows[i].row);
    cols.forEach((c, k) => {
      const text = cellText(cells[c.col]);
      values[k][i] = text === '' ? undefined : text;
    });
  }
  return values;
}

/** From the first preamble or header row to the last row read, over the columns those rows fill. */
function tableRange(grid: Grid, block: Block, preamble: Preamble, headerRows: readonly number[], lastRow: number): RangeRef {
  const first = preamble.rows[0] ?? headerRows[0];
  // A table that is its whole block spans the block's columns: no need to visit its rows again.
  if (first === block.rows[0] && lastRow === block.rows[block.rows.length - 1])
    return { start: { row: first, col: block.firstCol }, end: { row: lastRow, col: block.lastCol } };
  let firstCol = Number.MAX_SAFE_INTEGER;
  let lastCol = -1;
  for (const r of block.rows) {
    if (r < first || r > lastRow) continue;
    const cols = filledColumns(grid, r, block.firstCol, block.lastCol);
    if (cols.length === 0) continue;
    firstCol = Math.min(firstCol, cols[0]);
    lastCol = Math.max(lastCol, cols[cols.length - 1]);
  }
  return { start: { row: first, col: lastCol < 0 ? block.firstCol : firstCol }, end: { row: lastRow, col: lastCol < 0 ? block.lastCol : lastCol } };
}

/** The table ends at its last row that is not a note: footnotes a blank row below are not part of it. */
function lastRowOf(rows: readonly DraftRow[], bodyRows: readonly number[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].kind !== 'note') return rows[i].row;
  return bodyRows[bodyRows.length - 1];
}

function titleHeadlines(preamble: Preamble, measureCols: readonly Column[], unit: UnitId): Headline[] {
  if (!preamble.title || !preamble.titleCell || measureCols.length === 0) return [];
  const h = headlineFromText(preamble.title, unit);
  return h ? [{ col: measureCols[0].col, cell: preamble.titleCell, pounds: h.pounds, step: h.step, fromText: true }] : [];
}

function pickLabelColumn(columns: readonly Column[]): number | undefined {
  const order: Column['role'][] = ['label', 'programme', 'priority-area', 'borough', 'funding-stream', 'year', 'ref'];
  for (const role of order) {
    const col = columns.find((c) => c.role === role);
    if (col) return col.col;
  }
  return undefined;
}

/** Lines belong to the section heading above them until a total closes the section. */
function assignSections(drafts: DraftRow[]): void {
  let section: number | undefined;
  let count = 0;
  for (const d of drafts) {
    if (d.kind === 'section') {
      section = count++;
      d.section = section;
    } else if (d.kind === 'line') {
      d.section = section;
    } else if (
      d.kind === 'total' &&
      d.evidence !== 'arithmetic' &&
      section !== undefined &&
      d.sums?.some((r) => drafts.some((x) => x.row === r && x.section === section))
    ) {
      section = undefined;
    }
  }
}

function sectionHeadlines(drafts: readonly DraftRow[], measureCols: readonly Column[]): Map<number, { name: string; headlines: Headline[] }> {
  const headlines = new Map<number, { name: string; headlines: Headline[] }>();
  const firstMeasure = measureCols[0];
  for (const d of drafts) {
    if (d.kind !== 'section') continue;
    const list: Headline[] = [];
    const textHeadline = firstMeasure ? headlineFromText(d.label, firstMeasure.unit) : undefined;
    if (textHeadline && firstMeasure && d.labelCol !== undefined) {
      list.push({ col: firstMeasure.col, cell: { row: d.row, col: d.labelCol }, pounds: textHeadline.pounds, step: textHeadline.step, fromText: true });
    }
    for (const [col, a] of d.amounts) if (a.kind === 'amount') list.push({ col, cell: { row: a.row, col }, pounds: a.pounds, step: a.step, fromText: false });
    headlines.set(d.row, { name: sectionName(d.label), headlines: list });
  }
  return headlines;
}
