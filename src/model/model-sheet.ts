/**
 * The `Model` sheet: the commissioning model as tables a user edits in Excel, one per part, each a title
 * row, a header row and body rows, separated by a blank row. Reading finds each table by its title and
 * each column by its header, so moved columns and extra blank rows do no harm; problems name the cell.
 */
import type { CommissioningModel, FundingStream, PriorityArea, SourceNote } from './types';
import { Cell, CellValue, Grid, isBlankCell } from '../sheet/grid';
import { quoteSheetName, toA1 } from '../sheet/a1';
import { normaliseName, buildNameIndex } from './names';
import { findModelProblems, ModelError, validateModel } from './validate';
import {
  ALIAS_SEPARATOR,
  AMOUNT_SETTINGS,
  HEADERS,
  NUMBER_SETTINGS,
  OPTIONAL_SETTINGS,
  OPTIONAL_TABLES,
  REQUIRED_HEADERS,
  SETTINGS,
  SOURCE_HEADERS,
  TABLE_TITLES,
  headerKey,
  listPathOf,
  settingKey,
  type SettingPath,
  type TableKey,
} from './model-sheet-layout';
import { amountFromCell, cellText, numberFromCell } from './cell-values';
import { canonicalYearText } from '../money/fiscal-year';
import { MODEL_SHEET_NAME } from '../sheet/reserved-sheet-names';

// ---- writing ------------------------------------------------------------------------------------

type Row = readonly (CellValue | AmountText | null | undefined)[];

/** Marks a decimal string to be written as an amount: a number when exact, else text. */
class AmountText {
  constructor(readonly text: string) {}
}
const amount = (text: string): AmountText => new AmountText(text);

/** The model as the `Model` sheet. */
export function writeModelSheet(model: CommissioningModel): Grid {
  const grid = new Grid(MODEL_SHEET_NAME);
  let row = 0;
  for (const [key, rows] of modelTables(model)) {
    grid.set(row++, 0, TABLE_TITLES[key]);
    HEADERS[key].forEach((header, col) => grid.set(row, col, header));
    row++;
    for (const cells of rows) {
      cells.forEach((value, col) => writeCell(grid, row, col, value));
      row++;
    }
    row++; // the blank row that ends a table
  }
  return grid;
}

type SheetTable = readonly [TableKey, readonly Row[]];

const sourceCells = (s: SourceNote | undefined): Row => (s ? [s.document, s.locator, s.quote] : []);
const aliasCell = (list: readonly string[]): string => list.join(ALIAS_SEPARATOR);

/** The Model sheet's tables in the order they are written; the documents table only where the model names any. */
function modelTables(model: CommissioningModel): SheetTable[] {
  const settings = SETTINGS.filter(([, path]) => !OPTIONAL_SETTINGS.has(path) || settingValue(model, path) !== undefined).map(([label, path]): Row => {
    const value = settingValue(model, path);
    return [label, AMOUNT_SETTINGS.has(path) ? amount(String(value)) : value];
  });
  return [
    ['settings', settings],
    ['years', model.years.map((year) => [year])],
    ...areaAndProgrammeTables(model),
    ...fundAndPlaceTables(model),
    ...(model.documents ? [['documents', model.documents.map((d) => [d.document, d.title])] as const] : []),
  ];
}

function areaAndProgrammeTables(model: CommissioningModel): SheetTable[] {
  return [
    ['priorityAreas', model.priorityAreas.map((a) => [a.code, a.name, aliasCell(a.aliases), ...sourceCells(a.source)])],
    ['priorityAreaFigures', model.priorityAreas.flatMap((a) => a.figures.map((f) => [a.code, f.year, amount(f.amount), ...sourceCells(f.source)]))],
    ['fundingStreams', model.fundingStreams.map((s) => [s.code, s.name, s.funder, aliasCell(s.aliases), ...sourceCells(s.source)])],
    ['programmes', model.programmes.map((p) => [p.code, p.name, p.fundingStream, p.priorityArea, aliasCell(p.aliases), ...sourceCells(p.source)])],
  ];
}

function fundAndPlaceTables(model: CommissioningModel): SheetTable[] {
  const components = model.programmes.flatMap((p) =>
    p.figures.flatMap((f) => f.components.map((c) => [p.code, f.year, c.name, amount(c.amount), aliasCell(c.aliases), ...sourceCells(c.source)])),
  );
  return [
    ['fundFigures', model.programmes.flatMap((p) => p.figures.map((f) => [p.code, f.year, amount(f.total), ...sourceCells(f.source)]))],
    ['fundComponents', components],
    ['boroughs', model.boroughs.map((b) => [b.name, b.gss, b.orgId, aliasCell(b.aliases)])],
    ['commissioningModels', model.commissioningModels.map((m) => [m.code, m.name, aliasCell(m.aliases), ...sourceCells(m.source)])],
    ['totals', model.totals.map((t) => [t.year, amount(t.amount), ...sourceCells(t.source)])],
  ];
}

function writeCell(grid: Grid, row: number, col: number, value: CellValue | AmountText | null | undefined): void {
  if (value === undefined || value === null || value === '') return;
  if (value instanceof AmountText) {
    const n = Number(value.text);
    // A number only when it reads back as the same decimal string; otherwise text keeps it exact.
    if (String(n) === value.text) grid.set(row, col, n, Number.isInteger(n) ? '#,##0' : undefined);
    else grid.set(row, col, value.text);
    return;
  }
  grid.set(row, col, value);
}

function settingValue(model: CommissioningModel, path: SettingPath): string | number {
  let value: unknown = model;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  return value as string | number;
}

// ---- reading ------------------------------------------------------------------------------------

interface FoundTable {
  readonly key: TableKey;
  readonly titleRow: number;
  readonly titleCol: number;
  /** Column index per header (as written in HEADERS), for the headers present. */
  readonly columns: ReadonlyMap<string, number>;
  readonly headerRow: number;
  readonly bodyRows: readonly number[];
}

interface CellNote {
  readonly row: number;
  readonly col: number;
  /** What the cell holds, as a reader would name it: "Amount £", "Org id". */
  readonly label: string;
}

type Draft = Record<string, unknown>;

/** Reads the model back from its sheet and validates it. Problems name the cell: `Model!C14: "abc" is not an amount ...`. */
export function readModelSheet(grid: Grid, where: string = MODEL_SHEET_NAME): CommissioningModel {
  const reader = new SheetReader(grid, where);
  const draft = reader.read();
  const problems = reader.problems.slice();
  const seen = new Set(problems.filter((p) => p.row >= 0).map((p) => `${p.row},${p.col}`));
  for (const problem of findModelProblems(draft)) {
    const located = reader.locate(problem.path, problem.message);
    // One problem per cell: a cell the reader already complained about needs no second message.
    const place = `${located.row},${located.col}`;
    if (located.row >= 0 && seen.has(place)) continue;
    seen.add(place);
    problems.push(located);
  }
  if (problems.length > 0) {
    // Sheet order, so the first problem named is the topmost; problems with no cell (a missing table) lead.
    const ordered = problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.row - b.p.row || a.p.col - b.p.col || a.i - b.i);
    throw new ModelError(ordered.map(({ p }) => p.line));
  }
  return validateModel(draft, where);
}

/** A problem and the cell it is about (row -1 when it concerns the sheet as a whole). */
interface SheetProblem {
  readonly row: number;
  readonly col: number;
  readonly line: string;
}

class SheetReader {
  readonly problems: SheetProblem[] = [];
  private readonly notes = new Map<string, CellNote>();
  /** Tables found by title but not readable (no header, a column missing): already reported. */
  private readonly unreadable = new Set<TableKey>();
  private readonly prefix: string;

  constructor(
    private readonly grid: Grid,
    where: string,
  ) {
    this.prefix = quoteSheetName(where);
  }

  read(): Draft {
    const tables = this.findTables();
    const get = (key: TableKey): FoundTable | undefined => {
      const table = tables.get(key);
      if (!table && !this.unreadable.has(key) && !OPTIONAL_TABLES.has(key)) {
        this.reportSheet(
          `no "${TABLE_TITLES[key]}" table (a row holding only the title "${TABLE_TITLES[key]}", then a header row: ${HEADERS[key].join(' | ')})`,
        );
      }
      return table;
    };

    const draft: Draft = { organisation: {}, settings: { rag: {} } };
    const settings = get('settings');
    if (settings) this.readSettings(settings, draft);

    const years = get('years');
    draft.years = years ? years.bodyRows.map((r, i) => this.year(years, r, 'Year', `years[${i}]`)) : [];

    const priorityAreas = this.readNamedEntries(get('priorityAreas'), 'priorityAreas', ['figures']);
    const areaFigures = get('priorityAreaFigures');
    if (areaFigures) {
      this.attachYearFigures(areaFigures, priorityAreas, 'priorityAreas', 'Priority area', 'Amount £', 'Priority areas');
    }
    draft.priorityAreas = priorityAreas;

    draft.fundingStreams = this.readNamedEntries(get('fundingStreams'), 'fundingStreams', [], (table, row, path, entry) => {
      const funder = this.text(table, row, 'Funder', `${path}.funder`);
      if (funder !== undefined) entry.funder = funder;
    });

    const streamIndex = buildNameIndex(draft.fundingStreams as readonly FundingStream[]);
    const areaIndex = buildNameIndex(priorityAreas as unknown as readonly PriorityArea[]);
    const programmes = this.readNamedEntries(get('programmes'), 'programmes', ['figures'], (table, row, path, entry) => {
      const stream = this.text(table, row, 'Funding stream', `${path}.fundingStream`);
      if (stream !== undefined) entry.fundingStream = streamIndex.resolve(stream)?.code ?? stream;
      const area = this.text(table, row, 'Priority area', `${path}.priorityArea`);
      if (area !== undefined) entry.priorityArea = areaIndex.resolve(area)?.code ?? area;
    });
    const fundFigures = get('fundFigures');
    if (fundFigures) this.attachFundFigures(fundFigures, programmes);
    const fundComponents = get('fundComponents');
    if (fundComponents) this.attachComponents(fundComponents, programmes);
    draft.programmes = programmes;

    const boroughs = get('boroughs');
    draft.boroughs = boroughs ? boroughs.bodyRows.map((r, i) => this.borough(boroughs, r, `boroughs[${i}]`)) : [];
    draft.commissioningModels = this.readNamedEntries(get('commissioningModels'), 'commissioningModels', []);

    const totals = get('totals');
    draft.totals = totals ? totals.bodyRows.map((r, i) => this.yearFigure(totals, r, 'Amount £', `totals[${i}]`)) : [];

    const documents = get('documents');
    if (documents) draft.documents = documents.bodyRows.map((r, i) => this.sourceDocument(documents, r, `documents[${i}]`));
    return draft;
  }

  /** The problem as a line naming the cell that holds the field, or the nearest thing that does. */
  locate(path: string, message: string): SheetProblem {
    let probe = path;
    for (;;) {
      const note = this.notes.get(probe);
      if (note) {
        // Messages such as "is missing" need their subject: the column or setting they are about.
        const subject = /^(is|should|has)\b/.test(message) ? `${note.label} ` : '';
        return this.problem(note.row, note.col, `${subject}${this.pathsAsCells(message)}`);
      }
      const cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
      if (cut <= 0) return { row: -1, col: -1, line: `${this.prefix}: ${path}: ${message}` };
      probe = probe.slice(0, cut);
    }
  }

  /** "also priorityAreas[0]" means nothing on a sheet: name the cell instead, "also A27". */
  private pathsAsCells(message: string): string {
    return message.replace(/\b[a-zA-Z]+\[\d+\](?:\.[a-zA-Z]+\[\d+\])*/g, (path) => {
      const note = this.notes.get(path);
      return note ? toA1(note.row, note.col) : path;
    });
  }

  private problem(row: number, col: number, message: string): SheetProblem {
    return { row, col, line: `${this.prefix}!${toA1(row, col)}: ${message}` };
  }

  private report(row: number, col: number, message: string): void {
    this.problems.push(this.problem(row, col, message));
  }

  private reportSheet(message: string): void {
    this.problems.push({ row: -1, col: -1, line: `${this.prefix}: ${message}` });
  }

  // ---- tables -------------------------------------------------------------------------------

  private findTables(): Map<TableKey, FoundTable> {
    const titleKeys = new Map<string, TableKey>();
    for (const key of Object.keys(TABLE_TITLES) as TableKey[]) titleKeys.set(normaliseName(TABLE_TITLES[key]), key);
    titleKeys.set(normaliseName('Organisation and settings'), 'settings');
    titleKeys.set(normaliseName('Settings'), 'settings');

    const rows = this.grid.rowIndexes().filter((r) => this.grid.row(r).some((c) => !isBlankCell(c)));
    const titles: { key: TableKey; row: number; col: number }[] = [];
    for (const r of rows) {
      const filled = this.filledCells(r);
      if (filled.length !== 1) continue;
      const [col, cell] = filled[0];
      if (typeof cell.value !== 'string') continue;
      const key = titleKeys.get(normaliseName(cell.value));
      if (key) titles.push({ key, row: r, col });
    }

    const tables = new Map<TableKey, FoundTable>();
    titles.forEach((title, t) => {
      const end = t + 1 < titles.length ? titles[t + 1].row : Infinity;
      const inside = rows.filter((r) => r > title.row && r < end);
      if (tables.has(title.key)) {
        this.report(title.row, title.col, `a second "${TABLE_TITLES[title.key]}" table; keep one`);
        return;
      }
      if (inside.length === 0) {
        this.unreadable.add(title.key);
        this.report(title.row, title.col, `the "${TABLE_TITLES[title.key]}" table has no header row (${HEADERS[title.key].join(' | ')})`);
        return;
      }
      const headerRow = inside[0];
      const columns = this.matchHeaders(title.key, headerRow);
      const missing = REQUIRED_HEADERS[title.key].filter((h) => !columns.has(h));
      if (missing.length > 0) {
        this.unreadable.add(title.key);
        const names = missing.map((h) => `"${h}"`).join(', ');
        this.report(
          headerRow,
          title.col,
          `the "${TABLE_TITLES[title.key]}" table has no ${names} column (its header row should read ${HEADERS[title.key].join(' | ')})`,
        );
        return;
      }
      const listPath = listPathOf(title.key);
      if (listPath) this.note(listPath, title.row, title.col, TABLE_TITLES[title.key]);
      tables.set(title.key, { key: title.key, titleRow: title.row, titleCol: title.col, columns, headerRow, bodyRows: inside.slice(1) });
    });
    return tables;
  }

  private filledCells(row: number): [number, Cell][] {
    const out: [number, Cell][] = [];
    this.grid.row(row).forEach((cell, col) => {
      if (cell && !isBlankCell(cell)) out.push([col, cell]);
    });
    return out;
  }

  private matchHeaders(key: TableKey, row: number): Map<string, number> {
    const wanted = new Map<string, string>(HEADERS[key].map((h) => [headerKey(h), h]));
    const columns = new Map<string, number>();
    for (const [col, cell] of this.filledCells(row)) {
      const header = wanted.get(headerKey(cellText(cell.value) ?? ''));
      if (header && !columns.has(header)) columns.set(header, col);
    }
    return columns;
  }

  // ---- cells --------------------------------------------------------------------------------

  private note(path: string, row: number, col: number, label: string): void {
    if (!this.notes.has(path)) this.notes.set(path, { row, col, label });
  }

  /** The cell under `header` in `row`, noted as the home of `path` (even when blank, so "is missing" finds it). */
  private cellAt(table: FoundTable, row: number, header: string, path: string): Cell | undefined {
    const col = table.columns.get(header);
    if (col === undefined) return undefined;
    this.note(path, row, col, header);
    const cell = this.grid.cell(row, col);
    return isBlankCell(cell) ? undefined : cell;
  }

  private text(table: FoundTable, row: number, header: string, path: string): string | undefined {
    const cell = this.cellAt(table, row, header, path);
    return cell ? cellText(cell.value) : undefined;
  }

  private aliases(table: FoundTable, row: number, path: string): string[] {
    const text = this.text(table, row, 'Aliases', path);
    if (text === undefined) return [];
    return text
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== '');
  }

  private amount(table: FoundTable, row: number, header: string, path: string): string | undefined {
    const cell = this.cellAt(table, row, header, path);
    return cell ? amountFromCell(cell.value) : undefined;
  }

  private year(table: FoundTable, row: number, header: string, path: string): string | undefined {
    const text = this.text(table, row, header, path);
    return text === undefined ? undefined : canonicalYearText(text);
  }

  /** A source note from the three source columns; undefined when all are blank and the source is optional. */
  private source(table: FoundTable, row: number, path: string, required: boolean): Draft | undefined {
    const document = this.text(table, row, SOURCE_HEADERS[0], `${path}.document`);
    const locator = this.text(table, row, SOURCE_HEADERS[1], `${path}.locator`);
    const quote = this.text(table, row, SOURCE_HEADERS[2], `${path}.quote`);
    if (!required && document === undefined && locator === undefined && quote === undefined) return undefined;
    const col = table.columns.get(SOURCE_HEADERS[0]);
    this.note(path, row, col ?? table.titleCol, 'Source document');
    return { document, locator, ...(quote !== undefined ? { quote } : {}) };
  }

  private rowNote(table: FoundTable, row: number, path: string): void {
    const first = Math.min(...table.columns.values());
    this.note(path, row, first, TABLE_TITLES[table.key]);
  }

  // ---- parts --------------------------------------------------------------------------------

  private readSettings(table: FoundTable, draft: Draft): void {
    const byLabel = new Map<string, SettingPath>(SETTINGS.map(([label, path]) => [settingKey(label), path]));
    const valueCol = table.columns.get('Value') as number;
    for (const row of table.bodyRows) {
      const label = this.text(table, row, 'Setting', `settings-label@${row}`);
      if (label === undefined) continue;
      const path = byLabel.get(settingKey(label));
      const labelCol = table.columns.get('Setting') as number;
      if (!path) {
        const known = SETTINGS.map(([l]) => l).join(', ');
        this.report(row, labelCol, `"${label}" is not a setting (known: ${known})`);
        continue;
      }
      const earlier = this.notes.get(path);
      if (earlier) {
        this.report(row, labelCol, `"${label}" is set twice (also ${toA1(earlier.row, earlier.col)})`);
        continue;
      }
      this.note(path, row, valueCol, label);
      const cell = this.grid.cell(row, valueCol);
      if (isBlankCell(cell)) continue;
      const raw = (cell as Cell).value;
      let value: unknown;
      if (AMOUNT_SETTINGS.has(path)) value = amountFromCell(raw);
      else if (NUMBER_SETTINGS.has(path)) value = numberFromCell(raw);
      else value = cellText(raw);
      setPath(draft, path, value);
    }
    // A setting left out is reported at the table's title, by its label: "Org id is missing".
    for (const [label, path] of SETTINGS) {
      if (!this.notes.has(path)) this.note(path, table.titleRow, table.titleCol, label);
    }
    // Only one schema and one currency exist, so a hand-made sheet need not say so.
    if (draft.schemaVersion === undefined) draft.schemaVersion = 1;
    if (draft.currency === undefined) draft.currency = 'GBP';
  }

  private readNamedEntries(
    table: FoundTable | undefined,
    listPath: string,
    lists: readonly string[],
    extra?: (table: FoundTable, row: number, path: string, entry: Draft) => void,
  ): Draft[] {
    if (!table) return [];
    return table.bodyRows.map((row, i) => {
      const path = `${listPath}[${i}]`;
      this.rowNote(table, row, path);
      const entry: Draft = {
        code: this.text(table, row, 'Code', `${path}.code`),
        name: this.text(table, row, 'Name', `${path}.name`),
        aliases: this.aliases(table, row, `${path}.aliases`),
      };
      for (const list of lists) entry[list] = [];
      extra?.(table, row, path, entry);
      const source = this.source(table, row, `${path}.source`, false);
      if (source) entry.source = source;
      return entry;
    });
  }

  private yearFigure(table: FoundTable, row: number, amountHeader: string, path: string): Draft {
    this.rowNote(table, row, path);
    return {
      year: this.year(table, row, 'Year', `${path}.year`),
      amount: this.amount(table, row, amountHeader, `${path}.amount`),
      source: this.source(table, row, `${path}.source`, true),
    };
  }

  /** Finds the owner of a figure row (a priority area or programme) by code, then by name. */
  private owner(table: FoundTable, row: number, header: string, owners: readonly Draft[], ownerTable: string): number | undefined {
    const text = this.text(table, row, header, `owner@${table.key}@${row}`);
    const col = table.columns.get(header) as number;
    if (text === undefined) {
      this.report(row, col, `${header} is missing (write a code from the ${ownerTable} table)`);
      return undefined;
    }
    const byCode = owners.findIndex((o) => o.code === text);
    if (byCode >= 0) return byCode;
    const wanted = normaliseName(text);
    // A draft's code and name are the text read from their cells, or undefined when blank.
    const draftText = (v: unknown): string => (typeof v === 'string' ? v : '');
    const byName = owners.findIndex((o) => normaliseName(draftText(o.code)) === wanted || normaliseName(draftText(o.name)) === wanted);
    if (byName >= 0) return byName;
    this.report(row, col, `${JSON.stringify(text)} is not a code in the ${ownerTable} table`);
    return undefined;
  }

  private attachYearFigures(table: FoundTable, owners: Draft[], listPath: string, ownerHeader: string, amountHeader: string, ownerTable: string): void {
    for (const row of table.bodyRows) {
      const index = this.owner(table, row, ownerHeader, owners, ownerTable);
      if (index === undefined) continue;
      const figures = owners[index].figures as Draft[];
      figures.push(this.yearFigure(table, row, amountHeader, `${listPath}[${index}].figures[${figures.length}]`));
    }
  }

  private attachFundFigures(table: FoundTable, programmes: Draft[]): void {
    for (const row of table.bodyRows) {
      const index = this.owner(table, row, 'Programme', programmes, 'Programmes');
      if (index === undefined) continue;
      const figures = programmes[index].figures as Draft[];
      const path = `programmes[${index}].figures[${figures.length}]`;
      this.rowNote(table, row, path);
      figures.push({
        year: this.year(table, row, 'Year', `${path}.year`),
        total: this.amount(table, row, 'Total £', `${path}.total`),
        components: [],
        source: this.source(table, row, `${path}.source`, true),
      });
    }
  }

  private attachComponents(table: FoundTable, programmes: Draft[]): void {
    for (const row of table.bodyRows) {
      const index = this.owner(table, row, 'Programme', programmes, 'Programmes');
      if (index === undefined) continue;
      const year = this.year(table, row, 'Year', `component-year@${row}`);
      const figures = programmes[index].figures as Draft[];
      const f = figures.findIndex((figure) => figure.year === year);
      if (f < 0) {
        const what = `${String(programmes[index].code)} ${year ?? '(no year)'}`;
        this.report(row, table.columns.get('Year') as number, `no "Fund figures" row for ${what}; add one stating its total`);
        continue;
      }
      const components = figures[f].components as Draft[];
      const path = `programmes[${index}].figures[${f}].components[${components.length}]`;
      this.rowNote(table, row, path);
      components.push({
        name: this.text(table, row, 'Component', `${path}.name`),
        aliases: this.aliases(table, row, `${path}.aliases`),
        amount: this.amount(table, row, 'Amount £', `${path}.amount`),
        source: this.source(table, row, `${path}.source`, true),
      });
    }
  }

  private sourceDocument(table: FoundTable, row: number, path: string): Draft {
    this.rowNote(table, row, path);
    return { document: this.text(table, row, 'Document', `${path}.document`), title: this.text(table, row, 'Title', `${path}.title`) };
  }

  private borough(table: FoundTable, row: number, path: string): Draft {
    this.rowNote(table, row, path);
    return {
      name: this.text(table, row, 'Name', `${path}.name`),
      aliases: this.aliases(table, row, `${path}.aliases`),
      gss: this.text(table, row, 'GSS code', `${path}.gss`),
      orgId: this.text(table, row, 'Org id', `${path}.orgId`),
    };
  }
}

function setPath(target: Draft, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Draft;
  }
  node[keys[keys.length - 1]] = value;
}
