/**
 * A table's columns: header text (upper header rows carried across the columns they span), role,
 * kind and unit. Only money columns become measures; a per-cent, count, code or year column is read
 * for what it is.
 */
import { findFiscalYear, type FiscalYear } from '../../money/fiscal-year';
import { POUNDS_PER_UNIT, unitFromText, type UnitId } from '../../money/units';
import { Cell, Grid, forEachCellIn } from '../grid';
import type { Block } from './blocks';
import { cellText, withoutNoteMarkers } from './cell-text';
import { columnKind, emptyTally, isCategorical, kindFromHeader, tallyCell, type ContentTally } from './column-kinds';
import { headerWords, roleFromHeader } from './header-roles';
import { isColumnNumberRow } from './header-rows';
import { POUNDS_AS_WRITTEN, type UnitEvidence } from './table-units';
import { unitFromNumberFormat } from '../number-format';
import { formatDecimals } from './amount-cell';
import { isDimensionRole, isMeasureRole, type Column, type ColumnRole, type TableKind } from './types';

export interface ColumnDraft {
  readonly col: number;
  readonly header: string;
  readonly lower: string;
  readonly upper: string;
  readonly role: ColumnRole | undefined;
  readonly registerOnly: boolean;
  readonly year?: FiscalYear;
  readonly group?: string;
  readonly headerUnit?: UnitId;
  /** For a column with no header of its own under a table that has one: the unit that table read. */
  readonly inheritedUnit?: UnitEvidence;
  /** True when the header is the table above's: the column is kept only if this table fills it. */
  readonly inherited?: boolean;
}

/** The merged range's first column for each column a merge in `row` covers. */
function mergeStarts(grid: Grid, row: number): Map<number, number> {
  const starts = new Map<number, number>();
  for (const m of grid.merges) {
    if (m.start.row > row || m.end.row < row) continue;
    for (let c = m.start.col + 1; c <= m.end.col && c - m.start.col < 1000; c++) starts.set(c, m.start.col);
  }
  return starts;
}

/** Header text of every column: the lowest header row names the column, the rows above group it. */
export function draftColumns(grid: Grid, block: Block, headerRows: readonly number[]): ColumnDraft[] {
  // A row numbering the columns names none of them.
  const naming = headerRows.length > 1 ? headerRows.filter((r) => !isColumnNumberRow(grid, r, block)) : headerRows;
  const lowerRow = naming[naming.length - 1];
  const upperRows = naming.slice(0, -1);
  const merges = upperRows.map((r) => mergeStarts(grid, r));
  const carried = upperRows.map(() => '');
  const drafts: ColumnDraft[] = [];
  for (let c = block.firstCol; c <= block.lastCol; c++) {
    const lower = withoutNoteMarkers(cellText(grid.cell(lowerRow, c)));
    const uppers = upperRows.map((r, i) => {
      const merged = merges[i].get(c);
      let text = withoutNoteMarkers(cellText(grid.cell(r, merged ?? c)));
      // An upper label spans the columns to its right until the next label, as a merged cell would.
      if (text === '' && lower !== '' && carried[i] !== '' && drafts.length > 0) text = carried[i];
      if (text !== '') carried[i] = text;
      return text;
    });
    const upper = uppers.filter((u) => u !== '' && u !== lower).join(' / ');
    const header = upper ? `${upper} / ${lower}` : lower;
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
      ...(year ? { year } : {}),
      ...(upper !== '' && !upperIsYearOnly ? { group: upper } : {}),
      ...headerUnitOf(lower, upper),
    });
  }
  return drafts;
}

/**
 * Columns with no header, under a table above whose same columns have one (national and class totals
 * set a blank row below a long table, figures in its columns): they take that column's header and unit.
 */
export function inheritHeaders(drafts: readonly ColumnDraft[], above: readonly Column[] | undefined): ColumnDraft[] {
  if (!above) return [...drafts];
  const byCol = new Map(above.map((c) => [c.col, c]));
  return drafts.map((d) => {
    const source = byCol.get(d.col);
    if (d.header !== '' || !source || source.kind !== 'money' || source.header === '') return d;
    const role = roleFromHeader(source.header);
    const year = findFiscalYear(source.header)?.year;
    return {
      col: d.col,
      inherited: true,
      header: source.header,
      lower: source.header,
      upper: '',
      role: role?.role,
      registerOnly: role?.registerOnly ?? false,
      ...(year ? { year } : {}),
      ...(source.unitSource !== 'default' ? { inheritedUnit: { unit: source.unit, source: 'table-above' as const } } : {}),
    };
  });
}

function headerUnitOf(lower: string, upper: string): { headerUnit?: UnitId } {
  const unit = unitFromText(lower) ?? (upper ? unitFromText(upper) : undefined);
  return unit ? { headerUnit: unit } : {};
}

export function tableKind(drafts: readonly ColumnDraft[]): TableKind {
  const registerRoles = new Set(drafts.filter((d) => d.registerOnly).map((d) => d.role));
  if (registerRoles.size >= 2) return 'register';
  const hasMeasure = drafts.some((d) => d.role && isMeasureRole(d.role));
  const actionHeader = drafts.some((d) => /\b(action|recommendation)s?\b/i.test(d.lower));
  if (!hasMeasure && actionHeader && drafts.some((d) => d.role === 'status')) return 'audit-actions';
  return 'budget';
}

/** Rows read to learn what a column holds: enough to know it, bounded for tables of 100,000 lines. */
const SAMPLE_ROWS = 2000;

interface ColumnContent {
  readonly tally: ContentTally;
  /** The number format most of its figures carry. */
  numFmt?: string;
}

function readContent(grid: Grid, block: Block, bodyRows: readonly number[]): Map<number, ColumnContent> {
  const contents = new Map<number, ColumnContent>();
  const formats = new Map<number, Map<string, number>>();
  const visit = (cell: Cell, c: number): void => {
    if (c < block.firstCol || c > block.lastCol) return;
    let content = contents.get(c);
    if (!content) {
      content = { tally: emptyTally() };
      contents.set(c, content);
    }
    tallyCell(content.tally, cell);
    if (cell.numFmt && typeof cell.value === 'number') {
      let counts = formats.get(c);
      if (!counts) formats.set(c, (counts = new Map<string, number>()));
      counts.set(cell.numFmt, (counts.get(cell.numFmt) ?? 0) + 1);
    }
  };
  const sample = bodyRows.length <= SAMPLE_ROWS ? bodyRows : [...bodyRows.slice(0, SAMPLE_ROWS - 200), ...bodyRows.slice(-200)];
  for (const r of sample) forEachCellIn(grid.row(r), visit);
  for (const [c, counts] of formats) {
    const content = contents.get(c);
    if (content) content.numFmt = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  }
  return contents;
}

/** The unit of one money column: its header, then the table's evidence, then its number format, else pounds. */
function columnUnit(
  d: ColumnDraft,
  table: UnitEvidence | undefined,
  numFmt: string | undefined,
): { unit: UnitId; source: UnitEvidence['source']; displayUnit?: UnitId } {
  const format = unitFromNumberFormat(numFmt);
  const display = format.displayUnit ? { displayUnit: format.displayUnit } : {};
  if (d.headerUnit) return { unit: d.headerUnit, source: 'header', ...display };
  if (table) return { ...table, ...display };
  if (d.inheritedUnit) return { ...d.inheritedUnit, ...display };
  if (format.valueUnit) return { unit: format.valueUnit, source: 'number-format' };
  if (format.displayUnit) return { ...POUNDS_AS_WRITTEN, source: 'number-format', ...display };
  return POUNDS_AS_WRITTEN;
}

/** The decimals a money column's number format shows, in the column's unit: "#,##0.0,," shows pounds to £0.1m, whole pounds. */
function shownDecimalsOf(numFmt: string | undefined, unit: { unit: UnitId; displayUnit?: UnitId }): { shownDecimals?: number } {
  const decimals = formatDecimals(numFmt);
  if (decimals === undefined) return {};
  const scaled = unit.displayUnit ? Math.round(Math.log10(POUNDS_PER_UNIT[unit.displayUnit] / POUNDS_PER_UNIT[unit.unit])) : 0;
  return { shownDecimals: Math.max(0, decimals - scaled) };
}

interface KindEvidence {
  readonly headerKind: ReturnType<typeof kindFromHeader>;
  /** The column sits left of the first column of words (codes and refs live there). */
  readonly leftOfLabel: boolean;
  readonly bodyRowCount: number;
  readonly countedThings: boolean;
}

/** A column's kind from its header and what it holds. */
function decideKind(d: ColumnDraft, tally: ReturnType<typeof emptyTally>, evidence: KindEvidence): Column['kind'] {
  const { headerKind, leftOfLabel, bodyRowCount, countedThings } = evidence;
  // A header stating a unit or a year ("Budget £m", "2019/20") makes a money column whatever it holds,
  // so text in it is reported as not an amount rather than read as a label.
  const statesMoney =
    (d.headerUnit !== undefined || d.year !== undefined) &&
    headerKind !== 'percent' &&
    headerKind !== 'rate' &&
    headerKind !== 'count' &&
    headerKind !== 'identifier';
  const found = columnKind(d.role && isMeasureRole(d.role) && !headerKind ? 'money' : headerKind, tally, leftOfLabel);
  // A year alone does not make prose money: a column of nothing but words under "… 2018-19" is text.
  const hasFigure = d.headerUnit !== undefined || tally.amountTexts + tally.numbers > 0;
  const asMoney =
    statesMoney &&
    (found === 'text' || found === 'year') &&
    d.lower !== '' &&
    hasFigure &&
    tally.words + tally.amountTexts + tally.numbers > 0 &&
    tally.years < tally.filled
      ? 'money'
      : found;
  // A column with no header and a stray number or two (footnote markers) holds no money.
  const strayNumbers = asMoney === 'money' && d.header === '' && tally.numbers + tally.amountTexts < Math.max(3, bodyRowCount / 5) ? 'text' : asMoney;
  // Figures under headers that name no kind, in a table whose title counts things, are counts.
  const columnKindFound =
    strayNumbers === 'money' &&
    countedThings &&
    headerKind === undefined &&
    d.headerUnit === undefined &&
    !(d.role && isMeasureRole(d.role) && d.role !== 'amount')
      ? 'count'
      : strayNumbers;
  return columnKindFound;
}

/** Roles, kinds and units for every column that has a header or holds anything. */
/** `tableUnit`: from a unit row, the title, the other headers or the sheet name, for columns whose header states none. */
/** `countedThings`: the title names a count ("Number of cattle", "Prison population") and no unit says money. */
export function readColumns(
  grid: Grid,
  block: Block,
  drafts: readonly ColumnDraft[],
  bodyRows: readonly number[],
  kind: TableKind,
  tableUnit: UnitEvidence | undefined,
  countedThings = false,
): Column[] {
  const contents = readContent(grid, block, bodyRows);
  const firstWordColumn = drafts.find((d) => {
    const t = contents.get(d.col)?.tally;
    return t !== undefined && t.words > 0 && t.words >= t.numbers + t.amountTexts;
  })?.col;
  const columns: Column[] = [];
  for (const d of drafts) {
    const content = contents.get(d.col);
    const tally = content?.tally ?? emptyTally();
    if ((d.header === '' || d.inherited) && tally.filled === 0) continue;
    const hidden = grid.hiddenCols.has(d.col);
    const headerKind = kindFromHeader(d.header, headerWords(d.lower || d.upper));
    const leftOfLabel = firstWordColumn !== undefined && d.col < firstWordColumn;
    const columnKindFound = decideKind(d, tally, { headerKind, leftOfLabel, bodyRowCount: bodyRows.length, countedThings });
    const role = roleOf(d, columnKindFound, kind, hidden);
    const unit: { unit: UnitId; source: UnitEvidence['source']; displayUnit?: UnitId } =
      columnKindFound === 'money' ? columnUnit(d, tableUnit, content?.numFmt) : POUNDS_AS_WRITTEN;
    columns.push({
      col: d.col,
      header: d.header,
      role: role.role,
      declared: role.declared,
      kind: columnKindFound,
      unit: unit.unit,
      unitSource: unit.source,
      ...(unit.displayUnit ? { displayUnit: unit.displayUnit } : {}),
      ...(columnKindFound === 'money' ? shownDecimalsOf(content?.numFmt, unit) : {}),
      ...(d.year ? { year: d.year } : {}),
      ...(d.group ? { group: d.group } : {}),
      ...(hidden ? { hidden } : {}),
      ...((columnKindFound === 'text' || columnKindFound === 'identifier') && bodyRows.length >= 6 && isCategorical(tally) ? { categorical: true } : {}),
    });
  }
  const label = labelColumn(columns, contents);
  return columns.map((c) => (c === label ? { ...c, role: 'label' as const } : c));
}

/**
 * The label is the first text column without another role that names its lines (DESIGN.md); a code
 * column only if there is none. A column of categories (Class "SD", a group "fin") names no line: where
 * a column holds names, one to a line, that one labels them, even one with a role of its own
 * ("Local authority").
 */
function labelColumn(columns: readonly Column[], contents: Map<number, ColumnContent>): Column | undefined {
  const text = columns.filter((c) => c.role === 'other' && c.kind === 'text' && !c.hidden && hasWords(contents, c.col));
  const first = text[0];
  if (!first) return columns.find((c) => c.role === 'other' && c.kind === 'identifier' && !c.hidden && hasWords(contents, c.col));
  if (!first.categorical) return first;
  const named = text.filter((c) => holdsNames(contents, c.col));
  const naming = named.find((c) => !c.categorical);
  if (naming) return naming;
  if (columns.some((c) => isDimensionRole(c.role) && c.kind === 'text' && !c.categorical && holdsNames(contents, c.col))) return undefined;
  return [...named].sort((a, b) => distinctCount(contents, b.col) - distinctCount(contents, a.col))[0] ?? first;
}

/** How many different texts a column holds; past a category column's worth, counted as endless. */
function distinctCount(contents: Map<number, ColumnContent>, col: number): number {
  const d = contents.get(col)?.tally.distinct;
  return d ? d.size : Number.MAX_SAFE_INTEGER;
}

/** Whether most of a column's texts are names (with small letters), not codes. */
function holdsNames(contents: Map<number, ColumnContent>, col: number): boolean {
  const t = contents.get(col)?.tally;
  return t !== undefined && t.named * 2 > t.words + t.codes;
}

function hasWords(contents: Map<number, ColumnContent>, col: number): boolean {
  const t = contents.get(col)?.tally;
  return t !== undefined && t.words + t.codes > 0;
}

function roleOf(d: ColumnDraft, kind: Column['kind'], tableKind: TableKind, hidden: boolean): { role: ColumnRole; declared: boolean } {
  let role: ColumnRole | undefined = d.role;
  if (role === 'funder' && tableKind === 'budget') role = 'funding-stream';
  if (hidden) return { role: role && !isMeasureRole(role) ? role : 'other', declared: role !== undefined };
  if (role && isMeasureRole(role) && kind !== 'money') {
    // "LCPF Allocation to Boroughs" names an allocation but holds names: it is the label.
    return { role: kind === 'year' ? 'year' : 'other', declared: false };
  }
  // Figures under a date word ("end-Mar" over 2019) are amounts at that date, not dates.
  if (kind === 'money' && (role === undefined || role === 'award-date' || role === 'start-date' || role === 'end-date' || role === 'date'))
    return { role: 'amount', declared: false };
  if (kind === 'money') return { role: role ?? 'amount', declared: true };
  if (kind === 'year' && role === undefined) return { role: 'year', declared: false };
  if (kind === 'identifier' && role === undefined && /\b(ref|reference|id|identifier)\b/i.test(d.lower)) return { role: 'ref', declared: true };
  return { role: role ?? 'other', declared: role !== undefined };
}
