/** `check --csv FILE`: every finding of the check as CSV (the pane's "Export findings (CSV)"), never over the workbook read. */
import * as path from 'path';
import type { Finding } from '../checks/finding';
import { findingsCsv, orderFindings } from '../reports/findings-table';
import { UsageError } from './args';
import { isSameFile, type CliIo } from './io';

/** The CSV file to write, checked before the work starts: a .csv file that is not the workbook itself. */
export async function csvOutPath(io: CliIo, csvPath: string | undefined, workbookPath: string): Promise<string | undefined> {
  if (csvPath === undefined) return undefined;
  if (!/\.csv$/i.test(csvPath)) throw new UsageError(`check: --csv must name a .csv file, not "${path.basename(csvPath)}"`);
  if (await isSameFile(io.resolve(csvPath), io.resolve(workbookPath))) {
    throw new UsageError(`check: --csv ${csvPath} is the workbook itself; check never writes its input`);
  }
  return csvPath;
}

/** Writes the findings (errors first, decided last) and says so in one line. */
export async function writeFindingsCsv(io: CliIo, csvPath: string, findings: readonly Finding[], sheetOrder: readonly string[]): Promise<string> {
  await io.writeFileAtomic(csvPath, findingsCsv(orderFindings(findings, sheetOrder)));
  return `Wrote ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} to ${csvPath}.\n`;
}
