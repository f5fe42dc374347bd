/** @jest-environment jsdom */
/** The Register page: the register as the engine reads it, "Write register", and the 360Giving download. */
import '@testing-library/jest-dom';
import { waitFor } from '@testing-library/react';
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { readRegisterRecords } from '../../src/reports/register-records';
import { Grid, type GridWorkbook } from '../../src/sheet/grid';
import { FakeHost, sampleWorkbook } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, screen, within } from './render';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

async function registerPage(host = new FakeHost('excel', sample)) {
  const pane = renderPane(host);
  const page = await openPage(pane.user, 'Register');
  return { ...pane, page, host };
}

test('builds the register: every record, totals by type', async () => {
  const { page, user } = await registerPage();
  await user.click(within(page).getByRole('button', { name: 'Build register' }));
  const records = readRegisterRecords(checkWorkbook(sample, defaultModel()).tables, sample, defaultModel());
  expect(records.length).toBeGreaterThan(0);
  await waitFor(
    // In the display unit (the model's £m), as every figure in the pane.
    () => expect(within(page).getByText(new RegExp(`^${records.length} contracts and grants, £[\\d,]+\\.\\dm in all\\.$`))).toBeInTheDocument(),
    ENGINE_WAIT,
  );
  const list = within(page).getByRole('list', { name: 'Contracts and grants' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(Math.min(records.length, 100));
  const first = within(list)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(records[0].id!));
  expect(first).toHaveTextContent(records[0].title!);
  expect(first).toHaveTextContent(records[0].recipient!);
  const types = new Set(records.map((r) => r.type));
  expect(within(within(page).getByRole('table', { name: 'Records and amounts by type' })).getAllByRole('row')).toHaveLength(types.size + 1);
});

test('"Write register" writes the Register sheet', async () => {
  const { page, user, host } = await registerPage();
  await user.click(within(page).getByRole('button', { name: 'Write register' }));
  await waitFor(() => expect(host.written).toHaveLength(1), ENGINE_WAIT);
  expect(host.written[0].sheets.map((s) => s.name)).toEqual(['Register']);
});

test('a workbook without a register says so instead of writing an empty sheet', async () => {
  const budget = new Grid('Budget');
  budget.set(0, 0, 'Project');
  budget.set(0, 1, 'Budget £');
  budget.set(1, 0, 'Youth work');
  budget.set(1, 1, 1000);
  const { page, user, host } = await registerPage(new FakeHost('excel', { sheets: [budget] }));
  await user.click(within(page).getByRole('button', { name: 'Write register' }));
  // Said on the Register page, beside "Write register", not above the pages.
  await waitFor(() => expect(within(page).getByText(/has no contracts and grants register/)).toBeInTheDocument(), ENGINE_WAIT);
  expect(host.written).toHaveLength(0);
});

test('downloads the 360Giving export as JSON: one grant per complete record', async () => {
  const { page, user, host } = await registerPage();
  const button = within(page).getByRole('button', { name: 'Download 360Giving export' });
  // Without a prefix, the button says what is missing, under the prefix field, rather than sitting disabled.
  await user.click(button);
  expect(within(page).getByRole('textbox', { name: /360Giving prefix/ })).toHaveAttribute('aria-invalid', 'true');
  expect(within(page).getByText("Enter your organisation's 360Giving prefix, such as 360G-mopac.")).toBeInTheDocument();
  expect(host.downloads).toHaveLength(0);
  await user.type(within(page).getByRole('textbox', { name: /360Giving prefix/ }), '360G-mopac');
  await user.click(button);
  await waitFor(() => expect(host.downloads).toHaveLength(1), ENGINE_WAIT);
  const [download] = host.downloads;
  expect(download.fileName).toMatch(/-360giving\.json$/);
  expect(download.mimeType).toBe('application/json');
  const pkg = JSON.parse(String(download.data)) as { grants: { id: string }[] };
  expect(pkg.grants.length).toBeGreaterThan(0);
  for (const grant of pkg.grants) expect(grant.id.startsWith('360G-mopac-')).toBe(true);
  expect(within(page).getByRole('list', { name: 'Export summary' })).toHaveTextContent(`${pkg.grants.length} grants worth £`);
});

test('downloads CSV when asked', async () => {
  const { page, user, host } = await registerPage();
  await user.type(within(page).getByRole('textbox', { name: /360Giving prefix/ }), '360G-mopac');
  await user.click(within(page).getByRole('radio', { name: 'CSV' }));
  await user.click(within(page).getByRole('button', { name: 'Download 360Giving export' }));
  await waitFor(() => expect(host.downloads).toHaveLength(1), ENGINE_WAIT);
  expect(host.downloads[0].fileName).toMatch(/\.csv$/);
  expect(String(host.downloads[0].data).split('\n')[0]).toMatch(/^\uFEFF?Identifier,Title,/);
});

test('a prefix that is not a 360Giving prefix is explained under the field, and nothing downloads until it is fixed', async () => {
  const { page, user, host } = await registerPage();
  const prefix = within(page).getByRole('textbox', { name: /360Giving prefix/ });
  await user.type(prefix, 'mopac');
  await user.click(within(page).getByRole('button', { name: 'Download 360Giving export' }));
  expect(within(page).getByText(/^"mopac" is not a 360Giving prefix: it must start with 360G- \(capital G\)/)).toBeInTheDocument();
  expect(prefix).toHaveAttribute('aria-invalid', 'true');
  expect(prefix).toHaveFocus();
  expect(host.downloads).toHaveLength(0);
  // Fixed, the problem goes as it is typed.
  await user.clear(prefix);
  await user.type(prefix, '360G-mopac');
  expect(within(page).queryByText(/is not a 360Giving prefix/)).toBeNull();
  expect(prefix).not.toHaveAttribute('aria-invalid', 'true');
});

test('after a download, the export can also be copied to the clipboard, with what was copied said in words', async () => {
  const { page, user, host } = await registerPage();
  await user.type(within(page).getByRole('textbox', { name: /360Giving prefix/ }), '360G-mopac');
  await user.click(within(page).getByRole('button', { name: 'Download 360Giving export' }));
  await waitFor(() => expect(host.downloads).toHaveLength(1), ENGINE_WAIT);
  const text = String(host.downloads[0].data);
  const grants = (JSON.parse(text) as { grants: unknown[] }).grants.length;
  // Where downloads work, Download comes first.
  const actions = within(page).getAllByRole('button', { name: /^(Download .* again|Copy to clipboard)$/ });
  expect(actions.map((b) => b.textContent)).toEqual([`Download ${host.downloads[0].fileName} again`, 'Copy to clipboard']);
  await user.click(within(page).getByRole('button', { name: 'Copy to clipboard' }));
  await waitFor(() => expect(screen.getByText(new RegExp(`^Copied ${grants} grants as JSON to the clipboard`))).toBeInTheDocument());
  expect(await navigator.clipboard.readText()).toBe(text);
});

test('where downloads cannot work (Excel for Mac), the export is prepared and "Copy to clipboard" comes first', async () => {
  const host = new FakeHost('excel', sample);
  host.canDownloadFiles = false;
  const { page, user } = await registerPage(host);
  expect(within(page).queryByRole('button', { name: 'Download 360Giving export' })).not.toBeInTheDocument();
  expect(within(page).getByText(/Excel for Mac and for iPad do not save downloads from the pane/)).toBeInTheDocument();
  await user.type(within(page).getByRole('textbox', { name: /360Giving prefix/ }), '360G-mopac');
  await user.click(within(page).getByRole('radio', { name: 'CSV' }));
  await user.click(within(page).getByRole('button', { name: 'Prepare 360Giving export' }));
  const copy = await within(page).findByRole('button', { name: 'Copy to clipboard' }, ENGINE_WAIT);
  // Nothing was sent to a download that would not arrive.
  expect(host.downloads).toHaveLength(0);
  const buttons = within(page)
    .getAllByRole('button')
    .map((b) => b.textContent);
  const download = buttons.find((name) => /^Download .*\.csv$/.test(name ?? ''));
  expect(download).toBeDefined();
  expect(buttons.indexOf('Copy to clipboard')).toBeLessThan(buttons.indexOf(download!));

  // From the keyboard: the copy button takes Enter.
  copy.focus();
  await user.keyboard('{Enter}');
  const summary = within(page).getByRole('list', { name: 'Export summary' }).textContent ?? '';
  const grants = Number(/(\d+) grants? worth/.exec(summary)?.[1]);
  await waitFor(() =>
    expect(
      screen.getByText(new RegExp(`^Copied ${grants} grants as CSV to the clipboard: paste them into a text editor and save the file as .*\\.csv\\.$`)),
    ).toBeInTheDocument(),
  );
  expect((await navigator.clipboard.readText()).split('\n')[0]).toMatch(/^\uFEFF?Identifier,Title,/);
  expect(copy).toHaveFocus();

  // Download is still there, second, and says plainly that it may not arrive.
  await user.click(within(page).getByRole('button', { name: download! }));
  expect(host.downloads).toHaveLength(1);
  expect(
    screen.getByText(/^Offered .*\.csv as a download, but Excel for Mac and iPad do not save downloads from the pane: use "Copy to clipboard" instead\.$/),
  ).toBeInTheDocument();
});
