/**
 * Schema-checks an add-in manifest with xmllint against the Office XSDs in the shared folder, which is
 * cloned beside the repository (<clone>/../shared). Used by the manifest and build tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const MANIFEST_SCHEMA = path.resolve(
  REPO_ROOT,
  '..',
  'shared',
  'reference',
  'office-manifest-xsd',
  'OfficeAppManifestV1_1.xsd'
);

export interface XmllintResult {
  readonly status: number | null;
  /** xmllint's messages, without its warnings about MailAppVersionOverridesV1_1.xsd (not in the task-pane set). */
  readonly messages: string;
}

export function validateAgainstSchema(manifestPath: string): XmllintResult {
  if (!fs.existsSync(MANIFEST_SCHEMA)) {
    throw new Error(`Office manifest schema not found at ${MANIFEST_SCHEMA}: the shared folder must sit beside the repository`);
  }
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', MANIFEST_SCHEMA, manifestPath], {
    encoding: 'utf8',
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'xmllint is not installed: apt-get install libxml2-utils' : result.error.message);
  }
  const messages = result.stderr
    .split('\n')
    .filter((line) => !line.includes('MailAppVersionOverridesV1_1.xsd'))
    .join('\n');
  return { status: result.status, messages };
}
