import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { saveModelJson, defaultModel } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import type { CommissioningModel } from '../../src/model/types';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';

/** What `model --json` prints, as far as these tests read it. */
interface ModelJson {
  readonly origin: { readonly kind: string };
  readonly model: { readonly organisation: { readonly shortName: string } };
}
const modelJson = (stdout: string): ModelJson => JSON.parse(stdout) as ModelJson;

describe('commissioning model', () => {
  it('prints the default model in effect and where it came from, as JSON', async () => {
    const run = await runCli(['model', '--json']);
    expect(run.code).toBe(0);
    const { origin, model } = JSON.parse(run.stdout) as { origin: { kind: string; description: string }; model: CommissioningModel };
    expect(origin.kind).toBe('default');
    expect(origin.description).toMatch(/MOPAC audit-panel reports/);
    expect(model.priorityAreas).toHaveLength(5);
    expect(model.boroughs).toHaveLength(33);
    expect(model.boroughs.find((b) => b.name === 'Lambeth')).toMatchObject({ gss: 'E09000022', orgId: 'GB-LAE-LBH' });
    expect(model.totals.map((t) => `${t.year} ${t.amount}`)).toEqual(['2018/19 46100000', '2019/20 53600000', '2020/21 62600000']);
  });

  it('prints it for people, figures in £m', async () => {
    const run = await runCli(['model']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Model in effect: the default model');
    expect(run.stdout).toContain('2019/20 £53.6m');
    expect(run.stdout).toMatch(/A Better Criminal Justice Service\s+2019\/20 £17\.9m/);
  });

  it('uses --model over the default, and says so', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'm.json');
    const edited = { ...defaultModel(), organisation: { ...defaultModel().organisation, shortName: 'TEST' } };
    await fs.writeFile(file, saveModelJson(edited));
    const { origin, model } = modelJson((await runCli(['model', '--model', file, '--json'])).stdout);
    expect(origin).toMatchObject({ kind: 'json', path: file });
    expect(model.organisation.shortName).toBe('TEST');
  });

  it('uses a workbook’s own Model sheet when it has one, and the default when it has none', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'with-model.xlsx');
    const grid = writeModelSheet(defaultModel());
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Model');
    for (const r of grid.rowIndexes())
      grid.row(r).forEach((cell, c) => {
        if (cell) ws.getCell(r + 1, c + 1).value = cell.value as ExcelJS.CellValue;
      });
    await wb.xlsx.writeFile(file);
    const withSheet = modelJson((await runCli(['model', file, '--json'])).stdout);
    expect(withSheet.origin).toMatchObject({ kind: 'workbook', sheet: 'Model' });
    expect(withSheet.model).toEqual(JSON.parse(saveModelJson(defaultModel())));
    const without = modelJson((await runCli(['model', SAMPLE, '--json'])).stdout);
    expect(without.origin.kind).toBe('default');
  });

  it('names the bad field of a bad model file in one line, exit 2', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'bad.json');
    // The saved form: amounts are decimal strings.
    const bad = JSON.parse(saveModelJson(defaultModel())) as { priorityAreas: { figures: { amount: string }[] }[] };
    bad.priorityAreas[2].figures[0].amount = '2.3m';
    await fs.writeFile(file, JSON.stringify(bad));
    const run = await runCli(['model', '--model', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/priorityAreas\[2\]\.figures\[0\]\.amount/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('has --help on every command', async () => {
    for (const command of ['check', 'rollup', 'report', 'export', 'model']) {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: commissioning ${command}`));
    }
  });
});
