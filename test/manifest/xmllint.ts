/**
 * Schema-checks an add-in manifest with xmllint against the Office XSDs in the shared folder
 * (test/helpers/shared-folder.ts says where that is). Used by the manifest and build tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { missingSharedMessage, sharedPath } from '../helpers/shared-folder';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const MANIFEST_SCHEMA = sharedPath('reference', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');

export interface XmllintResult {
  readonly status: number | null;
  /** xmllint's messages, without its warnings about MailAppVersionOverridesV1_1.xsd (not in the task-pane set). */
  readonly messages: string;
}

export function validateAgainstSchema(manifestPath: string): XmllintResult {
  if (!fs.existsSync(MANIFEST_SCHEMA)) {
    throw new Error(missingSharedMessage(MANIFEST_SCHEMA));
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
