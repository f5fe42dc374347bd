/**
 * The add-in manifest: valid against Office's schema (offline, xmllint), and every URL and icon it names
 * is a file that a production build puts in dist/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILD_TIMEOUT_MS, LOCAL_BASE_URL, buildOrThrow } from '../build/webpack-build';
import { REPO_ROOT, validateAgainstSchema } from './xmllint';

const MANIFEST_PATH = path.join(REPO_ROOT, 'manifest.xml');
const DIST = path.join(REPO_ROOT, 'dist');
const manifest = fs.readFileSync(MANIFEST_PATH, 'utf8');

/** Width and height from a PNG's IHDR chunk, which the format requires to come first. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} has no IHDR chunk first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every dev-server URL in an attribute or element of the manifest. */
function devServerUrls(xml: string): string[] {
  return [...xml.matchAll(/https:\/\/localhost:3000\/[^"<\s]*/g)].map((match) => match[0]);
}

function distFileFor(url: string): string {
  const { pathname } = new URL(url);
  return path.join(DIST, decodeURIComponent(pathname));
}

/** The icons the manifest names with the size it declares for each: bt:Image size via its resid, and the two top-level icons. */
function declaredIcons(xml: string): { url: string; size: number }[] {
  const urlById = new Map([...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]] as const));
  const icons = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\s*\/>/g)].map((m) => {
    const url = urlById.get(m[2]);
    if (!url) throw new Error(`bt:Image resid "${m[2]}" names no image resource`);
    return { url, size: Number(m[1]) };
  });
  // Office shows IconUrl at 32 px and HighResolutionIconUrl at 64 px.
  const iconUrl = /<IconUrl DefaultValue="([^"]+)"/.exec(xml);
  const highResolutionIconUrl = /<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml);
  if (!iconUrl || !highResolutionIconUrl) throw new Error('manifest lacks IconUrl or HighResolutionIconUrl');
  icons.push({ url: iconUrl[1], size: 32 }, { url: highResolutionIconUrl[1], size: 64 });
  return icons;
}

function withTempManifest(xml: string, check: (file: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
  const file = path.join(dir, 'manifest.xml');
  try {
    fs.writeFileSync(file, xml);
    check(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('manifest.xml against the Office add-in schema (xmllint, offline)', () => {
  test('validates', () => {
    const result = validateAgainstSchema(MANIFEST_PATH);
    expect(result.messages).toContain('validates');
    expect(result.status).toBe(0);
  });

  const broken: [string, (xml: string) => string, RegExp][] = [
    ['without its <Id>', (xml) => xml.replace(/<Id>[^<]*<\/Id>/, ''), /Expected is \( \{[^}]+\}Id \)/],
    [
      'with a <Runtimes> block, which VersionOverrides V1_0 does not allow',
      (xml) => xml.replace('<DesktopFormFactor>', '<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes><DesktopFormFactor>'),
      /Runtimes/,
    ],
    ['with a five-part Version', (xml) => xml.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'), /Version/],
  ];

  test.each(broken)('rejects a copy %s', (_, breakIt, complaint) => {
    const brokenXml = breakIt(manifest);
    expect(brokenXml).not.toBe(manifest);
    withTempManifest(brokenXml, (file) => {
      const result = validateAgainstSchema(file);
      expect(result.status).toBe(3); // xmllint: the document does not validate
      expect(result.messages).toMatch(complaint);
      expect(result.messages).toContain('fails to validate');
    });
  });
});

describe('npm run validate:offline (tools/validate-manifest.js)', () => {
  const runTool = (manifestArg: string) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools', 'validate-manifest.js'), manifestArg], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });

  test('prints one line and exits 0 for the manifest', () => {
    const result = runTool('manifest.xml');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['manifest.xml: valid against the Office add-in manifest schema (v1.1, offline)']);
  });

  test('exits 1 and names the problem for a broken manifest', () => {
    withTempManifest(manifest.replace(/<Id>[^<]*<\/Id>/, ''), (file) => {
      const result = runTool(file);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/INVALID .*Version.*not expected/);
    });
  });

  test('exits 2 when there is no manifest to check', () => {
    const result = runTool(path.join(os.tmpdir(), 'no-such-manifest.xml'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/manifest not found/);
  });
});

describe('manifest.xml settings the add-in relies on', () => {
  test('is an Excel task-pane add-in with a fixed GUID, version 1.0.0.0 and British English', () => {
    expect(manifest).toMatch(/<OfficeApp[^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(manifest).toContain('<Version>1.0.0.0</Version>');
    expect(manifest).toContain('<DefaultLocale>en-GB</DefaultLocale>');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  test('requires ExcelApi 1.8, the highest set the add-in uses', () => {
    expect(manifest).toMatch(/<Sets DefaultMinVersion="1.1">\s*<Set Name="ExcelApi" MinVersion="1.8"\/>\s*<\/Sets>/);
  });

  test('puts a button on the Home tab that shows the task pane', () => {
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="Commissioning"\/>/);
  });

  test('puts a "Check workbook" button beside it that runs checkWorkbook from the function file', () => {
    expect(manifest).toMatch(
      /<Control xsi:type="Button" id="CommissioningCheckButton">[\s\S]*?<Action xsi:type="ExecuteFunction">\s*<FunctionName>checkWorkbook<\/FunctionName>\s*<\/Action>/,
    );
    expect(manifest).toMatch(/<bt:String id="CheckButton.Label" DefaultValue="Check workbook"\/>/);
    expect(manifest).toContain('<FunctionFile resid="Commands.Url"/>');
  });
});

describe('every file the manifest names exists after a production build', () => {
  beforeAll(() => {
    // For the dev host on purpose: a production build without ADDIN_BASE_URL is refused.
    buildOrThrow({ mode: 'production', env: { ADDIN_BASE_URL: LOCAL_BASE_URL } });
  }, BUILD_TIMEOUT_MS);

  test('the build copies the manifest unchanged when ADDIN_BASE_URL is the dev host', () => {
    expect(fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8')).toBe(manifest);
  });

  test('each https://localhost:3000 URL maps to a file in dist/', () => {
    const urls = devServerUrls(manifest);
    const paths = urls.map((url) => new URL(url).pathname);
    // Guards against a pattern that silently matches nothing.
    expect(paths).toEqual(expect.arrayContaining(['/taskpane.html', '/commands.html', '/assets/icons/icon-80.png']));
    const missing = urls.filter((url) => !fs.existsSync(distFileFor(url)));
    expect(missing).toEqual([]);
  });

  test('each icon is a PNG of the size the manifest declares, and 16, 32, 64 and 80 px all exist', () => {
    const icons = declaredIcons(manifest);
    expect([...new Set(icons.map((icon) => icon.size))].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const icon of icons) {
      const { width, height } = pngSize(distFileFor(icon.url));
      expect({ url: icon.url, width, height }).toEqual({ url: icon.url, width: icon.size, height: icon.size });
    }
  });
});
