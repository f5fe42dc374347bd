/**
 * The shared folder the tests read beside the code: DESIGN.md, the seed documents (seeds/) and the
 * verbatim reference schemas (reference/). It is $COMMISSIONING_SHARED when set, otherwise `../shared`
 * from the repository root, where CI and a fresh clone put it; no machine's absolute path is assumed.
 *
 * Every file in it is required, not optional: the tests that read it are what check the default model
 * against its sources and the written packages and manifest against their schemas, so a missing folder
 * fails those tests with a message saying what to set rather than letting `npm test` pass having
 * checked less.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SHARED_ENV = 'COMMISSIONING_SHARED';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The shared folder: $COMMISSIONING_SHARED (relative to the current directory) or <repo>/../shared. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[SHARED_ENV];
  return chosen ? path.resolve(chosen) : path.resolve(REPO_ROOT, '..', 'shared');
}

/** A path inside the shared folder, whether or not it exists (for helpers that check lazily). */
export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}

/** Why a shared file is missing, and what to do about it. */
export function missingSharedMessage(file: string, env: NodeJS.ProcessEnv = process.env): string {
  const where = env[SHARED_ENV] ? `$${SHARED_ENV} (${env[SHARED_ENV]})` : `the default ${sharedDir(env)} (beside the repository)`;
  return (
    `${file} not found: the tests read the shared folder (DESIGN.md, seeds/, reference/) from ${where}. ` +
    `Set ${SHARED_ENV} to the folder that holds them, e.g. ${SHARED_ENV}=/path/to/shared npm test`
  );
}

/** A path inside the shared folder that must exist: throws, saying what to set, when it does not. */
export function requireSharedPath(...parts: string[]): string {
  const file = sharedPath(...parts);
  if (!fs.existsSync(file)) throw new Error(missingSharedMessage(file));
  return file;
}
