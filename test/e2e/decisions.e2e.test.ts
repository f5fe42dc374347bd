/**
 * Decisions on findings in the pane, in Chromium at 350 px and full width:
 *   - outside Excel, on the sample: accept a finding with a reason (the reason is required, said inline),
 *     download the workbook with its decisions, open that download in a new pane page (the finding shows
 *     as decided) and check it with the command line (the decided finding is not counted; the exit status
 *     follows the open findings);
 *   - inside (the tests' fake) Excel: ignore a rule at a finding's cell, find the hidden decisions sheet
 *     with its row, open a fresh pane on the resulting workbook (still decided), remove the decision.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { fakeRows } from '../taskpane/excel-from-grids';
import type { FakeOfficeOptions } from '../workbook/office/fake-office';
import * as pane from './pane-page';
import { SAMPLE, WAIT, WIDTHS, checkWorkbook, harness, openSample, seriousAxeViolations, shot, type PaneServer } from './pane-page';

jest.setTimeout(180_000);

let server: PaneServer;
let sampleOptions: FakeOfficeOptions;
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;

beforeAll(async () => {
  const [started, sample] = await Promise.all([pane.startPane(), readXlsx(new Uint8Array(fs.readFileSync(SAMPLE)))]);
  server = started;
  sampleOptions = { sheets: fakeRows(sample) };
}, 300_000);

afterAll(async () => {
  await server?.close();
});

interface Target {
  readonly cell: string;
  readonly sheet: string;
  readonly rule: string;
}

/** The finding a decision button acts on, from its accessible name: "Accept… (H1 on Budget lines, reconciliation-mismatch)". */
async function targetOf(page: Page, buttonName: RegExp): Promise<Target> {
  const label = (await page.getByRole('button', { name: buttonName }).first().getAttribute('aria-label')) ?? '';
  const match = /\((\S+) on (.+), ([a-z0-9-]+)\)$/.exec(label);
  if (!match) throw new Error(`no finding named in "${label}"`);
  return { cell: match[1], sheet: match[2], rule: match[3] };
}

function which(target: Target): string {
  return `(${target.cell} on ${target.sheet}, ${target.rule})`;
}

/** Shows only the findings at the target's cell, so its card is on screen however long the list. */
async function findCard(page: Page, target: Target): Promise<void> {
  await page.getByRole('searchbox', { name: /^Search findings/ }).fill(`${target.sheet}!${target.cell}`);
}

/** `commissioning check` on a file, as a user runs it: node on the built command line. */
function commandLineCheck(file: string, json = false): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [path.join(harness.REPO_ROOT, 'bin', 'commissioning.js'), 'check', file, ...(json ? ['--json'] : [])], {
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout };
}

describe.each(WIDTHS)('decisions outside Excel at %s', (widthName, viewport) => {
  test('accept with a reason, download the workbook with decisions, reopen it, and the command line honours it', async () => {
    const { page, problems } = await pane.paneOutsideOffice(server, viewport);
    await openSample(page);
    await checkWorkbook(page);
    const target = await targetOf(page, /^Accept… \(/);
    await findCard(page, target);
    await page.getByRole('button', { name: `Accept… ${which(target)}` }).click();

    // The form: a reason is required, and saying so happens beside the field.
    const form = page.getByRole('group', { name: `Accept ${target.cell} on ${target.sheet}` });
    // Focus goes into the form, on its first reason.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('Rounding explained');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Choose a reason, or write your own.').waitFor(WAIT);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, `decisions-form-${widthName.replace(/\W+/g, '-')}`);
    // Keyboard: choose "Another reason", write one, press Enter.
    await form.getByRole('radio', { name: 'Another reason' }).check();
    await form.getByRole('textbox', { name: /^Your reason/ }).fill('Agreed with the panel on 8 January 2020');
    await page.keyboard.press('Enter');

    await page.getByText(new RegExp(`^Accepted on ${DATE}: Agreed with the panel on 8 January 2020$`)).waitFor(WAIT);
    await page.getByRole('button', { name: `Remove decision ${which(target)}` }).waitFor(WAIT);
    await page.getByText(/^Your decisions are kept in this pane only: they are not in commissioning-2019-20\.xlsx until you download/).waitFor(WAIT);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download workbook with decisions' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'decisions-')), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('button', { name: 'Download workbook with decisions' }).waitFor({ state: 'detached', ...WAIT });

    // A new pane page on the downloaded copy: the finding is decided there too.
    const reopened = await pane.paneOutsideOffice(server, viewport);
    await reopened.page.getByLabel('Open workbook').setInputFiles(file);
    await reopened.page.getByText(/^Opened /).waitFor(WAIT);
    await checkWorkbook(reopened.page);
    await findCard(reopened.page, target);
    await reopened.page.getByText(new RegExp(`^Accepted on ${DATE}: Agreed with the panel on 8 January 2020$`)).waitFor(WAIT);
    expect(reopened.problems).toEqual([]);

    // The command line on the same file: the decided finding is listed as decided and not counted.
    const before = commandLineCheck(SAMPLE, true);
    const after = commandLineCheck(file, true);
    const plain = JSON.parse(before.stdout) as { summary: { errors: number; warnings: number; info: number } };
    const decided = JSON.parse(after.stdout) as {
      summary: { errors: number; warnings: number; info: number; decided?: number };
      findings: { rule: string; sheet: string; cell: string; severity: string; decision?: { reason: string } }[];
    };
    const finding = decided.findings.find((f) => f.rule === target.rule && f.sheet === target.sheet && f.cell === target.cell)!;
    expect(finding.decision?.reason).toBe('Agreed with the panel on 8 January 2020');
    const open = { ...plain.summary };
    const counted: Record<string, 'errors' | 'warnings' | 'info'> = { error: 'errors', warning: 'warnings', info: 'info' };
    open[counted[finding.severity]] -= 1;
    expect(decided.summary).toEqual({ ...open, decided: 1 });
    expect(after.status).toBe(open.errors > 0 ? 1 : 0);
    const text = commandLineCheck(file).stdout;
    expect(text).toContain(`; 1 decided.`);
    expect(text).toMatch(new RegExp(`Accepted ${DATE}: Agreed with the panel on 8 January 2020`));
    expect(problems).toEqual([]);
  });
});

describe.each(WIDTHS)('decisions inside Excel at %s', (widthName, viewport) => {
  test('ignore a rule here: the hidden sheet holds it, a fresh pane shows it decided, and removing it takes it away', async () => {
    const { page, problems } = await pane.paneInFakeExcel(server, sampleOptions, viewport);
    await checkWorkbook(page);
    const target = await targetOf(page, /^Ignore this rule here \(/);
    await findCard(page, target);
    const runsBefore = await page.evaluate(() => window.__fakeExcel!.runs.length);
    await page.getByRole('button', { name: `Ignore this rule here ${which(target)}` }).click();
    await page.getByText(new RegExp(`^Rule ignored here on ${DATE}$`)).waitFor(WAIT);
    await page.getByText(/^Decision saved in this workbook, on the hidden "Workbench decisions" sheet\./).waitFor(WAIT);
    // One Excel.run: the decisions sheet written; the workbook is not read again.
    await expect(page.evaluate(() => window.__fakeExcel!.runs.length)).resolves.toBe(runsBefore + 1);

    const saved = await page.evaluate(() => window.__fakeExcel!.saved());
    const sheet = saved.sheets!.find((s) => s.name === 'Workbench decisions')!;
    expect(sheet.visibility).toBe('Hidden');
    expect(saved.names).toContainEqual(expect.objectContaining({ name: 'CW_GENERATED_Workbench_decisions', sheet: 'Workbench decisions' }));
    expect(sheet.rows.map((row) => row.slice(0, 4))).toContainEqual([target.rule, target.sheet, target.cell, 'Ignored']);
    await shot(page, `decisions-excel-${widthName.replace(/\W+/g, '-')}`);

    // A fresh pane page on the workbook as it now is: the finding is decided there too.
    const fresh = await pane.paneInFakeExcel(server, saved, viewport);
    await checkWorkbook(fresh.page);
    await findCard(fresh.page, target);
    await fresh.page.getByText(new RegExp(`^Rule ignored here on ${DATE}$`)).waitFor(WAIT);
    await fresh.page.getByRole('button', { name: `Remove decision ${which(target)}` }).click();
    await fresh.page.getByRole('button', { name: `Ignore this rule here ${which(target)}` }).waitFor(WAIT);
    const after = await fresh.page.evaluate(() => window.__fakeExcel!.saved());
    const rows = after.sheets!.find((s) => s.name === 'Workbench decisions')!.rows;
    expect(rows.map((row) => row.slice(0, 4))).not.toContainEqual([target.rule, target.sheet, target.cell, 'Ignored']);
    expect(rows.map((row) => row[0])).toContain('Rule');
    expect(await seriousAxeViolations(fresh.page)).toEqual([]);
    expect([...problems, ...fresh.problems]).toEqual([]);
  });
});
