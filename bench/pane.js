#!/usr/bin/env node
'use strict';
/**
 * The task pane's first load, as DESIGN.md budgets it: the JavaScript a browser fetches before the pane
 * first renders (gzip), and the time from navigation to the first render, in headless Chromium from a
 * local server (office.js unreachable, as outside Office). Prints one JSON line.
 *
 *   node bench/pane.js                 builds for production into a temporary folder first (~40 s)
 *   node bench/pane.js --dist <dir>    measures an existing build instead
 *   node bench/pane.js --runs 7        page loads to take the median of (default 5)
 *
 * Each load is in a fresh browser context, so nothing comes from the cache.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildPane, serve, launchChromium, keepLocal, gzipSize } = require('../test/e2e/harness.js');

const BUDGET = { firstLoadJsGzipBytes: 350 * 1024, firstRenderMs: 1500 };

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Records, in the page, when the pane's root first holds something: React's first commit. */
const FIRST_RENDER_PROBE = `
  (() => {
    const seen = () => {
      const root = document.getElementById('root');
      if (root && root.firstElementChild && window.__firstRenderMs === undefined) {
        window.__firstRenderMs = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true });
  })();`;

async function measureLoad(browser, origin, dist) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin && url.pathname.endsWith('.js') && response.ok()) scripts.push(url.pathname.slice(1));
  });
  await page.addInitScript({ content: FIRST_RENDER_PROBE });
  await keepLocal(page, origin);
  await page.goto(`${origin}/taskpane.html`);
  // Strings, evaluated in the page: `window` is the page's.
  await page.waitForFunction('window.__firstRenderMs !== undefined', null, { timeout: 30_000 });
  const firstRenderMs = await page.evaluate('window.__firstRenderMs');
  await context.close();
  const files = [...new Set(scripts)].map((file) => ({ file, gzipBytes: gzipSize(path.join(dist, file)) }));
  return { firstRenderMs, files };
}

async function main() {
  const runs = Number(option('runs', '5'));
  let dist = option('dist', '');
  let work = '';
  if (!dist) {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-bench-'));
    dist = path.join(work, 'dist');
    buildPane(dist, 'production');
  }
  const server = await serve(dist);
  const browser = await launchChromium();
  try {
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await measureLoad(browser, server.origin, dist));
    const files = loads[0].files;
    const firstLoadJsGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
    const renders = loads.map((l) => Math.round(l.firstRenderMs));
    const firstRenderMs = median(renders);
    const result = {
      measure: 'task pane first load (headless Chromium, local server)',
      firstLoadJsGzipBytes,
      firstLoadJs: files,
      firstRenderMs,
      firstRenderRunsMs: renders,
      budgets: BUDGET,
      ok: firstLoadJsGzipBytes < BUDGET.firstLoadJsGzipBytes && firstRenderMs < BUDGET.firstRenderMs,
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await server.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench/pane.js: ${error.message}`);
  process.exit(1);
});
