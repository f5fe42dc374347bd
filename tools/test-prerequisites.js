#!/usr/bin/env node
'use strict';
/**
 * The test suite drives a few Debian programs (xmllint for the manifest, and later Chromium and
 * LibreOffice). Before `npm test`, make sure they are there: install them when we may (root with
 * apt-get, as on CI and these machines), otherwise say exactly what to install.
 */
const { execFileSync, spawnSync } = require('child_process');

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

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function installed(debianPackage) {
  return spawnSync('dpkg', ['-s', debianPackage], { stdio: 'ignore' }).status === 0;
}

const missing = REQUIRED.filter((r) => (r.command ? !has(r.command) : !installed(r.debianPackage)));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((m) => m.debianPackage))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.error(`test prerequisites: installing ${packages.join(' ')} with apt-get`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    process.exit(0);
  } catch {
    console.error(`test prerequisites: apt-get could not install ${packages.join(' ')}`);
    process.exit(1);
  }
}
for (const m of missing) console.error(`test prerequisites: ${m.command ?? m.debianPackage} is missing (it ${m.why})`);
console.error(`Install it with: sudo apt-get install ${packages.join(' ')}`);
process.exit(1);
