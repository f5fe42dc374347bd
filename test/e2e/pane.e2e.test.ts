/**
 * The task pane in Debian's Chromium, built for production and served from 127.0.0.1, with nothing
 * allowed off the machine (so office.js from the CDN fails to load, as it would offline):
 *   - outside Excel: the sample through "Try the sample" and through the file input, "Check
 *     workbook", the sample's known findings, "Write report" and the downloaded workbook's sheets;
 *   - inside Excel: the tests' fake Office (test/workbook/office/fake-office.ts) in the page records the requests: the
 *     check reads, the report is written through it, and the number of syncs does not grow with rows;
 *   - the ribbon command's summary dialog page; keyboard use; the dark theme.
 * Screenshots go to test-artifacts/e2e/.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { Grid, type GridWorkbook } from '../../src/sheet/grid';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { fakeRows } from '../taskpane/excel-from-grids';
import type { FakeOfficeOptions } from '../workbook/office/fake-office';
import * as pane from './pane-page';
import { SAMPLE, WAIT, checkWorkbook, shot, type PaneServer } from './pane-page';

jest.setTimeout(120_000);

let server: PaneServer;
let sample: GridWorkbook;

beforeAll(async () => {
  [server, sample] = await Promise.all([pane.startPane(), readXlsx(new Uint8Array(fs.readFileSync(SAMPLE)))]);
}, 300_000);

afterAll(async () => {
  await server?.close();
});

const paneOutsideOffice = (viewport?: { width: number; height: number }) => pane.paneOutsideOffice(server, viewport);
const paneInFakeExcel = (options: FakeOfficeOptions, viewport?: { width: number; height: number }) => pane.paneInFakeExcel(server, options, viewport);

async function sheetNamesIn(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((w) => w.name);
}

describe('outside Excel, with office.js unreachable', () => {
  test('the sample: check it, see its known findings, write the report and find the generated sheets in the download', async () => {
    const { page, problems } = await paneOutsideOffice();
    await page.getByText('Not running inside Excel').waitFor(WAIT);
    await shot(page, '01-outside-excel-start');
    await page.getByRole('button', { name: 'Try the sample' }).click();
    await page.getByText(/^Opened commissioning-2019-20\.xlsx: 11 sheets/).waitFor(WAIT);
    await checkWorkbook(page);

    await page.getByText('errors open: not ready for the panel').first().waitFor(WAIT);
    // Only the cards near the view are drawn: the search brings the ones this test reads into it.
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('sheet');
    const search = page.getByRole('searchbox', { name: /^Search findings/ });
    await search.fill('LCPF boroughs!B36');
    const lcpf = page.getByRole('region', { name: 'Findings on LCPF boroughs' });
    await expect(lcpf.getByRole('listitem').filter({ hasText: 'total-rounding' }).first().textContent()).resolves.toMatch(
      /Total \(Allocation\) £13\.4m, but the 33 lines above sum to £13\.8m/,
    );
    await search.fill('A Better Criminal Justice Service');
    const spend = page.getByRole('region', { name: 'Findings on Spend by priority area' });
    await expect(
      spend.getByRole('listitem').filter({ hasText: 'headline-mismatch' }).filter({ hasText: 'A Better Criminal Justice Service' }).count(),
    ).resolves.toBe(1);
    await shot(page, '02-outside-excel-checked');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Write report' }).click()]);
    expect(download.suggestedFilename()).toBe('commissioning-2019-20 (report).xlsx');
    const bytes = fs.readFileSync(await download.path());
    const names = await sheetNamesIn(bytes);
    expect(names.slice(-4)).toEqual(['Findings', 'Rollup', 'Register', 'Panel report']);
    expect(names.slice(0, sample.sheets.length)).toEqual(sample.sheets.map((g) => g.name));
    await page.getByText(/^Downloaded commissioning-2019-20 \(report\)\.xlsx/).waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  test('a workbook chosen in the file input; the Analyse, Register and Panel report pages on it', async () => {
    const { page, problems } = await paneOutsideOffice();
    await page.getByLabel('Open workbook').setInputFiles(SAMPLE);
    await page.getByText(/^Opened commissioning-2019-20\.xlsx/).waitFor(WAIT);
    await page.getByRole('combobox', { name: 'What to check' }).selectOption({ label: 'Sheet: VAWG fund' });
    await checkWorkbook(page);
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('sheet');
    await expect(
      page.getByRole('region', { name: /^Findings on / }).evaluateAll((regions) => regions.map((r) => r.getAttribute('aria-label'))),
    ).resolves.toEqual(['Findings on VAWG fund']);

    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('button', { name: 'Roll up' }).click();
    const table = page.getByRole('table', { name: 'Rollup by Priority area' });
    await table.waitFor(WAIT);
    await expect(table.getByRole('row').filter({ hasText: 'Keeping Children and Young People Safe' }).count()).resolves.toBe(1);
    await expect(table.getByRole('row').last().textContent()).resolves.toMatch(/^Total£/);
    await shot(page, '03-analyse');

    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('tab', { name: 'Register' }).click();
    await page.getByRole('button', { name: 'Build register' }).click();
    await page.getByRole('list', { name: 'Contracts and grants' }).waitFor(WAIT);
    await page.getByRole('textbox', { name: /360Giving prefix/ }).fill('360G-mopac');
    const [grants] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download 360Giving export' }).click()]);
    const pkg = JSON.parse(fs.readFileSync(await grants.path(), 'utf8')) as { grants: unknown[] };
    expect(pkg.grants.length).toBeGreaterThan(0);
    await shot(page, '04-register');

    await page.getByRole('tab', { name: 'Panel report' }).click();
    await page.getByRole('button', { name: 'Prepare panel report' }).click();
    await page.getByRole('group', { name: /^Tables to include/ }).waitFor(WAIT);
    await shot(page, '05-panel-report');
    expect(problems).toEqual([]);
  });

  test('works from the keyboard alone', async () => {
    const { page } = await paneOutsideOffice();
    await page.getByText('Not running inside Excel').waitFor(WAIT);
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let i = 0; i < 10 && (await focusedName()) !== 'Try the sample'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Try the sample');
    await page.keyboard.press('Enter');
    await page.getByText(/^Opened commissioning-2019-20\.xlsx/).waitFor(WAIT);
    for (let i = 0; i < 20 && (await focusedName()) !== 'Check workbook'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Check workbook');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Summary' }).waitFor(WAIT);
  });

  test("the ribbon command's summary dialog page shows what its URL carries", async () => {
    const { page } = await paneOutsideOffice({ width: 480, height: 420 });
    const query = new URLSearchParams({
      tables: '16',
      errors: '4',
      warnings: '20',
      info: '23',
      model: 'the default model',
      where0: 'Budget lines!H1',
      message0: 'All lines sum to £53.8m',
    });
    await page.goto(`${server.origin}/summary.html?${query}`);
    await page.getByText('4 errors open: not ready for the panel').waitFor(WAIT);
    await expect(page.getByRole('listitem').textContent()).resolves.toBe('Budget lines!H1: All lines sum to £53.8m');
    await shot(page, '06-summary-dialog', false);
  });
});

/** The sample plus a sheet of `lines` budget lines: the same shape of workbook at another size. */
function withExtraLines(lines: number): FakeOfficeOptions {
  const extra = new Grid('Extra lines');
  ['Ref', 'Line', 'Priority area', 'Year', 'Budget £', 'Forecast £'].forEach((h, c) => extra.set(0, c, h));
  for (let i = 1; i <= lines; i++) {
    extra.set(i, 0, `X-${i}`);
    extra.set(i, 1, `Extra line ${i}`);
    extra.set(i, 2, 'Keeping Children and Young People Safe');
    extra.set(i, 3, '2020/21');
    extra.set(i, 4, 1000 * i);
    extra.set(i, 5, 1000 * i);
  }
  return { sheets: fakeRows({ sheets: [...sample.sheets, extra] }) };
}

describe('inside Excel (a fake Office and Excel in the page)', () => {
  async function checkAndWrite(options: FakeOfficeOptions) {
    const { page, problems } = await paneInFakeExcel(options);
    await checkWorkbook(page);
    const checkSyncs = await page.evaluate(() => window.__fakeExcel!.totalSyncs());
    await page.getByRole('button', { name: 'Write report' }).click();
    await page.getByText(/^Wrote the Findings, Rollup, Register and Panel report sheets into this workbook/).waitFor(WAIT);
    const state = await page.evaluate(() => ({
      sheets: window.__fakeExcel!.sheetNames(),
      runs: window.__fakeExcel!.runs,
      syncs: window.__fakeExcel!.totalSyncs(),
    }));
    return { page, problems, checkSyncs, ...state };
  }

  test('checks the open workbook, goes to a finding’s cell, and writes the report into the workbook', async () => {
    const { page, problems, sheets } = await checkAndWrite({ sheets: fakeRows(sample) });
    expect(sheets.slice(-4)).toEqual(['Findings', 'Rollup', 'Register', 'Panel report']);
    await page.getByRole('searchbox', { name: /^Search findings/ }).fill('LCPF boroughs!B36');
    await page.getByRole('button', { name: 'Go to B36 on LCPF boroughs, total-rounding' }).click();
    await page.getByText('Selected LCPF boroughs!B36.').waitFor(WAIT);
    await expect(page.evaluate(() => window.__fakeExcel!.selection())).resolves.toEqual({ sheet: 'LCPF boroughs', address: 'B36' });
    await shot(page, '07-inside-excel');
    // Writing again replaces the add-in's own sheets and adds none (a read and a write: two more runs).
    const runsBefore = await page.evaluate(() => window.__fakeExcel!.runs.length);
    await page.getByRole('button', { name: 'Write report' }).click();
    await page.waitForFunction((before) => window.__fakeExcel!.runs.length >= before + 2, runsBefore, WAIT);
    await page.getByText(/^Wrote the Findings, Rollup, Register and Panel report sheets/).waitFor(WAIT);
    await expect(page.evaluate(() => window.__fakeExcel!.sheetNames().length)).resolves.toBe(sheets.length);
    expect(problems).toEqual([]);
  });

  test('the requests do not grow with the rows: no sync in a loop', async () => {
    const small = await checkAndWrite(withExtraLines(200));
    const large = await checkAndWrite(withExtraLines(4000));
    expect(large.runs.map((r) => r.syncs)).toEqual(small.runs.map((r) => r.syncs));
    expect(large.checkSyncs).toBe(small.checkSyncs);
    // Registering the change listener: one run. Check: one read. Write report: a fresh read, then one write.
    // Each a handful of syncs, not one per row or sheet; the changes the write raises cost no request (its sheets are the product's).
    expect(small.runs).toHaveLength(4);
    for (const run of small.runs) expect(run.syncs).toBeLessThanOrEqual(4);
  });

  test("Office's dark theme gives the pane Fluent's dark theme", async () => {
    const { page } = await paneInFakeExcel({ sheets: fakeRows(sample), dark: true });
    await checkWorkbook(page);
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(200);
    await shot(page, '08-inside-excel-dark');
  });
});
