/**
 * office.js for tests: the `Office` namespace the add-in touches (onReady, the host and its ExcelApi
 * requirement sets, the theme, the settings saved with the workbook, dialogs, the ribbon's actions) and
 * an `Excel` whose `run` is the in-memory Excel of fake-excel.ts. What the add-in did is recorded for
 * the test to judge: every Excel.run with its syncs, settings saves, dialogs opened, functions associated.
 *
 * The one office.js double of the tests: the ribbon command's tests install it on Node's globalThis,
 * and the browser tests bundle this module into the page (test/e2e/fake-office-bundle.ts), where
 * `installFakeOffice(window, …)` runs before the pane's own script.
 */
import { FakeWorkbook, type FakeSheet, type FakeValue } from './fake-excel';

/** A row as the fake takes it: constants, and formulas with their cached results. */
export type FakeRow = (FakeValue | null | { f: string; v?: FakeValue })[];

export interface FakeOfficeOptions {
  /** The open workbook's sheets; or pass `book`. */
  readonly sheets?: readonly { readonly name: string; readonly rows: readonly FakeRow[]; readonly visibility?: FakeSheet['visibility'] }[];
  /** Workbook-level names, such as the owner names that mark the add-in's own sheets. */
  readonly names?: readonly FakeNameOptions[];
  readonly book?: FakeWorkbook;
  /** Office's dark theme (a dark task-pane background). */
  readonly dark?: boolean;
  /** Settings already saved with the workbook. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Office.context.platform (Office.PlatformType): "OfficeOnline" unless told ("PC", "Mac", "iOS"). */
  readonly platform?: string;
  /** Office.onReady waits until the test calls arrive(); until then Office.context names no host. */
  readonly readyWhenTold?: boolean;
  /** The highest ExcelApi 1.x the host supports (Office.context.requirements): 11 unless told. */
  readonly excelApiMinor?: number;
  /** Where the page is, for URLs the add-in builds from window.location (the dialog's). */
  readonly href?: string;
}

export interface FakeNameOptions {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly comment?: string;
}

export interface RunRecord {
  readonly syncs: number;
}

type Handler = (arg?: unknown) => void;

export interface FakeDialog {
  readonly url: string;
  readonly options: unknown;
  readonly handlers: Map<string, Handler>;
  closed: boolean;
}

interface AsyncResult {
  readonly status: 'succeeded' | 'failed';
  readonly value?: unknown;
  readonly error?: { readonly message: string };
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export class FakeOffice {
  readonly book: FakeWorkbook;
  readonly settings: Map<string, unknown>;
  /** Office.context.document.settings.saveAsync calls. */
  settingsSaved = 0;
  /** Set to make saveAsync fail with this message (a read-only document, say). */
  settingsSaveFailure: string | undefined;
  /** One record per Excel.run, in order. */
  readonly runs: RunRecord[] = [];
  /** Functions the add-in associated with the manifest's FunctionNames (Office.actions.associate). */
  readonly associated = new Map<string, Handler>();
  readonly dialogs: FakeDialog[] = [];
  /** What goes on the global `Office`. */
  readonly office: ReturnType<FakeOffice['makeOffice']>;
  /** What goes on the global `Excel`. */
  readonly excel: { run: <T>(first: Batch<T> | { delayForCellEdit?: boolean }, second?: Batch<T>) => Promise<T> };

  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly options: FakeOfficeOptions = {}) {
    this.book = options.book ?? new FakeWorkbook();
    for (const sheet of options.sheets ?? []) this.book.addSheet(sheet.name, sheet.rows).visibility = sheet.visibility ?? 'Visible';
    for (const name of options.names ?? []) {
      const sheet = this.book.sheet(name.sheet);
      this.book.names.push({ name: name.name, comment: name.comment ?? '', ref: sheet ? { sheet, address: name.address } : null });
    }
    this.settings = new Map(Object.entries(options.settings ?? {}));
    this.office = this.makeOffice();
    this.excel = {
      // Excel.run(batch) or Excel.run(options, batch): https://learn.microsoft.com/en-us/javascript/api/excel#excel-excel-run-function(1)
      run: async <T>(first: Batch<T> | { delayForCellEdit?: boolean }, second?: Batch<T>): Promise<T> => {
        const [batch, runOptions] = typeof first === 'function' ? [first, undefined] : [second!, first];
        const before = this.book.stats.syncs;
        try {
          return await this.book.runner(batch, runOptions);
        } finally {
          this.runs.push({ syncs: this.book.stats.syncs - before });
        }
      },
    };
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  /** The workbook as saved, as options for another fake: each sheet's cells and visibility, and the names. */
  saved(): Pick<FakeOfficeOptions, 'sheets' | 'names'> {
    const sheets = this.book.sheets.map((sheet) => {
      const rows: FakeRow[] = [];
      for (const [r, cells] of sheet.rows) {
        const row: FakeRow = (rows[r] = rows[r] ?? []);
        for (const [c, cell] of cells)
          row[c] = cell.formula ? { f: cell.formula.replace(/^=/, ''), ...(cell.value !== undefined ? { v: cell.value } : {}) } : (cell.value ?? null);
      }
      return { name: sheet.name, rows: Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null)), visibility: sheet.visibility };
    });
    const names = this.book.names.flatMap((n) => (n.ref ? [{ name: n.name, sheet: n.ref.sheet.name, address: n.ref.address, comment: n.comment }] : []));
    return { sheets, names };
  }

  selection(): { sheet: string; address: string } | null {
    return this.book.selection ?? null;
  }

  totalSyncs(): number {
    return this.book.stats.syncs;
  }

  /** Puts Office and Excel (and, when asked, a window location) on `target`; returns what puts back what was there. */
  install(target: object = globalThis): () => void {
    const globals = target as Record<string, unknown>;
    const added: Record<string, unknown> = { Office: this.office, Excel: this.excel };
    if (this.options.href !== undefined) added.window = { location: { href: this.options.href } };
    const previous = Object.keys(added).map((key) => ({ key, had: key in globals, value: globals[key] }));
    Object.assign(globals, added);
    return () => {
      for (const { key, had, value } of previous) {
        if (had) globals[key] = value;
        else delete globals[key];
      }
    };
  }

  /**
   * Office is ready (with `readyWhenTold`): the host appears in Office.context, as office.js fills it in,
   * and onReady resolves. Resolves once onReady's callers have heard.
   */
  async arrive(host = 'Excel'): Promise<void> {
    this.office.context.host = host;
    this.markReady();
    await this.ready;
  }

  private makeOffice() {
    const platform = this.options.platform ?? 'OfficeOnline';
    const maxMinor = this.options.excelApiMinor ?? 11;
    const readyNow = !this.options.readyWhenTold;
    if (readyNow) this.markReady();
    return {
      onReady: (callback?: (info: { host: string; platform: string }) => void) => {
        const info = () => ({ host: this.office.context.host ?? '', platform });
        // Already ready: the callback runs at once, as office.js runs it when initialisation is over.
        if (readyNow) callback?.(info());
        return this.ready.then(() => {
          if (!readyNow) callback?.(info());
          return info();
        });
      },
      actions: { associate: (name: string, fn: Handler) => void this.associated.set(name, fn) },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      context: {
        host: readyNow ? ('Excel' as string | undefined) : undefined,
        platform,
        // https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport
        requirements: { isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= maxMinor },
        officeTheme: { bodyBackgroundColor: this.options.dark ? '#292929' : '#ffffff' },
        document: { settings: this.makeSettings() },
        ui: { displayDialogAsync: (url: string, options: unknown, callback?: (result: AsyncResult) => void) => this.openDialog(url, options, callback) },
      },
    };
  }

  private makeSettings() {
    return {
      get: (name: string) => this.settings.get(name) ?? null,
      set: (name: string, value: unknown) => void this.settings.set(name, value),
      remove: (name: string) => void this.settings.delete(name),
      saveAsync: (callback?: (result: AsyncResult) => void) => {
        this.settingsSaved++;
        const message = this.settingsSaveFailure;
        callback?.(message === undefined ? { status: 'succeeded' } : { status: 'failed', error: { message } });
      },
    };
  }

  private openDialog(url: string, options: unknown, callback?: (result: AsyncResult) => void): void {
    const dialog: FakeDialog = { url, options, handlers: new Map(), closed: false };
    this.dialogs.push(dialog);
    const value = {
      addEventHandler: (type: string, fn: Handler) => void dialog.handlers.set(type, fn),
      close: () => void (dialog.closed = true),
    };
    callback?.({ status: 'succeeded', value });
  }
}

/** For the page: a fake Office and Excel on `window`, before the pane's bundle loads. */
export function installFakeOffice(target: object, options: FakeOfficeOptions): FakeOffice {
  const fake = new FakeOffice(options);
  fake.install(target);
  return fake;
}
