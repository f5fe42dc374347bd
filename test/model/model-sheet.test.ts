import fc from 'fast-check';
import { defaultModel } from '../../src/model/json';
import { readModelSheet, writeModelSheet } from '../../src/model/model-sheet';
import { TABLE_TITLES } from '../../src/model/model-sheet-layout';
import { ModelError } from '../../src/model/validate';
import type { CommissioningModel } from '../../src/model/types';
import { Grid } from '../../src/sheet/grid';
import { toA1 } from '../../src/sheet/a1';
import { smallModel } from './fixtures';

const model = defaultModel();

/** Row index of the title cell reading `title` in column A. */
function titleRow(grid: Grid, title: string): number {
  const row = grid.rowIndexes().find((r) => grid.value(r, 0) === title);
  if (row === undefined) throw new Error(`no title ${title}`);
  return row;
}

/** Column index of `header` in the header row under `title`. */
function column(grid: Grid, title: string, header: string): number {
  const headerRow = titleRow(grid, title) + 1;
  const col = grid.row(headerRow).findIndex((c) => c?.value === header);
  if (col < 0) throw new Error(`no header ${header} under ${title}`);
  return col;
}

/** The body row `n` (0-based) of the table under `title`. */
const bodyRow = (grid: Grid, title: string, n: number): number => titleRow(grid, title) + 2 + n;

function readError(grid: Grid, where?: string): ModelError {
  try {
    readModelSheet(grid, where);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

/** A copy of the grid with cells moved: `place(row, col)` gives the new position, or undefined to drop the cell. */
function rearranged(grid: Grid, place: (row: number, col: number) => [number, number] | undefined): Grid {
  const copy = new Grid(grid.name);
  for (const r of grid.rowIndexes()) {
    grid.row(r).forEach((cell, c) => {
      const to = cell && place(r, c);
      if (cell && to) copy.setCell(to[0], to[1], cell);
    });
  }
  return copy;
}

describe('writeModelSheet', () => {
  const grid = writeModelSheet(model);

  it('writes a sheet named Model with one titled table per part, in order, each followed by a blank row', () => {
    expect(grid.name).toBe('Model');
    const titles = Object.values(TABLE_TITLES);
    const rows = titles.map((t) => titleRow(grid, t));
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(rows[0]).toBe(0);
    for (const r of rows.slice(1)) expect(grid.row(r - 1).every((c) => c === undefined)).toBe(true);
  });

  it('writes the header rows the design lists', () => {
    const headers = (title: string) => grid.row(titleRow(grid, title) + 1).map((c) => c?.value);
    expect(headers('Organisation & settings')).toEqual(['Setting', 'Value']);
    expect(headers('Priority areas').slice(0, 3)).toEqual(['Code', 'Name', 'Aliases']);
    expect(headers('Priority area figures')).toEqual(['Priority area', 'Year', 'Amount £', 'Source document', 'Source locator', 'Source quote']);
    expect(headers('Funding streams').slice(0, 4)).toEqual(['Code', 'Name', 'Funder', 'Aliases']);
    expect(headers('Programmes').slice(0, 5)).toEqual(['Code', 'Name', 'Funding stream', 'Priority area', 'Aliases']);
    expect(headers('Fund figures').slice(0, 3)).toEqual(['Programme', 'Year', 'Total £']);
    expect(headers('Fund components').slice(0, 5)).toEqual(['Programme', 'Year', 'Component', 'Amount £', 'Aliases']);
    expect(headers('Boroughs')).toEqual(['Name', 'GSS code', 'Org id', 'Aliases']);
    expect(headers('Totals').slice(0, 2)).toEqual(['Year', 'Amount £']);
  });

  it('writes amounts as numbers in pounds and aliases joined with "; "', () => {
    const figures = 'Priority area figures';
    const first = bodyRow(grid, figures, 0);
    expect(grid.value(first, 0)).toBe('CYP');
    expect(grid.value(first, column(grid, figures, 'Year'))).toBe('2019/20');
    expect(grid.value(first, column(grid, figures, 'Amount £'))).toBe(15000000);
    expect(grid.cell(first, column(grid, figures, 'Amount £'))?.numFmt).toBe('#,##0');
    const barnet = bodyRow(grid, 'Boroughs', 2);
    expect(grid.value(barnet, 0)).toBe('Barnet');
    expect(grid.value(barnet, 3)).toBe('London Borough of Barnet; LB Barnet; Barnet Council');
    expect(grid.value(titleRow(grid, 'Totals') + 3, 1)).toBe(53600000);
  });

  it('writes an amount as text when a number would not hold it exactly', () => {
    const huge = { ...model, totals: [{ ...model.totals[0], amount: '12345678901234567890.5' }] };
    const sheet = writeModelSheet(huge);
    expect(sheet.value(bodyRow(sheet, 'Totals', 0), 1)).toBe('12345678901234567890.5');
    expect(readModelSheet(sheet).totals[0].amount).toBe('12345678901234567890.5');
  });
});

describe('readModelSheet', () => {
  it('reads the default model back exactly', () => {
    expect(readModelSheet(writeModelSheet(model))).toEqual(model);
  });

  it('writes Negatives only where the model sets it, and reads it back', () => {
    const settingLabels = (g: Grid): unknown[] => g.rowIndexes().map((r) => g.value(r, 0));
    expect(settingLabels(writeModelSheet(model))).not.toContain('Negatives');
    const brackets: CommissioningModel = { ...model, settings: { ...model.settings, negatives: 'brackets' } };
    const sheet = writeModelSheet(brackets);
    expect(settingLabels(sheet)).toContain('Negatives');
    expect(readModelSheet(sheet)).toEqual(brackets);
  });

  it('round-trips generated models', () => {
    fc.assert(
      fc.property(smallModel, (m: CommissioningModel) => {
        expect(readModelSheet(writeModelSheet(m))).toEqual(m);
      }),
      { numRuns: 150 },
    );
  });

  it('tolerates extra blank rows, an offset start and reordered columns', () => {
    const grid = writeModelSheet(model);
    const boroughsTitle = titleRow(grid, 'Boroughs');
    const boroughRows = new Set(grid.rowIndexes().filter((r) => r > boroughsTitle && r < titleRow(grid, 'Commissioning models')));
    const moved = rearranged(grid, (r, c) => {
      // Three blank rows before each table, two more between every title and its header, columns shifted by one.
      const tablesBefore = Object.values(TABLE_TITLES).filter((t) => titleRow(grid, t) <= r).length;
      const extra = tablesBefore * 5 - (grid.value(r, 0) !== undefined && Object.values(TABLE_TITLES).includes(grid.value(r, 0) as never) ? 2 : 0);
      const col = boroughRows.has(r) ? 4 - c : c + 1; // the Boroughs table reads Aliases | Org id | GSS code | Name
      return [r + extra, col];
    });
    expect(readModelSheet(moved)).toEqual(model);
  });

  it('accepts amounts and years as people type them', () => {
    const grid = writeModelSheet(model);
    const row = bodyRow(grid, 'Totals', 1);
    grid.set(row, 0, 'FY19/20');
    grid.set(row, 1, '£53,600,000');
    const read = readModelSheet(grid);
    expect(read.totals[1]).toEqual(model.totals[1]);
    const negative = writeModelSheet(model);
    negative.set(bodyRow(negative, 'Totals', 0), 1, '(46,100,000)');
    expect(readModelSheet(negative).totals[0].amount).toBe('-46100000');
  });

  it('accepts names where codes are expected in the figure and programme tables', () => {
    const grid = writeModelSheet(model);
    grid.set(bodyRow(grid, 'Priority area figures', 0), 0, 'Keeping Children and Young People Safe');
    grid.set(bodyRow(grid, 'Programmes', 0), column(grid, 'Programmes', 'Funding stream'), 'London Crime Prevention Fund');
    expect(readModelSheet(grid)).toEqual(model);
  });

  it('names the cell of a bad amount', () => {
    const grid = writeModelSheet(model);
    const row = bodyRow(grid, 'Priority area figures', 2);
    const col = column(grid, 'Priority area figures', 'Amount £');
    grid.set(row, col, 'abc');
    const error = readError(grid);
    expect(error.message).toBe(`Model!${toA1(row, col)}: "abc" is not an amount in pounds (write a decimal such as "15000000")`);
  });

  it('names the cell of a missing amount, with its column', () => {
    const grid = writeModelSheet(model);
    const row = bodyRow(grid, 'Fund components', 1);
    const col = column(grid, 'Fund components', 'Amount £');
    grid.set(row, col, null);
    expect(readError(grid).message).toBe(`Model!${toA1(row, col)}: Amount £ is missing`);
  });

  it('names the sheet as given, quoted when it needs quotes', () => {
    const grid = writeModelSheet(model);
    const row = bodyRow(grid, 'Boroughs', 21);
    grid.set(row, 1, 'E9000022');
    expect(readError(grid, 'My model').message).toBe(`'My model'!${toA1(row, 1)}: "E9000022" is not a London borough GSS code (E09000001 to E09000033)`);
  });

  it('names the cell of an unknown owner code, and of a component without its fund figure', () => {
    const grid = writeModelSheet(model);
    const figureRow = bodyRow(grid, 'Priority area figures', 0);
    grid.set(figureRow, 0, 'XYZ');
    const componentRow = bodyRow(grid, 'Fund components', 0);
    const yearCol = column(grid, 'Fund components', 'Year');
    grid.set(componentRow, yearCol, '2020/21');
    const error = readError(grid);
    expect(error.problems).toEqual([
      `Model!A${figureRow + 1}: "XYZ" is not a code in the Priority areas table`,
      `Model!${toA1(componentRow, yearCol)}: no "Fund figures" row for LCPF 2020/21; add one stating its total`,
    ]);
    expect(error.message).toBe(`${error.problems[0]} (and 1 more)`);
  });

  it('names a programme cell naming an unknown funding stream', () => {
    const grid = writeModelSheet(model);
    const row = bodyRow(grid, 'Programmes', 1);
    const col = column(grid, 'Programmes', 'Funding stream');
    grid.set(row, col, 'Lottery');
    expect(readError(grid).message).toMatch(new RegExp(`^Model!${toA1(row, col)}: "Lottery" is not a funding stream code in this model`));
  });

  it('names settings by their value cell, or by label at the title when left out', () => {
    const grid = writeModelSheet(model);
    const rows = grid.rowIndexes().filter((r) => r < titleRow(grid, 'Years'));
    const unitRow = rows.find((r) => grid.value(r, 0) === 'Default unit')!;
    grid.set(unitRow, 1, 'millions');
    const orgIdRow = rows.find((r) => grid.value(r, 0) === 'Org id')!;
    grid.set(orgIdRow, 0, null);
    grid.set(orgIdRow, 1, null);
    const error = readError(grid);
    expect(error.problems).toEqual([`Model!A1: Org id is missing`, `Model!B${unitRow + 1}: "millions" is not a unit (use one of £, £k, £000, £m)`]);
  });

  it('rejects a setting it does not know', () => {
    const grid = writeModelSheet(model);
    const row = titleRow(grid, 'Years') - 1;
    grid.set(row, 0, 'Colour');
    grid.set(row, 1, 'blue');
    expect(readError(grid).message).toBe(
      `Model!A${row + 1}: "Colour" is not a setting (known: Schema version, Organisation, Short name, Org id, Currency, Default unit, Fiscal year start month, Variance convention, RAG amber %, RAG red %, RAG amber £, RAG red £, Display unit, Display decimals, Rounding policy, Negatives)`,
    );
  });

  it('says which table is missing, and which column', () => {
    const grid = writeModelSheet(model);
    grid.set(titleRow(grid, 'Boroughs'), 0, 'Local authorities');
    const noBoroughs = readError(grid);
    expect(noBoroughs.problems[0]).toBe(
      'Model: no "Boroughs" table (a row holding only the title "Boroughs", then a header row: Name | GSS code | Org id | Aliases)',
    );

    const noColumn = writeModelSheet(model);
    const headerRow = titleRow(noColumn, 'Totals') + 1;
    noColumn.set(headerRow, 1, 'Value');
    expect(readError(noColumn).problems[0]).toBe(
      `Model!A${headerRow + 1}: the "Totals" table has no "Amount £" column (its header row should read Year | Amount £ | Source document | Source locator | Source quote)`,
    );
  });

  it('reports cross-table problems at the cells involved', () => {
    const grid = writeModelSheet(model);
    const row = bodyRow(grid, 'Priority areas', 3);
    grid.set(row, 0, 'CYP');
    const first = bodyRow(grid, 'Priority areas', 0);
    expect(readError(grid).problems[0]).toBe(`Model!A${row + 1}: "CYP" is used twice (also A${first + 1})`);

    const boroughs = writeModelSheet(model);
    const lambeth = bodyRow(boroughs, 'Boroughs', 21);
    boroughs.set(lambeth, 3, 'Lewisham; LB Lambeth');
    // Lambeth's row now claims "Lewisham" first, so the clash is reported at Lewisham's own name.
    expect(readError(boroughs).problems[0]).toBe(`Model!A${lambeth + 2}: "Lewisham" already belongs to A${lambeth + 1} ("Lambeth")`);
  });
});
