/** @jest-environment jsdom */
/** The Analyse page: the rollup grid by the chosen dimensions, RAG thresholds saved as settings, "Write rollup". */
import '@testing-library/jest-dom';
import { waitFor } from '@testing-library/react';
import { rollupWorkbook } from '../../src/analysis/rollup';
import { defaultModel } from '../../src/model/json';
import { formatAmount } from '../../src/money/format';
import type { GridWorkbook } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';
import { FakeHost, sampleWorkbook } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, within } from './render';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

async function analyse(host = new FakeHost('excel', sample)) {
  const pane = renderPane(host);
  const page = await openPage(pane.user, 'Analyse');
  return { ...pane, page, host };
}

function tableRows(page: HTMLElement): string[][] {
  const table = within(page).getByRole('table', { name: /^Rollup by/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

test('rolls up by priority area: a row per area in the model order, figures as the engine sums them, and the total', async () => {
  const { page, user } = await analyse();
  await user.click(within(page).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(page).getByRole('table', { name: 'Rollup by Priority area' })).toBeInTheDocument(), ENGINE_WAIT);

  const expected = rollupWorkbook(sample, defaultModel(), ['priority-area']);
  const rows = tableRows(page);
  expect(rows.map((r) => r[0])).toEqual([...expected.rows.map((r) => r.key['priority-area']), 'Total']);
  expect(rows[0][1]).toBe(formatAmount(expected.rows[0].budget, { unit: '£m', decimals: 1 }));
  expect(rows[rows.length - 1][1]).toBe(formatAmount(expected.total.budget, { unit: '£m', decimals: 1 }));
  // RAG in words, not colour alone.
  for (const row of rows.slice(0, -1)) expect(row.some((cell) => /^(Green|Amber|Red)$/.test(cell))).toBe(true);
  // Under the model's thresholds the sample has red and amber rows (the next test makes them green).
  expect(rows.some((row) => row.includes('Red'))).toBe(true);
});

test('a second dimension adds subtotal rows after each group', async () => {
  const { page, user } = await analyse();
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Then by' }), 'Funding stream');
  await user.click(within(page).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(page).getByRole('table', { name: 'Rollup by Priority area and Funding stream' })).toBeInTheDocument(), ENGINE_WAIT);
  const expected = rollupWorkbook(sample, defaultModel(), ['priority-area', 'funding-stream']);
  const rows = tableRows(page);
  expect(rows.filter((r) => r[1] === 'Subtotal')).toHaveLength(expected.subtotals.length);
  expect(rows).toHaveLength(expected.rows.length + expected.subtotals.length + 1);
});

test('thresholds that are not figures are refused in place, and nothing runs', async () => {
  const { page, user, host } = await analyse();
  const amber = within(page).getByRole('textbox', { name: 'Amber at (% of budget)' });
  await user.clear(amber);
  await user.type(amber, 'five');
  await user.click(within(page).getByRole('button', { name: 'Roll up' }));
  expect(within(page).getByText('Enter a percentage of zero or more, such as 5.')).toBeInTheDocument();
  expect(host.reads).toBe(0);
  expect(within(page).queryByRole('table')).not.toBeInTheDocument();
});

test('amounts show with thousands separators, are read with them, and a problem shows under its field when it is left', async () => {
  const { page, user, host } = await analyse();
  const amberAbs = within(page).getByRole('textbox', { name: 'Amber at (£)' });
  expect(amberAbs).toHaveValue('100,000');
  await user.clear(amberAbs);
  await user.type(amberAbs, '2,50,000');
  await user.tab();
  expect(amberAbs).toHaveAttribute('aria-invalid', 'true');
  expect(within(page).getByText('Enter an amount in pounds of zero or more, such as 100,000.')).toBeInTheDocument();
  await user.clear(amberAbs);
  await user.type(amberAbs, '250,000');
  await user.click(within(page).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(page).getByRole('table')).toBeInTheDocument(), ENGINE_WAIT);
  expect(host.savedSettings[0]?.rag.amberAbs).toBe('250000');
  expect(amberAbs).not.toHaveAttribute('aria-invalid', 'true');
});

test('new thresholds are saved with the workbook and change the RAG of the rows', async () => {
  const { page, user, host } = await analyse();
  const set = async (name: string, value: string) => {
    const box = within(page).getByRole('textbox', { name });
    await user.clear(box);
    await user.type(box, value);
  };
  // Thresholds no variance can reach: every row goes green.
  await set('Red at (£)', '1000000000');
  await set('Amber at (£)', '900000000');
  await set('Red at (% of budget)', '1000');
  await set('Amber at (% of budget)', '900');
  await user.click(within(page).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(page).getByRole('table')).toBeInTheDocument(), ENGINE_WAIT);
  expect(host.savedSettings).toHaveLength(1);
  expect(host.savedSettings[0]?.rag).toEqual({ amberPct: '900', redPct: '1000', amberAbs: '900000000', redAbs: '1000000000' });
  const rags = tableRows(page).map((row) => row.find((cell) => /^(Green|Amber|Red)$/.test(cell)));
  expect(new Set(rags)).toEqual(new Set(['Green']));
});

test('"Write rollup" writes the Rollup sheet by the dimensions chosen', async () => {
  const { page, user, host } = await analyse();
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Roll up by' }), 'Year');
  await user.click(within(page).getByRole('button', { name: 'Write rollup' }));
  await waitFor(() => expect(host.written).toHaveLength(1), ENGINE_WAIT);
  const [{ args, sheets }] = host.written;
  expect(args.which).toEqual(['Rollup']);
  expect(args.by).toEqual(['year']);
  expect(sheets[0].name).toBe('Rollup');
  expect(sheets[0].tables[0].columns[0].header).toBe('Year');
});

test("without a model, rolls up by the workbook's own first column of names, and offers its other columns", async () => {
  const councils: GridWorkbook = {
    sheets: [
      gridOf('Outturn', [
        ['Ref', 'Authority', 'Service', 'Budget £'],
        ['L1', 'Cardiff', 'Highways', 200],
        ['L2', 'Swansea', 'Parking', 300],
        ['L3', 'Cardiff', 'Parking', 50],
      ]),
    ],
  };
  const { page, user } = await analyse(new FakeHost('excel', councils));
  await user.click(within(page).getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(within(page).getByRole('table', { name: 'Rollup by Authority' })).toBeInTheDocument(), ENGINE_WAIT);
  // Amounts as written (pounds), shares of the total; no RAG or Stated column, since nothing is compared.
  expect(tableRows(page)).toEqual([
    ['Cardiff', '£250', '45.5%'],
    ['Swansea', '£300', '54.5%'],
    ['Total', '£550', '100.0%'],
  ]);
  const options = within(within(page).getByRole('combobox', { name: 'Roll up by' }))
    .getAllByRole('option')
    .map((o) => o.textContent);
  expect(options).toEqual(['Year', 'Authority', 'Service']);
  expect(within(page).queryByText('Priority area')).not.toBeInTheDocument();
});
