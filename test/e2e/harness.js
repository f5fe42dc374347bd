'use strict';
/**
 * Shared by the browser tests (test/e2e) and `npm run bench` (bench/pane.js): build the pane with
 * webpack into a folder, serve it from 127.0.0.1, and start Debian's Chromium through playwright-core
 * (its own browser download does not work here, so the path is given). Nothing leaves the machine:
 * pages may only reach the local server.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const BUILD_TIMEOUT_MS = 300_000;

/**
 * `npx webpack --mode <mode>` into `outDir`, with OFFICE_JS unset (office.js from the CDN URL) and, for a
 * production build, ADDIN_BASE_URL=https://localhost:3000: the explicit opt-in to a build for the dev
 * host (one without ADDIN_BASE_URL is refused); the pages are served locally either way.
 */
function buildPane(outDir, mode = 'production') {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  delete env.OFFICE_JS;
  if (mode === 'production') env.ADDIN_BASE_URL = 'https://localhost:3000';
  const result = spawnSync('npx', ['--no-install', 'webpack', '--mode', mode, '--output-path', outDir], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`webpack --mode ${mode} failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.slice(-4000)}`);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

/** Serves `root` on 127.0.0.1 (a free port); resolves to { origin, close() }. */
function serve(root) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/**
 * Debian's Chromium, headless. Playwright starts it with a fresh temporary profile of its own
 * (it refuses --user-data-dir in `args`: that is launchPersistentContext's job).
 */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Keeps a page on this machine: every request to another origin is refused, or answered by `answer`
 * (for example an empty office.js) when it returns a body.
 */
async function keepLocal(page, origin, answer = () => undefined) {
  await page.route(
    (url) => url.origin !== origin,
    (route) => {
      const body = answer(route.request().url());
      return body === undefined ? route.abort('blockedbyclient') : route.fulfill({ status: 200, contentType: 'text/javascript', body });
    },
  );
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

module.exports = { REPO_ROOT, CHROMIUM, CHROMIUM_ARGS, buildPane, serve, launchChromium, keepLocal, gzipSize };
