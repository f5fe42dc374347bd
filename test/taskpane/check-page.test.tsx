/** @jest-environment jsdom */
/**
 * The Check page on the sample workbook, through a fake Excel host and the real engine: the known
 * findings, the filters, navigation to a cell, checking one sheet, and "Write findings sheet".
 */
import '@testing-library/jest-dom';
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { CancelledError } from '../../src/taskpane/engine/errors';
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

async function checked(host = new FakeHost('excel', sample)) {
  const pane = renderPane(host);
  const page = await openPage(pane.user, 'Check');
  await pane.user.click(within(page).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(page).getByRole('group', { name: 'Summary' })).toBeInTheDocument(), ENGINE_WAIT);
  return { ...pane, page, host };
}

/** The finding items of one sheet's group, as their text. */
function findingsOn(page: HTMLElement, sheet: string): string[] {
  const group = within(page).getByRole('region', { name: `Findings on ${sheet}` });
  return within(group)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

test('shows the summary by severity and the readiness line, as the engine counts them', async () => {
  const { page } = await checked();
  const expected = checkWorkbook(sample, defaultModel()).summary;
  expect(expected.errors).toBeGreaterThan(0);
  const summary = within(page).getByRole('group', { name: 'Summary' });
  expect(summary).toHaveTextContent(`${expected.errors} errors`);
  expect(summary).toHaveTextContent(`${expected.warnings} warnings`);
  expect(summary).toHaveTextContent(`${expected.info} info`);
  expect(summary).toHaveTextContent(`${expected.errors} errors open: not ready for the panel`);
});

test("lists the sample's known findings under their sheets, with message, expected, actual and suggestion", async () => {
  const { page } = await checked();
  const lcpf = findingsOn(page, 'LCPF boroughs');
  const rounding = lcpf.find((text) => text.includes('total-rounding') && text.includes('B36'));
  expect(rounding).toMatch(/Total \(Allocation\) £13\.4m, but the 33 lines above sum to £13\.8m/);
  expect(rounding).toMatch(/Expected 13\.8, actual 13\.4 \(£m\)/);

  const spend = findingsOn(page, 'Spend by priority area');
  const headline = spend.find((text) => text.includes('headline-mismatch') && text.includes('A Better Criminal Justice Service'));
  expect(headline).toMatch(/stated as £17\.9m, but its 8 lines sum to £18\.1m/);
  expect(spend.find((text) => text.includes('hardcoded-total'))).toMatch(/Suggestion: =SUM\(B11:B15\)/);

  // Every finding of the engine is listed once, grouped by its sheet.
  const all = checkWorkbook(sample, defaultModel()).findings;
  const sheets = [...new Set(all.map((f) => f.sheet))];
  const listed = sheets.map((sheet) => findingsOn(page, sheet).length);
  expect(listed).toEqual(sheets.map((sheet) => all.filter((f) => f.sheet === sheet).length));
});

test('the severity and rule filters narrow the list', async () => {
  const { page, user } = await checked();
  const all = checkWorkbook(sample, defaultModel()).findings;
  await user.click(within(page).getByRole('checkbox', { name: /^Info/ }));
  expect(within(page).queryByText('hardcoded-total')).not.toBeInTheDocument();
  const notInfo = all.filter((f) => f.severity !== 'info').length;
  expect(within(page).getByText(`${notInfo} findings of ${all.length} shown by the filters`)).toBeInTheDocument();

  await user.selectOptions(within(page).getByRole('combobox', { name: 'Rule' }), 'total-rounding');
  const rounding = all.filter((f) => f.rule === 'total-rounding');
  const items = within(page).getAllByRole('listitem');
  expect(items).toHaveLength(rounding.length);
  for (const item of items) expect(item).toHaveTextContent('total-rounding');

  await user.click(within(page).getByRole('checkbox', { name: /^Warnings/ }));
  expect(within(page).queryAllByRole('listitem')).toHaveLength(0);
  expect(within(page).getByText(`0 findings of ${all.length} shown by the filters`)).toBeInTheDocument();
});

test('selecting a finding asks the host to select its cell', async () => {
  const { page, user, host } = await checked();
  await user.click(within(page).getByRole('button', { name: 'Go to LCPF boroughs!B36 (total-rounding)' }));
  expect(host.selected).toEqual([{ sheet: 'LCPF boroughs', cell: 'B36' }]);
  const item = within(page).getByRole('button', { name: 'Go to LCPF boroughs!B36 (total-rounding)' }).closest('li');
  expect(item).toHaveAttribute('aria-current', 'true');
  await waitFor(() => expect(within(document.body).getByText('Selected LCPF boroughs!B36.')).toBeInTheDocument());
});

test('checks a single sheet when one is chosen, and reads the workbook afresh from Excel each time', async () => {
  const { page, user, host } = await checked();
  expect(host.reads).toBe(1);
  await user.selectOptions(within(page).getByRole('combobox', { name: 'What to check' }), 'Sheet: LCPF boroughs');
  await user.click(within(page).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(page).getByText(/checked on “LCPF boroughs”/)).toBeInTheDocument(), ENGINE_WAIT);
  expect(host.reads).toBe(2);
  expect(
    within(page)
      .getAllByRole('region', { name: /^Findings on / })
      .map((r) => r.getAttribute('aria-label')),
  ).toEqual(['Findings on LCPF boroughs']);
});

test('"Write findings sheet" writes the Findings sheet with every finding of the check', async () => {
  const { page, user, host } = await checked();
  await user.click(within(page).getByRole('button', { name: 'Write findings sheet' }));
  await waitFor(() => expect(host.written).toHaveLength(1), ENGINE_WAIT);
  const [{ args, sheets }] = host.written;
  expect(args.which).toEqual(['Findings']);
  expect(sheets.map((s) => s.name)).toEqual(['Findings']);
  expect(sheets[0].tables[0].rows).toHaveLength(checkWorkbook(sample, defaultModel()).findings.length);
});

test('a workbook with nothing wrong says so', async () => {
  const { Grid } = await import('../../src/sheet/grid');
  const clean = new Grid('Budget');
  clean.set(0, 0, 'Project');
  clean.set(0, 1, 'Budget £');
  clean.set(1, 0, 'Youth work');
  clean.set(1, 1, 1000);
  const { page } = await checked(new FakeHost('excel', { sheets: [clean] }));
  expect(within(page).getByText('No errors open')).toBeInTheDocument();
  expect(within(page).getByText('0 findings')).toBeInTheDocument();
});

test('long work shows its progress and can be cancelled; the pane is usable again at once', async () => {
  // An engine whose check never finishes by itself, as on a very large workbook.
  let cancels = 0;
  let rejectCheck: (error: Error) => void = () => {};
  const engine = {
    call: (call: string, _args: unknown, onProgress?: (p: { stage: string; fraction?: number }) => void) => {
      if (call === 'load') return Promise.resolve({ label: 'this workbook', sheets: ['Budget'], modelSheet: null, defaultModel: { applies: true } });
      onProgress?.({ stage: 'Checking 1 sheets', fraction: 0.2 });
      return new Promise((_, reject) => (rejectCheck = reject));
    },
    cancel: () => {
      cancels++;
      rejectCheck(new CancelledError());
    },
    dispose: () => {},
  };
  const user = userEvent.setup();
  render(<App host={new FakeHost('excel', sample)} engine={engine as never} dark={false} />);
  await user.click(within(document.body).getByRole('button', { name: 'Check workbook' }));
  const status = await within(document.body).findByRole('status');
  expect(status).toHaveTextContent('Checking the workbook: checking 1 sheets…');
  expect(within(status).getByRole('progressbar')).toBeInTheDocument();
  expect(within(document.body).getByRole('button', { name: 'Check workbook' })).toBeDisabled();
  await user.click(within(status).getByRole('button', { name: 'Cancel' }));
  expect(cancels).toBe(1);
  await waitFor(() => expect(within(document.body).getByText('Checking the workbook: cancelled.')).toBeInTheDocument());
  expect(within(document.body).queryByRole('status')).not.toBeInTheDocument();
  expect(within(document.body).getByRole('button', { name: 'Check workbook' })).toBeEnabled();
});

test('states what the check covered, and shows how the table behind a selected finding was read', async () => {
  const { page } = await checked();
  const summary = within(page).getByRole('group', { name: 'Summary' });
  expect(summary).toHaveTextContent(/Read 16 tables; checked \d+ totals against the figures they add up/);
  const group = within(page).getByRole('region', { name: 'Findings on LCPF boroughs' });
  expect(within(group).queryByText('How this table was read')).toBeNull();
  await userEvent.click(within(group).getAllByRole('button', { name: /Go to LCPF boroughs!B36/ })[0]);
  const details = within(group).getByText('How this table was read').closest('details');
  expect(details).toHaveTextContent('LCPF boroughs!A1:D36');
  expect(details).toHaveTextContent('total row 36 “Total” adds rows 3–35 (by arithmetic)');
});

test("explains a finding's rule on its card from the rule's own meta, behind a toggle", async () => {
  const { page, user } = await checked();
  const { ruleMeta } = await import('../../src/checks/rules/registry');
  const meta = ruleMeta('total-rounding')!;
  const group = within(page).getByRole('region', { name: 'Findings on LCPF boroughs' });
  const card = within(group)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes('total-rounding'))!;
  const toggle = await within(card).findByRole('button', { name: `About: ${meta.title}` });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(card).not.toHaveTextContent(meta.why);
  await user.click(toggle);
  expect(within(card).getByRole('button', { name: `Hide: ${meta.title}` })).toHaveAttribute('aria-expanded', 'true');
  expect(card).toHaveTextContent(meta.why);
  expect(card).toHaveTextContent(meta.fix);
});
