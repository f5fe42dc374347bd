/** The CLI's contact with the outside world, passed in so commands can be tested in-process. */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(filePath: string): Promise<Uint8Array>;
  /** Writes atomically: a temporary file beside the target, then a rename, so no partial file is ever seen. */
  writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void>;
  resolve(filePath: string): string;
}

export class FileNotReadableError extends Error {}

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readFile: async (filePath) => {
      try {
        return await fs.readFile(filePath);
      } catch (err) {
        throw new FileNotReadableError(describeFsError(filePath, err));
      }
    },
    writeFileAtomic: async (filePath, data) => {
      const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
      try {
        await fs.writeFile(temp, data, { flag: 'wx' });
        await fs.rename(temp, filePath);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw new FileNotReadableError(describeFsError(filePath, err));
      }
    },
    resolve: (filePath) => path.resolve(filePath),
  };
}

function describeFsError(filePath: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${filePath}: no such file`;
    case 'EISDIR':
      return `${filePath} is a folder, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `${filePath}: permission denied`;
    default:
      return `${filePath}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Same path, or the same file under another name (a link): either way, writing one would overwrite the other. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Whether anything (a file, a folder, a link) is at `filePath`: a command that must not replace it asks first. */
export async function fileExists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch {
    return false;
  }
}
