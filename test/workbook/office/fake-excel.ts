/**
 * An in-memory Excel behind the subset of the office.js API the adapter uses, with office.js's
 * batching: actions queue on the request context and happen at `context.sync()`, loaded properties
 * can be read only after the sync that loads them (reading earlier throws, as office.js does), and a
 * failing action rejects the sync with the same error codes (ItemNotFound, InvalidArgument).
 *
 * It records what a test needs to judge requests: every sync, and each request's size as the UTF-8
 * length of the JSON of everything queued since the last sync. Cell entry follows Excel's rules for
 * typed input: "=..." (or "+", "-", "@" before a non-number) becomes a formula, a leading apostrophe
 * makes text, "12" becomes a number. Formulas the writer produces (SUM, IF, N, HYPERLINK, arithmetic)
 * are evaluated when read, so a test can check totals compute.
 *
 * Limits and states it imitates, each as Microsoft documents it (the documented behaviour is cited where
 * it is imitated): Excel on the web's 5 MB response limit and its ResponsePayloadSizeLimitExceeded code;
 * workbook structure and worksheet protection; cell-edit mode (InvalidOperationInCellEditMode, and
 * Excel.run's delayForCellEdit); dates held as serial numbers; a single value set on a range applying
 * to every cell; sheets as objects that formulas follow through renames, whose deletion turns
 * references to them into #REF!; hidden sheets; and data validation (a list's in-cell drop-down, its
 * error alert within Excel's length limits); and worksheets.onChanged (ExcelApi 1.9), raised after a sync that
 * changed cells (one event per sheet and sync, delivered asynchronously as Excel delivers them) and by
 * `userEdit`, a user typing into a cell.
 */
import type { ExcelRunner } from '../../../src/workbook/office/requests';
import { columnIndex, columnLetters, parseA1, quoteSheetName, toA1 } from '../../../src/sheet/a1';

export type FakeValue = string | number | boolean;

export interface FakeCell {
  /** A constant, or the cached result of a formula cell when one was set up directly. */
  value?: FakeValue;
  /** With its "=". */
  formula?: string;
  /** Text entered with a leading apostrophe (Excel's prefix character). */
  quoted?: boolean;
  /** Excel error constant such as "#REF!". */
  error?: boolean;
  numberFormat?: string;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FormatRecord {
  readonly address: string;
  readonly path: string;
  readonly value: unknown;
}

export interface FakeTable {
  name: string;
  address: string;
  hasHeaders: boolean;
  props: Record<string, unknown>;
}

export interface FakeConditionalFormat {
  readonly address: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
}

export interface FakeChart {
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  readonly props: Record<string, unknown>;
}

export interface FakeName {
  name: string;
  comment: string;
  /** The cell it refers to; null once its sheet is deleted (#REF!). */
  ref: { sheet: FakeSheet; address: string } | null;
}

/** Part of a range's data validation, as Range.dataValidation sets it (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidation). */
export interface FakeDataValidation {
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
}

/** A data validation setting applied to a range; a cell's validation is the merge of those covering it, in order. */
export interface FakeDataValidationRecord {
  readonly address: string;
  readonly set: FakeDataValidation;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

let nextSheetId = 1;

export class FakeSheet {
  readonly id = nextSheetId++;
  /** The id office.js gives a worksheet (Worksheet.id): a GUID in braces. */
  get idText(): string {
    return `{00000000-0000-0000-0000-${String(this.id).padStart(12, '0')}}`;
  }
  /** The workbook it belongs to, for references from other sheets' formulas. */
  book: FakeWorkbook | undefined;
  /**
   * Worksheet protection (Review > Protect Sheet): office.js reports it as worksheet.protection.protected
   * and refuses to change protected cells, https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection
   */
  protected = false;
  readonly rows = new Map<number, Map<number, FakeCell>>();
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly formats: FormatRecord[] = [];
  readonly dataValidations: FakeDataValidationRecord[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  props: Record<string, unknown> = {};
  frozenRows = 0;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** A used range reported without storing its cells (rows and columns from A1), for huge sheets. */
  extent?: { rows: number; columns: number };

  constructor(public name: string) {}

  /**
   * A date as Excel holds it: a serial number of days (1900 date system, counting the 29 February 1900
   * Excel keeps for Lotus 1-2-3 compatibility), shown by its date number format; Range.values answers the
   * number, https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
   * and https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year
   */
  setDate(row: number, col: number, date: Date, numberFormat = 'dd/mm/yyyy'): void {
    const days = date.getTime() / 86_400_000 + 25_569;
    this.setCell(row, col, { value: days < 61 ? days - 1 : days, numberFormat });
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  setCell(row: number, col: number, cell: FakeCell): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map<number, FakeCell>()));
    cells.set(col, cell);
  }

  /** Cells with a value or formula, as A1 → content: what "no cell changed" compares. */
  snapshot(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const [row, cells] of this.rows) for (const [col, cell] of cells) out[toA1(row, col)] = { ...cell };
    return out;
  }

  /** The data validation of one cell ("C2"): what Data > Data Validation shows for it; undefined without one. */
  validationAt(address: string): FakeDataValidation | undefined {
    const cell = parseRect(address);
    const covering = this.dataValidations.filter((v) => overlaps(parseRect(v.address), cell));
    return covering.length === 0 ? undefined : (Object.assign({}, ...covering.map((v) => v.set)) as FakeDataValidation);
  }

  /** What the cell's in-cell drop-down offers: its list rule's items, from the source's cells or its comma-separated text. */
  dropDownAt(address: string): FakeValue[] | undefined {
    const list = this.validationAt(address)?.rule?.list;
    if (!list?.inCellDropDown) return undefined;
    if (typeof list.source !== 'string') throw new Error('fake: a list source given as a Range is not supported');
    if (!list.source.startsWith('=')) return list.source.split(',').map((item) => item.trim());
    const reference = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(list.source);
    const sheetName = reference ? (reference[1]?.replace(/''/g, "'") ?? reference[2]) : this.name;
    const sheet = this.book?.sheet(sheetName) ?? (sheetName === this.name ? this : undefined);
    if (!sheet) throw new Error(`fake: the list source ${list.source} refers to no sheet`);
    const rect = parseRect(reference ? reference[3] : list.source.slice(1));
    const items: FakeValue[] = [];
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) items.push(sheet.valueAt(r, c));
    return items;
  }

  usedRect(): Rect | undefined {
    let rect: Rect | undefined;
    for (const [row, cells] of this.rows) {
      for (const [col, cell] of cells) {
        if (cell.value === undefined && cell.formula === undefined) continue;
        rect = rect
          ? { r0: Math.min(rect.r0, row), c0: Math.min(rect.c0, col), r1: Math.max(rect.r1, row), c1: Math.max(rect.c1, col) }
          : { r0: row, c0: col, r1: row, c1: col };
      }
    }
    if (this.extent) {
      const r1 = this.extent.rows - 1;
      const c1 = this.extent.columns - 1;
      rect = rect ? { r0: 0, c0: 0, r1: Math.max(rect.r1, r1), c1: Math.max(rect.c1, c1) } : { r0: 0, c0: 0, r1, c1 };
    }
    return rect;
  }

  /** What a cell shows as a value: a formula's result, a constant, or "" for nothing. */
  valueAt(row: number, col: number, depth = 0): FakeValue {
    const cell = this.cell(row, col);
    if (!cell) return '';
    if (cell.formula !== undefined) {
      // A formula set up with its cached result (as a saved file has it) shows that; one entered is calculated.
      if (cell.value !== undefined) return cell.value;
      if (depth > 50) return '#REF!';
      return evaluate(this, cell.formula.slice(1), depth + 1);
    }
    return cell.value ?? '';
  }
}

export interface FakeStats {
  syncs: number;
  /** Bytes of each sync's request, in order. */
  requestBytes: number[];
  /** Syncs Excel.run would have made for actions left queued when the batch returned. */
  implicitSyncs: number;
  suspendCalculationCalls: number;
  /** Cells each range read asked for (values/formulas/numberFormat loads). */
  cellsPerRead: number[];
  /** Cells each range write set (values/formulas/numberFormat), in order. */
  cellsPerWrite: number[];
  /** Bytes of each sync's answer (the JSON of what it loaded), in order; refused answers included. */
  responseBytes: number[];
  /** Batches Excel held until the user left cell-edit mode (Excel.run with delayForCellEdit). */
  delayedForCellEdit: number;
}

/** The workbook. Set it up directly (addSheet, cell contents, names), then pass `runner` to the adapter. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  activeSheet: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  stats: FakeStats = FakeWorkbook.emptyStats();
  /**
   * The largest answer Excel sends: Excel on the web limits requests and responses to 5 MB and fails
   * with ResponsePayloadSizeLimitExceeded, https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
   * and https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling (error codes).
   * Counted here as 5,000,000 bytes of the answer's JSON, the strict reading of "5 MB".
   */
  maxResponseBytes = 5_000_000;
  /**
   * Fault injection: an answer over this many bytes (but under the limit) comes back with its range
   * arrays null, as Excel on the web has been reported to do near the limit. Off unless a test sets it.
   */
  nullArraysAboveBytes: number | undefined;
  /**
   * Workbook structure protection (Review > Protect Workbook), workbook.protection.protected: sheets
   * cannot be added, deleted, renamed or moved, https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbookprotection
   */
  protected = false;
  /**
   * Syncs still to fail because the user is editing a cell: office.js fails a batch in cell-edit mode
   * with InvalidOperationInCellEditMode unless Excel.run is given delayForCellEdit (ExcelApi 1.11), which
   * holds the batch until the user leaves the cell, https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions
   * and https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes
   */
  cellEditSyncs = 0;
  /** ExcelApi 1.11 or later: Excel.run honours delayForCellEdit. */
  supportsDelayForCellEdit = true;
  /** Handlers registered with worksheets.onChanged, https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member */
  readonly changeHandlers = new Set<(event: Excel.WorksheetChangedEventArgs) => Promise<unknown>>();

  /** Raises worksheets.onChanged for `address` on `sheet`, after the current task, as Excel delivers events. */
  raiseChanged(sheet: FakeSheet, address: string): void {
    const event = {
      type: 'WorksheetChanged',
      source: 'Local',
      changeType: 'RangeEdited',
      worksheetId: sheet.idText,
      address,
    } as Excel.WorksheetChangedEventArgs;
    for (const handler of this.changeHandlers) setTimeout(() => void handler(event), 0);
  }

  /** A user typing `input` into `address` ("B7") on `sheetName`, as Excel takes typed input; raises the change event. */
  userEdit(sheetName: string, address: string, input: FakeValue): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`fake: no sheet ${sheetName}`);
    const at = parseRect(address);
    enter(sheet, at.r0, at.c0, input);
    this.raiseChanged(sheet, rectAddress(at));
  }

  static emptyStats(): FakeStats {
    return {
      syncs: 0,
      requestBytes: [],
      implicitSyncs: 0,
      suspendCalculationCalls: 0,
      cellsPerRead: [],
      cellsPerWrite: [],
      responseBytes: [],
      delayedForCellEdit: 0,
    };
  }

  resetStats(): void {
    this.stats = FakeWorkbook.emptyStats();
  }

  addSheet(name: string, rows: readonly (readonly (FakeValue | null | { f: string; v?: FakeValue })[])[] = []): FakeSheet {
    if (this.sheet(name)) throw new Error(`fake: a sheet named ${name} already exists`);
    const sheet = new FakeSheet(name);
    sheet.book = this;
    rows.forEach((cells, r) =>
      cells.forEach((content, c) => {
        if (content === null) return;
        if (typeof content === 'object') sheet.setCell(r, c, { formula: `=${content.f}`, ...(content.v === undefined ? {} : { value: content.v }) });
        else sheet.setCell(r, c, { value: content });
      }),
    );
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** By name (compared without case) or by id, as worksheets.getItem takes either. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase() || s.idText === name);
  }

  /** Everything a write must not change outside its own sheets: other sheets' cells, names, tables. */
  snapshotExcept(sheetNames: readonly string[]): unknown {
    const skip = new Set(sheetNames.map((n) => n.toUpperCase()));
    return {
      sheets: this.sheets
        .filter((s) => !skip.has(s.name.toUpperCase()))
        .map((s) => ({ name: s.name, cells: s.snapshot(), tables: s.tables.map((t) => ({ ...t })), formats: s.formats.length })),
      names: this.names
        .filter((n) => !n.name.toUpperCase().startsWith('CW_GENERATED_'))
        .map((n) => ({ name: n.name, comment: n.comment, value: nameValue(n) })),
    };
  }

  /** Like office.js's Excel.run: a fresh context; actions still queued when the batch resolves are synced. */
  readonly runner: ExcelRunner = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { delayForCellEdit?: boolean }): Promise<T> => {
    if (options?.delayForCellEdit && this.supportsDelayForCellEdit && this.cellEditSyncs > 0) {
      // Excel holds the batch until the user leaves the cell; here the user has left by the time it runs.
      this.stats.delayedForCellEdit++;
      this.cellEditSyncs = 0;
    }
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingCount > 0) {
      this.stats.implicitSyncs++;
      await context.sync();
    }
    return result;
  };
}

/** "Sheet1!$A$1" as Excel shows a name's value; "#REF!" once the sheet is gone. */
export function nameValue(name: FakeName): string {
  if (!name.ref) return '#REF!';
  const cell = parseRect(name.ref.address);
  return `${quoteSheetName(name.ref.sheet.name)}!$${columnLetters(cell.c0)}$${cell.r0 + 1}`;
}

interface Action {
  readonly json: unknown;
  readonly apply: () => void;
}

export class FakeContext {
  private pending: Action[] = [];
  /** Loads of the sync under way: their answer, and how to hand it to the proxy once the sync succeeds. */
  private answers: { data: Record<string, unknown>; commit: (data: Record<string, unknown>) => void }[] = [];
  /** Cells changed by the sync under way, by sheet: each sheet's change is raised once the sync is done. */
  private touched = new Map<FakeSheet, Rect>();
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.queue({ a: 'suspendApiCalculationUntilNextSync' }, () => void book.stats.suspendCalculationCalls++),
    };
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  queue(json: unknown, apply: () => void): void {
    this.pending.push({ json, apply });
  }

  /** Records cells changed by an action, for worksheets.onChanged. */
  touch(sheet: FakeSheet, rect: Rect): void {
    const seen = this.touched.get(sheet);
    this.touched.set(
      sheet,
      seen ? { r0: Math.min(seen.r0, rect.r0), c0: Math.min(seen.c0, rect.c0), r1: Math.max(seen.r1, rect.r1), c1: Math.max(seen.c1, rect.c1) } : rect,
    );
  }

  answer(data: Record<string, unknown>, commit: (data: Record<string, unknown>) => void): void {
    this.answers.push({ data, commit });
  }

  /** Sends the queued batch; a batch Excel refuses rejects the promise, as Excel's does. */
  sync(): Promise<void> {
    return new Promise((resolve) => {
      this.send();
      resolve();
    });
  }

  private send(): void {
    const actions = this.pending;
    this.pending = [];
    this.answers = [];
    this.book.stats.syncs++;
    this.book.stats.requestBytes.push(actions.reduce((sum, a) => sum + utf8Bytes(JSON.stringify(a.json)), 0));
    if (this.book.cellEditSyncs > 0) {
      this.book.cellEditSyncs--;
      throw new FakeExcelError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
    try {
      for (const action of actions) action.apply();
    } finally {
      for (const [sheet, rect] of this.touched) this.book.raiseChanged(sheet, rectAddress(rect));
      this.touched = new Map();
    }
    const answers = this.answers;
    this.answers = [];
    const bytes = answers.reduce((sum, a) => sum + utf8Bytes(JSON.stringify(a.data, (_, v: unknown) => (v instanceof Loadable ? '{}' : v))), 0);
    this.book.stats.responseBytes.push(bytes);
    if (bytes > this.book.maxResponseBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${bytes} bytes).`);
    }
    const nullArrays = this.book.nullArraysAboveBytes !== undefined && bytes > this.book.nullArraysAboveBytes;
    for (const { data, commit } of answers) {
      if (nullArrays) for (const key of ['values', 'formulas', 'numberFormat']) if (key in data) data[key] = null;
      commit(data);
    }
  }
}

/** Node's Buffer.byteLength where there is one (jsdom has no TextEncoder); in the browser tests' page, TextEncoder. */
function utf8Bytes(text: string): number {
  return typeof Buffer === 'undefined' ? new TextEncoder().encode(text).length : Buffer.byteLength(text, 'utf8');
}

/** A proxy's loaded properties: readable only after the sync that loaded them. */
class Loadable {
  private loaded: Record<string, unknown> | undefined;
  private requested = new Set<string>();

  protected request(props: string | string[] | undefined, snapshot: (props: Set<string>) => Record<string, unknown>, ctx: FakeContext, target: string): void {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    const wanted = new Set(list);
    for (const p of wanted) this.requested.add(p);
    ctx.queue({ a: 'load', o: target, p: list }, () => {
      ctx.answer(snapshot(wanted), (data) => {
        this.loaded = { ...(this.loaded ?? {}), ...data };
      });
    });
  }

  protected read<T>(prop: string): T {
    if (!this.loaded || !(prop in this.loaded)) {
      throw new FakeExcelError('PropertyNotLoaded', `The property '${prop}' is not available. Load it and call context.sync() first.`);
    }
    return this.loaded[prop] as T;
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNameCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeProtection;

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNameCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.protection = new FakeProtection(ctx, () => ctx.book.protected, 'workbook.protection');
  }
}

/** workbook.protection (ExcelApi 1.7) or worksheet.protection (ExcelApi 1.2): `protected`, once loaded. */
class FakeProtection extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: () => boolean,
    private readonly path: string,
  ) {
    super();
  }

  get protected(): boolean {
    return this.read('protected');
  }

  load(props?: string | string[]): this {
    this.request(props, () => ({ protected: this.state() }), this.ctx, this.path);
    return this;
  }
}

/**
 * What protection refuses. Microsoft documents that protection prevents the change, not the code of the
 * refusal; the fake answers AccessDenied ("You cannot perform the requested operation"),
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes
 */
function refuseIfStructureProtected(book: FakeWorkbook, what: string): void {
  if (book.protected) throw new FakeExcelError('AccessDenied', `The workbook structure is protected: cannot ${what}.`);
}

function refuseIfSheetProtected(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeExcelError('AccessDenied', `The sheet ${sheet.name} is protected.`);
}

/**
 * Formulas follow a sheet, not its name: renaming it rewrites references to it, and deleting it turns
 * them into #REF! (https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d02-bf29-ec4b8c5bd2ae).
 */
function retargetReferences(book: FakeWorkbook, from: string, to: string | null): void {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = new RegExp(`(?:'${escaped.replace(/'/g, "''")}'|\\b${escaped})!`, 'gi');
  for (const sheet of book.sheets) {
    for (const [, cells] of sheet.rows) {
      for (const [, cell] of cells) {
        if (cell.formula === undefined) continue;
        cell.formula =
          to === null
            ? cell.formula.replace(new RegExp(`${reference.source}\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`, 'gi'), '#REF!')
            : cell.formula.replace(reference, `${quoteSheetName(to)}!`);
      }
    }
  }
}

class FakeWorksheetCollection extends Loadable {
  /** worksheets.onChanged: handlers are registered at the next sync, and removed through the same context. */
  readonly onChanged: { add(handler: (event: Excel.WorksheetChangedEventArgs) => Promise<unknown>): { context: FakeContext; remove(): void } };

  constructor(private readonly ctx: FakeContext) {
    super();
    this.onChanged = {
      add: (handler) => {
        ctx.queue({ o: 'worksheets.onChanged', a: 'add' }, () => void ctx.book.changeHandlers.add(handler));
        return { context: ctx, remove: () => ctx.queue({ o: 'worksheets.onChanged', a: 'remove' }, () => void ctx.book.changeHandlers.delete(handler)) };
      },
    };
  }

  get items(): FakeWorksheet[] {
    return this.read('items');
  }

  load(props?: string | string[]): this {
    const itemProps = String(props ?? '')
      .split(',')
      .map((p) => p.trim().replace(/^items\//, ''));
    this.request(
      props,
      () => ({
        items: this.ctx.book.sheets.map((sheet) => FakeWorksheet.loaded(this.ctx, sheet, itemProps)),
      }),
      this.ctx,
      'worksheets',
    );
    return this;
  }

  add(name: string): FakeWorksheet {
    const proxy = new FakeWorksheet(
      this.ctx,
      () => {
        throw new FakeExcelError('InvalidArgument', 'the sheet was not added');
      },
      `worksheets.add(${name})`,
    );
    this.ctx.queue({ a: 'add', o: 'worksheets', name }, () => {
      refuseIfStructureProtected(this.ctx.book, 'add a sheet');
      if (this.ctx.book.sheet(name)) throw new FakeExcelError('InvalidArgument', `A sheet named ${name} already exists.`);
      if (!/^[^:\\/?*[\]]{1,31}$/.test(name)) throw new FakeExcelError('InvalidArgument', `${name} is not a sheet name`);
      const sheet = new FakeSheet(name);
      sheet.book = this.ctx.book;
      this.ctx.book.sheets.push(sheet);
      proxy.bind(sheet);
    });
    return proxy;
  }

  /** The sheet (names compare case-insensitively, as Excel's do), or a null object once loaded when there is none. */
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null, `worksheets.getItemOrNullObject(${name})`);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => {
        const sheet = this.ctx.book.sheet(name);
        if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
        return sheet;
      },
      `worksheets.getItem(${name})`,
    );
  }
}

class FakeWorksheet extends Loadable {
  private bound: FakeSheet | undefined;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly tables: { add(address: string, hasHeaders: boolean): unknown };
  readonly charts: FakeChartCollection;
  readonly protection: FakeProtection;

  constructor(
    private readonly ctx: FakeContext,
    /** The sheet, found when first needed; null for a null object (getItemOrNullObject's miss). */
    private readonly find: () => FakeSheet | null,
    readonly path: string,
  ) {
    super();
    this.freezePanes = {
      freezeRows: (count: number) => this.act({ a: 'freezeRows', count }, (sheet) => void (sheet.frozenRows = count)),
      unfreeze: () => this.act({ a: 'unfreeze' }, (sheet) => void (sheet.frozenRows = 0)),
    };
    this.tables = { add: (address, hasHeaders) => this.addTable(address, hasHeaders) };
    this.charts = new FakeChartCollection(ctx, this, (type, source, seriesBy = 'Auto') => this.addChart(type, source, seriesBy));
    this.protection = new FakeProtection(ctx, () => this.resolve().protected, `${path}.protection`);
  }

  static loaded(ctx: FakeContext, sheet: FakeSheet, props: readonly string[]): FakeWorksheet {
    const proxy = new FakeWorksheet(ctx, () => sheet, `worksheet(${sheet.name})`);
    proxy.bind(sheet);
    proxy.setLoaded(props, sheet);
    return proxy;
  }

  private setLoaded(props: readonly string[], sheet: FakeSheet): void {
    (this as unknown as { loaded: Record<string, unknown> }).loaded = this.properties(props, sheet);
  }

  private properties(props: Iterable<string>, sheet: FakeSheet): Record<string, unknown> {
    const snapshot: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'name') snapshot.name = sheet.name;
      if (p === 'id') snapshot.id = sheet.idText;
      if (p === 'position') snapshot.position = this.ctx.book.sheets.indexOf(sheet);
      if (p === 'visibility') snapshot.visibility = sheet.visibility;
    }
    return snapshot;
  }

  /** Loads name, position or visibility; isNullObject comes with any load, as office.js's does. */
  load(props?: string | string[]): this {
    this.request(
      props,
      (wanted) => {
        this.bound ??= this.find() ?? undefined;
        return this.bound ? { isNullObject: false, ...this.properties(wanted, this.resolve()) } : { isNullObject: true };
      },
      this.ctx,
      this.path,
    );
    return this;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  bind(sheet: FakeSheet): void {
    this.bound = sheet;
  }

  /** The sheet this proxy stands for, found when its first action runs (as office.js binds a proxy). */
  resolve(): FakeSheet {
    this.bound ??= this.find() ?? undefined;
    if (!this.bound) throw new FakeExcelError('ItemNotFound', `${this.path} is a null object`);
    if (!this.ctx.book.sheets.includes(this.bound)) throw new FakeExcelError('ItemNotFound', `the sheet ${this.bound.name} was deleted`);
    return this.bound;
  }

  private act(json: Record<string, unknown>, apply: (sheet: FakeSheet) => void): void {
    this.ctx.queue({ o: this.path, ...json }, () => apply(this.resolve()));
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  set name(value: string) {
    this.act({ p: 'name', v: value }, (sheet) => {
      if (sheet.name === value) return;
      refuseIfStructureProtected(this.ctx.book, 'rename a sheet');
      const other = this.ctx.book.sheet(value);
      if (other && other !== sheet) throw new FakeExcelError('InvalidArgument', `A sheet named ${value} already exists.`);
      retargetReferences(this.ctx.book, sheet.name, value);
      sheet.name = value;
    });
  }

  get position(): number {
    return this.read('position');
  }

  set position(value: number) {
    this.act({ p: 'position', v: value }, (sheet) => {
      const sheets = this.ctx.book.sheets;
      if (sheets.indexOf(sheet) === value) return;
      refuseIfStructureProtected(this.ctx.book, 'move a sheet');
      if (value < 0 || value >= sheets.length) throw new FakeExcelError('InvalidArgument', `position ${value} is outside the workbook`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get visibility(): FakeSheet['visibility'] {
    return this.read('visibility');
  }

  /**
   * Hides or shows the sheet. Excel keeps one sheet visible, and workbook structure protection prevents
   * hiding and unhiding sheets (https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517);
   * hiding the active sheet activates the first visible one.
   */
  set visibility(value: FakeSheet['visibility']) {
    this.act({ p: 'visibility', v: value }, (sheet) => {
      if (sheet.visibility === value) return;
      const book = this.ctx.book;
      refuseIfStructureProtected(book, 'hide or unhide a sheet');
      if (value !== 'Visible' && !book.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      sheet.visibility = value;
      if (book.activeSheet === sheet && value !== 'Visible') book.activeSheet = book.sheets.find((s) => s.visibility === 'Visible');
    });
  }

  set showGridlines(value: boolean) {
    this.act({ p: 'showGridlines', v: value }, (sheet) => void (sheet.props.showGridlines = value));
  }

  set tabColor(value: string) {
    this.act({ p: 'tabColor', v: value }, (sheet) => void (sheet.props.tabColor = value));
  }

  delete(): void {
    this.act({ a: 'delete' }, (sheet) => {
      const book = this.ctx.book;
      refuseIfStructureProtected(book, 'delete a sheet');
      const visible = book.sheets.filter((s) => s.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === sheet) {
        throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      retargetReferences(book, sheet.name, null);
      for (const name of book.names) if (name.ref?.sheet === sheet) name.ref = null;
      if (book.activeSheet === sheet) book.activeSheet = book.sheets.find((s) => s.visibility === 'Visible');
    });
  }

  activate(): void {
    this.act({ a: 'activate' }, (sheet) => {
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'a hidden sheet cannot be activated');
      this.ctx.book.activeSheet = sheet;
    });
  }

  /** A range by address; without one, the whole sheet. */
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, this, () => ({ r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }), 'all');
    return new FakeRange(this.ctx, this, () => parseRect(address), address);
  }

  /** The rowCount × columnCount cells from (startRow, startColumn), 0-based. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    const locate = () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) throw new FakeExcelError('InvalidArgument', 'getRangeByIndexes: an empty range');
      return rect;
    };
    return new FakeRange(this.ctx, this, locate, `R${startRow + 1}C${startColumn + 1}:${rowCount}x${columnCount}`);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => this.resolve().usedRect() ?? null, `usedRange(${valuesOnly ?? false})`);
  }

  private addTable(address: string, hasHeaders: boolean): unknown {
    const table: FakeTable = { name: '', address: '', hasHeaders, props: {} };
    this.act({ a: 'tables.add', address, hasHeaders }, (sheet) => {
      refuseIfSheetProtected(sheet);
      const bang = address.lastIndexOf('!');
      const sheetPart =
        bang > 0
          ? address
              .slice(0, bang)
              .replace(/^'(.*)'$/, '$1')
              .replace(/''/g, "'")
          : sheet.name;
      const target = this.ctx.book.sheet(sheetPart);
      if (!target) throw new FakeExcelError('InvalidArgument', `tables.add: no sheet ${sheetPart}`);
      const rect = parseRect(bang > 0 ? address.slice(bang + 1) : address);
      for (const other of target.tables) {
        if (overlaps(parseRect(other.address), rect)) throw new FakeExcelError('InvalidOperation', 'A table cannot overlap another table.');
      }
      table.address = rectAddress(rect);
      table.name = `Table${this.ctx.book.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`;
      target.tables.push(table);
    });
    return recorder((path, value) => {
      this.act({ o: `table`, p: path, v: value }, () => {
        if (path === 'name') {
          const name = String(value);
          const clash =
            this.ctx.book.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toUpperCase() === name.toUpperCase())) ||
            this.ctx.book.names.some((n) => n.name.toUpperCase() === name.toUpperCase());
          if (clash) throw new FakeExcelError('InvalidArgument', `The name ${name} is already in use.`);
          table.name = name;
        } else table.props[path] = value;
      });
    });
  }

  private addChart(type: string, source: FakeRange, seriesBy: string): unknown {
    const props: Record<string, unknown> = {};
    this.act({ a: 'charts.add', type, source: source.path, seriesBy }, (sheet) => {
      refuseIfSheetProtected(sheet);
      sheet.charts.push({ type, source: rectAddress(source.rect()), seriesBy, props });
    });
    return recorder(
      (path, value) => this.act({ o: 'chart', p: path, v: value }, () => void (props[path] = value)),
      (path, args) => {
        const described = args.map((a) => (a instanceof FakeRange ? rectAddress(a.rect()) : a));
        this.act({ o: 'chart', call: path, args: args.map((a) => (a instanceof FakeRange ? a.path : a)) }, () => {
          props[`${path}()`] = described.length === 1 ? described[0] : described;
        });
      },
    );
  }
}

/** worksheet.charts: add, and items (by name) once loaded, each of which can be deleted. */
class FakeChartCollection extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    readonly add: (type: string, source: FakeRange, seriesBy?: string) => unknown,
  ) {
    super();
  }

  get items(): { name: string; delete(): void }[] {
    return this.read('items');
  }

  load(props?: string | string[]): this {
    this.request(
      props,
      () => ({
        items: this.worksheet.resolve().charts.map((chart, i) => ({
          name: typeof chart.props['title.text'] === 'string' ? chart.props['title.text'] : `Chart ${i + 1}`,
          delete: () =>
            this.ctx.queue({ o: `${this.worksheet.path}.charts[${i}]`, a: 'delete' }, () => {
              const sheet = this.worksheet.resolve();
              refuseIfSheetProtected(sheet);
              const index = sheet.charts.indexOf(chart);
              if (index < 0) throw new FakeExcelError('ItemNotFound', 'the chart was deleted');
              sheet.charts.splice(index, 1);
            }),
        })),
      }),
      this.ctx,
      `${this.worksheet.path}.charts`,
    );
    return this;
  }
}

class FakeRange extends Loadable {
  readonly format: unknown;
  readonly conditionalFormats: { add(type: string): unknown; clearAll(): void };
  readonly dataValidation: FakeDataValidationProxy;

  constructor(
    private readonly ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    private readonly locate: () => Rect | null,
    private readonly description: string,
  ) {
    super();
    this.format = this.formatRecorder();
    this.dataValidation = new FakeDataValidationProxy((set) => this.setValidation(set));
    this.conditionalFormats = {
      add: (type: string) => this.addConditionalFormat(type),
      clearAll: () =>
        this.ctx.queue({ o: `${this.path}.conditionalFormats`, a: 'clearAll' }, () => {
          const sheet = this.worksheet.resolve();
          refuseIfSheetProtected(sheet);
          const rect = this.rect();
          sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...sheet.conditionalFormats.filter((f) => !overlaps(parseRect(f.address), rect)));
        }),
    };
  }

  get path(): string {
    return `${this.worksheet.path}.range(${this.description})`;
  }

  rect(): Rect {
    const rect = this.locate();
    if (!rect) throw new FakeExcelError('ItemNotFound', 'the range is a null object');
    return rect;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowHidden(): boolean | null {
    return this.read('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.read('columnHidden');
  }
  get values(): FakeValue[][] {
    return this.read('values');
  }
  get formulas(): FakeValue[][] {
    return this.read('formulas');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  set formulas(input: (FakeValue | null)[][]) {
    this.write('formulas', input, (sheet, row, col, value) => enter(sheet, row, col, value));
  }

  set values(input: (FakeValue | null)[][]) {
    this.write('values', input, (sheet, row, col, value) => enter(sheet, row, col, value));
  }

  /**
   * Clears contents, formats or both (Range.clear: "All" by default), as a user's Clear All would; tables,
   * charts and conditional formats are separate objects with their own delete,
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-clear-member(1)
   */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.ctx.queue({ o: this.path, a: 'clear', applyTo }, () => {
      const sheet = this.worksheet.resolve();
      refuseIfSheetProtected(sheet);
      const rect = this.rect();
      if (applyTo !== 'Formats') this.ctx.touch(sheet, rect);
      for (const [row, cells] of sheet.rows) {
        if (row < rect.r0 || row > rect.r1) continue;
        for (const [col, cell] of cells) {
          if (col < rect.c0 || col > rect.c1) continue;
          if (applyTo === 'All') cells.delete(col);
          else if (applyTo === 'Contents') cells.set(col, cell.numberFormat ? { numberFormat: cell.numberFormat } : {});
          else delete cell.numberFormat;
        }
      }
      if (applyTo !== 'Contents') {
        const kept = sheet.formats.filter((f) => !overlaps(parseRect(f.address), rect));
        sheet.formats.splice(0, sheet.formats.length, ...kept);
      }
    });
  }

  set numberFormat(input: (string | null)[][]) {
    this.write('numberFormat', input, (sheet, row, col, value) => {
      const cell = sheet.cell(row, col) ?? {};
      if (value === '') delete cell.numberFormat;
      else cell.numberFormat = String(value);
      sheet.setCell(row, col, cell);
    });
  }

  /** Sets part of the data validation of every cell of the range; the rest of each cell's validation stays. */
  private setValidation(set: FakeDataValidation): void {
    this.ctx.queue({ o: `${this.path}.dataValidation`, v: set }, () => {
      const sheet = this.worksheet.resolve();
      refuseIfSheetProtected(sheet);
      if (set.errorAlert) refuseOverlongAlert(set.errorAlert);
      sheet.dataValidations.push({ address: rectAddress(this.rect()), set });
    });
  }

  private write<T>(prop: string, given: T[][], put: (sheet: FakeSheet, row: number, col: number, value: NonNullable<T>) => void): void {
    this.ctx.queue({ o: this.path, p: prop, v: given }, () => {
      const sheet = this.worksheet.resolve();
      refuseIfSheetProtected(sheet);
      const rect = this.rect();
      const rows = rect.r1 - rect.r0 + 1;
      const cols = rect.c1 - rect.c0 + 1;
      // A single value, not an array, applies to every cell of the range ("Update all cells in a range",
      // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#update-all-cells-in-a-range).
      const input = Array.isArray(given) ? given : Array.from({ length: rows }, () => new Array<T>(cols).fill(given as unknown as T));
      if (!Array.isArray(input) || input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range (${prop}).`);
      }
      this.ctx.book.stats.cellsPerWrite.push(rows * cols);
      if (prop !== 'numberFormat') this.ctx.touch(sheet, rect);
      input.forEach((cells, r) =>
        cells.forEach((value, c) => {
          if (value !== null && value !== undefined) put(sheet, rect.r0 + r, rect.c0 + c, value);
        }),
      );
    });
  }

  load(props?: string | string[]): this {
    this.request(props, (wanted) => this.snapshot(wanted), this.ctx, this.path);
    return this;
  }

  private snapshot(wanted: Set<string>): Record<string, unknown> {
    const sheet = this.worksheet.resolve();
    const rect = this.locate();
    if (!rect) return { isNullObject: true };
    const out: Record<string, unknown> = { isNullObject: false };
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    if (wanted.has('address')) out.address = `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
    if (wanted.has('rowCount')) out.rowCount = rows;
    if (wanted.has('columnCount')) out.columnCount = cols;
    if (wanted.has('rowHidden')) out.rowHidden = allSomeNone(rect.r0, rect.r1, (r) => sheet.hiddenRows.has(r));
    if (wanted.has('columnHidden')) out.columnHidden = allSomeNone(rect.c0, rect.c1, (c) => sheet.hiddenColumns.has(c));
    const grids = ['values', 'formulas', 'numberFormat'].filter((p) => wanted.has(p));
    if (grids.length > 0) {
      if (rows * cols > 5_000_000) {
        throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `a range of ${rows * cols} cells is more than Excel reads at once`);
      }
      this.ctx.book.stats.cellsPerRead.push(rows * cols);
      const emptyValues = new Array<FakeValue>(cols).fill('');
      const emptyFormats = new Array<string>(cols).fill('General');
      for (const prop of grids) out[prop] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const stored = sheet.rows.get(r);
        for (const prop of grids) {
          const rows = out[prop] as unknown[][];
          if (!stored) {
            rows.push(prop === 'numberFormat' ? emptyFormats : emptyValues);
            continue;
          }
          const line: unknown[] = [];
          for (let c = rect.c0; c <= rect.c1; c++) line.push(readCell(sheet, r, c, prop));
          rows.push(line);
        }
      }
    }
    return out;
  }

  getVisibleView(): unknown {
    const view = new FakeRangeView();
    this.ctx.queue({ o: this.path, a: 'getVisibleView' }, () => undefined);
    return {
      load: (props: string) => {
        this.ctx.queue({ o: `${this.path}.visibleView`, a: 'load', p: props }, () => {
          const sheet = this.worksheet.resolve();
          const rect = this.rect();
          const addresses: string[][] = [];
          for (let r = rect.r0; r <= rect.r1; r++) {
            if (sheet.hiddenRows.has(r)) continue;
            const line: string[] = [];
            for (let c = rect.c0; c <= rect.c1; c++) if (!sheet.hiddenColumns.has(c)) line.push(`${quoteSheetName(sheet.name)}!${toA1(r, c)}`);
            if (line.length > 0) addresses.push(line);
          }
          view.cellAddresses = addresses;
        });
        return view;
      },
    };
  }

  select(): void {
    this.ctx.queue({ o: this.path, a: 'select' }, () => {
      const sheet = this.worksheet.resolve();
      if (this.ctx.book.activeSheet !== sheet) throw new FakeExcelError('InvalidOperation', 'select: the range is not on the active sheet');
      this.ctx.book.selection = { sheet: sheet.name, address: rectAddress(this.rect()) };
    });
  }

  private formatRecorder(): unknown {
    let columnWidth: number | undefined;
    let widthLoaded = false;
    const base = recorder(
      (path, value) => {
        this.ctx.queue({ o: `${this.path}.format`, p: path, v: value }, () => {
          const sheet = this.worksheet.resolve();
          const rect = this.rect();
          if (path === 'columnWidth') {
            for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, Number(value));
          } else sheet.formats.push({ address: rectAddress(rect), path, value });
        });
      },
      (path, args) => {
        if (path === 'autofitColumns') {
          this.ctx.queue({ o: `${this.path}.format`, a: 'autofitColumns' }, () => autofit(this.worksheet.resolve(), this.rect()));
          return undefined;
        }
        if (path === 'load') {
          this.ctx.queue({ o: `${this.path}.format`, a: 'load', p: args[0] }, () => {
            const sheet = this.worksheet.resolve();
            columnWidth = sheet.columnWidths.get(this.rect().c0) ?? DEFAULT_COLUMN_POINTS;
            widthLoaded = true;
          });
          return undefined;
        }
        this.ctx.queue({ o: `${this.path}.format`, call: path, args }, () => {
          this.worksheet.resolve().formats.push({ address: rectAddress(this.rect()), path: `${path}()`, value: args });
        });
        return undefined;
      },
    );
    return new Proxy(base as object, {
      get: (target, prop) => {
        if (prop === 'columnWidth') {
          if (!widthLoaded) throw new FakeExcelError('PropertyNotLoaded', 'columnWidth is not loaded');
          return columnWidth;
        }
        return Reflect.get(target, prop) as unknown;
      },
      set: (target, prop, value) => Reflect.set(target, prop, value),
    });
  }

  private addConditionalFormat(type: string): unknown {
    const props: Record<string, unknown> = {};
    this.ctx.queue({ o: this.path, a: 'conditionalFormats.add', type }, () => {
      this.worksheet.resolve().conditionalFormats.push({ address: rectAddress(this.rect()), type, props });
    });
    return recorder((path, value) => {
      this.ctx.queue({ o: `${this.path}.conditionalFormat`, p: path, v: value }, () => void (props[path] = value));
    });
  }
}

/**
 * range.dataValidation (ExcelApi 1.8): `rule` and `errorAlert` set on every cell of the range. Reading
 * them back needs a load, which nothing here needs, so a read fails as an unloaded property does.
 */
class FakeDataValidationProxy {
  constructor(private readonly apply: (set: FakeDataValidation) => void) {}

  get rule(): Excel.DataValidationRule {
    throw new FakeExcelError('PropertyNotLoaded', 'dataValidation.rule is not loaded');
  }

  set rule(rule: Excel.DataValidationRule) {
    this.apply({ rule });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new FakeExcelError('PropertyNotLoaded', 'dataValidation.errorAlert is not loaded');
  }

  set errorAlert(errorAlert: Excel.DataValidationErrorAlert) {
    this.apply({ errorAlert });
  }
}

/**
 * Excel's limits on a validation's error alert: a title of at most 32 characters and a message of at
 * most 224 (MS-OI29500 §2.1.613). office.js documents none, but Excel refuses a longer title.
 */
function refuseOverlongAlert(alert: Excel.DataValidationErrorAlert): void {
  if (alert.title.length > 32) throw new FakeExcelError('InvalidArgument', `The error alert title "${alert.title}" is over 32 characters.`);
  if (alert.message.length > 224) throw new FakeExcelError('InvalidArgument', 'The error alert message is over 224 characters.');
}

class FakeRangeView {
  private addresses: string[][] | undefined;
  get cellAddresses(): string[][] {
    if (!this.addresses) throw new FakeExcelError('PropertyNotLoaded', 'cellAddresses is not loaded');
    return this.addresses;
  }
  set cellAddresses(value: string[][]) {
    this.addresses = value;
  }
}

class FakeNameCollection extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get items(): { name: string; comment: string; value: string; type: string }[] {
    return this.read('items');
  }

  load(props?: string | string[]): this {
    this.request(
      props,
      () => ({
        items: this.ctx.book.names.map((n) => ({ name: n.name, comment: n.comment, value: nameValue(n), type: n.ref ? 'Range' : 'Error' })),
      }),
      this.ctx,
      'names',
    );
    return this;
  }

  add(name: string, reference: FakeRange, comment?: string): void {
    this.ctx.queue({ o: 'names', a: 'add', name, reference: reference.path, comment }, () => {
      const book = this.ctx.book;
      const taken =
        book.names.some((n) => n.name.toUpperCase() === name.toUpperCase()) ||
        book.sheets.some((s) => s.tables.some((t) => t.name.toUpperCase() === name.toUpperCase()));
      if (taken) throw new FakeExcelError('InvalidArgument', `The name ${name} is already in use.`);
      const sheet = reference.worksheet.resolve();
      book.names.push({ name, comment: comment ?? '', ref: { sheet, address: rectAddress(reference.rect()) } });
    });
  }

  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.queue({ o: `names.getItem(${name})`, a: 'delete' }, () => {
          const book = this.ctx.book;
          const index = book.names.findIndex((n) => n.name.toUpperCase() === name.toUpperCase());
          if (index < 0) throw new FakeExcelError('ItemNotFound', `no name ${name}`);
          book.names.splice(index, 1);
        }),
    };
  }
}

class FakeTableCollection extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get items(): { name: string; worksheet: { name: string } }[] {
    return this.read('items');
  }

  load(props?: string | string[]): this {
    this.request(
      props,
      () => ({
        items: this.ctx.book.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } }))),
      }),
      this.ctx,
      'tables',
    );
    return this;
  }

  /** Table.delete removes the table, its cells included (https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-delete-member(1)). */
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.queue({ o: `tables.getItem(${name})`, a: 'delete' }, () => {
          for (const sheet of this.ctx.book.sheets) {
            const index = sheet.tables.findIndex((t) => t.name.toUpperCase() === name.toUpperCase());
            if (index < 0) continue;
            refuseIfSheetProtected(sheet);
            const rect = parseRect(sheet.tables[index].address);
            for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.rows.get(r)?.delete(c);
            sheet.tables.splice(index, 1);
            return;
          }
          throw new FakeExcelError('ItemNotFound', `no table ${name}`);
        }),
    };
  }
}

/**
 * A stand-in for office.js's nested objects (format.font, conditional format rules, chart parts): any
 * property set or method call is reported with its dotted path; `getItem(x)` becomes "[x]" in the path.
 */
function recorder(onSet: (path: string, value: unknown) => void, onCall?: (path: string, args: unknown[]) => unknown, prefix = ''): unknown {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get: (_, prop) => {
      if (typeof prop === 'symbol') return undefined;
      if (prop === 'getItem' || prop === 'getItemAt') {
        return (key: unknown) => recorder(onSet, onCall, `${prefix}[${String(key)}]`);
      }
      return recorder(onSet, onCall, prefix ? `${prefix}.${prop}` : prop);
    },
    set: (_, prop, value) => {
      onSet(prefix ? `${prefix}.${String(prop)}` : String(prop), value);
      return true;
    },
    apply: (_, __, args: unknown[]) => {
      if (!onCall) throw new Error(`fake: ${prefix}() is not supported here`);
      return onCall(prefix, args);
    },
  });
}

/** Excel's treatment of typed input. */
function enter(sheet: FakeSheet, row: number, col: number, input: FakeValue): void {
  const previous = sheet.cell(row, col);
  const cell: FakeCell = previous?.numberFormat ? { numberFormat: previous.numberFormat } : {};
  if (typeof input === 'string') {
    if (input === '') {
      // Clears the contents; the format stays.
    } else if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.quoted = true;
    } else if (previous?.numberFormat === '@') {
      cell.value = input;
    } else if (/^[=+\-@]/.test(input) && input.length > 1 && !NUMBER.test(input)) {
      cell.formula = input.startsWith('=') ? input : `=${input.startsWith('@') ? input.slice(1) : input}`;
    } else if (NUMBER.test(input)) {
      cell.value = Number(input);
    } else if (/^(true|false)$/i.test(input)) {
      cell.value = input.toUpperCase() === 'TRUE';
    } else if (/^#[A-Z0-9/]+[!?A]$/.test(input.toUpperCase())) {
      cell.value = input.toUpperCase();
      cell.error = true;
    } else if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(input)) {
      cell.value = 40000; // Excel takes it for a date
    } else {
      cell.value = input;
    }
  } else {
    cell.value = input;
  }
  sheet.setCell(row, col, cell);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readCell(sheet: FakeSheet, row: number, col: number, prop: string): unknown {
  const cell = sheet.cell(row, col);
  if (prop === 'numberFormat') return cell?.numberFormat ?? 'General';
  if (!cell) return '';
  if (prop === 'formulas' && cell.formula !== undefined) return cell.formula;
  return sheet.valueAt(row, col);
}

/** Autofit: the widest shown text in each column of the range, at 7 pixels a character. */
function autofit(sheet: FakeSheet, rect: Rect): void {
  for (let c = rect.c0; c <= rect.c1; c++) {
    let widest = 0;
    for (let r = rect.r0; r <= rect.r1; r++) {
      const shown = sheet.valueAt(r, c);
      widest = Math.max(widest, String(shown).length);
    }
    sheet.columnWidths.set(c, Math.max(12, (widest * 7 + 5) * 0.75));
  }
}

/** Excel's default column width: 8.43 characters, 64 pixels. */
export const DEFAULT_COLUMN_POINTS = 48;

function allSomeNone(from: number, to: number, test: (i: number) => boolean): boolean | null {
  let some = false;
  let all = true;
  for (let i = from; i <= to; i++) {
    if (test(i)) some = true;
    else all = false;
    if (some && !all) return null;
  }
  return all ? true : false;
}

/** "B2:D9", "C5", "C:C" or "5:9" as a rectangle (0-based, inclusive). */
export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, '').trim();
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (columns) return { r0: 0, c0: columnIndex(columns[1])!, r1: 1_048_575, c1: columnIndex(columns[2])! };
  const [a, b = a] = text.split(':');
  const start = parseA1(a);
  const end = parseA1(b);
  if (!start || !end) throw new FakeExcelError('InvalidArgument', `"${address}" is not a range address`);
  return {
    r0: Math.min(start.row, end.row),
    c0: Math.min(start.col, end.col),
    r1: Math.max(start.row, end.row),
    c1: Math.max(start.col, end.col),
  };
}

export function rectAddress(rect: Rect): string {
  const a = toA1(rect.r0, rect.c0);
  const b = toA1(rect.r1, rect.c1);
  return a === b ? a : `${a}:${b}`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

// ---- formula evaluation: enough of Excel for what the writer produces ----

type Operand = FakeValue | { range: Rect };

function evaluate(sheet: FakeSheet, formula: string, depth: number): FakeValue {
  try {
    const parser = new FormulaParser(formula, sheet, depth);
    const result = parser.parse();
    return scalar(sheet, result, depth);
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
}

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function scalar(sheet: FakeSheet, operand: Operand, depth: number): FakeValue {
  if (typeof operand === 'object') {
    if (operand.range.r0 !== operand.range.r1 || operand.range.c0 !== operand.range.c1) throw new FormulaError('#VALUE!');
    return sheet.valueAt(operand.range.r0, operand.range.c0, depth);
  }
  return operand;
}

function toNumber(value: FakeValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '') return 0;
  if (value.startsWith('#')) throw new FormulaError(value);
  if (NUMBER.test(value)) return Number(value);
  throw new FormulaError('#VALUE!');
}

class FormulaParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly sheet: FakeSheet,
    private readonly depth: number,
  ) {}

  parse(): Operand {
    const value = this.comparison();
    if (this.pos !== this.text.length) throw new Error(`fake: cannot evaluate "${this.text}" at ${this.pos}`);
    return value;
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private comparison(): Operand {
    const left = this.additive();
    if (this.peek() === '=') {
      this.pos++;
      const right = this.additive();
      const a = this.value(left);
      const b = this.value(right);
      if (typeof a === 'string' && typeof b === 'string') return a.toUpperCase() === b.toUpperCase();
      return toNumber(a === '' ? 0 : a) === toNumber(b === '' ? 0 : b);
    }
    return left;
  }

  private additive(): Operand {
    let left = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.text[this.pos++];
      const right = this.term();
      const a = toNumber(this.value(left));
      const b = toNumber(this.value(right));
      left = op === '+' ? a + b : a - b;
    }
    return left;
  }

  private term(): Operand {
    let left = this.unary();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.text[this.pos++];
      const right = this.unary();
      const a = toNumber(this.value(left));
      const b = toNumber(this.value(right));
      if (op === '/' && b === 0) throw new FormulaError('#DIV/0!');
      left = op === '*' ? a * b : a / b;
    }
    return left;
  }

  private unary(): Operand {
    if (this.peek() === '-') {
      this.pos++;
      return -toNumber(this.value(this.unary()));
    }
    if (this.peek() === '+') {
      this.pos++;
      return this.unary();
    }
    return this.primary();
  }

  private primary(): Operand {
    const rest = this.text.slice(this.pos);
    if (this.peek() === '(') {
      this.pos++;
      const inner = this.comparison();
      this.expect(')');
      return inner;
    }
    if (this.peek() === '"') {
      let out = '';
      this.pos++;
      for (;;) {
        const ch = this.text[this.pos++];
        if (ch === undefined) throw new Error('fake: unterminated string');
        if (ch === '"') {
          if (this.peek() === '"') {
            out += '"';
            this.pos++;
            continue;
          }
          break;
        }
        out += ch;
      }
      return out;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const call = /^([A-Z]+)\(/.exec(rest);
    if (call) {
      this.pos += call[0].length;
      const args: Operand[] = [];
      if (this.peek() !== ')') {
        for (;;) {
          args.push(this.comparison());
          if (this.peek() === ',') {
            this.pos++;
            continue;
          }
          break;
        }
      }
      this.expect(')');
      return this.call(call[1], args);
    }
    const qualified = /^(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!(\$?[A-Z]{1,3}\$?\d+)(?![\w:(])/.exec(rest);
    if (qualified) {
      // Another sheet's cell: its value (a single cell is all the writer's and the tests' formulas need).
      this.pos += qualified[0].length;
      const name = qualified[1] !== undefined ? qualified[1].replace(/''/g, "'") : qualified[2];
      const other = this.sheet.book?.sheet(name);
      if (!other) throw new FormulaError('#REF!');
      const cell = parseRect(qualified[3]);
      return other.valueAt(cell.r0, cell.c0, this.depth);
    }
    if (rest.startsWith('#REF!')) throw new FormulaError('#REF!');
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/.exec(rest);
    if (ref) {
      this.pos += ref[0].length;
      return { range: parseRect(ref[0]) };
    }
    throw new Error(`fake: cannot evaluate "${this.text}" at ${this.pos}`);
  }

  private call(name: string, args: Operand[]): Operand {
    switch (name) {
      case 'SUM': {
        let total = 0;
        for (const arg of args) {
          if (typeof arg === 'object') {
            for (let r = arg.range.r0; r <= arg.range.r1; r++) {
              for (let c = arg.range.c0; c <= arg.range.c1; c++) {
                const v = this.sheet.valueAt(r, c, this.depth);
                if (typeof v === 'string' && v.startsWith('#')) throw new FormulaError(v);
                if (typeof v === 'number') total += v;
              }
            }
          } else total += toNumber(arg);
        }
        return total;
      }
      case 'IF':
        return this.value(args[0]) === true || (typeof this.value(args[0]) === 'number' && this.value(args[0]) !== 0) ? (args[1] ?? true) : (args[2] ?? false);
      case 'N': {
        const v = this.value(args[0]);
        return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
      }
      case 'HYPERLINK':
        return this.value(args[1] ?? args[0]);
      default:
        throw new Error(`fake: no function ${name}`);
    }
  }

  private value(operand: Operand): FakeValue {
    return scalar(this.sheet, operand, this.depth);
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw new Error(`fake: expected ${ch} in "${this.text}" at ${this.pos}`);
    this.pos++;
  }
}
