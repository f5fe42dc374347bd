import { SAMPLE, runCli } from '../helpers/cli';

interface RollupJson {
  by: string[];
  unit: string;
  rows: { key: Record<string, string>; budget: string; forecast: string; actual: string; variance: string; variancePct: string | null; share: string | null; rag: string | null; stated: string | null }[];
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
    expect(run.stdout).toContain('Budgets rounded so that they add up (largest remainder)');
  });

  it('refuses unknown dimensions and a missing --by with exit 2', async () => {
    const unknown = await runCli(['rollup', SAMPLE, '--by', 'colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--by colour: no column is headed "colour"; group by priority-area/);
    expect((await runCli(['rollup', SAMPLE])).stderr).toMatch(/--by is required/);
  });
});
