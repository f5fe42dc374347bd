/**
 * tools/test-prerequisites.js on a machine that has none of the Debian programs: PATH holds only
 * stand-ins for dpkg and apt-get, which record what they are asked. `npm test`'s check must only say
 * what to install; `npm run setup` (--install) updates apt's lists first, then installs what is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'tools', 'test-prerequisites.js');
const COMMANDS = ['xmllint', 'soffice', 'chromium', 'pdftoppm'];
const PACKAGES = 'libxml2-utils libreoffice-calc-nogui chromium poppler-utils fonts-crosextra-carlito';

let dir: string;
let log: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-apt-'));
  log = path.join(dir, 'apt.log');
  const stub = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  // dpkg knows a package once the fake apt-get has "installed" it.
  stub('dpkg', `[ -e '${dir}/installed' ]`);
  // apt-get records its arguments; "install" puts the commands in place.
  const makeCommands = COMMANDS.map((c) => `printf '#!/bin/sh\\n' > '${dir}/${c}'; /bin/chmod +x '${dir}/${c}'`).join('; ');
  stub('apt-get', `echo "$@" >> '${log}'\nif [ "$1" = install ]; then ${makeCommands}; : > '${dir}/installed'; fi`);
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, PATH: dir } });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The machine after set-up: every command there, and dpkg knowing the fonts package. */
function provideAll(): void {
  for (const c of COMMANDS) fs.writeFileSync(path.join(dir, c), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'installed'), '');
}

const aptCalls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);

describe("npm test's check", () => {
  it('installs nothing, and says what is missing, why, and the exact commands to install it', () => {
    const { status, out } = run();
    expect(status).toBe(1);
    expect(aptCalls()).toEqual([]);
    expect(out).toContain('xmllint (Debian libxml2-utils): validates manifest.xml against the Office XSDs');
    expect(out).toContain('fonts-crosextra-carlito (Debian fonts-crosextra-carlito)');
    expect(out).toContain('Install them with: sudo npm run setup');
    expect(out).toContain(`sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PACKAGES}`);
  });

  it('passes silently once everything is there', () => {
    provideAll();
    expect(run()).toEqual({ status: 0, out: '' });
  });
});

describe('npm run setup', () => {
  it('updates the package lists first, then installs only what is missing, and says so', () => {
    fs.writeFileSync(path.join(dir, 'xmllint'), '#!/bin/sh\n', { mode: 0o755 });
    const { status, out } = run('--install');
    const needed = PACKAGES.replace('libxml2-utils ', '');
    if (process.getuid?.() !== 0) {
      // Not root: nothing is attempted, and it says how to run it.
      expect(status).toBe(1);
      expect(aptCalls()).toEqual([]);
      expect(out).toContain('installing needs root: run sudo npm run setup');
      return;
    }
    expect(status).toBe(0);
    expect(aptCalls()).toEqual(['update -qq', `install -y -qq --no-install-recommends ${needed}`]);
    expect(out).toContain(`setup: installed ${needed}`);
  });

  it('does nothing, and says so, when everything is already there', () => {
    provideAll();
    const { status, out } = run('--install');
    expect(status).toBe(0);
    expect(aptCalls()).toEqual([]);
    expect(out).toBe('setup: nothing to install; present: xmllint, soffice, chromium, pdftoppm, fonts-crosextra-carlito\n');
  });
});
