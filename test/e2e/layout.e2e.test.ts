/**
 * The pane's layout in Chromium, at 350 px and at full width (Office's task-pane design guidance): at most
 * four top-level sections on one row, a compact header, one primary action per view, a first-run line,
 * notices beside what caused them, the menu and the tabs by keyboard, the rule help page and "All rules",
 * the rollup at a narrow width, document titles in footnotes, a failed open, and no serious axe violation.
 * Screenshots for the README go to test-artifacts/e2e/readme-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { RULES } from '../../src/checks/rules/registry';
import * as pane from './pane-page';
import { WAIT, WIDTHS, checkWorkbook, openSample, seriousAxeViolations, shot, type PaneServer } from './pane-page';

jest.setTimeout(180_000);

let server: PaneServer;

beforeAll(async () => {
  server = await pane.startPane();
}, 300_000);

afterAll(async () => {
  await server?.close();
});

/** The header's height the layout aims under at 350 px (it took about 300 px before). */
const HEADER_TARGET = 120;

/** Names of the enabled primary buttons in view: a primary button's background is the theme's brand colour (when not hovered). */
async function primaryButtons(page: Page): Promise<string[]> {
  await still(page);
  return page.evaluate(() => {
    const provider = document.querySelector('.fui-FluentProvider')!;
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'var(--colorBrandBackground)';
    provider.appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [...document.querySelectorAll('button')]
      .filter((b) => !b.disabled && b.offsetParent !== null && getComputedStyle(b).backgroundColor === brand)
      .map((b) => b.textContent?.trim() ?? '');
  });
}

/** Opens a page from the "More" menu with the keyboard alone: focus the button, Enter, arrows to the item, Enter. */
async function openFromMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More' }).focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name });
  await item.waitFor(WAIT);
  for (let i = 0; i < 5 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name, exact: true }).waitFor(WAIT);
}

async function openPublishPart(page: Page, part: 'Register' | 'Panel report'): Promise<Locator> {
  await page.getByRole('tab', { name: 'Publish' }).click();
  await page.getByRole('tab', { name: part }).click();
  return page.getByRole('tabpanel', { name: part });
}

/**
 * axe-core's serious violations once the page is still: the pointer moved off the button it last pressed,
 * whose colours are otherwise read halfway through Fluent's hover transition.
 */
async function axeWhenStill(page: Page): Promise<string[]> {
  await still(page);
  return seriousAxeViolations(page);
}

/** The pointer off every button, and Fluent's colour transitions over. */
async function still(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

/** The vertical gap between two boxes (0 when they overlap). */
async function gapBetween(a: Locator, b: Locator): Promise<number> {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  if (!boxA || !boxB) throw new Error('not laid out');
  return Math.max(0, boxB.y - (boxA.y + boxA.height), boxA.y - (boxB.y + boxB.height));
}

describe.each(WIDTHS)('at %s', (width, viewport) => {
  const slug = width === '350 px' ? '350' : 'wide';

  test('four sections on one row, a compact header, a first-run line, and one primary action per view', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await nav.waitFor(WAIT);
    const sections = [...(await nav.getByRole('tab').all()), nav.getByRole('button', { name: 'More' })];
    expect(sections.length).toBeLessThanOrEqual(4);
    const tops = await Promise.all(sections.map(async (s) => Math.round((await s.boundingBox())!.y)));
    expect(new Set(tops).size).toBe(1);
    await expect(nav.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.id))).resolves.toEqual(['tab-check', 'tab-analyse', 'tab-publish']);

    const firstRun = page.getByText(/^Checks the workbook for totals that don't add up, variances against budget \(with RAG\), codes/);
    await expect(firstRun.isVisible()).resolves.toBe(true);
    await expect(firstRun.textContent()).resolves.toMatch(/Nothing in the workbook changes unless you choose to write\.$/);

    await openSample(page);
    const header = page.getByRole('banner');
    expect((await header.boundingBox())!.height).toBeLessThan(HEADER_TARGET);
    await checkWorkbook(page);
    await expect(firstRun.count()).resolves.toBe(0);
    await expect(primaryButtons(page)).resolves.toEqual(['Check workbook']);
    await shot(page, `readme-check-${slug}`, false);
    expect(await axeWhenStill(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Analyse' }).click();
    await expect(primaryButtons(page)).resolves.toEqual(['Roll up']);
    await openPublishPart(page, 'Register');
    await expect(primaryButtons(page)).resolves.toEqual(['Build register']);
    await openPublishPart(page, 'Panel report');
    await expect(primaryButtons(page)).resolves.toEqual(['Prepare panel report']);
    await openFromMenu(page, 'Settings');
    await expect(primaryButtons(page)).resolves.toEqual(['Save settings']);
    await openFromMenu(page, 'Model');
    expect((await primaryButtons(page)).length).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  test('a bad 360Giving prefix is explained beside Download, which is not dead; Publish passes axe', async () => {
    const { page } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    const register = await openPublishPart(page, 'Register');
    await register.getByRole('button', { name: 'Build register' }).click();
    await register.getByRole('list', { name: 'Contracts and grants' }).waitFor(WAIT);
    const download = register.getByRole('button', { name: 'Download 360Giving export' });
    await expect(download.isEnabled()).resolves.toBe(true);
    await register.getByRole('textbox', { name: /360Giving prefix/ }).fill('mopac');
    await download.click();
    const problem = register.getByText(/^"mopac" is not a 360Giving prefix/);
    await problem.waitFor(WAIT);
    expect(await gapBetween(problem, download)).toBeLessThanOrEqual(100);
    expect(await axeWhenStill(page)).toEqual([]);

    // Fixed, Download downloads; its notice shows beside it, not above the pages.
    await register.getByRole('textbox', { name: /360Giving prefix/ }).fill('360G-mopac');
    const [grants] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(grants.suggestedFilename()).toMatch(/360giving\.json$/);
    await register.getByRole('list', { name: 'Export summary' }).waitFor(WAIT);

    const panel = await openPublishPart(page, 'Panel report');
    await panel.getByRole('button', { name: 'Prepare panel report' }).click();
    await panel.getByRole('group', { name: /^Tables to include/ }).waitFor(WAIT);
    await expect(primaryButtons(page)).resolves.toEqual(['Write panel report']);
    expect(await axeWhenStill(page)).toEqual([]);
  });

  test('the tabs take arrow keys, and the menu opens Model, Settings and Rule help by keyboard', async () => {
    const { page } = await pane.paneOutsideOffice(server, viewport);
    await page.getByRole('tab', { name: 'Check' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-analyse');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tabpanel', { name: 'Analyse' }).isVisible()).resolves.toBe(true);

    for (const name of ['Model', 'Settings', 'Rule help']) {
      await openFromMenu(page, name);
      await expect(page.getByRole('region', { name, exact: true }).isVisible()).resolves.toBe(true);
      // Focus lands on the page opened, so the keyboard goes on from there.
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(name);
      expect(await axeWhenStill(page)).toEqual([]);
    }
  });

  test('rule help lists every rule; "All rules" on a card opens it at that rule', async () => {
    const { page } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^All rules: / }) })
      .first();
    const allRules = card.getByRole('button', { name: /^All rules: / });
    const title = (await allRules.getAttribute('aria-label'))!.replace(/^All rules: /, '');
    const rule = RULES.find((meta) => meta.title === title)!;
    expect(rule).toBeDefined();
    // The card says why the rule matters without a click.
    await expect(card.textContent()).resolves.toContain(rule.why);
    await allRules.click();

    const help = page.getByRole('region', { name: 'Rule help' });
    await help.waitFor(WAIT);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`rule-${rule.id}`);
    const entry = (await page.locator(`#rule-${rule.id}`).boundingBox())!;
    expect(entry.y).toBeGreaterThanOrEqual(0);
    expect(entry.y).toBeLessThan(viewport.height);
    const listed = await help.locator('article[id^="rule-"]').evaluateAll((articles) => articles.map((a) => a.id.replace(/^rule-/, '')));
    expect([...listed].sort()).toEqual(RULES.map((meta) => meta.id).sort());
    await expect(help.textContent()).resolves.toContain(rule.fix);
  });

  test('the rollup: budget, variance and RAG without scrolling sideways, more on demand; footnotes cite document titles', async () => {
    const { page } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('button', { name: 'Roll up' }).click();
    const table = page.getByRole('table', { name: 'Rollup by Priority area' });
    await table.waitFor(WAIT);
    const headers = () => table.getByRole('columnheader').allTextContents();
    const region = page.getByRole('region', { name: 'Rollup table' });
    const fits = () => region.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(await headers()).toEqual(expect.arrayContaining(['Priority area', 'Budget', 'Variance', 'RAG']));
    await expect(fits()).resolves.toBe(true);
    // RAG in words on its colour.
    await expect(table.getByText(/^(Red|Amber|Green)$/).count()).resolves.toBeGreaterThan(0);

    const more = page.getByRole('group', { name: 'Show columns' });
    if (width === '350 px') {
      expect(await headers()).not.toContain('Forecast');
      await more.getByRole('checkbox', { name: 'Forecast' }).check();
      expect(await headers()).toContain('Forecast');
      await more.getByRole('checkbox', { name: 'Forecast' }).uncheck();
      await shot(page, 'readme-analyse-350', false);
    } else {
      await expect(more.count()).resolves.toBe(0);
      expect(await headers()).toEqual(expect.arrayContaining(['Forecast', 'Variance', 'Var %', 'Share', 'RAG']));
    }
    expect(await axeWhenStill(page)).toEqual([]);

    const notes = await page.getByRole('tabpanel', { name: 'Analyse' }).locator('ul').allTextContents();
    const cited = notes.join('\n');
    expect(cited).not.toMatch(/\.txt\b/);
    if (/para/.test(cited)) expect(cited).toMatch(/panel report, para/);
  });

  test('a failed open says which file could not be opened and which is still open', async () => {
    const { page } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    await page.getByLabel('Open workbook').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: noise });
    await page.getByText('broken.xlsx could not be opened').waitFor(WAIT);
    await page.getByText(/^commissioning-2019-20\.xlsx is still open: the pane keeps working on it\./).waitFor(WAIT);
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Working on commissioning-2019-20.xlsx');
    // The error sits under the header, beside "Open workbook", not down the page.
    expect(await gapBetween(page.getByText('broken.xlsx could not be opened'), page.getByRole('banner'))).toBeLessThanOrEqual(100);
    expect(await axeWhenStill(page)).toEqual([]);
  });
});
