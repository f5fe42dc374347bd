/**
 * The Check page's findings in Chromium, outside Excel, at 350 px and at full width: errors first, the
 * summary that stays in view and whose counts filter, grouping and search, the CSV export and the copy as
 * a table, focus after Check, "Go to" names that start with their visible text, a workbook with nothing to
 * check, and a workbook of thousands of findings drawn a few cards at a time yet all reachable.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { checkWorkbook as checkFindings } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { orderFindings } from '../../src/reports/findings-table';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { parseCsv } from '../reports/giving360/csv-reader';
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

const HEADER = ['Severity', 'RAG', 'Rule', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual', 'Unit', 'Suggestion', 'Decision', 'Reason', 'Date'];
/** The sample's counts, as `commissioning check` prints them. */
const SAMPLE_COUNTS = { errors: 4, warnings: 17, info: 24 };
const SAMPLE_FINDINGS = SAMPLE_COUNTS.errors + SAMPLE_COUNTS.warnings + SAMPLE_COUNTS.info;

/** The drawn cards of the ungrouped list. */
const cards = (page: Page) => page.getByRole('list', { name: 'Findings' }).getByRole('listitem');

/** An .xlsx made here with ExcelJS, opened through "Open workbook" and checked. */
async function openAndCheck(page: Page, name: string, workbook: ExcelJS.Workbook): Promise<Buffer> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByLabel('Open workbook').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByText(new RegExp(`^Opened ${name.replace('.', '\\.')}`)).waitFor(WAIT);
  await checkWorkbook(page);
  return buffer;
}

/** Scrolls the page to its end until the end stops moving (cards measured on the way change the list's height). */
async function scrollToEnd(page: Page): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const y = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return window.scrollY;
    });
    if (y === last) return;
    last = y;
    await page.waitForTimeout(150);
  }
}

describe.each(WIDTHS)('the findings at %s', (label, viewport) => {
  const slug = label.replace(/\W+/g, '-');

  test('errors first; focus on the results after Check; "Go to" names start with their visible text; no serious axe violation', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    await page.waitForFunction(() => document.activeElement?.id === 'check-results-heading', undefined, WAIT);
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focusedName).toBe(`Results: ${SAMPLE_COUNTS.errors} errors, ${SAMPLE_COUNTS.warnings} warnings, ${SAMPLE_COUNTS.info} info`);

    await expect(cards(page).first().innerText()).resolves.toMatch(/^Error/);
    const goTos = await page
      .getByRole('button', { name: /^Go to / })
      .evaluateAll((buttons) => buttons.map((b) => ({ visible: (b as HTMLElement).innerText.trim(), name: b.getAttribute('aria-label') ?? '' })));
    expect(goTos.length).toBeGreaterThan(3);
    for (const { visible, name } of goTos) expect(name.startsWith(visible)).toBe(true);
    expect(goTos[0].name).toMatch(/^Go to [A-Z]+\d+ on .+, [a-z-]+$/);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, `findings-${slug}-checked`, false);
    expect(problems).toEqual([]);
  });

  test('the summary stays in view far down the list; its counts filter; grouping by rule shows whole-group counts; search narrows', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const summary = page.getByRole('group', { name: 'Summary' });
    await scrollToEnd(page);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    const box = await summary.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(4);
    await expect(summary.getByRole('button', { name: `${SAMPLE_COUNTS.warnings} warnings` }).isVisible()).resolves.toBe(true);
    await shot(page, `findings-${slug}-scrolled`, false);

    const warnings = summary.getByRole('button', { name: `${SAMPLE_COUNTS.warnings} warnings` });
    await warnings.click();
    await expect(warnings.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByText(`${SAMPLE_COUNTS.warnings} of ${SAMPLE_FINDINGS} findings shown`).waitFor(WAIT);
    const severities = await cards(page).evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.split('\n')[0]));
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['Warning']));
    await warnings.click();
    await page.getByText(`${SAMPLE_FINDINGS} findings`, { exact: true }).waitFor(WAIT);

    await page.getByRole('combobox', { name: 'Group by' }).selectOption('rule');
    const headings = await page.getByRole('heading', { level: 4 }).allInnerTexts();
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).toMatch(/^[a-z-]+ \(\d+\)$/);
    const sample = await readXlsx(new Uint8Array(fs.readFileSync(pane.SAMPLE)));
    const all = checkFindings(sample, defaultModel()).findings;
    const firstRule = headings[0].split(' ')[0];
    expect(headings[0]).toBe(`${firstRule} (${all.filter((f) => f.rule === firstRule).length})`);
    await expect(page.getByRole('region', { name: `Findings of rule ${firstRule}` }).count()).resolves.toBe(1);

    await page.getByRole('searchbox', { name: /^Search findings/ }).fill('LCPF boroughs');
    const narrowed = all.filter((f) => [f.message, f.sheet, f.suggestion ?? ''].some((text) => text.toLowerCase().includes('lcpf boroughs'))).length;
    expect(narrowed).toBeLessThan(SAMPLE_FINDINGS);
    await page.getByText(`${narrowed} of ${SAMPLE_FINDINGS} findings shown`).waitFor(WAIT);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('Tab goes through the cards in order, never under the summary; a "Same difference" link brings its finding into view', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const sample = await readXlsx(new Uint8Array(fs.readFileSync(pane.SAMPLE)));
    const ordered = orderFindings(
      checkFindings(sample, defaultModel()).findings,
      sample.sheets.map((g) => g.name),
    );
    const summary = page.getByRole('group', { name: 'Summary' });

    await cards(page)
      .first()
      .getByRole('button', { name: /^Go to / })
      .focus();
    const visited: string[] = [];
    for (let i = 0; i < 120 && visited.length < 20; i++) {
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const box = element?.getBoundingClientRect();
        return { label: element?.getAttribute('aria-label') ?? '', inList: !!element?.closest('ul[aria-label="Findings"]'), top: box?.top ?? -1 };
      });
      expect(focused.inList).toBe(true);
      const bar = (await summary.boundingBox())!;
      expect(focused.top).toBeGreaterThanOrEqual(Math.min(bar.y + bar.height, viewport.height) - 1);
      if (focused.label.startsWith('Go to ') && !visited.includes(focused.label)) visited.push(focused.label);
      await page.keyboard.press('Tab');
    }
    expect(visited).toEqual(ordered.slice(0, 20).map((f) => `Go to ${f.cell} on ${f.sheet}, ${f.rule}`));

    // A finding about the same difference as another: its link selects the other, wherever it is in the list.
    const withRelated = ordered.findIndex((f) => (f.related ?? []).length > 0);
    expect(withRelated).toBeGreaterThanOrEqual(0);
    const source = ordered[withRelated];
    const target = source.related![0];
    await page.getByRole('searchbox', { name: /^Search findings/ }).fill(`${source.sheet}!${source.cell}`);
    await page
      .getByRole('button', { name: `${target.sheet}!${target.cell} (${target.rule})` })
      .first()
      .click();
    const targetCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: `Go to ${target.cell} on ${target.sheet}, ${target.rule}` }) });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-current') === 'true', undefined, WAIT);
    await expect(targetCard.getAttribute('aria-current')).resolves.toBe('true');
    const box = (await targetCard.boundingBox())!;
    const bar = (await summary.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(box.y).toBeLessThan(viewport.height);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('"Export findings (CSV)" downloads every finding; "Copy as table" puts them on the clipboard, tab-separated', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export findings (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('commissioning-2019-20 findings.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1)).toHaveLength(SAMPLE_FINDINGS);
    expect(rows[1][0]).toBe('Error');
    await page.getByText(`Downloaded commissioning-2019-20 findings.csv: ${SAMPLE_FINDINGS} findings, one per row.`).waitFor(WAIT);

    await page.getByRole('button', { name: 'Copy as table' }).click();
    await page.getByText(`Copied ${SAMPLE_FINDINGS} findings as a table with a header row: paste it into a sheet.`).waitFor(WAIT);
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const lines = tsv.split(/\r?\n/).filter(Boolean);
    expect(lines[0].split('\t')).toEqual(HEADER);
    expect(lines.slice(1).filter((line) => /^(Error|Warning|Info)\t/.test(line))).toHaveLength(SAMPLE_FINDINGS);
    expect(problems).toEqual([]);
  });

  test('a workbook with words and no figures says nothing was found to check, not "No errors open"', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('Notes');
    notes.addRow(['Minutes of the commissioning board']);
    notes.addRow([]);
    notes.addRow(['Apologies were received from the chair.']);
    await openAndCheck(page, 'notes.xlsx', workbook);
    await page.getByText('No table of figures was recognised on 1 sheet.', { exact: false }).waitFor(WAIT);
    await expect(page.getByText('Nothing was found to check').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('No errors open').count()).resolves.toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, `findings-${slug}-nothing-to-check`, false);
    expect(problems).toEqual([]);
  });

  test('thousands of findings: far fewer cards drawn than findings, and the last one reachable by scrolling', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    const workbook = new ExcelJS.Workbook();
    const lines = workbook.addWorksheet('Lines');
    lines.addRow(['Project', 'Budget £', 'Forecast £', 'Variance £']);
    // Each line's variance is £100 short of forecast − budget: one variance-mismatch error per line.
    for (let i = 1; i <= 3000; i++) lines.addRow([`Project ${i}`, 1000 * i, 1000 * i + 500, 400]);
    const bytes = await openAndCheck(page, 'lines.xlsx', workbook);

    const checked = await readXlsx(new Uint8Array(bytes));
    const findings = orderFindings(checkFindings(checked, defaultModel()).findings, ['Lines']);
    expect(findings.filter((f) => f.rule === 'variance-mismatch').length).toBe(3000);
    await page.getByText(`${findings.length.toLocaleString('en-GB')} findings`, { exact: true }).waitFor(WAIT);
    await expect(page.getByRole('group', { name: 'Summary' }).getByRole('button', { name: '3,000 errors' }).count()).resolves.toBe(1);
    const drawn = await cards(page).count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(60);

    await scrollToEnd(page);
    const last = findings[findings.length - 1];
    const lastGoTo = page.getByRole('button', { name: `Go to ${last.cell} on ${last.sheet}, ${last.rule}` });
    await lastGoTo.waitFor(WAIT);
    await expect(lastGoTo.isVisible()).resolves.toBe(true);
    expect(await cards(page).count()).toBeLessThan(60);
    await shot(page, `findings-${slug}-3000-end`, false);
    expect(problems).toEqual([]);
  });
});
