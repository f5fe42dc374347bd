/** @jest-environment jsdom */
/** The Model page's "Create a model from this workbook": the proposal's summary, then insert it as the Model sheet or download it. */
import '@testing-library/jest-dom';
import { fireEvent, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { loadModelJson } from '../../src/model/json';
import { readModelSheet } from '../../src/model/model-sheet';
import { PLACEHOLDER_ORGANISATION } from '../../src/model/propose-placeholder';
import { findSheet } from '../../src/sheet/grid';
import { App } from '../../src/taskpane/App';
import { InlineEngine } from '../../src/taskpane/engine/inline';
import { FileHost } from '../../src/taskpane/host/file-host';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { councilBudget, councilBudgetRows, type Rows } from '../helpers/proposal-workbooks';
import { FakeHost } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, screen, within } from './render';

jest.setTimeout(60_000);

const CREATE = 'Create a model from this workbook';

test('in Excel: proposes a model from the workbook, shows what it found, and inserts it as the Model sheet', async () => {
  const host = new FakeHost('excel', councilBudget());
  const { user } = renderPane(host);
  const page = await openPage(user, 'Model');
  await user.click(within(page).getByRole('button', { name: CREATE }));
  const heading = await within(page).findByRole('heading', { name: 'Proposed model' }, ENGINE_WAIT);
  // Focus goes to what was found, so keyboard and screen-reader users land on it.
  await waitFor(() => expect(heading).toHaveFocus());
  const found = within(page).getByRole('region', { name: 'Proposed model' });
  expect(within(found).getByText('None given: a placeholder to edit')).toBeInTheDocument();
  expect(within(found).getByText("Adult Social Care (ASC); Children's Services (CS); Environment (ENVI); Public Health (PH)")).toBeInTheDocument();
  expect(within(found).getByText('2022/23, 2023/24')).toBeInTheDocument();
  expect(within(found).getByText('2 yearly totals, 8 priority-area figures')).toBeInTheDocument();
  expect(within(found).getByText(/^Organisation: a placeholder/)).toBeInTheDocument();

  await user.click(within(found).getByRole('button', { name: 'Insert as Model sheet' }));
  await waitFor(() => expect(host.modelSheets).toHaveLength(1), ENGINE_WAIT);
  const inserted = host.modelSheets[0];
  expect(inserted.organisation).toEqual(PLACEHOLDER_ORGANISATION);
  expect(inserted.priorityAreas.map((a) => a.name)).toEqual(['Adult Social Care', "Children's Services", 'Environment', 'Public Health']);
  expect(inserted.totals[0].source).toEqual({ document: 'workbook', locator: 'Budget!D20', quote: 'Total net budget 16620 16830' });
  expect(screen.getByText('Inserted the Model sheet.')).toBeInTheDocument();
});

test('the organisation typed in names the model, and "Download model.json" offers it as a valid model file', async () => {
  const host = new FakeHost('excel', councilBudget());
  const { user } = renderPane(host);
  const page = await openPage(user, 'Model');
  await user.type(within(page).getByRole('textbox', { name: /^Organisation \(optional\)/ }), 'Anytown Borough Council');
  await user.click(within(page).getByRole('button', { name: CREATE }));
  const found = await within(page).findByRole('region', { name: 'Proposed model' }, ENGINE_WAIT);
  expect(within(found).getByText('Anytown Borough Council')).toBeInTheDocument();
  await user.click(within(found).getByRole('button', { name: 'Download model.json' }));
  expect(host.downloads).toHaveLength(1);
  const { fileName, data, mimeType } = host.downloads[0];
  expect([fileName, mimeType]).toEqual(['model.json', 'application/json']);
  const model = loadModelJson(String(data), fileName);
  expect(model.organisation.name).toBe('Anytown Borough Council');
  expect(model.fundingStreams.map((s) => s.code)).toEqual(['BCF', 'GF', 'PHG']);
  expect(screen.getByText(/^Downloaded model\.json: edit it/)).toBeInTheDocument();
});

test('"Copy model.json to clipboard" copies the proposed model; where downloads cannot work it comes before Download', async () => {
  const host = new FakeHost('excel', councilBudget());
  host.canDownloadFiles = false;
  const { user } = renderPane(host);
  const page = await openPage(user, 'Model');
  await user.click(within(page).getByRole('button', { name: CREATE }));
  const found = await within(page).findByRole('region', { name: 'Proposed model' }, ENGINE_WAIT);
  const names = within(found)
    .getAllByRole('button')
    .map((b) => b.textContent);
  expect(names.indexOf('Copy model.json to clipboard')).toBeGreaterThanOrEqual(0);
  expect(names.indexOf('Copy model.json to clipboard')).toBeLessThan(names.indexOf('Download model.json'));
  await user.click(within(found).getByRole('button', { name: 'Copy model.json to clipboard' }));
  await waitFor(() =>
    expect(
      screen.getByText(/^Copied the proposed model as JSON to the clipboard: paste it into a text editor and save it as model\.json\.$/),
    ).toBeInTheDocument(),
  );
  const model = loadModelJson(await navigator.clipboard.readText(), 'model.json');
  expect(model.fundingStreams.map((s) => s.code)).toEqual(['BCF', 'GF', 'PHG']);
  expect(host.downloads).toHaveLength(0);
});

test('every action works from the keyboard', async () => {
  const host = new FakeHost('excel', councilBudget());
  const { user } = renderPane(host);
  const page = await openPage(user, 'Model');
  within(page).getByRole('button', { name: CREATE }).focus();
  await user.keyboard('{Enter}');
  const found = await within(page).findByRole('region', { name: 'Proposed model' }, ENGINE_WAIT);
  await waitFor(() => expect(within(found).getByRole('heading', { name: 'Proposed model' })).toHaveFocus());
  const insert = within(found).getByRole('button', { name: 'Insert as Model sheet' });
  const download = within(found).getByRole('button', { name: 'Download model.json' });
  // Both stay in the tab order (jsdom cannot walk Fluent's focus order with Tab, so each is focused in turn).
  for (const button of [insert, download]) expect(button).not.toHaveAttribute('tabindex', '-1');
  download.focus();
  await user.keyboard(' ');
  expect(host.downloads.map((d) => d.fileName)).toEqual(['model.json']);
  insert.focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(host.modelSheets).toHaveLength(1), ENGINE_WAIT);
});

test('outside Excel: waits for a workbook, then downloads a copy whose Model sheet is the proposal, quoting the file by name', async () => {
  const offered: { fileName: string; data: Uint8Array | string; mimeType: string }[] = [];
  const host = new FileHost(null, (fileName, data, mimeType) => offered.push({ fileName, data, mimeType }));
  const user = userEvent.setup();
  render(<App host={host} engine={new InlineEngine()} dark={false} />);
  const page = await openPage(user, 'Model');
  expect(within(page).getByRole('button', { name: CREATE })).toBeDisabled();

  const input = screen.getByLabelText<HTMLInputElement>('Open workbook');
  const bytes = await xlsxOf('Budget', councilBudgetRows());
  fireEvent.change(input, { target: { files: [new File([bytes.slice().buffer], 'anytown-budget.xlsx')] } });
  await waitFor(() => expect(within(page).getByRole('button', { name: CREATE })).toBeEnabled(), ENGINE_WAIT);
  await user.click(within(page).getByRole('button', { name: CREATE }));
  const found = await within(page).findByRole('region', { name: 'Proposed model' }, ENGINE_WAIT);
  await user.click(within(found).getByRole('button', { name: 'Insert as Model sheet (download)' }));
  await waitFor(() => expect(offered).toHaveLength(1), ENGINE_WAIT);
  expect(offered[0].fileName).toBe('anytown-budget (report).xlsx');
  const copy = await readXlsx(offered[0].data as Uint8Array, offered[0].fileName);
  const model = readModelSheet(findSheet(copy, 'Model')!);
  expect(model.priorityAreas.map((a) => a.code)).toEqual(['ASC', 'CS', 'ENVI', 'PH']);
  expect(model.totals.map((t) => `${t.year} ${t.amount} ${t.source.document}`)).toEqual([
    '2022/23 16620000 anytown-budget.xlsx',
    '2023/24 16830000 anytown-budget.xlsx',
  ]);
});

async function xlsxOf(sheet: string, rows: Rows): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
