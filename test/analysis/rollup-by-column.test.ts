/** Rolling up by any column of the workbook: how an organisation without a model groups its figures. */
import { defaultDimensions, resolveDimension } from '../../src/analysis/dimensions';
import { rollupWorkbook } from '../../src/analysis/rollup';
import { columnDimension } from '../../src/analysis/types';
import { chooseModel } from '../../src/app/model-in-effect';
import { findTables } from '../../src/budget/tables';
import type { GridWorkbook } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

const outturn = gridOf('Outturn', [
  ['Ref', 'Authority', 'Service', 'Year', 'Budget £', 'Outturn £'],
  ['L1', 'Cardiff', 'Highways', '2022/23', 200, 210],
  ['L2', 'Cardiff', 'Parking', '2022/23', 50.5, 40],
  ['L3', 'Swansea', 'Highways', '2022/23', 300, 290],
  ['L4', 'Swansea', 'Highways', '2023/24', 310, 330],
  ['L5', 'Newport', 'Parking', '2023/24', 20, 25],
]);
const workbook: GridWorkbook = { sheets: [outturn] };
const inEffect = chooseModel(workbook, { workbookLabel: 'outturn.xlsx' });
const tables = findTables(workbook, inEffect.model);

describe('rollup by a column of the workbook', () => {
  it('finds no model for a Welsh outturn table', () => {
    expect(inEffect.origin.kind).toBe('none');
  });

  it('resolves a header, a column letter and a model dimension by name', () => {
    expect(resolveDimension('authority', tables)).toEqual({ dimension: 'column:Authority' });
    expect(resolveDimension('C', tables)).toEqual({ dimension: 'column:Service' });
    expect(resolveDimension('Year', tables)).toEqual({ dimension: 'year' });
    const problem = resolveDimension('Colour', tables);
    expect('problem' in problem && problem.problem).toContain('"Authority"');
  });

  it('groups by authority and year, exactly, with nothing stated by a model', () => {
    const rollup = rollupWorkbook(workbook, inEffect.model, [columnDimension('Authority'), 'year'], { tables });
    const row = (authority: string, year: string) => rollup.rows.find((r) => r.key['column:Authority'] === authority && r.key.year === year);
    expect(row('Cardiff', '2022/23')?.budget.toString()).toBe('250.5');
    expect(
      row('Swansea', '2023/24')
        ?.forecast.plus(row('Swansea', '2023/24')?.actual ?? 0)
        .toString(),
    ).toBe('330');
    expect(rollup.total.budget.toString()).toBe('880.5');
    expect(rollup.subtotals.map((s) => s.key['column:Authority'])).toEqual(['Cardiff', 'Newport', 'Swansea']);
    expect([...rollup.rows, rollup.total].every((r) => r.stated === null)).toBe(true);
    expect(rollup.yearOnYear.every((y) => y.source === 'workbook')).toBe(true);
  });

  it('groups by the first column of names when none is chosen and no model applies', () => {
    expect(defaultDimensions(false, tables)).toEqual(['column:Authority']);
    expect(defaultDimensions(true, tables)).toEqual(['priority-area']);
  });
});
