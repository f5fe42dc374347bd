/**
 * Nothing lost: killing `report` mid-write leaves the input intact and no partial output, and two
 * runs at once on the same file leave a whole workbook. These drive the built CLI (lib/, rebuilt by
 * npm test's pretest) as a separate process, as a user or a pipeline would.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { readXlsxFast } from '../../src/workbook/xlsx/fast/read';
import { SAMPLE, tempDir } from '../helpers/cli';

const BIN = path.join(__dirname, '..', '..', 'bin', 'commissioning.js');

function start(args: string[]): { done: Promise<number | null>; kill: () => void } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  return { done: new Promise((resolve) => child.on('exit', (code) => resolve(code))), kill: () => child.kill('SIGKILL') };
}

async function isWholeReport(file: string): Promise<boolean> {
  const workbook = readXlsxFast(await fs.readFile(file), (d) => inflateRawSync(d));
  return ['Findings', 'Rollup', 'Register', 'Panel report'].every((name) => workbook.sheets.some((s) => s.name === name && s.generated));
}

describe('report under interruption and contention', () => {
  let dir: string;
  let input: string;
  let original: Buffer;
  beforeAll(async () => {
    dir = await tempDir();
    input = path.join(dir, 'budget.xlsx');
    original = await fs.readFile(SAMPLE);
    await fs.writeFile(input, original);
  });

  it('killed at any moment, leaves the input intact and either no output or a whole one', async () => {
    for (const delayMs of [5, 50, 150, 300, 500, 800]) {
      const out = path.join(dir, `killed-${delayMs}.xlsx`);
      const run = start(['report', input, '--out', out]);
      await new Promise((r) => setTimeout(r, delayMs));
      run.kill();
      await run.done;
      expect((await fs.readFile(input)).equals(original)).toBe(true);
      const exists = await fs.access(out).then(
        () => true,
        () => false,
      );
      if (exists) expect(await isWholeReport(out)).toBe(true);
    }
  }, 60_000);

  it('two runs at once on the same file leave a whole workbook', async () => {
    const out = path.join(dir, 'shared.xlsx');
    const [a, b] = [start(['report', input, '--out', out]), start(['report', input, '--out', out])];
    expect(await a.done).toBe(1);
    expect(await b.done).toBe(1);
    expect(await isWholeReport(out)).toBe(true);
    expect((await fs.readFile(input)).equals(original)).toBe(true);
    // Only this test's runs: a run killed by SIGKILL in the test above cannot remove its temporary file.
    const leftovers = (await fs.readdir(dir)).filter((f) => f.startsWith('.shared.xlsx.') && f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 60_000);
});
