/**
 * A fake Office and Excel for the pane in Chromium, installed before the pane's bundle loads
 * (page.addInitScript). Excel is the project's in-memory fake (test/workbook/office/fake-excel.ts)
 * holding the rows the test passes in; every Excel.run and context.sync is recorded on
 * window.__fakeExcel so the test can judge the requests the pane made.
 */
import { FakeWorkbook, type FakeValue } from '../../workbook/office/fake-excel';

export interface FakeOfficeOptions {
  readonly sheets: readonly { name: string; rows: (FakeValue | null | { f: string; v?: FakeValue })[][] }[];
  readonly dark?: boolean;
}

export interface RunRecord {
  readonly syncs: number;
}

declare global {
  interface Window {
    __installFakeOffice?: (options: FakeOfficeOptions) => void;
    __fakeExcel?: { book: FakeWorkbook; runs: RunRecord[]; settingsSaved: number; sheetNames(): string[]; selection(): unknown; totalSyncs(): number };
  }
}

// The fake measures requests with Node's Buffer.byteLength; the page has TextEncoder instead.
const encoder = new TextEncoder();
if (typeof (globalThis as { Buffer?: unknown }).Buffer === 'undefined') {
  (globalThis as { Buffer?: unknown }).Buffer = { byteLength: (text: string) => encoder.encode(text).length };
}

window.__installFakeOffice = (options: FakeOfficeOptions) => {
  const book = new FakeWorkbook();
  for (const sheet of options.sheets) book.addSheet(sheet.name, sheet.rows);
  const runs: RunRecord[] = [];
  const settings = new Map<string, unknown>();
  const state = {
    book,
    runs,
    settingsSaved: 0,
    sheetNames: () => book.sheets.map((s) => s.name),
    selection: () => book.selection ?? null,
    totalSyncs: () => book.stats.syncs,
  };
  window.__fakeExcel = state;
  const office = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      host: 'Excel',
      // https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport: ExcelApi up to 1.11 here.
      requirements: { isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= 11 },
      officeTheme: { bodyBackgroundColor: options.dark ? '#292929' : '#ffffff' },
      document: {
        settings: {
          get: (name: string) => settings.get(name) ?? null,
          set: (name: string, value: unknown) => void settings.set(name, value),
          remove: (name: string) => void settings.delete(name),
          saveAsync: (callback?: (result: unknown) => void) => {
            state.settingsSaved++;
            callback?.({ status: 'succeeded' });
          },
        },
      },
    },
  };
  const excel = {
    // Excel.run(batch) or Excel.run(options, batch): https://learn.microsoft.com/en-us/javascript/api/excel#excel-excel-run-function(1)
    run: async <T>(first: unknown, second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const batch = (second ?? first) as (context: Excel.RequestContext) => Promise<T>;
      const before = book.stats.syncs;
      try {
        return await book.runner(batch);
      } finally {
        runs.push({ syncs: book.stats.syncs - before });
      }
    },
  };
  Object.assign(window, { Office: office, Excel: excel });
};
