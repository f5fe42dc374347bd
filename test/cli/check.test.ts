import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/checks/finding';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';

interface CheckJson {
  workbook: string;
  model: { kind: string };
  tables: { sheet: string; range: string; title: string | null; unit: string }[];
  findings: Finding[];
  summary: { errors: number; warnings: number; info: number };
}

async function checkJson(file: string): Promise<{ code: number; json: CheckJson }> {
  const run = await runCli(['check', file, '--json']);
  return { code: run.code, json: JSON.parse(run.stdout) as CheckJson };
}

function at(findings: Finding[], sheet: string, rule: string): Finding[] {
  return findings.filter((f) => f.sheet === sheet && f.rule === rule);
}

describe('commissioning check on the sample workbook', () => {
  let result: { code: number; json: CheckJson };
  beforeAll(async () => {
    result = await checkJson(SAMPLE);
  });

  it('exits 1 because the sample has errors, and summarises by severity', () => {
    expect(result.code).toBe(1);
    const s = result.json.summary;
    expect(s.errors).toBeGreaterThan(0);
    expect(s.errors + s.warnings + s.info).toBe(result.json.findings.length);
    expect(result.json.model.kind).toBe('default');
    expect(result.json.tables.length).toBeGreaterThanOrEqual(11);
  });

  it('catches the Better Criminal Justice Service, policing and hatred headlines against their activities', () => {
    const headlines = at(result.json.findings, 'Spend by priority area', 'headline-mismatch');
    const stated = headlines.map((f) => `${f.actual}→${f.expected}`).sort();
    expect(stated).toEqual(['17.9→18.1', '2.1→2.2', '2.3→2.2']);
    for (const f of headlines) expect(f.cell).toMatch(/^A\d+$/);
  });

  it('catches the LCPF borough allocations and forecasts against their stated totals', () => {
    const totals = at(result.json.findings, 'LCPF boroughs', 'total-rounding');
    expect(totals.map((f) => `${f.actual}→${f.expected}`).sort()).toEqual(['12.4→12.8', '13.4→13.8']);
    const allocation = totals.find((f) => f.actual === '13.4');
    expect(allocation?.message).toBe(
      'Total (Allocation) £13.4m, but the 33 lines above sum to £13.8m: £0.4m apart, within the £1.7m that rounding 34 figures to the nearest £0.1m could explain.',
    );
  });

  it('catches the VAWG tranches against the £15.0m fund', () => {
    const [f] = at(result.json.findings, 'VAWG fund', 'total-rounding');
    expect([f.actual, f.expected]).toEqual(['15', '15.1']);
  });

  it('infers the two blank Co-Commissioning Fund allocations', () => {
    const missing = at(result.json.findings, 'Co-Commissioning Fund', 'missing-value');
    expect(missing.map((f) => f.suggestion)).toEqual(['0.6', '1.7']);
    expect(at(result.json.findings, 'Co-Commissioning Fund', 'total-mismatch')).toEqual([]);
  });

  it('infers the Early Intervention Youth Fund blank budgets and flags its negative figures', () => {
    const missing = at(result.json.findings, 'Early Intervention Youth Fund', 'missing-value');
    expect(missing.map((f) => f.suggestion)).toEqual(['-0.34', '-0.1', '-2.84']);
    expect(at(result.json.findings, 'Early Intervention Youth Fund', 'negative-amount').length).toBeGreaterThan(0);
  });

  it('finds nothing wrong on the tables that add up', () => {
    const quiet = ['Young Londoners Fund', 'Police Transformation Fund', 'Contracts and grants', 'Audit actions'];
    for (const sheet of quiet) {
      const serious = result.json.findings.filter((f) => f.sheet === sheet && f.severity !== 'info');
      expect({ sheet, serious }).toEqual({ sheet, serious: [] });
    }
  });

  it('prints findings grouped by sheet for people', async () => {
    const run = await runCli(['check', SAMPLE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\nLCPF boroughs\n');
    expect(run.stdout).toMatch(/Summary: \d+ errors?, \d+ warnings?, \d+ info\./);
    expect(run.stderr).toBe('');
  });

  it('prints a RAG status beside the severity, never in its place, and the figures as the message shows them', async () => {
    const run = await runCli(['check', SAMPLE]);
    expect(run.stdout).toContain(
      [
        '  J9     warning Red   variance-threshold',
        '         Variance -£1,100,000 for “Other small projects” is 52.4% of the budget, past the red threshold of 10% or £500,000.',
        '         actual -£1,100,000',
      ].join('\n'),
    );
    expect(run.stdout).toContain('  J11    info    Amber variance-threshold\n');
    expect(run.stdout).not.toMatch(/^\s+(Red|Amber): /m);
    expect(run.stdout).toContain('         expected £53,600,000  actual £53,800,000\n');
  });

  it('names the other findings about the same difference', async () => {
    const run = await runCli(['check', SAMPLE]);
    expect(run.stdout).toContain('  A31    warning headline-mismatch\n');
    expect(run.stdout).toContain("         same difference as: 'Budget lines'!H12 (reconciliation-mismatch)\n");
    expect(run.stdout).toContain("         same difference as: 'Spend by priority area'!A31 (headline-mismatch)\n");
  });

  it('carries the status and the links in --json, in the one key order', () => {
    const [red] = at(result.json.findings, 'Budget lines', 'variance-threshold').filter((f) => f.cell === 'J9');
    expect(Object.keys(red)).toEqual(['rule', 'severity', 'status', 'sheet', 'cell', 'message', 'actual', 'unit', 'decimals']);
    expect(red.status).toBe('red');
    const [h12] = at(result.json.findings, 'Budget lines', 'reconciliation-mismatch').filter((f) => f.cell === 'H12');
    expect(h12.related).toEqual([{ sheet: 'Spend by priority area', cell: 'A31', rule: 'headline-mismatch' }]);
  });

  it('writes negatives in brackets with --negatives brackets, in messages and figures alike', async () => {
    const run = await runCli(['check', SAMPLE, '--negatives', 'brackets']);
    expect(run.stdout).toContain('         Variance (£1,100,000) for “Other small projects” is 52.4% of the budget');
    expect(run.stdout).toContain('         actual (£1,100,000)\n');
    const json = JSON.parse((await runCli(['check', SAMPLE, '--negatives', 'brackets', '--json'])).stdout) as CheckJson;
    expect(json.findings.find((f) => f.cell === 'J9')?.message).toMatch(/^Variance \(£1,100,000\)/);
    const bad = await runCli(['check', SAMPLE, '--negatives', 'red']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--negatives is brackets or minus, not "red"/);
  });
});

describe('commissioning check on a workbook with nothing wrong', () => {
  it('exits 0 with no error or warning', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'clean.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Budget');
    ws.addRows([
      ['Young Londoners Fund 2019/20'],
      ['Programme', '2019/20 Budget £m', '2019/20 Forecast £m', '2019/20 Variance £m'],
      ['London Gang Exit', 0.5, 0.5, 0],
      ['Major Trauma Centre and A&E Youth Work', 0.64, 0.64, 0],
    ]);
    ws.addRow(['Total', { formula: 'SUM(B3:B4)', result: 1.14 }, { formula: 'SUM(C3:C4)', result: 1.14 }, { formula: 'SUM(D3:D4)', result: 0 }]);
    await wb.xlsx.writeFile(file);
    const { code, json } = await checkJson(file);
    expect(json.findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('commissioning check on files that are not workbooks', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await fs.writeFile(path.join(dir, 'empty.xlsx'), '');
    await fs.writeFile(path.join(dir, 'random.xlsx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    // A real zip holding something other than a workbook.
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'not a workbook');
    await fs.writeFile(path.join(dir, 'other.zip.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await fs.writeFile(path.join(dir, 'encrypted.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  });

  it.each([
    ['empty.xlsx', /is empty/],
    ['random.xlsx', /is not an Excel workbook/],
    ['other.zip.xlsx', /zip file but not an Excel workbook/],
    ['encrypted.xlsx', /password-protected, encrypted or an old \.xls/],
    ['missing.xlsx', /no such file/],
  ])('%s exits 2 with one clear line', async (name, pattern) => {
    const run = await runCli(['check', path.join(dir, name)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad usage exits 2', async () => {
    expect((await runCli(['check'])).code).toBe(2);
    expect((await runCli(['check', SAMPLE, '--frobnicate'])).stderr).toMatch(/unknown option --frobnicate/);
    expect((await runCli(['nonsense'])).code).toBe(2);
  });
});
