/** Which model applies: the default only where a workbook names its priority areas and funds. */
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { chooseModel, describeOrigin, noModelNotice } from '../../src/app/model-in-effect';
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import { isNeutral } from '../../src/model/neutral';
import type { Grid, GridWorkbook } from '../../src/sheet/grid';
import { readXlsxFast } from '../../src/workbook/xlsx/fast/read';
import { gridOf } from '../helpers/grid';

const SAMPLE = path.join(__dirname, '../../assets/samples/commissioning-2019-20.xlsx');
const book = (...sheets: Grid[]): GridWorkbook => ({ sheets });

describe('which model applies', () => {
  it('applies the default model to the MOPAC sample, which names its priority areas and funds', () => {
    const workbook = readXlsxFast(new Uint8Array(fs.readFileSync(SAMPLE)), (d) => inflateRawSync(d));
    expect(chooseModel(workbook, { workbookLabel: 'sample' }).origin).toEqual({ kind: 'default' });
  });

  it('applies the default model to a budget whose lines name three of its priority areas', () => {
    const budget = gridOf('Budget', [
      ['Line', 'Priority area', 'Budget £'],
      ['Gangs', 'Keeping Children and Young People Safe', 100],
      ['Courts', 'A Better Criminal Justice Service', 200],
      ['Refuges', 'Tackling Violence Against Women and Girls', 300],
    ]);
    expect(chooseModel(book(budget), { workbookLabel: 'b' }).origin.kind).toBe('default');
  });

  it('does not apply it where only everyday words of the model appear', () => {
    // "Policing", "Young people", "Hate crime" and "Partners" are aliases the model resolves, but any
    // community safety budget may use them: they are not evidence that the workbook is MOPAC's.
    const budget = gridOf('Budget', [
      ['Service', 'Budget £'],
      ['Policing', 100],
      ['Young people', 200],
      ['Hate crime', 300],
      ['Partners', 50],
      ['Lambeth', 10],
      ['Camden', 10],
    ]);
    const inEffect = chooseModel(book(budget), { workbookLabel: 'b', organisation: 'Anytown Council' });
    expect(inEffect.origin.kind).toBe('none');
    expect(isNeutral(inEffect.model)).toBe(true);
    expect(inEffect.model.organisation.name).toBe('Anytown Council');
  });

  it('says which of its names a workbook gave when they were too few', () => {
    const budget = gridOf('Budget', [
      ['Service', 'Budget £'],
      ['Tackling Violence Against Women and Girls', 100],
      ['Social care', 200],
    ]);
    const inEffect = chooseModel(book(budget), { workbookLabel: 'b' });
    expect(inEffect.origin.kind).toBe('none');
    expect(describeOrigin(inEffect)).toContain('Tackling Violence Against Women and Girls (Budget!A2)');
    expect(noModelNotice(inEffect)).toMatch(/^No model applies: .*--model/);
  });

  it("uses the workbook's own Model sheet, whatever the workbook names", () => {
    const modelSheet = writeModelSheet(defaultModel());
    const inEffect = chooseModel(
      book(
        gridOf('Budget', [
          ['Service', 'Budget £'],
          ['Roads', 1],
        ]),
        modelSheet,
      ),
      { workbookLabel: 'b.xlsx' },
    );
    expect(inEffect.origin).toEqual({ kind: 'workbook', path: 'b.xlsx', sheet: 'Model' });
  });

  it('uses a model file first', () => {
    const inEffect = chooseModel(book(), { workbookLabel: 'b', file: { model: defaultModel(), path: 'm.json' } });
    expect(inEffect.origin).toEqual({ kind: 'json', path: 'm.json' });
  });

  it('checks a workbook without a model for arithmetic, and questions none of its names', () => {
    const councils = gridOf('Councils', [
      ['Authority', 'Borough', 'Budget £'],
      ['A', 'Barnsley', 100],
      ['B', 'Cardiff', 200],
      ['Total', '', 301],
    ]);
    const inEffect = chooseModel(book(councils), { workbookLabel: 'c' });
    const rules = checkWorkbook(book(councils), inEffect.model).findings.map((f) => f.rule);
    expect(rules).toContain('total-mismatch');
    expect(rules.filter((r) => r.startsWith('unknown-'))).toEqual([]);
  });
});
