#!/usr/bin/env node
'use strict';
/**
 * The Debian programs the test suite drives (xmllint for the manifest, LibreOffice, Chromium, poppler).
 *
 *   node tools/test-prerequisites.js            `npm test`'s check: verifies only; when something is
 *                                               missing it says what, why, and the command to install it.
 *   node tools/test-prerequisites.js --install  `npm run setup`: apt-get update, then installs what is
 *                                               missing (as root), and says what it did.
 *
 * Installing is an explicit step (run by .ci/run before `npm test`) so that running the tests never
 * changes the machine.
 */
const { spawnSync } = require('child_process');

const REQUIRED = [
  { command: 'xmllint', debianPackage: 'libxml2-utils', why: 'validates manifest.xml against the Office XSDs' },
  {
    command: 'soffice',
    debianPackage: 'libreoffice-calc-nogui',
    why: 'recalculates written workbooks on load, so formula tests check computed values, and prints sheets to PDF',
  },
  {
    command: 'chromium',
    debianPackage: 'chromium',
    why: 'runs the task pane in test/e2e and npm run bench (driven by playwright-core, whose own browser download fails here)',
  },
  { command: 'pdftoppm', debianPackage: 'poppler-utils', why: 'turns printed sheets into PNG test artifacts' },
  // A package with no command of its own is checked with dpkg.
  {
    debianPackage: 'fonts-crosextra-carlito',
    why: "gives LibreOffice Calibri's metrics, so printed sheets in test artifacts are laid out as in Excel",
  },
];

const APT_OPTIONS = ['-y', '-qq', '--no-install-recommends'];

function has(command) {
  return spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function installed(debianPackage) {
  return spawnSync('dpkg', ['-s', debianPackage], { stdio: 'ignore' }).status === 0;
}

function missingPrerequisites() {
  return REQUIRED.filter((r) => (r.command ? !has(r.command) : !installed(r.debianPackage)));
}

function packagesOf(missing) {
  return [...new Set(missing.map((m) => m.debianPackage))];
}

/** The apt-get commands `npm run setup` runs, for someone who would rather run them by hand. */
function aptGetLine(packages) {
  return `sudo apt-get update && sudo apt-get install ${APT_OPTIONS.filter((o) => o !== '-qq').join(' ')} ${packages.join(' ')}`;
}

function describe(missing) {
  return missing.map((m) => `  ${m.command ?? m.debianPackage} (Debian ${m.debianPackage}): ${m.why}`).join('\n');
}

/** `npm test`'s check. Returns the exit status; installs nothing. */
function verify(log = console.error) {
  const missing = missingPrerequisites();
  if (missing.length === 0) return 0;
  log(`test prerequisites: missing\n${describe(missing)}`);
  log(`Install them with: sudo npm run setup\n  (or by hand: ${aptGetLine(packagesOf(missing))})`);
  return 1;
}

function apt(args, log) {
  log(`setup: apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** `npm run setup`. Returns the exit status. */
function setup(log = console.log) {
  const missing = missingPrerequisites();
  if (missing.length === 0) {
    log(`setup: nothing to install; present: ${REQUIRED.map((r) => r.command ?? r.debianPackage).join(', ')}`);
    return 0;
  }
  const packages = packagesOf(missing);
  log(`setup: missing\n${describe(missing)}`);
  if (!has('apt-get')) {
    log(`setup: no apt-get here; install these Debian packages (or their equivalents) yourself: ${packages.join(' ')}`);
    return 1;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    log(`setup: installing needs root: run sudo npm run setup\n  (or by hand: ${aptGetLine(packages)})`);
    return 1;
  }
  if (!apt(['update', '-qq'], log) || !apt(['install', ...APT_OPTIONS, ...packages], log)) {
    log(`setup: apt-get could not install ${packages.join(' ')}`);
    return 1;
  }
  const still = missingPrerequisites();
  if (still.length > 0) {
    log(`setup: installed ${packages.join(' ')}, but still missing\n${describe(still)}`);
    return 1;
  }
  log(`setup: installed ${packages.join(' ')}`);
  return 0;
}

if (require.main === module) process.exit(process.argv.includes('--install') ? setup() : verify());

module.exports = { REQUIRED, aptGetLine, verify, setup };
