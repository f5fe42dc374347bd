/** @jest-environment jsdom */
/** The Settings page: display, rounding and RAG thresholds, saved through the host and applied to every page. */
import '@testing-library/jest-dom';
import { waitFor } from '@testing-library/react';
import { defaultModel } from '../../src/model/json';
import type { GridWorkbook } from '../../src/sheet/grid';
import { settingsOf } from '../../src/app/settings';
import { FakeHost, sampleWorkbook } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, screen, within } from './render';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

test("starts from the model's settings and previews the display", async () => {
  const { user } = renderPane(new FakeHost('excel', sample));
  const page = await openPage(user, 'Settings');
  expect(within(page).getByRole('combobox', { name: 'Display unit' })).toHaveValue('£m');
  expect(within(page).getByText('£1,234,567.89 shows as £1.2m')).toBeInTheDocument();
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Display unit' }), '£k');
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Decimal places' }), '0');
  expect(within(page).getByText('£1,234,567.89 shows as £1,235k')).toBeInTheDocument();
});

test('negatives in brackets or with a minus: each choice shows a figure as it would look, and is saved', async () => {
  const host = new FakeHost('excel', sample);
  const { user } = renderPane(host);
  const page = await openPage(user, 'Settings');
  const brackets = within(page).getByRole('radio', { name: 'In brackets: (£1.2m)' });
  expect(within(page).getByRole('radio', { name: 'With a minus: -£1.2m' })).toBeChecked();
  await user.click(brackets);
  await user.click(within(page).getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(host.savedSettings).toHaveLength(1));
  expect(host.savedSettings[0]?.negatives).toBe('brackets');
});

test('saves through the host, and the Analyse page then shows £k', async () => {
  const host = new FakeHost('excel', sample);
  const { user } = renderPane(host);
  const page = await openPage(user, 'Settings');
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Display unit' }), '£k');
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Decimal places' }), '0');
  await user.click(within(page).getByRole('radio', { name: /largest remainder/ }));
  await user.click(within(page).getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(host.savedSettings).toHaveLength(1));
  expect(host.savedSettings[0]).toEqual({ ...settingsOf(defaultModel()), displayUnit: '£k', displayDecimals: 0, roundingPolicy: 'largest-remainder' });
  expect(screen.getByText('Settings saved with this workbook.')).toBeInTheDocument();

  const analyse = await openPage(user, 'Analyse');
  await user.click(within(analyse).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(analyse).getByRole('table')).toBeInTheDocument(), ENGINE_WAIT);
  const total = within(analyse).getAllByRole('row').at(-1)!;
  expect(within(total).getAllByRole('cell')[1].textContent).toMatch(/^£[\d,]+k$/);
});

test('thresholds change the check: a variance past red at the model thresholds is only amber at looser ones', async () => {
  const host = new FakeHost('excel', sample);
  const { user } = renderPane(host);
  const check = await openPage(user, 'Check');
  const goToJ9 = { name: 'Go to J9 on Budget lines, variance-threshold' };
  await user.click(within(check).getByRole('button', { name: 'Check workbook' }));
  // The list draws only the cards near the view (the search stays for the check below).
  await waitFor(() => expect(within(check).getByRole('searchbox', { name: /^Search findings/ })).toBeInTheDocument(), ENGINE_WAIT);
  await user.type(within(check).getByRole('searchbox', { name: /^Search findings/ }), 'Budget lines!J9');
  await waitFor(() => expect(within(check).getByRole('button', goToJ9)).toBeInTheDocument(), ENGINE_WAIT);
  expect(within(check).getByRole('button', goToJ9).closest('li')).toHaveTextContent(/^Warning/);

  const page = await openPage(user, 'Settings');
  for (const [name, value] of [
    ['Red at (% of budget)', '60'],
    ['Red at (£)', '2000000'],
  ]) {
    const box = within(page).getByRole('textbox', { name });
    await user.clear(box);
    await user.type(box, value);
  }
  await user.click(within(page).getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(host.savedSettings).toHaveLength(1));

  // The check made under other settings is kept, marked stale; checking again uses the new thresholds.
  await openPage(user, 'Check');
  expect(within(check).getByRole('group', { name: 'Summary' })).toHaveTextContent('Settings changed since checked: RAG thresholds');
  await user.click(within(check).getByRole('button', { name: 'Check again' }));
  await waitFor(() => expect(within(check).getByRole('button', goToJ9)).toBeInTheDocument(), ENGINE_WAIT);
  expect(within(check).getByRole('button', goToJ9).closest('li')).toHaveTextContent(/^Info/);
});

test('refuses amber above red, naming the field, and saves nothing', async () => {
  const host = new FakeHost('file', null);
  const { user } = renderPane(host);
  const page = await openPage(user, 'Settings');
  const amber = within(page).getByRole('textbox', { name: 'Amber at (% of budget)' });
  await user.clear(amber);
  await user.type(amber, '50');
  await user.click(within(page).getByRole('button', { name: 'Save settings' }));
  expect(within(page).getByText('Red must be at or above amber.')).toBeInTheDocument();
  expect(host.savedSettings).toHaveLength(0);
});

test('"Use the model\'s settings" forgets the saved ones', async () => {
  const host = new FakeHost('file', null);
  host.settings = { ...settingsOf(defaultModel()), displayUnit: '£000', displayDecimals: 0 };
  const { user } = renderPane(host);
  const page = await openPage(user, 'Settings');
  expect(within(page).getByRole('combobox', { name: 'Display unit' })).toHaveValue('£000');
  expect(within(page).getByText(/Your settings, saved in this browser, are in effect/)).toBeInTheDocument();
  await user.click(within(page).getByRole('button', { name: "Use the model's settings" }));
  await waitFor(() => expect(host.savedSettings).toEqual([null]));
  expect(within(page).getByRole('combobox', { name: 'Display unit' })).toHaveValue('£m');
  expect(within(page).getByText(/The model's own settings are in effect/)).toBeInTheDocument();
});
