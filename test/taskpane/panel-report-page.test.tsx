/** @jest-environment jsdom */
/** The Panel report page: the readiness line first, the tables to choose from, and writing the chosen ones. */
import '@testing-library/jest-dom';
import { waitFor } from '@testing-library/react';
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import type { GridWorkbook } from '../../src/sheet/grid';
import { FakeHost, sampleWorkbook } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, within } from './render';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

async function prepared() {
  const host = new FakeHost('excel', sample);
  const pane = renderPane(host);
  const page = await openPage(pane.user, 'Panel report');
  await pane.user.click(within(page).getByRole('button', { name: 'Prepare panel report' }));
  await waitFor(() => expect(within(page).getByRole('group', { name: /^Tables to include/ })).toBeInTheDocument(), ENGINE_WAIT);
  return { ...pane, page, host };
}

test('before the report is prepared, readiness shows from the last check, and a thresholds change keeps it, marked as changed since', async () => {
  const host = new FakeHost('excel', sample);
  const { user } = renderPane(host);
  const check = await openPage(user, 'Check');
  await user.click(within(check).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(check).getByRole('group', { name: 'Summary' })).toBeInTheDocument(), ENGINE_WAIT);
  const errors = checkWorkbook(sample, defaultModel()).summary.errors;
  let page = await openPage(user, 'Panel report');
  expect(within(page).getByText(new RegExp(`^${errors} errors to fix on the Check page before this goes to the panel\\.`))).toBeInTheDocument();

  const analyse = await openPage(user, 'Analyse');
  const red = within(analyse).getByRole('textbox', { name: 'Red at (£)' });
  await user.clear(red);
  await user.type(red, '600,000');
  await user.click(within(analyse).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(analyse).getByRole('table')).toBeInTheDocument(), ENGINE_WAIT);
  page = await openPage(user, 'Panel report');
  expect(within(page).getByText(new RegExp(`^${errors} errors to fix on the Check page before this goes to the panel\\.`))).toBeInTheDocument();
  expect(within(page).getByText(/Changed since checked: RAG thresholds/)).toBeInTheDocument();
});

test('the readiness line comes first, before the tables', async () => {
  const { page } = await prepared();
  const errors = checkWorkbook(sample, defaultModel()).summary.errors;
  const readiness = within(page).getByText(`${errors} errors open: not ready for the panel`);
  const tables = within(page).getByRole('group', { name: /^Tables to include/ });
  // DOCUMENT_POSITION_FOLLOWING: the tables come after the readiness line.
  expect(readiness.compareDocumentPosition(tables) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  const heading = within(page).getByRole('heading', { name: 'Panel report' });
  expect(heading.compareDocumentPosition(readiness) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

test('lists the tables of the appendix, all chosen to begin with', async () => {
  const { page } = await prepared();
  const boxes = within(within(page).getByRole('group', { name: /^Tables to include/ })).getAllByRole('checkbox');
  expect(boxes.length).toBeGreaterThan(3);
  for (const box of boxes) expect(box).toBeChecked();
  expect(within(page).getByRole('checkbox', { name: 'Commissioning spend by priority area' })).toBeInTheDocument();
});

test('writes only the tables left chosen; the readiness line stays first on the sheet', async () => {
  const { page, user, host } = await prepared();
  const all = within(within(page).getByRole('group', { name: /^Tables to include/ })).getAllByRole('checkbox');
  const leftOut = all[1];
  const leftOutTitle = leftOut.closest('.fui-Checkbox')?.textContent ?? '';
  await user.click(leftOut);
  expect(within(page).getByRole('group', { name: `Tables to include (${all.length - 1} of ${all.length})` })).toBeInTheDocument();
  await user.click(within(page).getByRole('button', { name: 'Write panel report' }));
  await waitFor(() => expect(host.written).toHaveLength(1), ENGINE_WAIT);
  const [{ args, sheets }] = host.written;
  expect(args.panel?.excludeTables).toHaveLength(1);
  const sheet = sheets[0];
  expect(sheet.name).toBe('Panel report');
  expect(sheet.tables).toHaveLength(all.length - 1);
  expect(sheet.tables.map((t) => t.title)).not.toContain(leftOutTitle);
  expect(sheet.paragraphs[0].text).toMatch(/errors open: not ready for the panel/);
});

test('with every table left out there is nothing to write', async () => {
  const { page, user } = await prepared();
  for (const box of within(within(page).getByRole('group', { name: /^Tables to include/ })).getAllByRole('checkbox')) await user.click(box);
  expect(within(page).getByRole('button', { name: 'Write panel report' })).toBeDisabled();
});
