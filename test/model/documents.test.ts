import { checkWorkbook } from '../../src/checks/runner';
import { citeSource } from '../../src/model/documents';
import { defaultModel, saveModelJson } from '../../src/model/json';
import { readModelSheet, writeModelSheet } from '../../src/model/model-sheet';
import type { CommissioningModel } from '../../src/model/types';
import { ModelError, findModelProblems, validateModel } from '../../src/model/validate';
import { Grid } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

const model = defaultModel();
const withoutDocuments = (m: CommissioningModel): CommissioningModel =>
  Object.fromEntries(Object.entries(m).filter(([key]) => key !== 'documents')) as unknown as CommissioningModel;

describe('the documents a model cites', () => {
  it('names the seed documents in the default model', () => {
    expect(model.documents).toEqual([
      { document: '000_5be5cdee322bf63c.txt', title: 'January 2020 panel report' },
      { document: '001_7f6f3a7fccdb483a.txt', title: 'October 2021 panel report' },
    ]);
  });

  it('cites a listed document by its title and any other by its own name', () => {
    expect(citeSource(model, { document: '000_5be5cdee322bf63c.txt', locator: 'para 1.1' })).toBe('January 2020 panel report, para 1.1');
    expect(citeSource(model, { document: '001_7f6f3a7fccdb483a.txt', locator: 'para 1.1' })).toBe('October 2021 panel report, para 1.1');
    expect(citeSource(model, { document: '000_other.txt', locator: 'p 2' })).toBe('000_other.txt, p 2');
    expect(citeSource(withoutDocuments(model), { document: '000_5be5cdee322bf63c.txt', locator: 'p 2' })).toBe('000_5be5cdee322bf63c.txt, p 2');
  });

  it('is optional: a model without documents validates and saves without the field', () => {
    const plain = validateModel(withoutDocuments(model));
    expect(plain.documents).toBeUndefined();
    expect(saveModelJson(plain)).not.toContain('"documents"');
    expect(saveModelJson(model)).toContain('"documents": [');
  });

  it('names each problem in the list', () => {
    const data = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
    data.documents = [{ document: 'a.txt', title: 'A' }, { document: 'a.txt', title: '' }, { document: 'b.txt' }, 'c.txt'];
    expect(findModelProblems(data)).toEqual([
      { path: 'documents[1].title', message: 'is empty' },
      { path: 'documents[2].title', message: 'is missing' },
      { path: 'documents[3]', message: 'should be an object with document, title, not "c.txt"' },
      { path: 'documents[1].document', message: '"a.txt" is listed twice (also documents[0])' },
    ]);
    data.documents = 'a.txt';
    expect(() => validateModel(data)).toThrow(new ModelError(['documents: should be a list, not "a.txt"']));
  });
});

describe('documents in the Model sheet', () => {
  it('round-trips through the Model sheet, and a sheet without a Documents table reads as before', () => {
    const sheet = writeModelSheet(model);
    expect(readModelSheet(sheet)).toEqual(model);
    const title = sheet.rowIndexes().find((r) => sheet.value(r, 0) === 'Documents');
    expect(title).toBeDefined();
    expect(sheet.row((title ?? 0) + 1).map((c) => c?.value)).toEqual(['Document', 'Title']);
    expect(sheet.value((title ?? 0) + 2, 1)).toBe('January 2020 panel report');

    const older = new Grid('Model');
    for (const r of sheet.rowIndexes()) if (r < (title ?? 0)) sheet.row(r).forEach((cell, c) => cell && older.setCell(r, c, cell));
    expect(readModelSheet(older)).toEqual(withoutDocuments(model));
  });

  it('points a problem in the Documents table at its cell', () => {
    const sheet = writeModelSheet(model);
    const title = sheet.rowIndexes().find((r) => sheet.value(r, 0) === 'Documents') ?? 0;
    sheet.set(title + 3, 0, '000_5be5cdee322bf63c.txt');
    expect(() => readModelSheet(sheet)).toThrow(`Model!A${title + 4}: "000_5be5cdee322bf63c.txt" is listed twice (also A${title + 3})`);
  });
});

describe('documents in findings', () => {
  it('gives findings the titles another organisation’s model names', () => {
    const renamed: CommissioningModel = {
      ...model,
      documents: [{ document: '000_5be5cdee322bf63c.txt', title: 'Budget book 2019' }],
    };
    const grid = gridOf('YLF', [
      ['Programme', '2019/20 Budget £m'],
      ['London Gang Exit', 0.5],
      ['Major Trauma Centre and A&E Youth Work', 0.74],
      ['Total', 1.24],
    ]);
    const messages = (m: CommissioningModel): string[] =>
      checkWorkbook({ sheets: [grid] }, m)
        .findings.filter((f) => f.rule === 'reconciliation-mismatch')
        .map((f) => f.message);
    expect(messages(model)[0]).toContain('(January 2020 panel report, ');
    expect(messages(renamed)[0]).toContain('(Budget book 2019, ');
    expect(messages(withoutDocuments(model))[0]).toContain('(000_5be5cdee322bf63c.txt, ');
  });
});
