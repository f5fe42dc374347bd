/** `commissioning check --csv FILE`: every finding as the pane's CSV export, written to a new file, never over the workbook. */
import * as fs from 'fs';
import * as path from 'path';
import { runCli, SAMPLE, tempDir } from '../helpers/cli';
import { parseCsv } from '../reports/giving360/csv-reader';

jest.setTimeout(60_000);

test('writes every finding, errors first, under the header, and says so after the usual output', async () => {
  const dir = await tempDir();
  const out = path.join(dir, 'findings.csv');
  const run = await runCli(['check', SAMPLE, '--csv', out]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/Summary: 4 errors, 17 warnings, 24 info\.\n/);
  expect(run.stdout).toContain(`Wrote 45 findings to ${out}.\n`);
  const text = fs.readFileSync(out, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual(['Severity', 'RAG', 'Rule', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual', 'Unit', 'Suggestion', 'Decision', 'Reason', 'Date']);
  expect(rows.slice(1)).toHaveLength(45);
  expect(rows.slice(1, 5).map((r) => r[0])).toEqual(['Error', 'Error', 'Error', 'Error']);
  expect(rows[5][0]).toBe('Warning');
});

test('with --json, standard output stays the JSON alone', async () => {
  const dir = await tempDir();
  const out = path.join(dir, 'findings.csv');
  const run = await runCli(['check', SAMPLE, '--json', '--csv', out]);
  expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toHaveLength(45);
  expect(run.stderr).toBe(`Wrote 45 findings to ${out}.\n`);
  expect(fs.existsSync(out)).toBe(true);
});

test('refuses a file that is not .csv, and the workbook itself, before reading anything', async () => {
  const dir = await tempDir();
  const copy = path.join(dir, 'budget.csv');
  fs.copyFileSync(SAMPLE, copy);
  const notCsv = await runCli(['check', SAMPLE, '--csv', path.join(dir, 'findings.xlsx')]);
  expect(notCsv.code).toBe(2);
  expect(notCsv.stderr).toMatch(/--csv must name a \.csv file, not "findings\.xlsx"/);
  const itself = await runCli(['check', copy, '--csv', copy]);
  expect(itself.code).toBe(2);
  expect(itself.stderr).toMatch(/is the workbook itself; check never writes its input/);
  expect(fs.readFileSync(copy).equals(fs.readFileSync(SAMPLE))).toBe(true);
});
