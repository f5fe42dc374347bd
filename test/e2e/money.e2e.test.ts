/**
 * Money shown one way, and RAG as a status, in Debian's Chromium at 350 px and full width on the sample
 * (issue 16, points 4 and 5): a card's figures read as its message does; a variance past a threshold has
 * its RAG badge beside its severity and no "Red:" in its message; the negatives setting reaches message
 * and figures alike; thresholds, the register and a small rollup variance are shown in the display unit.
 */
import type { Locator, Page } from 'playwright-core';
import * as pane from './pane-page';
import { WAIT, WIDTHS, checkWorkbook, openSample, type PaneServer } from './pane-page';

jest.setTimeout(180_000);

let server: PaneServer;

beforeAll(async () => {
  server = await pane.startPane();
}, 300_000);

afterAll(async () => {
  await server?.close();
});

/** The one drawn card a search for `text` leaves (the list draws only cards near the view). */
async function cardFound(page: Page, text: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: /^Search findings/ }).fill(text);
  const card = page.getByRole('list', { name: 'Findings' }).getByRole('listitem').first();
  await card.waitFor(WAIT);
  return card;
}

/** "Expected £x · Actual £y" under a card's message, as its two figures. */
function figuresOf(cardText: string): string[] {
  const line = cardText.split('\n').find((l) => /^(Expected|Actual) /.test(l)) ?? '';
  return [...line.matchAll(/(?:Expected|Actual) (\S+)/g)].map((m) => m[1]);
}

async function openFromMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name }).click();
}

describe.each(WIDTHS)('money and RAG at %s', (_label, viewport) => {
  test('a card’s figures are written as its message writes them; RAG is a badge of its own', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);

    const reconciliation = await cardFound(page, 'All lines (total commissioning spend)');
    const text = await reconciliation.innerText();
    const figures = figuresOf(text);
    expect(figures).toEqual(['£53,600,000', '£53,800,000']);
    for (const figure of figures) expect(text.split('\n').some((line) => !/^(Expected|Actual) /.test(line) && line.includes(figure))).toBe(true);
    expect(text).not.toMatch(/53600000|\(£\)/);

    const threshold = await cardFound(page, 'LCPF Re-profiling');
    const thresholdText = await threshold.innerText();
    expect(thresholdText.split('\n').slice(0, 2)).toEqual(['Warning', 'RAG: Red']);
    expect(thresholdText).toMatch(/\nVariance -£1\.0m for “LCPF Re-profiling”/);
    expect(thresholdText).not.toMatch(/Red: variance/i);
    expect(figuresOf(thresholdText)).toEqual(['-£1.0m']);
    expect(problems).toEqual([]);
  });

  test('negatives in brackets: after "Check again" the message and the figures both use them', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    await openFromMenu(page, 'Settings');
    await page.getByRole('radio', { name: /^In brackets/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('tab', { name: 'Check' }).click();
    const summary = page.getByRole('group', { name: 'Summary' });
    await summary.getByRole('button', { name: 'Check again' }).click();
    await summary.getByRole('button', { name: 'Check again' }).waitFor({ state: 'detached', ...WAIT });

    const text = await (await cardFound(page, 'LCPF Re-profiling')).innerText();
    expect(text).toMatch(/\nVariance \(£1\.0m\) for “LCPF Re-profiling”/);
    expect(figuresOf(text)).toEqual(['(£1.0m)']);
    expect(problems).toEqual([]);
  });

  test('thresholds read "100,000"; the register is in the display unit; a small variance never shows as an unsigned zero', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await page.getByRole('tab', { name: 'Analyse' }).click();
    const amberAmount = page.getByRole('textbox', { name: 'Amber at (£)' }).first();
    await expect(amberAmount.inputValue()).resolves.toMatch(/^\d{1,3}(,\d{3})+$/);

    await page.getByRole('button', { name: 'Roll up' }).click();
    const table = page.getByRole('table', { name: /^Rollup by/ });
    await table.waitFor(WAIT);
    const cells = await table.getByRole('cell').allInnerTexts();
    expect(cells.filter((c) => /^£0\.0m$/.test(c.trim()))).toEqual([]);
    // Standing Together's variance is −£22,900: shown with its sign, not as £0.0m.
    const row = await table.getByRole('row').filter({ hasText: 'Standing Together' }).innerText();
    expect(row).toMatch(/-£0\.02m/);

    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Build register' }).click();
    const records = page.getByRole('list', { name: 'Contracts and grants' });
    await records.waitFor(WAIT);
    const amounts = await records.getByRole('listitem').allInnerTexts();
    expect(amounts.length).toBeGreaterThan(0);
    for (const record of amounts) expect(record).toMatch(/£[\d,]+\.\dm|No amount/);
    expect(problems).toEqual([]);
  });
});
