/**
 * Temporary folders for a test file, removed when the file's tests are done, so runs do not pile up
 * in the system's temp folder. Paths handed out stay valid until then.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
