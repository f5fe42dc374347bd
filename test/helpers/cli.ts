import * as path from 'path';
import { main } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/io';
import { makeTempDir } from './temp-dir';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with real files, capturing what it prints. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export async function tempDir(): Promise<string> {
  return makeTempDir('commissioning-test-');
}

export const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');
