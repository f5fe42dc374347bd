/**
 * A model proposed from a workbook: on generated workbooks (a council budget by service and year, a
 * grants register by programme) and on real public ones. Every proposal must validate, round-trip
 * through JSON and the Model sheet, hold nothing of the default model's organisation, and let the
 * workbook it came from be checked without an unknown-name finding for the names it was built from.
 */
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { checkWorkbook } from '../../src/checks/runner';
import { readWorkbookStructure } from '../../src/budget/tables';
import { defaultModel, loadModelJson, saveModelJson } from '../../src/model/json';
import { readModelSheet, writeModelSheet } from '../../src/model/model-sheet';
import { neutralModel } from '../../src/model/neutral';
import { proposeModel, withoutTotalWords, type ModelProposal } from '../../src/model/propose';
import { PLACEHOLDER_ORGANISATION } from '../../src/model/propose-placeholder';
import { assignCodes, suggestCode } from '../../src/model/propose-codes';
import { validateModel } from '../../src/model/validate';
import type { CommissioningModel } from '../../src/model/types';
import type { GridWorkbook } from '../../src/sheet/grid';
import { readXlsxFast } from '../../src/workbook/xlsx/fast/read';
import { gridOf } from '../helpers/grid';
import { councilBudget, grantsRegister } from '../helpers/proposal-workbooks';

const PUBLIC = path.join(__dirname, '..', 'fixtures', 'public');
const UNKNOWN_NAME_RULES = new Set(['unknown-priority-area', 'unknown-funding-stream', 'unknown-programme', 'unknown-borough']);

function propose(workbook: GridWorkbook, options: { organisation?: string; document?: string } = {}): ModelProposal {
  return proposeModel(workbook, readWorkbookStructure(workbook, neutralModel()).tables, options);
}

function readPublic(name: string): GridWorkbook {
  return readXlsxFast(fs.readFileSync(path.join(PUBLIC, name)), (data) => inflateRawSync(data));
}

/** The checks every proposal must pass, whatever the workbook. */
function expectSound(model: CommissioningModel): void {
  expect(validateModel(model)).toEqual(model);
  expect(loadModelJson(saveModelJson(model))).toEqual(model);
  expect(readModelSheet(writeModelSheet(model))).toEqual(model);
  expectNothingOfTheDefaultModel(model);
}

function expectNothingOfTheDefaultModel(model: CommissioningModel): void {
  const text = saveModelJson(model);
  expect(text).not.toMatch(/MOPAC|Mayor's Office|Mayor’s Office/i);
  const theirs = defaultModel();
  const names = (m: CommissioningModel): string[] => [...m.priorityAreas, ...m.fundingStreams, ...m.programmes, ...m.commissioningModels].map((e) => e.name);
  const ours = new Set(names(model));
  expect(names(theirs).filter((n) => ours.has(n))).toEqual([]);
  expect(model.totals.map((t) => t.amount)).not.toEqual(theirs.totals.map((t) => t.amount));
}

function unknownNameFindings(workbook: GridWorkbook, model: CommissioningModel) {
  return checkWorkbook(workbook, model).findings.filter((f) => UNKNOWN_NAME_RULES.has(f.rule));
}

// ---- a council budget by service and year ------------------------------------------------------

describe('a council budget with a Service column and years', () => {
  const workbook = councilBudget();
  const { model, notes } = propose(workbook, { document: 'anytown-budget.xlsx' });

  it('proposes a valid model that round-trips and holds nothing of the default model', () => {
    expectSound(model);
  });

  it('takes the services as priority areas and the funding streams as they are written, with codes', () => {
    expect(model.priorityAreas.map((a) => [a.code, a.name])).toEqual([
      ['ASC', 'Adult Social Care'],
      ['CS', "Children's Services"],
      ['ENVI', 'Environment'],
      ['PH', 'Public Health'],
    ]);
    expect(model.fundingStreams.map((s) => [s.code, s.name])).toEqual([
      ['BCF', 'Better Care Fund'],
      ['GF', 'General Fund'],
      ['PHG', 'Public Health Grant'],
    ]);
    expect(model.priorityAreas[0].source).toEqual({ document: 'anytown-budget.xlsx', locator: 'Budget!A4' });
  });

  it('reads the years from the headers, and each total as stated in pounds, quoting its row', () => {
    expect(model.years).toEqual(['2022/23', '2023/24']);
    expect(model.totals).toEqual([
      { year: '2022/23', amount: '16620000', source: { document: 'anytown-budget.xlsx', locator: 'Budget!D20', quote: 'Total net budget 16620 16830' } },
      { year: '2023/24', amount: '16830000', source: { document: 'anytown-budget.xlsx', locator: 'Budget!E20', quote: 'Total net budget 16620 16830' } },
    ]);
    const care = model.priorityAreas[0];
    expect(care.figures).toEqual([
      { year: '2022/23', amount: '3210000', source: { document: 'anytown-budget.xlsx', locator: 'Budget!D7', quote: 'Total Adult Social Care 3210 3465' } },
      { year: '2023/24', amount: '3465000', source: { document: 'anytown-budget.xlsx', locator: 'Budget!E7', quote: 'Total Adult Social Care 3210 3465' } },
    ]);
    expect(model.priorityAreas.every((a) => a.figures.length === 2)).toBe(true);
  });

  it('leaves the organisation as a placeholder, says so, and uses the product settings', () => {
    expect(model.organisation).toEqual(PLACEHOLDER_ORGANISATION);
    expect(notes[0]).toMatch(/^Organisation: a placeholder.*title is not taken as a name/);
    expect(model.settings).toEqual(neutralModel().settings);
    expect(notes).toContainEqual('Priority areas: 4 names from "Service" (Budget!A).');
  });

  it('checks the workbook it came from without an unknown name, and still finds a name the model lacks', () => {
    expect(unknownNameFindings(workbook, model)).toEqual([]);
    // The same check with one stream taken out of the model reports it: the names were really looked up.
    const lacking = { ...model, fundingStreams: model.fundingStreams.filter((s) => s.name !== 'Public Health Grant') };
    expect(unknownNameFindings(workbook, lacking).map((f) => f.actual)).toContain('Public Health Grant');
  });

  it('reconciles: the workbook agrees with the figures taken from it', () => {
    const findings = checkWorkbook(workbook, model).findings;
    expect(findings.filter((f) => f.rule === 'reconciliation-mismatch')).toEqual([]);
  });

  it('uses the organisation given, with a placeholder org id it says is one', () => {
    const named = propose(workbook, { organisation: '  Anytown Borough Council ' });
    expect(named.model.organisation).toEqual({ name: 'Anytown Borough Council', shortName: 'Anytown Borough Council', orgId: 'GB-TBC-ABC' });
    expect(named.notes[0]).toMatch(/^Organisation: "Anytown Borough Council", as given\. Its org id GB-TBC-ABC is a placeholder/);
  });

  it('proposes the same model every time', () => {
    expect(saveModelJson(propose(workbook, { document: 'anytown-budget.xlsx' }).model)).toBe(saveModelJson(model));
  });
});

// ---- a grants register with a Programme column -------------------------------------------------

describe('a grants register with a Programme column', () => {
  const workbook = grantsRegister();
  const { model, notes } = propose(workbook, { document: 'grants.xlsx' });

  it('proposes a valid model that round-trips and holds nothing of the default model', () => {
    expectSound(model);
  });

  it('takes every programme, a name written with its code in brackets as an alias, and that code as its code', () => {
    expect(model.programmes.map((p) => [p.code, p.name, p.aliases])).toEqual([
      ['CC', 'Community Chest', ['Community Chest (CC)']],
      ['YOF', 'Youth Opportunities Fund', []],
      ['WH', 'Warm Homes', []],
    ]);
    expect(notes).toContainEqual('Programmes: 3 names from "Programme" (Grants!D).');
  });

  it('reads the years from the year column, in any spelling', () => {
    expect(model.years).toEqual(['2022/23', '2023/24']);
  });

  it('states no figures, since a register has no totals, and says so', () => {
    expect(model.totals).toEqual([]);
    expect(notes.some((n) => n.startsWith('No headline figures'))).toBe(true);
  });

  it('checks the register without an unknown programme', () => {
    expect(unknownNameFindings(workbook, model)).toEqual([]);
    const lacking = { ...model, programmes: model.programmes.filter((p) => p.name !== 'Warm Homes') };
    expect(unknownNameFindings(workbook, lacking).map((f) => f.actual)).toContain('Warm Homes');
  });
});

// ---- shapes of figures ---------------------------------------------------------------------------

describe('headline figures', () => {
  it('takes a summary by priority area line by line, and a table of spend by year as the yearly totals', () => {
    const workbook: GridWorkbook = {
      sheets: [
        gridOf('Summary', [
          ['Spend by year'],
          ['Year', 'Total £m'],
          ['2021/22', 40.2],
          ['2022/23', 42.5],
          [],
          ['Spend by priority 2022/23'],
          ['Priority area', '£m'],
          ['Safer Streets', 20.1],
          ['Healthy Lives', 12.3],
          ['Thriving Places', 10.1],
          ['Total', 42.5],
        ]),
      ],
    };
    const { model } = propose(workbook);
    expectSound(model);
    expect(model.totals.map((t) => [t.year, t.amount, t.source.locator])).toEqual([
      ['2021/22', '40200000', 'Summary!B3'],
      ['2022/23', '42500000', 'Summary!B11'],
    ]);
    expect(model.priorityAreas.map((a) => [a.name, a.figures.map((f) => `${f.year} ${f.amount} ${f.source.quote}`)])).toEqual([
      ['Safer Streets', ['2022/23 20100000 Safer Streets 20.1']],
      ['Healthy Lives', ['2022/23 12300000 Healthy Lives 12.3']],
      ['Thriving Places', ['2022/23 10100000 Thriving Places 10.1']],
    ]);
  });

  it('leaves out a total whose year cannot be read, and says how many', () => {
    const workbook: GridWorkbook = {
      sheets: [
        gridOf('Costs', [
          ['Item', 'Cost £'],
          ['Rent', 1200],
          ['Rates', 300],
          ['Light and heat', 250],
          ['Total', 1750],
        ]),
      ],
    };
    const { model, notes } = propose(workbook);
    expect(model.totals).toEqual([]);
    expect(notes).toContainEqual(expect.stringMatching(/^1 total left out because no year could be read for it/));
  });

  it('strips the words that make a label a total', () => {
    expect(withoutTotalWords('Total Adult Social Care')).toBe('Adult Social Care');
    expect(withoutTotalWords('Sub-total: Housing')).toBe('Housing');
    expect(withoutTotalWords('Housing total')).toBe('Housing');
    expect(withoutTotalWords('Grand total')).toBe('');
  });
});

// ---- codes ---------------------------------------------------------------------------------------

describe('codes', () => {
  it('come from initials, a single word, or a code given in brackets', () => {
    expect(suggestCode('Violence Against Women and Girls (VAWG)')).toBe('VAWG');
    expect(suggestCode('Housing')).toBe('HOUS');
    expect(suggestCode('Children and Families')).toBe('CF');
    expect(suggestCode('Phase 10 works')).toBe('P10W');
  });

  it('are unique in a list, and never another entry’s name', () => {
    expect(assignCodes(['Adult Social Care', 'Arts, Sport and Culture'], () => [])).toEqual(['ASC', 'ASC2']);
    const names = ['Adult Social Care', 'ASC'];
    expect(assignCodes(names, (i) => [names[i].toLowerCase()])).toEqual(['ASC2', 'ASC']);
  });
});

// ---- real public workbooks -----------------------------------------------------------------------

describe('real workbooks', () => {
  it('DLUHC capital outturn: the grand total of financing for 2018/19, quoting its row', () => {
    const workbook = readPublic('dluhc-capital-outturn-cor-b-2018-19.xlsx');
    const { model, notes } = propose(workbook, { document: 'dluhc-capital-outturn-cor-b-2018-19.xlsx' });
    expectSound(model);
    expect(model.years).toEqual(['2018/19']);
    expect(model.totals).toHaveLength(1);
    expect(model.totals[0]).toMatchObject({ year: '2018/19', amount: '26141411939.71', source: { locator: "'LA Dropdown'!D26" } });
    expect(model.totals[0].source.quote).toMatch(/Total resources used to finance capital expenditure 26141411\.93971$/);
    expect(notes.some((n) => n.startsWith('Columns of categories not taken into a list') && n.includes('"Class" (Financing!D)'))).toBe(true);
  });

  it('Trafford grants (360Giving): the grant programme and department, and the funder named but not taken', () => {
    const workbook = readPublic('trafford-council-grants-360giving.xlsx');
    const { model, notes } = propose(workbook, { document: 'trafford-council-grants-360giving.xlsx' });
    expectSound(model);
    expect(model.programmes.map((p) => [p.code, p.name, p.priorityArea])).toEqual([['VSG', 'Voluntary Sector Grants', 'PC']]);
    expect(model.priorityAreas.map((a) => a.name)).toEqual(['Partnerships and Communities']);
    expect(model.organisation).toEqual(PLACEHOLDER_ORGANISATION);
    expect(notes).toContainEqual(expect.stringContaining('names its funder as "Trafford Metropolitan Borough Council" with org id GB-LAE-TRF'));
    expect(unknownNameFindings(workbook, model)).toEqual([]);
    // Named by the user as the register's funder, the organisation takes the org id the register gives it.
    const named = propose(workbook, { organisation: 'Trafford Metropolitan Borough Council' });
    expect(named.model.organisation).toEqual({
      name: 'Trafford Metropolitan Borough Council',
      shortName: 'Trafford Metropolitan Borough Council',
      orgId: 'GB-LAE-TRF',
    });
    expect(named.notes[0]).toBe(
      'Organisation: "Trafford Metropolitan Borough Council", as given; its org id GB-LAE-TRF is the one the register gives for it as funder (grants!AE2).',
    );
  });

  it('DLUHC council tax: the London boroughs its Local authority column names, with their codes; the rest reported', () => {
    const workbook = readPublic('dluhc-council-tax-receipts-2022-23.xlsx');
    const { model, notes } = propose(workbook);
    expectSound(model);
    expect(model.boroughs).toHaveLength(33);
    expect(model.boroughs.find((b) => b.name === 'Lambeth')).toMatchObject({ gss: 'E09000022', orgId: 'GB-LAE-LBH' });
    expect(notes).toContainEqual(expect.stringMatching(/^"Local authority" \(Table_4!C\): \d+ names that are not London boroughs \(Adur, /));
    const boroughNames = new Set(model.boroughs.flatMap((b) => [b.name, ...b.aliases]));
    expect(unknownNameFindings(workbook, model).filter((f) => boroughNames.has(f.actual ?? ''))).toEqual([]);
  });
});

describe('every public workbook', () => {
  const files = fs.readdirSync(PUBLIC).filter((f) => f.endsWith('.xlsx'));

  it.each(files)('%s: a proposal that validates, round-trips and holds nothing of the default model', (file) => {
    const { model, notes } = propose(readPublic(file), { document: file });
    expectSound(model);
    expect(notes.length).toBeGreaterThan(0);
    for (const figure of [...model.totals, ...model.priorityAreas.flatMap((a) => a.figures)]) {
      expect(figure.source.document).toBe(file);
      expect(figure.source.locator).toMatch(/^('[^']+'|[^!]+)![A-Z]+\d+$/);
    }
  });
});
