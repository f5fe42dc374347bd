/** Where the tests find the shared folder, and what they say when it is not there. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHARED_ENV, missingSharedMessage, requireSharedPath, sharedDir, sharedPath } from './shared-folder';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

describe('the shared folder', () => {
  const saved = process.env[SHARED_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[SHARED_ENV];
    else process.env[SHARED_ENV] = saved;
  });

  test('defaults to ../shared beside the repository', () => {
    expect(sharedDir({})).toBe(path.resolve(REPO_ROOT, '..', 'shared'));
  });

  test('is $COMMISSIONING_SHARED when set, resolved from the current directory', () => {
    expect(sharedDir({ [SHARED_ENV]: '/somewhere/shared' })).toBe(path.resolve('/somewhere/shared'));
    expect(sharedDir({ [SHARED_ENV]: 'elsewhere' })).toBe(path.resolve(process.cwd(), 'elsewhere'));
  });

  test('finds a file there, and names the variable to set when the file is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-folder-'));
    try {
      fs.mkdirSync(path.join(dir, 'seeds'));
      process.env[SHARED_ENV] = dir;
      expect(requireSharedPath('seeds')).toBe(path.join(dir, 'seeds'));
      expect(sharedPath('reference', 'x.xsd')).toBe(path.join(dir, 'reference', 'x.xsd'));
      expect(() => requireSharedPath('DESIGN.md')).toThrow(`${path.join(dir, 'DESIGN.md')} not found`);
      expect(() => requireSharedPath('DESIGN.md')).toThrow(`Set ${SHARED_ENV} to the folder that holds them`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('says which place it looked in: the variable, or the default beside the repository', () => {
    expect(missingSharedMessage('/x/seeds', { [SHARED_ENV]: '/x' })).toContain(`from $${SHARED_ENV} (/x)`);
    expect(missingSharedMessage('/y/seeds', {})).toContain(`from the default ${path.resolve(REPO_ROOT, '..', 'shared')} (beside the repository)`);
  });
});
