/**
 * Decisions kept in a workbook (the hidden "Workbench decisions" sheet) honoured by `commissioning check`
 * and `commissioning report`: decided findings leave the open counts and the exit status, and are listed
 * with their reason and date; a decision whose figures changed no longer applies and is reported.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { decisionFor, type Decision } from '../../src/checks/decisions';
import type { Finding } from '../../src/checks/finding';
import { buildDecisionsSheet } from '../../src/reports/builders/decisions';
import type { GridWorkbook } from '../../src/sheet/grid';
import { readXlsxFast } from '../../src/workbook/xlsx/fast/read';
import { writeReport } from '../../src/workbook/xlsx/write';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';

interface CheckJson {
  findings: Finding[];
  summary: { errors: number; warnings: number; info: number; decided?: number };
  decisions?: { sheet: string | null; decisions: number; unmatched: Decision[]; problems: string[] };
}

async function checkJson(file: string): Promise<{ code: number; json: CheckJson }> {
  const run = await runCli(['check', file, '--json']);
  return { code: run.code, json: JSON.parse(run.stdout) as CheckJson };
}

async function read(file: string): Promise<GridWorkbook> {
  return readXlsxFast(await fs.readFile(file), (d) => inflateRawSync(d));
}

function sheetText(workbook: GridWorkbook, name: string): string[] {
  const grid = workbook.sheets.find((g) => g.name === name)!;
  return grid.rowIndexes().map((r) =>
    grid
      .row(r)
      .map((c) => (c?.value === null || c?.value === undefined ? '' : String(c.value as string)))
      .join('|'),
  );
}

describe('a workbook with decisions', () => {
  let dir: string;
  let plain: CheckJson;
  let errors: Finding[];
  let ignoredWarning: Finding;
  let decidedFile: string;

  beforeAll(async () => {
    dir = await tempDir();
    plain = (await checkJson(SAMPLE)).json;
    errors = plain.findings.filter((f) => f.severity === 'error');
    ignoredWarning = plain.findings.find((f) => f.severity === 'warning' && f.actual !== undefined)!;
    const stale = plain.findings.find((f) => f.severity === 'info' && f.actual !== undefined)!;
    const decisions: Decision[] = [
      ...errors.map((f) => decisionFor(f, { kind: 'accepted', reason: 'Agreed with the panel', date: '2020-01-08' })),
      // Ignored with other figures than the finding has: an ignored rule matches whatever the figures.
      decisionFor({ ...ignoredWarning, actual: '1' }, { kind: 'ignored', reason: '', date: '2020-01-09' }),
      // Accepted on figures the workbook no longer has: it must not hide the finding.
      decisionFor({ ...stale, actual: `${stale.actual}1` }, { kind: 'accepted', reason: 'Rounding explained', date: '2020-01-10' }),
    ];
    const written = await writeReport(new Uint8Array(await fs.readFile(SAMPLE)), [buildDecisionsSheet(decisions)]);
    decidedFile = path.join(dir, 'with-decisions.xlsx');
    await fs.writeFile(decidedFile, written.bytes);
  });

  it('keeps the decisions on a hidden sheet the product marks as its own', async () => {
    const workbook = await read(decidedFile);
    const sheet = workbook.sheets.find((g) => g.name === 'Workbench decisions');
    expect(sheet?.visibility).toBe('hidden');
    expect(sheet?.generated).toBe(true);
    expect(sheetText(workbook, 'Workbench decisions')).toContain(
      `${errors[0].rule}|${errors[0].sheet}|${errors[0].cell}|Accepted|Agreed with the panel|2020-01-08|${errors[0].expected ?? ''}|${errors[0].actual ?? ''}`,
    );
  });

  it('check: decided findings leave the open counts, so with every error accepted the exit status is 0', async () => {
    const { code, json } = await checkJson(decidedFile);
    expect(plain.summary.errors).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(json.summary).toEqual({ errors: 0, warnings: plain.summary.warnings - 1, info: plain.summary.info, decided: errors.length + 1 });
    const decided = json.findings.filter((f) => f.decision);
    expect(decided.map((f) => f.decision?.kind).sort()).toEqual([...errors.map(() => 'accepted'), 'ignored'].sort());
    expect(json.findings.find((f) => f.sheet === ignoredWarning.sheet && f.cell === ignoredWarning.cell && f.rule === ignoredWarning.rule)?.decision).toEqual({
      kind: 'ignored',
      reason: '',
      date: '2020-01-09',
    });
    expect(json.decisions?.unmatched).toHaveLength(1);
    expect(json.decisions?.unmatched[0].reason).toBe('Rounding explained');
  });

  it('check: lists decided findings after the open ones, with the reason and date, and says which decision no longer matches', async () => {
    const run = await runCli(['check', decidedFile]);
    const out = run.stdout;
    const decidedAt = out.indexOf(`Decided (${errors.length + 1}, not counted as open)`);
    expect(decidedAt).toBeGreaterThan(0);
    expect(out.indexOf(`${errors[0].sheet}!${errors[0].cell} error ${errors[0].rule}`)).toBeGreaterThan(decidedAt);
    expect(out).toContain('Accepted 2020-01-08: Agreed with the panel');
    expect(out).toContain('Ignored 2020-01-09');
    expect(out).toContain(`Summary: 0 errors, ${plain.summary.warnings - 1} warnings, ${plain.summary.info} info; ${errors.length + 1} decided.`);
    expect(out).toMatch(/1 decision no longer matches a finding \(a figure changed or the finding went\): /);
  });

  it('check: a workbook without decisions prints the summary as it always has', async () => {
    const run = await runCli(['check', SAMPLE]);
    expect(run.stdout).toMatch(/\nSummary: \d+ errors, \d+ warnings, \d+ info\.\n/);
    expect(run.stdout).not.toContain('decided');
    expect(plain.decisions).toBeUndefined();
  });

  it('report: the Findings sheet lists open findings, then a Decisions table with each reason and date', async () => {
    const out = path.join(dir, 'report.xlsx');
    const run = await runCli(['report', decidedFile, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`No errors open; ${plain.summary.warnings - 1} warnings, ${plain.summary.info} info; ${errors.length + 1} decided`);
    const findings = sheetText(await read(out), 'Findings');
    const decisionsTitle = findings.indexOf('Decisions');
    expect(decisionsTitle).toBeGreaterThan(0);
    const below = findings.slice(decisionsTitle);
    expect(below[2]).toBe('Decision|Reason|Date|Severity|Rule|Sheet|Cell|Message|Expected|Actual');
    expect(below).toContainEqual(expect.stringMatching(new RegExp(`^Accepted\\|Agreed with the panel\\|2020-01-08\\|Error\\|${errors[0].rule}\\|`)));
    expect(below).toContainEqual(expect.stringMatching(/^Accepted \(no longer matches\)\|Rounding explained\|2020-01-10\|/));
    // Above the Decisions table, no decided finding is listed as open.
    const open = findings.slice(0, decisionsTitle);
    expect(open.filter((row) => row.startsWith('Error|'))).toEqual([]);
  });
});
