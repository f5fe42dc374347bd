/**
 * The application layer's sequence gives the same result whichever front door calls it: the command
 * line, the pane's engine (with the pane's choice of model) and the ribbon command.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkWithModel } from '../../src/app/check';
import { chooseModel, describeOrigin } from '../../src/app/model-in-effect';
import { buildReport } from '../../src/app/report';
import { loadModelInEffect } from '../../src/cli/load-model';
import { defaultModel } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import type { ModelInEffect } from '../../src/model/types';
import type { GridWorkbook } from '../../src/sheet/grid';
import { encodeWorkbook } from '../../src/taskpane/engine/codec';
import { EngineSession } from '../../src/taskpane/engine/session';
import { modelInUseFor } from '../../src/taskpane/workbench-model';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { gridOf } from '../helpers/grid';
import type { CliIo } from '../../src/cli/io';

const SAMPLE = path.join(__dirname, '../../assets/samples/commissioning-2019-20.xlsx');
const TODAY = new Date(Date.UTC(2026, 10, 22));
const LABEL = 'budget.xlsx';

const noIo: CliIo = {
  out: () => undefined,
  err: () => undefined,
  readFile: () => Promise.reject(new Error('no file is read here')),
  writeFileAtomic: () => Promise.reject(new Error('no file is written here')),
  resolve: (p) => p,
};

const councilBudget = gridOf('Budget', [
  ['Service', 'Budget £', 'Forecast £'],
  ['Highways', 100, 90],
  ['Parking', 200, 230],
  ['Total', 300, 320],
]);

async function workbooks(): Promise<[string, GridWorkbook][]> {
  return [
    ['the MOPAC sample, which the default model describes', await readXlsx(await fs.readFile(SAMPLE), LABEL)],
    ['a council budget no model describes', { sheets: [councilBudget] }],
    ['a budget with its own Model sheet', { sheets: [councilBudget, writeModelSheet(defaultModel())] }],
  ];
}

/** The model each front door would check the workbook against. */
async function modelsChosen(workbook: GridWorkbook): Promise<{ cli: ModelInEffect; pane: ModelInEffect; ribbon: ModelInEffect }> {
  const cli = await loadModelInEffect(noIo, { workbook, workbookPath: LABEL });
  const loaded = await new EngineSession().load({ kind: 'grids', label: LABEL, sheets: encodeWorkbook(workbook) }, () => undefined);
  const pane = modelInUseFor(loaded, null);
  const ribbon = checkWithModel(workbook, { workbookLabel: LABEL }, null).inEffect;
  return { cli, pane, ribbon };
}

describe('every front door', () => {
  it('checks each workbook against the same model, from the same place', async () => {
    const kinds: string[] = [];
    for (const [, workbook] of await workbooks()) {
      const { cli, pane, ribbon } = await modelsChosen(workbook);
      expect(pane).toEqual(cli);
      expect(ribbon).toEqual(cli);
      kinds.push(cli.origin.kind);
    }
    expect(kinds).toEqual(['default', 'none', 'workbook']);
  });

  it('describes where the model came from in its own words, about the same origin', async () => {
    const [[, sample]] = await workbooks();
    const inEffect = chooseModel(sample, { workbookLabel: LABEL });
    expect(describeOrigin(inEffect)).toMatch(/^the default model, built from/);
    expect(describeOrigin(inEffect, 'sentence')).toMatch(/^The default model, built from .*\.$/);
    expect(describeOrigin(inEffect, 'brief')).toBe('the default model');
    const modelSheet = { origin: { kind: 'workbook', path: LABEL, sheet: 'Model' } } as const;
    expect([describeOrigin(modelSheet), describeOrigin(modelSheet, 'sentence'), describeOrigin(modelSheet, 'brief')]).toEqual([
      'the "Model" sheet of budget.xlsx',
      'The "Model" sheet of budget.xlsx.',
      'the "Model" sheet',
    ]);
  });

  it("finds the same findings: the ribbon's check and the report's", async () => {
    for (const [, workbook] of await workbooks()) {
      const cli = await loadModelInEffect(noIo, { workbook, workbookPath: LABEL });
      const ribbon = checkWithModel(workbook, { workbookLabel: LABEL }, null, { today: TODAY }).result;
      const report = buildReport(workbook, cli, { by: [], today: TODAY });
      expect(ribbon.findings).toEqual(report.check.findings);
      expect(ribbon.summary).toEqual(report.check.summary);
    }
  });

  it("builds the same report sheets in the pane's engine as on the command line", async () => {
    for (const [, workbook] of await workbooks()) {
      const session = new EngineSession();
      await session.load({ kind: 'grids', label: LABEL, sheets: encodeWorkbook(workbook) }, () => undefined);
      const inEffect = await loadModelInEffect(noIo, { workbook, workbookPath: LABEL });
      const which = ['Findings', 'Rollup', 'Register', 'Panel report'] as const;
      const pane = session.reportSheets({ ...inEffect, which, by: [], today: TODAY });
      const cli = buildReport(workbook, inEffect, { by: [], today: TODAY }).sheets;
      expect(pane).toEqual(cli);
      expect(cli.map((s) => s.name)).toContain('Rollup');
    }
  });
});
