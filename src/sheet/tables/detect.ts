/**
 * Table detection: titles, one- or two-row headers, column roles, units, years, body rows
 * classified as lines, sections and totals (DESIGN.md "Input the checker understands").
 */
import { findFiscalYear, type FiscalYear } from '../../money/fiscal-year';
import { parseAmount } from '../../money/parse';
import { UNITS, unitFromText, type UnitId } from '../../money/units';
import type { Money } from '../../money/decimal';
import { Cell, Grid, forEachCellIn, isBlankCell, isErrorValue } from '../grid';
import { Block, filledColumns, findBlocks } from './blocks';
import { isGrandTotalLabel, isTotalLabel, roleFromHeader } from './header-roles';
import { readAmountCell, withStep } from './amount-cell';
import { headlineFromText } from './headline';
import {
  AmountCell,
  Column,
  ColumnRole,
  Headline,
  Section,
  Table,
  TableKind,
  TableRow,
  isMeasureRole,
} from './types';

export interface DetectOptions {
  readonly defaultUnit: UnitId;
  /** True when text names a priority area of the model: such a row heads a section of lines. */
  readonly isPriorityArea?: (text: string) => boolean;
}

export function detectTables(grid: Grid, options: DetectOptions): Table[] {
  const tables: Table[] = [];
  for (const block of findBlocks(grid)) {
    const table = tableFromBlock(grid, block, options);
    if (table) tables.push(table);
  }
  return tables;
}

function cellText(cell: Cell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return isErrorValue(v) ? v.code : '';
}

function isTextCell(cell: Cell | undefined): boolean {
  return typeof cell?.value === 'string' && cell.value.trim() !== '';
}

const amountLikeText = new Map<string, boolean>();

/** A cell that reads as a figure: a number, or text such as "£1.4m", "(1.0)", "-". */
function looksLikeAmount(cell: Cell | undefined): boolean {
  const v = cell?.value;
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  // Names are most text cells, and most are unique: a word of three letters or more is never an amount
  // (placeholders such as "TBC" and "nil" are short enough to go to the parser).
  if (/^\s*[A-Za-z][A-Za-z]{3}|[A-Za-z]\d/.test(v)) return false;
  let known = amountLikeText.get(v);
  if (known === undefined) {
    known = parseAmount(v, '£').kind !== 'invalid';
    if (amountLikeText.size < 10_000) amountLikeText.set(v, known);
  }
  return known;
}

function isUnitStatement(text: string): boolean {
  return /^\(?\s*(£\s*(m|ms|k|000|'000|million)?|gbp\s*(m|k)?)\s*\)?$/i.test(text.trim());
}

interface TitleScan {
  readonly titleRows: number[];
  readonly title?: string;
  readonly titleCell?: { row: number; col: number };
  readonly unitCell?: UnitId;
  readonly headerStart: number;
}

function scanTitles(grid: Grid, block: Block): TitleScan {
  const titleRows: number[] = [];
  let title: string | undefined;
  let titleCell: { row: number; col: number } | undefined;
  let unitCell: UnitId | undefined;
  let i = 0;
  for (; i < block.rows.length - 1; i++) {
    const r = block.rows[i];
    const filled = filledColumns(grid, r, block.firstCol, block.lastCol);
    if (filled.length !== 1 || !isTextCell(grid.cell(r, filled[0]))) break;
    // A lone text cell over a row of figures is a one-column header, not a title.
    const next = block.rows[i + 1];
    if (filledColumns(grid, next, block.firstCol, block.lastCol).every((c) => looksLikeAmount(grid.cell(next, c)))) break;
    const text = cellText(grid.cell(r, filled[0]));
    titleRows.push(r);
    if (isUnitStatement(text)) {
      unitCell = unitFromText(text);
    } else if (title === undefined) {
      title = text;
      titleCell = { row: r, col: filled[0] };
    }
  }
  return { titleRows, title, titleCell, unitCell, headerStart: i };
}

/** A header row holds text and no figures; a row of mostly figures is body, not header. */
function isHeaderLike(grid: Grid, row: number, block: Block): boolean {
  const filled = filledColumns(grid, row, block.firstCol, block.lastCol);
  if (filled.length === 0) return false;
  return filled.every((c) => {
    const v = grid.cell(row, c)?.value;
    return typeof v === 'string' && (parseAmount(v, '£').kind === 'invalid' || findFiscalYear(v) !== undefined);
  });
}

function recognisedRoles(grid: Grid, row: number, block: Block): number {
  let n = 0;
  for (const c of filledColumns(grid, row, block.firstCol, block.lastCol)) {
    const text = cellText(grid.cell(row, c));
    if (roleFromHeader(text) || findFiscalYear(text)) n++;
  }
  return n;
}

interface ColumnDraft {
  col: number;
  header: string;
  lower: string;
  upper: string;
  role: ColumnRole | undefined;
  registerOnly: boolean;
  year?: FiscalYear;
  group?: string;
  headerUnit?: UnitId;
}

function tableFromBlock(grid: Grid, block: Block, options: DetectOptions): Table | undefined {
  const titles = scanTitles(grid, block);
  const headerRowIndex = titles.headerStart;
  if (headerRowIndex >= block.rows.length) return undefined;
  const firstHeader = block.rows[headerRowIndex];
  if (!isHeaderLike(grid, firstHeader, block)) return undefined;

  const headerRows = [firstHeader];
  const second = block.rows[headerRowIndex + 1];
  if (
    second !== undefined &&
    headerRowIndex + 2 < block.rows.length &&
    isHeaderLike(grid, second, block) &&
    recognisedRoles(grid, second, block) > recognisedRoles(grid, firstHeader, block)
  ) {
    headerRows.push(second);
  }
  const bodyRows = block.rows.slice(headerRowIndex + headerRows.length);
  if (bodyRows.length === 0) return undefined;

  const drafts = draftColumns(grid, block, headerRows);
  const titleUnit = titles.title ? unitFromText(titles.title) : undefined;
  const tableUnit: UnitId = drafts.find((d) => d.headerUnit)?.headerUnit ?? titles.unitCell ?? titleUnit ?? options.defaultUnit;
  const unitSource: Table['unitSource'] = drafts.some((d) => d.headerUnit)
    ? 'header'
    : titles.unitCell
      ? 'unit-cell'
      : titleUnit
        ? 'title'
        : 'default';
  const kind = tableKind(drafts);
  const columns = assignRoles(grid, drafts, bodyRows, kind, tableUnit);
  const measureCols = columns.filter((c) => isMeasureRole(c.role));
  const labelCol = pickLabelColumn(columns);
  const rows = classifyRows(grid, block, bodyRows, columns, measureCols, labelCol, kind, options);
  const sections = buildSections(rows.rows, rows.sectionHeadlines);
  const titleHeadlines: Headline[] = [];
  if (titles.title && titles.titleCell && measureCols.length > 0) {
    const h = headlineFromText(titles.title, tableUnit);
    if (h) titleHeadlines.push({ col: measureCols[0].col, cell: titles.titleCell, pounds: h.pounds, step: h.step, fromText: true });
  }
  const titleYear = titles.title ? findFiscalYear(titles.title)?.year : undefined;
  const lastRow = block.rows[block.rows.length - 1];
  return {
    sheet: grid.name,
    kind,
    range: { start: { row: block.rows[0], col: block.firstCol }, end: { row: lastRow, col: block.lastCol } },
    title: titles.title,
    titleCell: titles.titleCell,
    titleHeadlines,
    headerRows,
    columns,
    unit: measureCols[0]?.unit ?? tableUnit,
    unitSource,
    titleYear,
    rows: rows.rows,
    sections,
  };
}

function draftColumns(grid: Grid, block: Block, headerRows: readonly number[]): ColumnDraft[] {
  const lowerRow = headerRows[headerRows.length - 1];
  const upperRow = headerRows.length === 2 ? headerRows[0] : undefined;
  const drafts: ColumnDraft[] = [];
  let carriedUpper = '';
  for (let c = block.firstCol; c <= block.lastCol; c++) {
    const lower = cellText(grid.cell(lowerRow, c));
    let upper = upperRow !== undefined ? cellText(grid.cell(upperRow, c)) : '';
    // An upper label spans the columns to its right until the next label, as a merged cell would.
    if (upper === '' && lower !== '' && carriedUpper !== '' && drafts.length > 0) upper = carriedUpper;
    if (upper !== '') carriedUpper = upper;
    const header = upper && upper !== lower ? `${upper} / ${lower}` : lower;
    const role = roleFromHeader(lower) ?? (lower === '' ? roleFromHeader(upper) : undefined);
    const year = findFiscalYear(lower)?.year ?? findFiscalYear(upper)?.year;
    const upperIsYearOnly = upper !== '' && findFiscalYear(upper) !== undefined && upper.replace(/[\s\d/\-–FYfy]/g, '') === '';
    drafts.push({
      col: c,
      header,
      lower,
      upper,
      role: role?.role,
      registerOnly: role?.registerOnly ?? false,
      year,
      group: upper !== '' && !upperIsYearOnly ? upper : undefined,
      headerUnit: unitFromText(lower) ?? (upper ? unitFromText(upper) : undefined),
    });
  }
  return drafts;
}

function tableKind(drafts: readonly ColumnDraft[]): TableKind {
  const registerRoles = new Set(drafts.filter((d) => d.registerOnly).map((d) => d.role));
  if (registerRoles.size >= 2) return 'register';
  const hasMeasure = drafts.some((d) => d.role && isMeasureRole(d.role));
  const actionHeader = drafts.some((d) => /\b(action|recommendation)s?\b/i.test(d.lower));
  if (!hasMeasure && actionHeader && drafts.some((d) => d.role === 'status')) return 'audit-actions';
  return 'budget';
}

function assignRoles(
  grid: Grid,
  drafts: readonly ColumnDraft[],
  bodyRows: readonly number[],
  kind: TableKind,
  tableUnit: UnitId,
): Column[] {
  const columns: Column[] = [];
  const counts = contentCounts(grid, drafts, bodyRows);
  for (const d of drafts) {
    const { amounts, texts, filled } = counts.get(d.col) ?? { amounts: 0, texts: 0, filled: 0 };
    if (d.header === '' && filled === 0) continue;
    const numeric = amounts > 0 && amounts >= texts;
    let role: ColumnRole | undefined = d.role;
    let declared = role !== undefined;
    if (role === 'funder' && kind === 'budget') role = 'funding-stream';
    // "LCPF Allocation to Boroughs" names an allocation but holds names: it is the label. A header that
    // states a unit or a year ("Budget £m") is an amount column whatever it holds, so text in it is
    // reported as not an amount rather than read as a label.
    if (role && isMeasureRole(role) && !numeric && texts > 0 && !d.headerUnit && !d.year) {
      role = undefined;
      declared = false;
    }
    if (role === undefined && numeric && (d.year || d.headerUnit || d.lower !== '' || d.group)) {
      role = 'amount';
      declared = false;
    }
    columns.push({
      col: d.col,
      header: d.header,
      role: role ?? 'other',
      declared,
      ...(d.year ? { year: d.year } : {}),
      ...(d.group ? { group: d.group } : {}),
      unit: d.headerUnit ?? tableUnit,
    });
  }
  // The label is the first text column without another role (DESIGN.md).
  const label = columns.find((c) => c.role === 'other' && columnHasText(grid, c.col, bodyRows));
  return columns.map((c) => (c === label ? { ...c, role: 'label' as const } : c));
}

/**
 * Whether a column's role depends on what its body holds: a header with no role, a blank header, or a
 * measure header that states neither a unit nor a year. Other columns' roles are settled by their
 * header, so their cells need not be read here (a large table's cells are read once less).
 */
function roleNeedsContent(d: ColumnDraft): boolean {
  return d.role === undefined || d.header === '' || (isMeasureRole(d.role) && !d.headerUnit && !d.year);
}

/** Per column whose role depends on it: how many body cells read as figures, how many as text, how many hold anything. */
function contentCounts(grid: Grid, drafts: readonly ColumnDraft[], bodyRows: readonly number[]): Map<number, { amounts: number; texts: number; filled: number }> {
  const counted = drafts.filter(roleNeedsContent);
  const counts = new Map(counted.map((d) => [d.col, { amounts: 0, texts: 0, filled: 0 }]));
  const cols = counted.map((d) => d.col);
  const tallies = cols.map((c) => counts.get(c)!);
  const tally = (cell: Cell | undefined, count: { amounts: number; texts: number; filled: number }): void => {
    if (isBlankCell(cell)) return;
    count.filled++;
    if (looksLikeAmount(cell) || isErrorValue(cell?.value)) count.amounts++;
    else if (isTextCell(cell)) count.texts++;
  };
  // Few counted columns: read them in each row. Many (a table as wide as the sheet, mostly blank
  // headers): visit only the cells each row holds.
  const byCol: ({ amounts: number; texts: number; filled: number } | undefined)[] = [];
  cols.forEach((c, i) => (byCol[c] = tallies[i]));
  const tallyByColumn = (cell: Cell, c: number): void => {
    const count = byCol[c];
    if (count) tally(cell, count);
  };
  for (const r of bodyRows) {
    const cells = grid.row(r);
    if (cols.length <= 64) {
      for (let i = 0; i < cols.length; i++) tally(cells[cols[i]], tallies[i]);
    } else {
      forEachCellIn(cells, tallyByColumn);
    }
  }
  return counts;
}

function columnHasText(grid: Grid, col: number, rows: readonly number[]): boolean {
  return rows.some((r) => isTextCell(grid.cell(r, col)));
}

function pickLabelColumn(columns: readonly Column[]): number | undefined {
  const order: ColumnRole[] = ['label', 'programme', 'priority-area', 'borough', 'funding-stream', 'year', 'ref'];
  for (const role of order) {
    const col = columns.find((c) => c.role === role);
    if (col) return col.col;
  }
  return undefined;
}

/** A table row while classification completes it. */
interface DraftRow {
  readonly row: number;
  kind: TableRow['kind'];
  readonly label: string;
  readonly labelCol: number | undefined;
  readonly amounts: Map<number, AmountCell>;
  section: number | undefined;
  sums: number[] | undefined;
}

interface ClassifiedRows {
  readonly rows: TableRow[];
  readonly sectionHeadlines: Map<number, { name: string; headlines: Headline[] }>;
}

function classifyRows(
  grid: Grid,
  block: Block,
  bodyRows: readonly number[],
  columns: readonly Column[],
  measureCols: readonly Column[],
  labelCol: number | undefined,
  kind: TableKind,
  options: DetectOptions,
): ClassifiedRows {
  const isMeasureCol: boolean[] = [];
  for (const c of measureCols) isMeasureCol[c.col] = true;
  // Where a column names each line's priority area, rows do not need to head sections by naming one.
  const hasPriorityColumn = columns.some((c) => c.role === 'priority-area');
  // Each row object is built once and completed below (its section, what a total sums): a large table
  // has one object per row, not a draft and then a row.
  const drafts: DraftRow[] = [];
  const namesPriorityArea = new Uint8Array(bodyRows.length);
  let seenTotal = false;
  // The row being read: its label, where the label is, and whether it holds other text. One visitor
  // for every row, rather than a closure made per row.
  let label = '';
  let rowLabelCol = labelCol;
  let otherText = false;
  const visit = (cell: Cell, c: number): void => {
    if (c < block.firstCol || c > block.lastCol || isMeasureCol[c] || isBlankCell(cell)) return;
    if (label === '' && rowLabelCol === labelCol && isTextCell(cell)) {
      label = cellText(cell);
      rowLabelCol = c;
      return;
    }
    if (c !== rowLabelCol) otherText = true;
  };
  for (const r of bodyRows) {
    const cells = grid.row(r);
    label = labelCol !== undefined ? cellText(cells[labelCol]) : '';
    rowLabelCol = labelCol;
    otherText = false;
    forEachCellIn(cells, visit);
    const amounts = new Map<number, AmountCell>();
    let hasFigures = false;
    for (const col of measureCols) {
      const a = readAmountCell(cells[col.col], r, col.col, col.unit);
      if (a.kind !== 'missing') hasFigures = true;
      amounts.set(col.col, a);
    }
    let rowKind: TableRow['kind'] = 'line';
    if (isTotalLabel(label)) {
      rowKind = 'total';
      seenTotal = true;
    } else if (kind === 'budget' && measureCols.length > 0 && label !== '') {
      if (!hasFigures && !otherText) rowKind = seenTotal ? 'note' : 'section';
      else if (!hasPriorityColumn && options.isPriorityArea?.(sectionName(label))) namesPriorityArea[drafts.length] = 1;
    }
    drafts.push({ row: r, kind: rowKind, label, labelCol: rowLabelCol, amounts, section: undefined, sums: undefined });
  }
  const rowAmounts = measureCols.some((c) => c.unit !== '£') ? drafts.map((d) => d.amounts) : [];
  for (const col of measureCols) alignWholeNumberSteps(rowAmounts, col);
  // A row naming a priority area, with figures, heads a section only when ordinary lines follow it.
  for (let i = 0; i < drafts.length; i++) {
    if (!namesPriorityArea[i]) continue;
    const next = drafts[i + 1];
    if (next && next.kind === 'line' && !namesPriorityArea[i + 1]) drafts[i].kind = 'section';
  }

  const sectionHeadlines = new Map<number, { name: string; headlines: Headline[] }>();
  const rows: TableRow[] = [];
  let section: number | undefined;
  let sectionCount = 0;
  let sinceLastTotal: number[] = [];
  const allLines: number[] = [];
  let currentSectionLines: number[] = [];
  let previousWasTotal = false;
  let subtotalsSeen = 0;
  for (const d of drafts) {
    if (d.kind === 'section') {
      const headlines: Headline[] = [];
      const firstMeasure = measureCols[0];
      const textHeadline = firstMeasure ? headlineFromText(d.label, firstMeasure.unit) : undefined;
      if (textHeadline && firstMeasure && d.labelCol !== undefined) {
        headlines.push({ col: firstMeasure.col, cell: { row: d.row, col: d.labelCol }, pounds: textHeadline.pounds, step: textHeadline.step, fromText: true });
      }
      for (const [col, a] of d.amounts) {
        if (a.kind === 'amount') headlines.push({ col, cell: { row: a.row, col }, pounds: a.pounds, step: a.step, fromText: false });
      }
      sectionHeadlines.set(d.row, { name: sectionName(d.label), headlines });
      section = sectionCount++;
      currentSectionLines = [];
      d.section = section;
      rows.push(d);
      previousWasTotal = false;
      continue;
    }
    if (d.kind === 'total') {
      let sums: number[];
      const sectionOpen = section !== undefined && currentSectionLines.length > 0;
      if (isGrandTotalLabel(d.label) || (previousWasTotal && sinceLastTotal.length === 0)) {
        sums = [...allLines];
      } else if (sectionOpen && sectionCount > 1 && subtotalsSeen === 0 && isLastTotal(drafts, d)) {
        sums = [...allLines]; // one total after several sections without subtotals covers them all
      } else if (sectionOpen) {
        sums = [...currentSectionLines];
        subtotalsSeen++;
        section = undefined;
      } else {
        sums = sinceLastTotal.length > 0 ? [...sinceLastTotal] : [...allLines];
      }
      d.sums = sums;
      rows.push(d);
      sinceLastTotal = [];
      currentSectionLines = [];
      previousWasTotal = true;
      continue;
    }
    if (d.kind === 'note') {
      rows.push(d);
      continue;
    }
    d.section = section;
    rows.push(d);
    sinceLastTotal.push(d.row);
    allLines.push(d.row);
    if (section !== undefined) currentSectionLines.push(d.row);
    previousWasTotal = false;
  }
  return { rows, sectionHeadlines };
}

/**
 * In a column written to 1 dp, a figure stored as 16 means 16.0, not "16 to the nearest million":
 * whole figures take the precision of the column's other figures.
 */
function alignWholeNumberSteps(rows: readonly Map<number, AmountCell>[], col: Column): void {
  if (col.unit === '£') return; // pounds are full precision whatever their digits
  const factor = UNITS[col.unit].factor;
  // A column holds a few distinct steps (they are shared objects): compare those, not every cell's.
  const steps = new Set<Money>();
  for (const amounts of rows) {
    const a = amounts.get(col.col);
    if (a?.kind === 'amount') steps.add(a.step);
  }
  let coarsestFraction: Money | undefined;
  const wholeSteps = new Set<Money>();
  for (const step of steps) {
    if (step.gte(factor)) wholeSteps.add(step);
    else if (!step.isZero() && (!coarsestFraction || step.gt(coarsestFraction))) coarsestFraction = step;
  }
  if (!coarsestFraction || wholeSteps.size === 0) return;
  for (const amounts of rows) {
    const a = amounts.get(col.col);
    if (a?.kind === 'amount' && wholeSteps.has(a.step)) amounts.set(col.col, withStep(a, coarsestFraction));
  }
}

function isLastTotal(drafts: readonly { kind: TableRow['kind'] }[], d: { kind: TableRow['kind'] }): boolean {
  const index = drafts.indexOf(d as (typeof drafts)[number]);
  return drafts.slice(index + 1).every((x) => x.kind !== 'total' && x.kind !== 'line' && x.kind !== 'section');
}

/** "Keeping Children and Young People Safe (£15.0m)" → "Keeping Children and Young People Safe". */
export function sectionName(label: string): string {
  return label.replace(/\(\s*[-−]?\s*£[^)]*\)\s*$/, '').trim();
}

function buildSections(rows: readonly TableRow[], headlines: Map<number, { name: string; headlines: Headline[] }>): Section[] {
  const sections: Section[] = [];
  for (const row of rows) {
    if (row.kind !== 'section') continue;
    const info = headlines.get(row.row);
    sections.push({ row: row.row, name: info?.name ?? row.label, headlines: info?.headlines ?? [], lineRows: [] });
  }
  for (const row of rows) {
    if (row.kind === 'line' && row.section !== undefined) (sections[row.section].lineRows as number[]).push(row.row);
  }
  return sections;
}
