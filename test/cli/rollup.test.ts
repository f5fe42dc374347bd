import { promises as fs } from 'fs';
import * as path from 'path';
import { Money } from '../../src/money/decimal';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { SAMPLE, runCli } from '../helpers/cli';

interface RollupJson {
  by: string[];
  unit: string;
  rows: {
    key: Record<string, string>;
    budget: string;
    forecast: string;
    actual: string;
    variance: string;
    variancePct: string | null;
    share: string | null;
    rag: string | null;
    stated: string | null;
  }[];
  total: { budget: string; stated: string | null };
  disagreements: { key: Record<string, string>; stated: string; computed: string }[];
}

describe('commissioning rollup', () => {
  it('prints the split of 2019/20 spend by priority area and where the seed disagrees', async () => {
    const run = await runCli(['rollup', SAMPLE, '--by', 'priority-area']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/A Better Criminal Justice Service\s+8\s+£18\.1m/);
    expect(run.stdout).toMatch(/Total\s+31\s+£53\.8m/);
    expect(run.stdout).toContain('A Better Criminal Justice Service: stated £17.9m, lines sum to £18.1m');
    expect(run.stdout).toContain('2020/21  £62.6m (+£9.0m, +16.8%)');
  });

  it('prints the contract JSON with exact decimal strings in pounds', async () => {
    const run = await runCli(['rollup', SAMPLE, '--by', 'priority-area,year', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as RollupJson;
    expect(json.by).toEqual(['priority-area', 'year']);
    expect(json.unit).toBe('GBP');
    const cjs = json.rows.find((r) => r.key['priority-area'] === 'A Better Criminal Justice Service');
    expect(cjs).toMatchObject({ key: { year: '2019/20' }, budget: '18100000', stated: '17900000' });
    expect(json.total.budget).toBe('53800000');
    for (const row of json.rows) expect(row.budget).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('rounds so the parts add up when asked', async () => {
    const run = await runCli(['rollup', SAMPLE, '--by', 'priority-area', '--rounding', 'largest-remainder']);
    expect(run.stdout).toContain('Figures rounded so that they add up (largest remainder)');
  });

  it('refuses unknown dimensions and a missing --by with exit 2', async () => {
    const unknown = await runCli(['rollup', SAMPLE, '--by', 'colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--by colour: no column is headed "colour"; group by priority-area/);
    expect((await runCli(['rollup', SAMPLE])).stderr).toMatch(/--by is required/);
  });
});

describe('commissioning rollup without a model', () => {
  const TRAFFORD = path.join(__dirname, '../fixtures/public/trafford-council-grants-360giving.xlsx');

  it("groups a council's grants by a column of its own, to the penny of its Amount Awarded column", async () => {
    const workbook = await readXlsx(new Uint8Array(await fs.readFile(TRAFFORD)), 'trafford');
    const grid = workbook.sheets[0];
    const header = grid.row(0).map((c) => c?.value);
    const awarded = header.indexOf('Amount Awarded');
    let pence = 0n;
    for (const row of grid.rowIndexes().slice(1)) {
      const v = grid.value(row, awarded);
      if (typeof v === 'number') pence += BigInt(Math.round(v * 100));
    }
    const run = await runCli(['rollup', TRAFFORD, '--by', 'Grant Programme:Title', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as RollupJson & { baseTitle: string };
    expect(json.rows.map((r) => r.key['column:Grant Programme:Title'])).toEqual(['Voluntary Sector Grants']);
    expect(new Money(json.total.budget).times(100).toString()).toBe(pence.toString());
    expect(json.baseTitle).toBe('Amount');
    expect(json.total.stated).toBeNull();
    const text = await runCli(['rollup', TRAFFORD, '--by', 'AH']);
    expect(text.stdout).toContain('no model applies');
    expect(text.stdout).not.toMatch(/RAG|Stated|MOPAC/);
  });

  it('refuses a column letter with no names in it, naming the columns it could use', async () => {
    const run = await runCli(['rollup', TRAFFORD, '--by', 'F']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/column F holds no names to group by in any table; group by .*, or a column: .*"Recipient Org:Name"/);
  });
});
