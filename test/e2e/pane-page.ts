/**
 * What every browser test needs: the pane built once (global-setup.js) and served from 127.0.0.1,
 * Debian's Chromium, a pane page outside Office or "inside Excel" (the tests' fake Office), the two
 * widths the pane must work at, running a check, screenshots, and axe-core's accessibility audit.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { FakeOfficeOptions } from '../workbook/office/fake-office';
import { bundleFakeOffice, fakeOfficeInitScript } from './fake-office-bundle';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const harness = require('./harness.js') as typeof import('./harness');

export const SAMPLE = path.join(harness.REPO_ROOT, 'assets', 'samples', 'commissioning-2019-20.xlsx');
export const ARTIFACTS = path.join(harness.REPO_ROOT, 'test-artifacts', 'e2e');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const WAIT = { timeout: 30_000 };

/** The narrowest task pane Office gives (Excel's default is about 350 px) and a pane dragged wide. */
export const NARROW = { width: 350, height: 900 } as const;
export const WIDE = { width: 1200, height: 900 } as const;
export const WIDTHS = [
  ['350 px', NARROW],
  ['full width', WIDE],
] as const;

export interface PaneServer {
  readonly origin: string;
  readonly browser: Browser;
  readonly fakeOffice: string;
  close(): Promise<void>;
}

/** Serves the build global-setup.js made (or builds one when run without it), starts Chromium, bundles the fake Office. */
export async function startPane(): Promise<PaneServer> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const own = process.env.PANE_E2E_BUILD ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'pane-e2e-'));
  const build = process.env.PANE_E2E_BUILD ?? own!;
  if (own) harness.buildPane(path.join(own, 'dist'), 'production');
  const fakeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-office-'));
  const [fakeOffice, server, browser] = await Promise.all([bundleFakeOffice(fakeDir), harness.serve(path.join(build, 'dist')), harness.launchChromium()]);
  return {
    origin: server.origin,
    browser,
    fakeOffice,
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(fakeDir, { recursive: true, force: true });
      if (own) fs.rmSync(own, { recursive: true, force: true });
    },
  };
}

export interface Opened {
  readonly page: Page;
  /** Errors thrown in the page: a test expects none. */
  readonly problems: string[];
}

/** A pane page outside Office: office.js from the CDN cannot load. */
export async function paneOutsideOffice(pane: PaneServer, viewport: { width: number; height: number } = NARROW): Promise<Opened> {
  const context = await pane.browser.newContext({ viewport, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await harness.keepLocal(page, pane.origin);
  await page.goto(`${pane.origin}/taskpane.html`);
  return { page, problems };
}

/** A pane page "inside Excel": the fake Office is in place before the bundle runs; office.js is answered with nothing. */
export async function paneInFakeExcel(pane: PaneServer, options: FakeOfficeOptions, viewport: { width: number; height: number } = NARROW): Promise<Opened> {
  const context = await pane.browser.newContext({ viewport, colorScheme: options.dark ? 'dark' : 'light', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript({ content: fakeOfficeInitScript(pane.fakeOffice, options) });
  await harness.keepLocal(page, pane.origin, (url) => (url === OFFICE_JS_CDN ? '/* office.js: the page has a fake */' : undefined));
  await page.goto(`${pane.origin}/taskpane.html`);
  await page.getByText('Connected to Excel').waitFor(WAIT);
  return { page, problems };
}

/** Opens the bundled sample outside Excel. */
export async function openSample(page: Page): Promise<void> {
  await page.getByLabel('Open workbook').setInputFiles(SAMPLE);
  await page.getByText(/^Opened commissioning-2019-20\.xlsx/).waitFor(WAIT);
}

/** Presses "Check workbook" and waits for the summary; a failure becomes the test's message. */
export async function checkWorkbook(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check workbook' }).click();
  const summary = page.getByRole('group', { name: 'Summary' });
  const failed = page.getByText(/failed$|could not be read|not possible yet/).first();
  await summary.or(failed).waitFor(WAIT);
  if (!(await summary.isVisible())) throw new Error(`the check failed: ${await page.locator('.fui-MessageBar').first().innerText()}`);
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each ("id: help at
 * selector"), so a failing test names what to mend. axe-core (MPL-2.0) is a test-only dependency.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the pane's Content-Security-Policy refuses inline scripts, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document | { exclude: string[][] }, options: object): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    // Tabster's focus sentinels (Fluent's, <i data-tabster-dummy aria-hidden tabindex=0>) are not the pane's own markup.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
