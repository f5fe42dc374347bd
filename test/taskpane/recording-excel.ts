/**
 * A small recording stand-in for the parts of office.js the pane's own inserts use (the Model sheet,
 * the budget template): every property set and method call is kept as a line, and `context.sync()`
 * is counted. Loaded values (sheet names, null objects) become readable only after a sync, as in
 * office.js, so a read before its sync fails the test.
 */
import type { ExcelRunner } from '../../src/workbook/office/requests';

export interface Recorded {
  readonly target: string;
  readonly op: string;
  readonly value?: unknown;
}

export class RecordingExcel {
  readonly log: Recorded[] = [];
  syncs = 0;
  readonly sheetNames: string[];

  constructor(sheetNames: readonly string[]) {
    this.sheetNames = [...sheetNames];
  }

  record(target: string, op: string, value?: unknown): void {
    this.log.push(value === undefined ? { target, op } : { target, op, value });
  }

  /** Lines about one target: "Budget template!C2:C501", "sheet:Model". */
  about(target: string): Recorded[] {
    return this.log.filter((r) => r.target === target);
  }

  readonly run: ExcelRunner = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  private context() {
    let synced = 0;
    // The fake's objects are plain literals whose own `this` is not the recorder.
    const excel = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const after = <T>(loadedAt: number, value: () => T): T => {
      if (synced <= loadedAt) throw new Error('PropertyNotLoaded: read before the sync that loads it');
      return value();
    };
    const range = (sheet: string, address: string) => {
      const target = `${sheet}!${address}`;
      const setter = (path: string) => ({
        set(value: unknown) {
          excel.record(target, `${path}=`, value);
        },
      });
      const r = {
        select: () => excel.record(target, 'select'),
        format: {
          autofitColumns: () => excel.record(target, 'format.autofitColumns'),
          font: Object.defineProperty({}, 'bold', setter('format.font.bold')),
        },
        dataValidation: Object.defineProperties({}, { rule: setter('dataValidation.rule'), errorAlert: setter('dataValidation.errorAlert') }),
      };
      Object.defineProperty(r.format, 'columnWidth', setter('format.columnWidth'));
      Object.defineProperties(r, { values: setter('values'), numberFormat: setter('numberFormat') });
      return r;
    };
    const sheet = (name: string) => {
      const s = {
        getRange: (address: string) => range(name, address),
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => range(name, `R${row}C${col}:${rows}x${cols}`),
        activate: () => excel.record(`sheet:${name}`, 'activate'),
        freezePanes: { freezeRows: (n: number) => excel.record(`sheet:${name}`, 'freezeRows', n) },
      };
      Object.defineProperty(s, 'visibility', { set: (v: unknown) => excel.record(`sheet:${name}`, 'visibility=', v) });
      return s;
    };
    return {
      workbook: {
        worksheets: {
          loadedAt: -1,
          names: [] as string[],
          /** As office.js: load() returns the collection, whose items are readable after the next sync. */
          load(props: string) {
            excel.record('worksheets', 'load', props);
            this.loadedAt = synced;
            this.names = [...excel.sheetNames];
            return this;
          },
          get items() {
            if (this.loadedAt < 0) throw new Error('PropertyNotLoaded: items was never loaded');
            return after(this.loadedAt, () => this.names.map((n) => ({ name: n })));
          },
          add(name: string) {
            excel.record('worksheets', 'add', name);
            excel.sheetNames.push(name);
            return sheet(name);
          },
          getItemOrNullObject(name: string) {
            const loadedAt = synced;
            const found = excel.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase());
            return {
              load: (props: string) => excel.record(`sheet:${name}`, 'load', props),
              get isNullObject() {
                return after(loadedAt, () => found === undefined);
              },
              get name() {
                return after(loadedAt, () => found);
              },
            };
          },
        },
      },
      application: { suspendApiCalculationUntilNextSync: () => excel.record('application', 'suspendApiCalculationUntilNextSync') },
      sync: () => {
        synced++;
        excel.syncs++;
        return Promise.resolve();
      },
    };
  }
}
