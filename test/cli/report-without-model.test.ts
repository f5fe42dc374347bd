/**
 * A report on a workbook no model describes: Findings, Rollup and Register for the workbook's own
 * organisation, figures in the unit they came in (a £200 grant is 200), and nothing of the default model.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { defaultModel } from '../../src/model/json';
import type { Grid } from '../../src/sheet/grid';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { runCli, tempDir } from '../helpers/cli';

async function councilWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const grants = workbook.addWorksheet('Grants');
  grants.addRows([
    ['Ref', 'Title', 'Recipient', 'Amount', 'Award date', 'Funder'],
    ['G1', 'Playground', 'Anytown Scouts', 200, new Date(Date.UTC(2023, 4, 1)), 'Anytown Council'],
    ['G2', 'Library books', 'Friends of Anytown Library', 300.5, new Date(Date.UTC(2023, 5, 1)), 'Anytown Council'],
  ]);
  const budget = workbook.addWorksheet('Budget');
  budget.addRows([
    ['Service', 'Budget £'],
    ['Roads', 200],
    ['Parks', 300],
    ['Total', 600],
  ]);
  await fs.writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Every number and text on a sheet. */
function contents(grid: Grid): { numbers: number[]; texts: string[] } {
  const numbers: number[] = [];
  const texts: string[] = [];
  for (const row of grid.rowIndexes()) {
    for (const cell of grid.row(row)) {
      if (typeof cell?.value === 'number') numbers.push(cell.value);
      if (typeof cell?.value === 'string') texts.push(cell.value);
    }
  }
  return { numbers, texts };
}

describe('commissioning report on a workbook no model describes', () => {
  let sheets: Map<string, Grid>;
  let stdout: string;

  beforeAll(async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'anytown.xlsx');
    const out = path.join(dir, 'anytown-report.xlsx');
    await councilWorkbook(input);
    const run = await runCli(['report', input, '--out', out]);
    expect(run.stderr).toBe('');
    stdout = run.stdout;
    const written = await readXlsx(new Uint8Array(await fs.readFile(out)), 'report');
    sheets = new Map(written.sheets.map((g) => [g.name, g]));
  });

  it('writes Findings, Rollup and Register, and no panel appendix, saying why once', () => {
    expect([...sheets.keys()]).toEqual(['Grants', 'Budget', 'Findings', 'Rollup', 'Register']);
    expect(stdout).toMatch(/^No model applies: .* No Panel report is written\.\n/);
  });

  it('keeps a £200 grant as 200 on the Register sheet, under the organisation the register names', () => {
    const register = contents(sheets.get('Register')!);
    expect(register.numbers).toEqual(expect.arrayContaining([200, 300.5, 500.5]));
    expect(register.texts.some((t) => t.startsWith('Anytown Council: 2 contracts and grants'))).toBe(true);
  });

  it('rolls the budget up by its own Service column, in pounds', () => {
    const rollup = contents(sheets.get('Rollup')!);
    expect(rollup.texts).toEqual(expect.arrayContaining(['Service', 'Roads', 'Parks', 'Budget']));
    expect(rollup.numbers).toEqual(expect.arrayContaining([200, 300, 500]));
  });

  it("states the total that does not add up in the table's own unit on the Findings sheet", () => {
    const findings = contents(sheets.get('Findings')!);
    expect(findings.texts).toEqual(expect.arrayContaining(['500', '600', '£']));
    expect(findings.texts.some((t) => t.startsWith('No model applies:'))).toBe(true);
  });

  it('shows nothing of the default model anywhere', () => {
    const model = defaultModel();
    const names = [model.organisation.name, model.organisation.shortName, ...model.priorityAreas.map((p) => p.name), ...model.programmes.map((p) => p.name)];
    for (const name of ['Findings', 'Rollup', 'Register']) {
      const texts = contents(sheets.get(name)!).texts.join('\n');
      // The one mention allowed is the reason no model applies: "the default model's (MOPAC) …".
      const withoutReason = texts.replace(/No model applies: [^\n]*/g, '');
      for (const n of names) expect(withoutReason).not.toContain(n);
    }
  });
});

describe('the panel appendix, where a model is chosen', () => {
  it('carries the grants (£200 and £300.50) as pounds in its register tables', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'anytown.xlsx');
    const out = path.join(dir, 'anytown-panel.xlsx');
    await councilWorkbook(input);
    const modelFile = path.join(__dirname, '../../src/model/default-model.json');
    const run = await runCli(['report', input, '--out', out, '--model', modelFile]);
    expect(run.stderr).toBe('');
    const written = await readXlsx(new Uint8Array(await fs.readFile(out)), 'report');
    const panel = written.sheets.find((g) => g.name === 'Panel report')!;
    // The panel summarises the register by type: the two grants are one type, £500.50, in pounds as read.
    const numbers = contents(panel).numbers;
    expect(numbers).toContain(500.5);
    expect(numbers).not.toContain(500_500_000);
  });
});
