/**
 * Table structure (DESIGN.md "Input the checker understands"), as a pipeline of small steps: blocks of
 * filled cells → preamble (title, unit, notes) → header rows → columns (role, kind, unit) → body rows
 * (lines, sections, totals) → aggregation (which rows each total adds up) → totals across columns.
 */
import { findFiscalYear } from '../../money/fiscal-year';
import { unitFromText, type UnitId } from '../../money/units';
import type { RangeRef } from '../a1';
import { Cell, Grid, forEachCellIn, isBlankCell } from '../grid';
import { findColumnRatios } from './column-ratios';
import { findAggregates, type AggregationRow, type Grouping, type MoreEvidence } from './aggregation';
import { readAmountCell, readCountCell } from './amount-cell';
import { Block, findBlocks, filledColumns } from './blocks';
import { cellText, isTextCell, looksLikeAmount } from './cell-text';
import { findColumnTotals } from './column-totals';
import { draftColumns, inheritHeaders, readColumns, tableKind } from './columns';
import { headerSignature, isHeaderLike, namedColumns, readHeaderRows } from './header-rows';
import { totalWords } from './header-roles';
import { countsThings, preambleCounts } from './counted-things';
import { headlineFromText } from './headline';
import { readPreamble, type Preamble } from './preamble';
import { readShorthandLegend, type ShorthandLegend } from './shorthand';
import { AmountColumns, type RowAmounts } from './row-amounts';
import { alignWholeNumberSteps, buildSections, sectionName } from './sections';
import type { UnitEvidence } from './table-units';
import { AmountCell, Column, ColumnTotal, Headline, Table, TableKind, TableRow, isMeasureRole } from './types';

export { sectionName } from './sections';

export interface DetectOptions {
  /** True when text names a priority area of the model: such a row heads a section of lines. */
  readonly isPriorityArea?: (text: string) => boolean;
}

/** A region of figures that no table was read from, so nothing in it was checked. */
export interface UnreadRegion {
  readonly sheet: string;
  readonly range: RangeRef;
  readonly reason: string;
}

export interface SheetStructure {
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
    if (header !== undefined && preamble.next < block.rows.length - 1 && isHeaderLike(grid, header, block) && filledColumns(grid, header, block.firstCol, block.lastCol).length >= 2) return i;
  }
  return block.rows.length;
}

/** A header-like row that names its columns (two of them, or one with a unit or year), unlike the last. */
function isNewHeader(grid: Grid, block: Block, r: number, headerSig: string | undefined): boolean {
  if (!isHeaderLike(grid, r, block) || headerSignature(grid, r, block) === headerSig) return false;
  const filled = filledColumns(grid, r, block.firstCol, block.lastCol);
  if (filled.length < 2) return false;
  const named = namedColumns(grid, r, block);
  return named >= 2 || (named === 1 && filled.some((c) => unitFromText(cellText(grid.cell(r, c))) !== undefined || findFiscalYear(cellText(grid.cell(r, c))) !== undefined));
}

function buildTable(grid: Grid, block: Block, preamble: Preamble, headerRows: number[], bodyRows: readonly number[], options: DetectOptions, above: readonly Column[] | undefined): Table {
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
  const reading: RowReading = { ...options, legend: readShorthandLegend(notes) };
  const drafted = classifyRows(grid, block, bodyRows, columns, measureCols, labelCol, kind, signature, reading);
  const counts = countFigures(grid, drafted, columns, reading.legend);
  findAggregates(drafted, measureCols, { groupings: groupings(grid, drafted, columns), counts });
  const rows = drafted as unknown as TableRow[];
  const rowAmounts = measureCols.some((c) => c.unit !== '£') ? drafted.map((d) => d.amounts) : [];
  for (const col of measureCols) alignWholeNumberSteps(rowAmounts, col);
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
    ...(preamble.title && findFiscalYear(preamble.title) ? { titleYear: findFiscalYear(preamble.title)?.year } : {}),
    rows,
    sections,
    columnTotals: [...findColumnTotals(figureRows, measureCols), ...countColumnTotals(drafted, counts)],
    columnRatios: findColumnRatios(grid, figureRows, columns, measureCols),
  };
}

/** The text of each row above the header, its cells joined. */
function preambleTexts(grid: Grid, block: Block, preamble: Preamble): string[] {
  return preamble.rows.map((r) => filledColumns(grid, r, block.firstCol, block.lastCol).map((c) => cellText(grid.cell(r, c))).join(' '));
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
  if (first === block.rows[0] && lastRow === block.rows[block.rows.length - 1]) return { start: { row: first, col: block.firstCol }, end: { row: lastRow, col: block.lastCol } };
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

/**
 * A heading over figures of another measure: "as a percentage of GDP", "% of total", "per cent of
 * budget", "as a share of". A share or proportion alone names money in council budgets ("Share of
 * business rates"), so it counts only after "as a".
 */
const RATIO_HEADING = /\bas an? (percentage|per ?cent|share|proportion)\b|\b(percentage|per ?cent)s? of\b|%\s*of\b|\bratios?\b/i;

/** How body rows are read: the caller's options and the sheet's own shorthand. */
interface RowReading extends DetectOptions {
  readonly legend: ShorthandLegend;
}

/** A body row while the pipeline completes it: its kind, section and what it aggregates. */
interface DraftRow extends AggregationRow {
  readonly amounts: RowAmounts;
  readonly label: string;
  readonly labelCol: number | undefined;
  section: number | undefined;
}

/**
 * Each body row's label and figures, and its kind by words and shape: a header repeated at a page
 * break, a total by its label, a section heading (a label and nothing else, with lines after it), a
 * note (the same, after the last figures), else a line.
 */
function classifyRows(
  grid: Grid,
  block: Block,
  bodyRows: readonly number[],
  columns: readonly Column[],
  measureCols: readonly Column[],
  labelCol: number | undefined,
  kind: TableKind,
  headerSig: string,
  options: RowReading,
): DraftRow[] {
  const isMeasureCol: boolean[] = [];
  for (const c of measureCols) isMeasureCol[c.col] = true;
  const countCols = columns.filter((c) => c.kind === 'count' && !c.hidden);
  for (const c of countCols) isMeasureCol[c.col] = true;
  const skipCol: boolean[] = [];
  for (const c of columns) if (c.hidden) skipCol[c.col] = true;
  const hasPriorityColumn = columns.some((c) => c.role === 'priority-area');
  const amountColumns = new AmountColumns(measureCols.map((c) => c.col), bodyRows.length);
  const drafts: DraftRow[] = [];
  const namesPriorityArea: boolean[] = [];
  let label = '';
  let rowLabelCol = labelCol;
  let otherText = false;
  // One visitor for every row, rather than a closure made per row.
  const visit = (cell: Cell, c: number): void => {
    if (c < block.firstCol || c > block.lastCol || isMeasureCol[c] || skipCol[c] || isBlankCell(cell)) return;
    if (label === '' && rowLabelCol === labelCol && isTextCell(cell) && !looksLikeAmount(cell)) {
      label = cellText(cell);
      rowLabelCol = c;
      return;
    }
    if (c !== rowLabelCol) otherText = true;
  };
  let lastWithFigures = -1;
  for (const r of bodyRows) {
    const cells = grid.row(r);
    label = labelCol !== undefined ? cellText(cells[labelCol]) : '';
    rowLabelCol = labelCol;
    otherText = false;
    forEachCellIn(cells, visit);
    const figures: AmountCell[] = [];
    let hasFigures = false;
    for (const col of measureCols) {
      const a = readAmountCell(cells[col.col], r, col.col, col.unit, options.legend);
      if (a.kind !== 'missing' || a.reason !== 'blank') hasFigures = true;
      figures.push(a);
    }
    const amounts = amountColumns.addRow(r, figures);
    // Counts are figures too: a table of people has lines, and notes after its last one.
    if (!hasFigures) for (const c of countCols) if (looksLikeAmount(cells[c.col])) hasFigures = true;
    const words = totalWords(label);
    const lone = !hasFigures && !otherText;
    let rowKind: DraftRow['kind'] = 'line';
    // Only a row with text where figures go can be the header repeated (signatures cost a string each).
    if (typeof cells[measureCols[0]?.col ?? -1]?.value === 'string' && headerSignature(grid, r, block) === headerSig) rowKind = 'header';
    // "Total borrowing" over lines of its own, with no figures, heads a section.
    else if (words === 'strong' && !hasFigures && !otherText && kind === 'budget') rowKind = 'section';
    else if (words === 'strong' || (words && kind !== 'register')) rowKind = words === 'strong' ? 'total' : 'line';
    else if (kind === 'budget' && measureCols.length > 0 && label !== '' && !hasFigures && !otherText) rowKind = 'section';
    else if (kind === 'budget' && !hasPriorityColumn && hasFigures && label !== '' && options.isPriorityArea?.(sectionName(label))) namesPriorityArea[drafts.length] = true;
    // Where the table has figures, notes are what follows the last of them; a register of text, its last record.
    if (measureCols.length + countCols.length > 0 ? hasFigures : otherText) lastWithFigures = drafts.length;
    if (lone && label.length > 80) rowKind = 'note';
    // One literal of one shape for every row: a large table makes 100,000 of them.
    drafts.push({ row: r, kind: rowKind, label, labelCol: rowLabelCol, amounts, section: undefined, totalWords: words === 'strong' || kind !== 'register' ? words : undefined });
  }
  // Lone labels after the last figures are notes (sources, footnotes), not sections or lines of nothing.
  // So is a footnote that starts "Total includes …": a total with no figures totals nothing.
  for (let i = lastWithFigures + 1; i < drafts.length; i++) if (drafts[i].kind !== 'header') drafts[i].kind = 'note';
  // A heading that names a ratio ("Balances as a percentage of GDP") ends the money: the rows under it
  // state another measure in the same columns, and are not read as money or added.
  if (measureCols.length > 0) {
    const ratioHeading = drafts.findIndex((d) => d.kind === 'section' && RATIO_HEADING.test(d.label));
    if (ratioHeading > 0) for (let i = ratioHeading; i < drafts.length; i++) drafts[i].kind = 'note';
  }
  // A row naming a priority area, with figures, heads a section only when ordinary lines follow it, and
  // only in a table that names two or more of them: one name in common with the model is a coincidence.
  const named = new Set(drafts.filter((_, i) => namesPriorityArea[i]).map((d) => options.isPriorityArea ? sectionName(d.label).toLowerCase() : ''));
  if (named.size < 2) return drafts;
  for (let i = 0; i < drafts.length; i++) {
    if (!namesPriorityArea[i]) continue;
    const next = drafts[i + 1];
    if (next && next.kind === 'line' && !namesPriorityArea[i + 1]) drafts[i].kind = 'section';
  }
  return drafts;
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
    } else if (d.kind === 'total' && d.evidence !== 'arithmetic' && section !== undefined && d.sums?.some((r) => drafts.some((x) => x.row === r && x.section === section))) {
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

