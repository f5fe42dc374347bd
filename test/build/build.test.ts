/**
 * What `npm run build` produces: the pages, bundles, manifest and icons; office.js from the CDN or a
 * local copy; the Content-Security-Policy; the manifest rewrite for ADDIN_BASE_URL; the pane's size budget.
 * Builds go to temporary folders so they never race the manifest test's build into dist/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { REPO_ROOT, validateAgainstSchema } from '../manifest/xmllint';
import { BUILD_TIMEOUT_MS, LOCAL_BASE_URL, buildOrThrow, runWebpack } from './webpack-build';

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The pane's first load must stay under 350 KB gzipped (office.js, from the CDN, aside). */
const TASKPANE_GZIP_BUDGET_BYTES = 350 * 1024;
const SAMPLE_WORKBOOK = path.join('assets', 'samples', 'commissioning-2019-20.xlsx');

const tempDirs: string[] = [];
function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `build-test-${label}-`));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** The policy of a page's Content-Security-Policy meta tag, as directive → sources. */
function contentSecurityPolicy(html: string): Map<string, string[]> {
  // The production build minifies HTML, dropping quotes around attribute values that need none.
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html);
  if (!meta) throw new Error('page has no Content-Security-Policy meta tag');
  return new Map(
    meta[1]
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The src of each <script> in document order. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>"]+))/g)].map((match) => match[1] ?? match[2]);
}

describe('production build for the dev host on purpose (office.js from the CDN, ADDIN_BASE_URL=https://localhost:3000)', () => {
  let dist = '';
  beforeAll(() => {
    dist = tempDir('production');
    buildOrThrow({ mode: 'production', outputPath: dist, env: { ADDIN_BASE_URL: LOCAL_BASE_URL } });
  }, BUILD_TIMEOUT_MS);

  test('holds the pages, bundles, manifest, help page and icons', () => {
    for (const file of [
      'taskpane.html',
      'commands.html',
      'taskpane.js',
      'commands.js',
      'summary.html',
      'summary.js',
      'engine-worker.js',
      'manifest.xml',
      'support.html',
      'assets/icons/icon-16.png',
      'assets/icons/icon-32.png',
      'assets/icons/icon-64.png',
      'assets/icons/icon-80.png',
    ]) {
      expect({ file, exists: fs.existsSync(path.join(dist, file)) }).toEqual({ file, exists: true });
    }
  });

  test('copies the sample workbook when it exists, and nothing else from assets/samples', () => {
    const sampleExists = fs.existsSync(path.join(REPO_ROOT, SAMPLE_WORKBOOK));
    expect(fs.existsSync(path.join(dist, SAMPLE_WORKBOOK))).toBe(sampleExists);
    const copied = fs.existsSync(path.join(dist, 'assets', 'samples')) ? fs.readdirSync(path.join(dist, 'assets', 'samples')) : [];
    expect(copied).toEqual(sampleExists ? ['commissioning-2019-20.xlsx'] : []);
  });

  test.each([
    ['taskpane.html', 'taskpane.js', 'commands.js'],
    ['commands.html', 'commands.js', 'taskpane.js'],
  ])('%s loads office.js from the CDN before its own bundle %s, and not %s', (page, bundle, otherBundle) => {
    const scripts = scriptSources(read(dist, page));
    expect(scripts[0]).toBe(OFFICE_JS_CDN);
    expect(scripts.indexOf(bundle)).toBeGreaterThan(0);
    expect(scripts).not.toContain(otherBundle);
    expect(fs.existsSync(path.join(dist, 'office'))).toBe(false);
  });

  test.each(['taskpane.html', 'commands.html', 'summary.html', 'support.html'])(
    '%s has a Content-Security-Policy without eval that allows only this site and the Office CDN for scripts',
    (page) => {
      const policy = contentSecurityPolicy(read(dist, page));
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src') ?? [];
      for (const source of scriptSrc) expect(["'self'", 'https://appsforoffice.microsoft.com']).toContain(source);
      for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
    },
  );

  test('the task pane allows inline styles, which Griffel (Fluent UI) inserts at run time', () => {
    expect(contentSecurityPolicy(read(dist, 'taskpane.html')).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test('the bundles need no eval and ship without source maps', () => {
    for (const bundle of ['taskpane.js', 'commands.js']) {
      expect(read(dist, bundle)).not.toMatch(/\beval\(/);
    }
    expect(fs.readdirSync(dist).filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  test('the task pane bundle is under 350 KB gzipped', () => {
    const gzipped = zlib.gzipSync(fs.readFileSync(path.join(dist, 'taskpane.js'))).length;
    expect(gzipped).toBeLessThan(TASKPANE_GZIP_BUDGET_BYTES);
  });
});

describe('production build for another host with a local office.js (ADDIN_BASE_URL, OFFICE_JS=local)', () => {
  const baseUrl = 'https://example.org/commissioning/';
  let dist = '';
  beforeAll(() => {
    dist = tempDir('hosted');
    buildOrThrow({ mode: 'production', outputPath: dist, env: { ADDIN_BASE_URL: baseUrl, OFFICE_JS: 'local' } });
  }, BUILD_TIMEOUT_MS);

  test('rewrites every dev-server URL in the manifest; the AppDomain becomes the origin', () => {
    const manifest = read(dist, 'manifest.xml');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://example.org/commissioning/taskpane.html"/>');
    expect(manifest).toContain('DefaultValue="https://example.org/commissioning/assets/icons/icon-80.png"');
    expect(manifest).toContain('<AppDomain>https://example.org</AppDomain>');
  });

  test('the rewritten manifest still validates', () => {
    expect(validateAgainstSchema(path.join(dist, 'manifest.xml')).status).toBe(0);
  });

  test('the pages load office.js from the local copy, with the host scripts and locale files beside it', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(scriptSources(read(dist, page))[0]).toBe('office/office.js');
    }
    for (const file of ['office.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'en-us/office_strings.js', 'en-gb/office_strings.js']) {
      expect({ file, exists: fs.existsSync(path.join(dist, 'office', file)) }).toEqual({ file, exists: true });
    }
  });

  test("the local office.js is Microsoft's file byte for byte, not re-minified", () => {
    const shipped = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'office.js');
    expect(fs.readFileSync(path.join(dist, 'office', 'office.js')).equals(fs.readFileSync(shipped))).toBe(true);
  });
});

describe('build configuration', () => {
  test.each([
    ['http://example.org', /ADDIN_BASE_URL must use https/],
    ['example.org/commissioning', /ADDIN_BASE_URL is not a URL/],
  ])(
    'refuses ADDIN_BASE_URL=%s with a clear message',
    (baseUrl, message) => {
      const result = runWebpack({ mode: 'production', outputPath: tempDir('refused'), env: { ADDIN_BASE_URL: baseUrl } });
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(message);
    },
    BUILD_TIMEOUT_MS,
  );

  // Issue item 8: a production build without ADDIN_BASE_URL would ship a manifest pointing at localhost.
  test(
    'refuses a production build without ADDIN_BASE_URL, saying how to set it or opt in to localhost, and writes nothing',
    () => {
      const out = tempDir('no-base-url');
      const result = runWebpack({ mode: 'production', outputPath: out });
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('ADDIN_BASE_URL is not set: a production build without it ships a manifest pointing at https://localhost:3000.');
      expect(result.output).toContain('set ADDIN_BASE_URL=https://localhost:3000, or use npm run build:dev');
      expect(fs.readdirSync(out)).toEqual([]);
    },
    BUILD_TIMEOUT_MS,
  );

  test('an empty ADDIN_BASE_URL is refused the same way, and a development build needs none', () => {
    expect(() => configSummary('production', { ADDIN_BASE_URL: '' })).toThrow(/ADDIN_BASE_URL is not set/);
    expect(configSummary('development', { ADDIN_BASE_URL: '' }).devtool).toBe('source-map');
  });

  /** The config webpack would get, summarised by a child Node process (the config is CommonJS). */
  function configSummary(mode: string, env: Record<string, string> = {}) {
    const script = `
      const config = require('./webpack.config.js')({}, { mode: ${JSON.stringify(mode)} });
      const pages = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin');
      console.log(JSON.stringify({
        devtool: config.devtool,
        officeJsUrls: pages.map((p) => p.userOptions.templateParameters.officeJsUrl),
      }));`;
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!('OFFICE_JS' in env)) delete childEnv.OFFICE_JS;
    if (!('ADDIN_BASE_URL' in env)) delete childEnv.ADDIN_BASE_URL;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, env: childEnv, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as { devtool: string | false; officeJsUrls: string[] };
  }

  test('development uses the local office.js and external source maps, never eval', () => {
    // Three pages load office.js: the task pane, the function file and the "Check workbook" summary dialog.
    expect(configSummary('development')).toEqual({ devtool: 'source-map', officeJsUrls: ['office/office.js', 'office/office.js', 'office/office.js'] });
  });

  test('OFFICE_JS=cdn puts the CDN back in a development build', () => {
    expect(configSummary('development', { OFFICE_JS: 'cdn' }).officeJsUrls).toEqual([OFFICE_JS_CDN, OFFICE_JS_CDN, OFFICE_JS_CDN]);
  });

  test('production uses the CDN without source maps', () => {
    expect(configSummary('production', { ADDIN_BASE_URL: LOCAL_BASE_URL })).toEqual({
      devtool: false,
      officeJsUrls: [OFFICE_JS_CDN, OFFICE_JS_CDN, OFFICE_JS_CDN],
    });
  });
});
