/** @jest-environment jsdom */
/**
 * The pane outside Excel with the real FileHost: open the sample through the file input (or the sample
 * button), check it, and "Write report" offers a new .xlsx holding the generated sheets; settings stay
 * in the browser's storage.
 */
import '@testing-library/jest-dom';
import { fireEvent, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { InlineEngine } from '../../src/taskpane/engine/inline';
import { FileHost, SAMPLE_WORKBOOK_URL, SETTINGS_STORAGE_KEY } from '../../src/taskpane/host/file-host';
import { XLSX_MIME } from '../../src/taskpane/host/types';
import { defaultModel } from '../../src/model/json';
import { settingsOf } from '../../src/app/settings';
import { sampleBytes } from './fake-host';
import { ENGINE_WAIT, openPage, screen, within } from './render';

jest.setTimeout(60_000);

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function setup(storage = new MemoryStorage()) {
  const offered: { fileName: string; data: Uint8Array | string; mimeType: string }[] = [];
  const host = new FileHost(storage, (fileName, data, mimeType) => offered.push({ fileName, data, mimeType }));
  const user = userEvent.setup();
  render(<App host={host} engine={new InlineEngine()} dark={false} />);
  return { host, user, offered, storage };
}

function upload(name: string, bytes: Uint8Array): void {
  const input = screen.getByLabelText<HTMLInputElement>('Open workbook');
  fireEvent.change(input, { target: { files: [new File([bytes.slice().buffer], name)] } });
}

test('before a workbook is open, the pane says how to open one and cannot check or write', () => {
  setup();
  expect(screen.getByText('No workbook open: open an .xlsx file, or try the sample.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Check workbook' })).toBeDisabled();
  expect(screen.getByRole('button', { name: 'Write report' })).toBeDisabled();
});

test('opens a workbook through the file input, checks it, and "Write report" offers the report workbook', async () => {
  const { user, offered } = setup();
  upload('commissioning-2019-20.xlsx', sampleBytes());
  await waitFor(() => expect(screen.getByText(/^Opened commissioning-2019-20\.xlsx: 11 sheets/)).toBeInTheDocument(), ENGINE_WAIT);
  await user.click(screen.getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(screen.getByText(/errors open: not ready for the panel/)).toBeInTheDocument(), ENGINE_WAIT);
  // The list draws only the cards near the view: the search brings B36's into it.
  await user.type(screen.getByRole('searchbox', { name: /^Search findings/ }), 'LCPF boroughs!B36');
  expect(screen.getAllByText('total-rounding').length).toBeGreaterThan(0);

  // Outside Excel a cell cannot be selected: the card shows the finding's row as the check read it, its cell marked.
  await user.click(screen.getByRole('button', { name: 'Go to B36 on LCPF boroughs, total-rounding' }));
  const row = await screen.findByRole('table', { name: /^Row 36/ }, ENGINE_WAIT);
  expect(within(row).getByRole('rowheader', { name: /\(B36\): this finding$/ })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Write report' }));
  await waitFor(() => expect(offered).toHaveLength(1), ENGINE_WAIT);
  const [file] = offered;
  expect(file.fileName).toBe('commissioning-2019-20 (report).xlsx');
  expect(file.mimeType).toBe(XLSX_MIME);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((file.data as Uint8Array).slice().buffer);
  const names = workbook.worksheets.map((w) => w.name);
  expect(names.slice(-4)).toEqual(['Findings', 'Rollup', 'Register', 'Panel report']);
  expect(names).toContain('LCPF boroughs');
  expect(
    screen.getByText(/^Downloaded commissioning-2019-20 \(report\)\.xlsx with the Findings, Rollup, Register and Panel report sheets/),
  ).toBeInTheDocument();
});

test('"Try the sample" fetches the sample beside the page', async () => {
  const fetched: string[] = [];
  const bytes = sampleBytes();
  const realFetch = (globalThis as { fetch?: unknown }).fetch;
  (globalThis as { fetch?: unknown }).fetch = (url: string) => {
    fetched.push(url);
    return Promise.resolve({ ok: true, status: 200, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) });
  };
  try {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Try the sample' }));
    await waitFor(() => expect(screen.getByText(/^Opened commissioning-2019-20\.xlsx/)).toBeInTheDocument(), ENGINE_WAIT);
    expect(fetched).toEqual([SAMPLE_WORKBOOK_URL]);
  } finally {
    (globalThis as { fetch?: unknown }).fetch = realFetch;
  }
});

test('a file that is not a workbook is explained in the message bar with what to do next, and no workbook is named as open', async () => {
  setup();
  upload('notes.xlsx', new Uint8Array(Buffer.from('these are my notes, not a workbook')));
  await waitFor(() => expect(screen.getByText('notes.xlsx could not be opened')).toBeInTheDocument(), ENGINE_WAIT);
  expect(screen.getByText(/notes\.xlsx is not an Excel workbook/)).toBeInTheDocument();
  expect(screen.getByText('No workbook is open. Open an .xlsx workbook saved from Excel, or try the sample workbook.')).toBeInTheDocument();
  expect(screen.getByText('No workbook open: open an .xlsx file, or try the sample.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Check workbook' })).toBeDisabled();
});

test('after a failed open the workbook open before is still the one worked on, and the error says so', async () => {
  const { user, offered } = setup();
  upload('commissioning-2019-20.xlsx', sampleBytes());
  await waitFor(() => expect(screen.getByText(/^Opened commissioning-2019-20\.xlsx/)).toBeInTheDocument(), ENGINE_WAIT);
  upload('notes.xlsx', new Uint8Array(Buffer.from('these are my notes, not a workbook')));
  await waitFor(() => expect(screen.getByText('notes.xlsx could not be opened')).toBeInTheDocument(), ENGINE_WAIT);
  expect(screen.getByText(/^commissioning-2019-20\.xlsx is still open: the pane keeps working on it\./)).toBeInTheDocument();
  expect(screen.getByText('Working on commissioning-2019-20.xlsx (your file is never changed).')).toBeInTheDocument();
  // The report is still the sample's: the file that failed did not replace it.
  await user.click(screen.getByRole('button', { name: 'Write report' }));
  await waitFor(() => expect(offered).toHaveLength(1), ENGINE_WAIT);
  expect(offered[0].fileName).toBe('commissioning-2019-20 (report).xlsx');
});

test('settings are kept in the browser storage and read back by the next pane', async () => {
  const storage = new MemoryStorage();
  const first = setup(storage);
  await openPage(first.user, 'Settings');
  await first.user.selectOptions(screen.getByRole('combobox', { name: 'Display unit' }), '£k');
  await first.user.click(screen.getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(storage.items.has(SETTINGS_STORAGE_KEY)).toBe(true));
  expect(JSON.parse(storage.items.get(SETTINGS_STORAGE_KEY)!)).toEqual({ ...settingsOf(defaultModel()), displayUnit: '£k' });
  expect(new FileHost(storage).loadSettings()?.displayUnit).toBe('£k');
});

test('where this window cannot save downloads (Excel for Mac), a written report is not announced as downloaded: the notice says what works', async () => {
  const offered: string[] = [];
  const host = new FileHost(
    new MemoryStorage(),
    (fileName) => offered.push(fileName),
    () => false,
  );
  const user = userEvent.setup();
  render(<App host={host} engine={new InlineEngine()} dark={false} />);
  upload('commissioning-2019-20.xlsx', sampleBytes());
  await waitFor(() => expect(screen.getByText(/^Opened commissioning-2019-20\.xlsx/)).toBeInTheDocument(), ENGINE_WAIT);
  await user.click(screen.getByRole('button', { name: 'Write report' }));
  await waitFor(() => expect(offered).toHaveLength(1), ENGINE_WAIT);
  expect(host.canDownload()).toBe(false);
  expect(screen.queryByText(/^Downloaded/)).not.toBeInTheDocument();
  expect(
    screen.getByText(
      /^commissioning-2019-20 \(report\)\.xlsx \(with the Findings, Rollup, Register and Panel report sheets\) could not be downloaded: Excel for Mac and for iPad do not save downloads from the pane\. Use the pane connected to Excel/,
    ),
  ).toBeInTheDocument();
});
