/**
 * Acting on findings in Chromium, at 350 px and full width: "Go to" outside Excel shows the finding's row
 * in its card; inside Excel (the tests' fake) it selects the cell; "Apply…" previews, Cancel writes
 * nothing, Apply writes the cell and a log row; an edit marks the results stale and "Check changed
 * sheets" brings them up to date; changing the RAG thresholds keeps the findings, marked stale.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import type { Finding } from '../../src/checks/finding';
import { checkWorkbook as runChecks } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { parseA1 } from '../../src/sheet/a1';
import type { GridWorkbook } from '../../src/sheet/grid';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { fakeRows } from '../taskpane/excel-from-grids';
import * as pane from './pane-page';
import { SAMPLE, WAIT, WIDTHS, checkWorkbook, openSample, seriousAxeViolations, shot, type PaneServer } from './pane-page';

jest.setTimeout(120_000);

let server: PaneServer;
let sample: GridWorkbook;
/** A finding of the sample whose suggestion Apply writes as a formula. */
let applicable: Finding;

beforeAll(async () => {
  [server, sample] = await Promise.all([pane.startPane(), readXlsx(new Uint8Array(fs.readFileSync(SAMPLE)))]);
  const { findings } = runChecks(sample, defaultModel());
  applicable = findings.find((f) => f.apply && 'formula' in f.apply)!;
  expect(applicable).toBeDefined();
}, 300_000);

afterAll(async () => {
  await server?.close();
});

const goToName = (f: Pick<Finding, 'sheet' | 'cell' | 'rule'>) => `Go to ${f.cell} on ${f.sheet}, ${f.rule}`;

/** The card of finding `f`, found through the search box so a long list need not be scrolled. */
async function cardOf(page: Page, f: Pick<Finding, 'sheet' | 'cell' | 'rule'>) {
  await page.getByRole('searchbox', { name: /^Search findings/ }).fill(`${f.sheet}!${f.cell}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: goToName(f) }) });
  await card.first().waitFor(WAIT);
  return card.first();
}

const TOTAL_B36 = { sheet: 'LCPF boroughs', cell: 'B36', rule: 'total-rounding' as const };

describe.each(WIDTHS)('at %s', (width, viewport) => {
  const tag = width.replace(/ /g, '-');

  test('outside Excel, Go to shows the row in the card, its cell marked; Apply says it works in Excel', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const card = await cardOf(page, TOTAL_B36);
    await card.getByRole('button', { name: goToName(TOTAL_B36) }).click();
    const row = card.getByRole('table', { name: /^Row 36/ });
    await row.waitFor(WAIT);
    await expect(row.getByRole('rowheader', { name: /\(B36\): this finding$/ }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: /^£/ }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/open the workbook in Excel to go to this cell/).count()).resolves.toBe(0);
    await shot(page, `actions-row-in-place-${tag}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const other = await cardOf(page, applicable);
    await expect(other.getByText('Apply works in Excel.').count()).resolves.toBe(1);
    await expect(other.getByRole('button', { name: 'Apply…' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('inside Excel, Go to selects the cell; Apply previews, Cancel writes nothing, Apply writes the cell and a log row', async () => {
    const { page, problems } = await pane.paneInFakeExcel(server, { sheets: fakeRows(sample) }, viewport);
    await checkWorkbook(page);
    const at = parseA1(applicable.cell)!;
    const cellNow = () =>
      page.evaluate(({ sheet, row, col }) => window.__fakeExcel!.book.sheet(sheet)!.cell(row, col) ?? null, {
        sheet: applicable.sheet,
        row: at.row,
        col: at.col,
      });
    const before = await cellNow();

    const card = await cardOf(page, applicable);
    await card.getByRole('button', { name: goToName(applicable) }).click();
    await card.getByText(`Selected ${applicable.sheet}!${applicable.cell}.`).waitFor(WAIT);
    await expect(page.evaluate(() => window.__fakeExcel!.selection())).resolves.toEqual({ sheet: applicable.sheet, address: applicable.cell });

    await card.getByRole('button', { name: 'Apply…' }).click();
    const preview = card.getByRole('group', { name: `Apply to ${applicable.cell}: preview` });
    await preview.waitFor(WAIT);
    const formula = (applicable.apply as { formula: string }).formula;
    await expect(preview.textContent()).resolves.toContain(formula);
    await expect(preview.textContent()).resolves.toMatch(/Holds now.*Will write.*Will show/);
    await shot(page, `actions-apply-preview-${tag}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview.count()).resolves.toBe(0);
    await expect(cellNow()).resolves.toEqual(before);
    await expect(page.evaluate(() => window.__fakeExcel!.sheetNames())).resolves.not.toContain('Workbench log');

    await card.getByRole('button', { name: 'Apply…' }).click();
    await preview.getByRole('button', { name: 'Apply' }).click();
    await card.getByText(`Applied: ${applicable.cell} now ${formula}. Logged in Workbench log.`).waitFor(WAIT);
    await expect(cellNow()).resolves.toMatchObject({ formula });
    const logged = await page.evaluate(() => {
      const log = window.__fakeExcel!.book.sheet('Workbench log')!;
      return { visibility: log.visibility, row: [1, 2, 3, 4, 5].map((c) => log.valueAt(1, c)) };
    });
    expect(logged).toEqual({ visibility: 'Hidden', row: [applicable.sheet, applicable.cell, expect.any(String), formula, applicable.rule] });
    // The Apply changed the sheet: the check says so.
    await page.getByRole('group', { name: 'Summary' }).getByText(`Changed since checked: ${applicable.sheet}`).waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  test('inside Excel, an edit marks the results stale; "Check changed sheets" brings them up to date; the add-in’s own writes do not', async () => {
    const { page, problems } = await pane.paneInFakeExcel(server, { sheets: fakeRows(sample) }, viewport);
    await checkWorkbook(page);
    const summary = page.getByRole('group', { name: 'Summary' });
    await page.evaluate(() => window.__fakeExcel!.book.userEdit('VAWG fund', 'A1', 'Edited title'));
    await summary.getByText('Changed since checked: VAWG fund').waitFor(WAIT);
    await shot(page, `actions-stale-${tag}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await summary.getByRole('button', { name: 'Check changed sheets' }).click();
    await summary.getByText(/^Checked again: VAWG fund/).waitFor(WAIT);
    await expect(summary.getByText(/^Changed since checked/).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Write report' }).click();
    await page.getByText(/^Wrote the Findings, Rollup, Register and Panel report sheets/).waitFor(WAIT);
    await page.waitForTimeout(2_500);
    await expect(summary.getByText(/^Changed since checked/).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('changing the RAG thresholds on Analyse keeps the findings and marks them stale; "Check again" makes the check anew', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const count = await page
      .getByText(/^[\d,]+ findings?$/)
      .first()
      .innerText();
    await page.getByRole('tab', { name: 'Analyse' }).click();
    const red = page.getByRole('textbox', { name: 'Red at (% of budget)' });
    await red.fill('60');
    await page.getByRole('button', { name: 'Roll up' }).click();
    await page.getByRole('table').first().waitFor(WAIT);
    await page.getByRole('tab', { name: 'Check' }).click();
    const summary = page.getByRole('group', { name: 'Summary' });
    await summary.getByText('Settings changed since checked: RAG thresholds').waitFor(WAIT);
    await expect(
      page
        .getByText(/^[\d,]+ findings?$/)
        .first()
        .innerText(),
    ).resolves.toBe(count);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await summary.getByRole('button', { name: 'Check again' }).click();
    await expect(summary.getByText(/^Settings changed since checked/).waitFor({ state: 'detached', ...WAIT })).resolves.toBeUndefined();
    expect(problems).toEqual([]);
  });
});
