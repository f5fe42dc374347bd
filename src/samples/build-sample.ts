/**
 * `npm run sample`: regenerates assets/samples/commissioning-2019-20.xlsx from src/samples/data.
 * Runs from lib/samples after the build, so the repository root is two folders up.
 * An optional argument writes somewhere else instead.
 */
import * as path from 'path';
import { SAMPLE_FILE_NAME, writeSampleWorkbook } from './sample-workbook';

const DEFAULT_SAMPLE_PATH = path.resolve(__dirname, '..', '..', 'assets', 'samples', SAMPLE_FILE_NAME);

async function main(): Promise<void> {
  const outPath = process.argv[2] === undefined ? DEFAULT_SAMPLE_PATH : path.resolve(process.argv[2]);
  await writeSampleWorkbook(outPath);
  process.stdout.write(`Wrote ${outPath}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not build the sample workbook: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
