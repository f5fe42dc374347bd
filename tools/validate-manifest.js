#!/usr/bin/env node
/**
 * npm run validate:offline [manifest.xml]: checks the manifest against the Office add-in XSDs with xmllint,
 * without the network (npm run validate uses Microsoft's online service). The XSDs live in the shared
 * folder, $COMMISSIONING_SHARED or else the one cloned beside this repository (../shared), under
 * reference/office-manifest-xsd.
 * Prints one line; exits 0 when valid, 1 when invalid, 2 when the check cannot run.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SHARED = process.env.COMMISSIONING_SHARED ? path.resolve(process.env.COMMISSIONING_SHARED) : path.resolve(ROOT, '..', 'shared');
const SCHEMA = path.join(SHARED, 'reference', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');

/**
 * Runs xmllint on one manifest. Returns { ok, message, details } or throws when xmllint or the schema is missing.
 * xmllint's warnings about MailAppVersionOverridesV1_1.xsd (absent from the task-pane set) are dropped.
 */
function validateManifest(manifestPath, schemaPath = SCHEMA) {
  if (!fs.existsSync(schemaPath)) {
    throw new Error(`schema not found at ${schemaPath}: set COMMISSIONING_SHARED to the shared folder, or clone it beside this repository`);
  }
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`manifest not found: ${manifestPath}`);
  }
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaPath, manifestPath], { encoding: 'utf8' });
  if (result.error && result.error.code === 'ENOENT') {
    throw new Error('xmllint is not installed: apt-get install libxml2-utils');
  }
  if (result.error) throw result.error;
  const details = result.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('MailAppVersionOverridesV1_1.xsd') && !/ (validates|fails to validate)$/.test(line));
  return { ok: result.status === 0, status: result.status, details };
}

function main() {
  const manifestPath = path.resolve(process.argv[2] || path.join(ROOT, 'manifest.xml'));
  const shown = process.argv[2] || 'manifest.xml';
  let outcome;
  try {
    outcome = validateManifest(manifestPath);
  } catch (error) {
    console.error(`${shown}: cannot validate: ${error.message}`);
    process.exit(2);
  }
  if (outcome.ok) {
    console.log(`${shown}: valid against the Office add-in manifest schema (v1.1, offline)`);
    return;
  }
  console.error(`${shown}: INVALID against the Office add-in manifest schema: ${outcome.details[0] || `xmllint exit ${outcome.status}`}`);
  for (const line of outcome.details.slice(1)) console.error(`  ${line}`);
  process.exit(1);
}

if (require.main === module) main();

module.exports = { SCHEMA, validateManifest };
