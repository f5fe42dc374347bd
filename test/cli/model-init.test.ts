/** `commissioning model init`: a model proposed from a workbook, written as JSON; refusals in one line, exit 2. */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadModelJson } from '../../src/model/json';
import { PLACEHOLDER_ORGANISATION } from '../../src/model/propose-placeholder';
import { councilBudgetRows, type Rows } from '../helpers/proposal-workbooks';
import { runCli, tempDir } from '../helpers/cli';

jest.setTimeout(30_000);

async function writeWorkbook(file: string, sheet: string, rows: Rows): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }),
  );
  await wb.xlsx.writeFile(file);
}

describe('commissioning model init', () => {
  let dir: string;
  let budget: string;
  let original: Buffer;
  beforeAll(async () => {
    dir = await tempDir();
    budget = path.join(dir, 'anytown-budget.xlsx');
    await writeWorkbook(budget, 'Budget', councilBudgetRows());
    original = await fs.readFile(budget);
  });

  it('writes the proposed model, prints what it found and the next steps, and leaves the workbook alone', async () => {
    const out = path.join(dir, 'model.json');
    const run = await runCli(['model', 'init', budget, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const model = loadModelJson(await fs.readFile(out, 'utf8'), out);
    expect(model.organisation).toEqual(PLACEHOLDER_ORGANISATION);
    expect(model.priorityAreas.map((a) => a.name)).toEqual(['Adult Social Care', "Children's Services", 'Environment', 'Public Health']);
    expect(model.totals.map((t) => `${t.year} ${t.amount} ${t.source.document}`)).toEqual([
      '2022/23 16620000 anytown-budget.xlsx',
      '2023/24 16830000 anytown-budget.xlsx',
    ]);
    expect(run.stdout).toContain(`Proposed a model from ${budget} and wrote it to ${out}.`);
    expect(run.stdout).toMatch(/Priority areas +4: Adult Social Care \(ASC\); Children's Services \(CS\); Environment \(ENVI\); Public Health \(PH\)/);
    expect(run.stdout).toMatch(/Funding streams +3: Better Care Fund \(BCF\)/);
    expect(run.stdout).toMatch(/Years \(2\) +2022\/23, 2023\/24/);
    expect(run.stdout).toMatch(/Figures +2 yearly totals, 8 priority-area figures/);
    expect(run.stdout).toMatch(/Notes:\n {2}- Organisation: a placeholder/);
    expect(run.stdout).toContain(`commissioning check ${budget} --model ${out}`);
    expect(run.stdout).toContain('"Insert Model sheet"');
    expect((await fs.readFile(budget)).equals(original)).toBe(true);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the organisation given', async () => {
    const out = path.join(dir, 'named.json');
    const run = await runCli(['model', 'init', budget, '--out', out, '--organisation', 'Anytown Borough Council']);
    expect(run.code).toBe(0);
    expect(loadModelJson(await fs.readFile(out, 'utf8')).organisation.name).toBe('Anytown Borough Council');
    expect(run.stdout).toMatch(/Organisation +Anytown Borough Council\n/);
  });

  it('makes a model the checker then uses: no unknown names in the workbook it came from', async () => {
    const out = path.join(dir, 'for-check.json');
    expect((await runCli(['model', 'init', budget, '--out', out])).code).toBe(0);
    const check = await runCli(['check', budget, '--model', out, '--json']);
    const { findings, model } = JSON.parse(check.stdout) as { findings: { rule: string }[]; model: unknown };
    expect(model).toBeDefined();
    expect(findings.filter((f) => f.rule.startsWith('unknown-'))).toEqual([]);
  });

  describe('refuses, in one line with exit 2, and writes nothing', () => {
    async function expectRefusal(args: string[], message: RegExp): Promise<void> {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }

    it('when --out names the workbook itself (or the same file by another name), even with --force', async () => {
      for (const extra of [[], ['--force']]) {
        await expectRefusal(['model', 'init', budget, '--out', budget, ...extra], /is the workbook itself; model init never writes its input/);
      }
      const link = path.join(dir, 'same-file.json');
      await fs.link(budget, link);
      await expectRefusal(['model', 'init', budget, '--out', link, '--force'], /--out .*same-file\.json is the workbook itself/);
      expect((await fs.readFile(budget)).equals(original)).toBe(true);
    });

    it('when --out already exists, unless --force', async () => {
      const out = path.join(dir, 'exists.json');
      await fs.writeFile(out, 'keep me');
      await expectRefusal(['model', 'init', budget, '--out', out], /exists\.json already exists; choose another name, or add --force to replace it/);
      expect(await fs.readFile(out, 'utf8')).toBe('keep me');
      const forced = await runCli(['model', 'init', budget, '--out', out, '--force']);
      expect(forced.code).toBe(0);
      expect(loadModelJson(await fs.readFile(out, 'utf8')).priorityAreas).toHaveLength(4);
    });

    it('without --out, with an --out that is not .json, without a workbook, or with one that cannot be read', async () => {
      await expectRefusal(['model', 'init', budget], /--out is required/);
      await expectRefusal(['model', 'init', budget, '--out', path.join(dir, 'model.xlsx')], /--out must name a \.json file, not "model\.xlsx"/);
      await expectRefusal(['model', 'init', '--out', path.join(dir, 'none.json')], /give exactly one workbook/);
      await expectRefusal(['model', 'init', path.join(dir, 'missing.xlsx'), '--out', path.join(dir, 'none.json')], /missing\.xlsx: no such file/);
      await expect(fs.access(path.join(dir, 'none.json'))).rejects.toThrow();
    });
  });

  it('is explained by `commissioning model --help`, which `model init --help` prints too', async () => {
    for (const args of [
      ['model', '--help'],
      ['model', 'init', '--help'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('commissioning model init <workbook.xlsx> --out model.json [--organisation NAME] [--force]');
      expect(run.stdout).toMatch(/--organisation NAME {3}the organisation's name/);
    }
    expect((await runCli(['--help'])).stdout).toMatch(/model {3}show the commissioning model in effect .*or propose one \(model init\)/);
  });
});
