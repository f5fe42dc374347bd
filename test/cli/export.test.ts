import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { validateGiving360Package } from '../../src/reports/giving360/validate';
import type { Giving360Package } from '../../src/reports/giving360/types';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';

type Row = (string | number | Date | null)[];
const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

async function workbookFile(dir: string, name: string, sheets: Record<string, Row[]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  }
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const HEADER: Row = ['Ref', 'Title', 'Recipient', 'Type', 'Amount £', 'Award date', 'Start date', 'End date'];
/**
 * The default model as a file: a small hand-made register names none of its priority areas, so without
 * --model it is checked with no model, whose organisation funds nothing and knows no London boroughs.
 */
const DEFAULT_MODEL = path.join(__dirname, '..', '..', 'src', 'model', 'default-model.json');

function exportArgs(workbook: string, out: string, ...more: string[]): string[] {
  return ['export', workbook, '--format', '360giving', '--out', out, '--prefix', '360G-mopac', ...more];
}

describe('commissioning export of the sample workbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('writes a valid 360Giving package, exits 0, and sums it up in a few short lines', async () => {
    const out = path.join(dir, 'grants.json');
    const before = await fs.readFile(SAMPLE);
    const run = await runCli(exportArgs(SAMPLE, out));
    expect(run.code).toBe(0);
    const pkg = JSON.parse(await fs.readFile(out, 'utf8')) as Giving360Package;
    expect(validateGiving360Package(pkg)).toEqual({ valid: true });
    // The sample register holds 15 grants and 5 contracts; 360Giving publishes the grants.
    expect(pkg.grants).toHaveLength(15);
    expect(pkg.grants[0].id).toBe('360G-mopac-MOPAC-CG-003');
    const total = pkg.grants.reduce((sum, g) => sum + g.amountAwarded, 0);
    expect(run.stdout).toContain(`Wrote 15 grants worth £${total.toLocaleString('en-GB')} to ${out}`);
    expect(run.stdout).toContain('Register checks: 0 errors, 0 warnings.');
    expect(run.stdout).toContain('Skipped 5 records: MOPAC-CG-001 (Contracts and grants!D2: a contract, not a grant (360Giving publishes grants))');
    expect(run.stdout).toContain(`15 recipients need a real org-id (published under an internal id such as 360G-mopac-ORG-redthread): Redthread;`);
    // Long lists show their first five, and say where the rest are.
    expect(run.stdout).toContain(`… and 10 more (all of them with --json or in ${out}).`);
    expect(run.stdout).toContain("Funding organisation: Mayor's Office for Policing and Crime (GB-TBC-MOPAC, not a real org-id)");
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(8);
    for (const line of lines) expect(line.length).toBeLessThan(600);
    expect((await fs.readFile(SAMPLE)).equals(before)).toBe(true);
  });

  it("warns on stderr that the model's funder id is a placeholder, and not when --funder-id is a real-looking one", async () => {
    const placeholder = await runCli(exportArgs(SAMPLE, path.join(dir, 'a.json')));
    expect(placeholder.stderr).toContain('warning: the funding organisation id "GB-TBC-MOPAC" is a placeholder');
    expect(placeholder.stderr).toContain('--funder-id');
    const real = await runCli(exportArgs(SAMPLE, path.join(dir, 'b.json'), '--funder-id', 'GB-GOR-PB123'));
    expect(real.stderr).toBe('');
    const pkg = JSON.parse(await fs.readFile(path.join(dir, 'b.json'), 'utf8')) as Giving360Package;
    expect(pkg.grants.every((g) => g.fundingOrganization[0].id === 'GB-GOR-PB123')).toBe(true);
    const bare = await runCli(exportArgs(SAMPLE, path.join(dir, 'c.json'), '--funder-id', 'MOPAC'));
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('"MOPAC" does not look like an org-id.guide identifier');
  });

  it('writes CSV when --out ends in .csv', async () => {
    const out = path.join(dir, 'grants.CSV');
    const run = await runCli(exportArgs(SAMPLE, out));
    expect(run.code).toBe(0);
    const text = await fs.readFile(out, 'utf8');
    expect(text.startsWith('\uFEFFIdentifier,Title,Description,Currency,Amount Awarded,Award Date,')).toBe(true);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(16);
    expect(run.stdout).toContain('360Giving CSV');
  });
});

describe('commissioning export: errors and bad usage', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('still writes the export when the register has errors, says so on stderr and exits 1', async () => {
    const workbook = await workbookFile(dir, 'errors.xlsx', {
      Grants: [
        HEADER,
        ['G1', 'Youth outreach', 'London Borough of Lambeth', 'Grant', 800000, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)],
        ['G2', 'Advocacy', null, 'Grant', 5000, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)],
        ['G1', 'Repeat', 'Advance', 'Grant', 100, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)],
      ],
    });
    const out = path.join(dir, 'errors.json');
    const run = await runCli(exportArgs(workbook, out, '--model', DEFAULT_MODEL));
    expect(run.code).toBe(1);
    const pkg = JSON.parse(await fs.readFile(out, 'utf8')) as Giving360Package;
    expect(pkg.grants.map((g) => g.id)).toEqual(['360G-mopac-G1']);
    expect(pkg.grants[0].recipientOrganization[0].id).toBe('GB-LAE-LBH');
    expect(run.stderr).toContain('ERROR Grants!C3 register-missing-field');
    expect(run.stderr).toContain('ERROR Grants!A4 register-duplicate-id');
    expect(run.stderr).toContain('warning: this export has 2 register errors');
    expect(run.stdout).toContain('Register checks: 2 errors, 0 warnings.');
    expect(run.stdout).toContain('Skipped 2 records: G2 (Grants!C3: no recipient); G1 (Grants!A4: id G1 is used again (first on row 2))');
  });

  it('refuses a workbook with no register: exit 2, nothing written', async () => {
    const workbook = await workbookFile(dir, 'budget.xlsx', {
      Budget: [
        ['Programme', 'Budget £m'],
        ['A', 1],
        ['B', 2],
      ],
    });
    const out = path.join(dir, 'none.json');
    const run = await runCli(exportArgs(workbook, out));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no contracts and grants register');
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('writes nothing when no record can be published', async () => {
    const workbook = await workbookFile(dir, 'blank.xlsx', { Grants: [HEADER, ['G1', 'Hub', null, 'Grant', 5, null, null, null]] });
    const out = path.join(dir, 'blank.json');
    const run = await runCli(exportArgs(workbook, out, '--model', DEFAULT_MODEL));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('none of the 1 register records can be published (G1 (Grants!C2: no recipient, no award date))');
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('with no model and no funder column, publishes nothing and says to pass --funder-name; with it, credits that funder', async () => {
    const rows: Row[] = [HEADER, ...Array.from({ length: 8 }, (_, i): Row => [`G${i + 1}`, 'Hub', 'Redthread', 'Grant', 200, d(2019, 3, 1), null, null])];
    const workbook = await workbookFile(dir, 'nofunder.xlsx', { Grants: rows });
    const refused = await runCli(exportArgs(workbook, path.join(dir, 'nofunder.json')));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'none of the 8 register records can be published (G1 (no funder (the register names none: pass --funder-name (and --funder-id))); G2',
    );
    // Five listed, the rest counted.
    expect(refused.stderr).toContain('… and 3 more (all of them with --json)); nothing was written.');
    await expect(fs.access(path.join(dir, 'nofunder.json'))).rejects.toThrow();

    const out = path.join(dir, 'funded.json');
    const funded = await runCli(exportArgs(workbook, out, '--funder-name', 'Kind Fund', '--funder-id', 'GB-CHC-1234567'));
    expect(funded.code).toBe(0);
    const pkg = JSON.parse(await fs.readFile(out, 'utf8')) as Giving360Package;
    expect(pkg.grants).toHaveLength(8);
    expect(pkg.grants.every((g) => g.fundingOrganization[0].id === 'GB-CHC-1234567' && g.fundingOrganization[0].name === 'Kind Fund')).toBe(true);
    expect(pkg.grants.map((g) => g.amountAwarded)).toEqual(Array(8).fill(200));
    expect(funded.stdout).toContain('Wrote 8 grants worth £1,600 to');
    expect(funded.stderr).toBe('');
  });

  it('says --funder-id needs --funder-name when no model names the funder', async () => {
    const workbook = await workbookFile(dir, 'idonly.xlsx', { Grants: [HEADER, ['G1', 'Hub', 'Redthread', 'Grant', 200, d(2019, 3, 1), null, null]] });
    const run = await runCli(exportArgs(workbook, path.join(dir, 'idonly.json'), '--funder-id', 'GB-CHC-1234567'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--funder-id needs --funder-name');
  });

  it('with --json, prints every skipped record and organisation, even when nothing is written', async () => {
    const rows: Row[] = [HEADER, ...Array.from({ length: 7 }, (_, i): Row => [`G${i + 1}`, 'Hub', 'Redthread', 'Grant', 200, d(2019, 3, 1), null, null])];
    const workbook = await workbookFile(dir, 'json.xlsx', { Grants: rows });
    const run = await runCli(exportArgs(workbook, path.join(dir, 'json.json'), '--json'));
    expect(run.code).toBe(2);
    const summary = JSON.parse(run.stdout) as {
      written: boolean;
      grants: number;
      skipped: { ref: string }[];
      skippedTotal: string;
      sourceTotal: string;
      funder: unknown;
    };
    expect(summary).toMatchObject({ written: false, grants: 0, skippedTotal: '1400', sourceTotal: '1400', funder: null });
    expect(summary.skipped.map((s) => s.ref)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7']);
  });

  it('never overwrites its input: --out the workbook itself exits 2 and leaves it unchanged', async () => {
    const copy = path.join(dir, 'sample.xlsx');
    await fs.copyFile(SAMPLE, copy);
    const before = await fs.readFile(copy);
    const run = await runCli(exportArgs(copy, path.join(dir, '.', 'sample.xlsx')));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is the workbook itself; the export never overwrites its input');
    expect((await fs.readFile(copy)).equals(before)).toBe(true);
  });

  it.each([
    [['--prefix', 'mopac'], '--prefix "mopac" is not a 360Giving prefix'],
    [['--format', 'iati'], '--format must be 360giving'],
    [['--out', 'grants.xml'], '--out must end in .json (a 360Giving package) or .csv'],
  ])('exits 2 with one line for bad usage: %j', async (override, message) => {
    const args = exportArgs(SAMPLE, path.join(dir, 'x.json'));
    const at = args.indexOf(override[0]);
    args[at + 1] = override[1];
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when a required option is missing or the workbook is unreadable', async () => {
    const missing = await runCli(['export', SAMPLE, '--format', '360giving', '--out', path.join(dir, 'y.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--prefix is required')]);
    const unreadable = await runCli(exportArgs(path.join(dir, 'nope.xlsx'), path.join(dir, 'y.json')));
    expect([unreadable.code, unreadable.stderr]).toEqual([2, expect.stringContaining('no such file')]);
  });

  it('documents its options in --help', async () => {
    const run = await runCli(['export', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--format 360giving', '--out FILE', '--prefix PREFIX', '--funder-name NAME', '--funder-id ID', '--model FILE', '--json']) {
      expect(run.stdout).toContain(option);
    }
  });
});
