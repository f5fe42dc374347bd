import { defaultModel } from '../../src/model/json';
import { ModelError, validateModel, findModelProblems } from '../../src/model/validate';

/** The model as plain JSON: the tests break its shape on purpose, anywhere. */
type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}
type Breakable = JsonObject;

/** A mutable deep copy of the default model, to break one thing at a time. */
function base(): Breakable {
  return JSON.parse(JSON.stringify(defaultModel())) as Breakable;
}

/** The node at `path` below `node` (keys and list positions); a test that walks off the model's shape fails here. */
function nodeAt(node: Json, path: readonly (string | number)[]): Json {
  let at = node;
  for (const step of path) {
    let next: Json | undefined;
    if (Array.isArray(at)) next = typeof step === 'number' ? at[step] : undefined;
    else if (at !== null && typeof at === 'object') next = typeof step === 'string' ? at[step] : undefined;
    if (next === undefined) throw new Error(`the model has nothing at ${path.join('.')}`);
    at = next;
  }
  return at;
}

/** The object at `path`, to change or delete one of its fields. */
function at(node: Json, ...path: (string | number)[]): JsonObject {
  const found = nodeAt(node, path);
  if (found === null || typeof found !== 'object' || Array.isArray(found)) throw new Error(`${path.join('.')} is not an object`);
  return found;
}

/** The list at `path`, to change, add or replace an item. */
function list(node: Json, ...path: (string | number)[]): Json[] {
  const found = nodeAt(node, path);
  if (!Array.isArray(found)) throw new Error(`${path.join('.')} is not a list`);
  return found;
}

function errorOf(data: unknown, where?: string): ModelError {
  try {
    validateModel(data, where);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('validateModel', () => {
  it('accepts the default model and returns a fresh copy equal to it', () => {
    const copy = base();
    const valid = validateModel(copy);
    expect(valid).toEqual(defaultModel());
    expect(valid).not.toBe(copy);
  });

  it('accepts negatives in brackets or with a minus, and a model that does not say', () => {
    for (const negatives of ['brackets', 'minus']) {
      const m = base();
      at(m, 'settings').negatives = negatives;
      expect(validateModel(m).settings.negatives).toBe(negatives);
    }
    expect(validateModel(base()).settings.negatives).toBeUndefined();
  });

  it.each<[string, (m: Breakable) => void, string]>([
    [
      'an amount with a unit',
      (m) => (at(m, 'priorityAreas', 2, 'figures', 0).amount = '15.0m'),
      'priorityAreas[2].figures[0].amount: "15.0m" is not an amount in pounds (write a decimal such as "15000000")',
    ],
    [
      'an amount as a JSON number',
      (m) => (at(m, 'totals', 0).amount = 46100000),
      'totals[0].amount: 46100000 should be written as text, "46100000" (amounts are exact decimal strings in pounds)',
    ],
    ['an unknown top-level key', (m) => (m.colour = 'blue'), 'colour: is not a field the model knows here'],
    ['a missing top-level key', (m) => delete m.boroughs, 'boroughs: is missing'],
    ['a missing nested key', (m) => delete at(m, 'organisation').orgId, 'organisation.orgId: is missing'],
    ['a wrong type', (m) => (m.years = '2019/20'), 'years: should be a list, not "2019/20"'],
    ['text where a list of text belongs', (m) => (list(m, 'fundingStreams', 1, 'aliases')[0] = 7), 'fundingStreams[1].aliases[0]: should be text, not 7'],
    ['a duplicate priority area code', (m) => (at(m, 'priorityAreas', 3).code = 'cyp'), 'priorityAreas[3].code: "cyp" is used twice (also priorityAreas[0])'],
    [
      'an alias naming another entry',
      (m) => list(m, 'priorityAreas', 4, 'aliases').push('Policing'),
      'priorityAreas[4].aliases[4]: "Policing" already names priorityAreas[2] ("A Better Policing Service for London")',
    ],
    [
      'a programme naming an unknown funding stream',
      (m) => (at(m, 'programmes', 0).fundingStream = 'LCFP'),
      'programmes[0].fundingStream: "LCFP" is not a funding stream code in this model (known: CORE, LCPF',
    ],
    [
      'a programme naming an unknown priority area',
      (m) => (at(m, 'programmes', 3).priorityArea = 'WAVG'),
      'programmes[3].priorityArea: "WAVG" is not a priority area code in this model (known: CYP, CJS, POL, HATE, VAWG)',
    ],
    [
      'a GSS code that is not a London borough',
      (m) => (at(m, 'boroughs', 4).gss = 'E08000005'),
      'boroughs[4].gss: "E08000005" is not a London borough GSS code (E09000001 to E09000033)',
    ],
    ['a GSS code past Westminster', (m) => (at(m, 'boroughs', 4).gss = 'E09000034'), 'boroughs[4].gss: "E09000034" is not a London borough GSS code'],
    ['a repeated GSS code', (m) => (at(m, 'boroughs', 5).gss = 'E09000001'), 'boroughs[5].gss: "E09000001" already belongs to boroughs[0] ("City of London")'],
    ['a year in the wrong form', (m) => (list(m, 'years')[1] = '2019-20'), 'years[1]: "2019-20" is not a fiscal year in "2019/20" form'],
    ['a year whose halves do not follow', (m) => (at(m, 'totals', 0).year = '2019/21'), 'totals[0].year: "2019/21" is not a fiscal year in "2019/20" form'],
    [
      'a figure for a year the model does not list',
      (m) => (at(m, 'totals', 0).year = '2030/31'),
      `totals[0].year: "2030/31" is not one of the model's years (2018/19, 2019/20, 2020/21, 2021/22); add it to years`,
    ],
    ['years out of order', (m) => (m.years = ['2019/20', '2018/19']), 'years[1]: "2018/19" comes after "2019/20"; list each year once, oldest first'],
    [
      'a backwards span',
      (m) => (at(m, 'programmes', 2, 'figures', 0).year = '2021/22-2019/20'),
      'programmes[2].figures[0].year: "2021/22-2019/20" is not a fiscal year in "2019/20", or a span',
    ],
    [
      'a span where one year belongs',
      (m) => (at(m, 'totals', 0).year = '2018/19-2019/20'),
      'totals[0].year: "2018/19-2019/20" is not a fiscal year in "2019/20" form',
    ],
    ['an unknown unit', (m) => (m.defaultUnit = 'GBPm'), 'defaultUnit: "GBPm" is not a unit (use one of £, £k, £000, £m)'],
    ['an unknown display unit', (m) => (at(m, 'settings').displayUnit = 'millions'), 'settings.displayUnit: "millions" is not a unit'],
    ['a month out of range', (m) => (m.fiscalYearStartMonth = 13), 'fiscalYearStartMonth: 13 should be a whole number from 1 to 12'],
    ['red below amber', (m) => (at(m, 'settings', 'rag').redPct = '2.5'), 'settings.rag.redPct: "2.5" is below amberPct "5"; red must not be below amber'],
    ['a negative threshold', (m) => (at(m, 'settings', 'rag').amberAbs = '-1'), 'settings.rag.amberAbs: "-1" should not be negative'],
    [
      'an unknown variance convention',
      (m) => (at(m, 'settings').varianceConvention = 'actual-minus-budget'),
      'settings.varianceConvention: "actual-minus-budget" is not a variance convention',
    ],
    ['an unknown way to write negatives', (m) => (at(m, 'settings').negatives = 'red'), 'settings.negatives: "red" is not a way to write negatives'],
    ['a source without a locator', (m) => delete at(m, 'totals', 1, 'source').locator, 'totals[1].source.locator: is missing'],
    ['an empty name', (m) => (at(m, 'fundingStreams', 0).name = '  '), 'fundingStreams[0].name: is empty'],
    [
      'a code with spaces',
      (m) => (at(m, 'commissioningModels', 0).code = 'LO CAL'),
      'commissioningModels[0].code: "LO CAL" should be a short code without spaces',
    ],
    [
      'a component listed twice',
      (m) => (at(m, 'programmes', 0, 'figures', 0, 'components', 1).name = 'borough projects'),
      'programmes[0].figures[0].components[1].name: "borough projects" is listed twice (also components[0])',
    ],
    ['two figures for one year', (m) => list(m, 'totals').push({ ...at(m, 'totals', 0) }), 'totals[3].year: "2018/19" has two figures (also totals[0])'],
    [
      'an org id that is not one',
      (m) => (at(m, 'organisation').orgId = 'MOPAC'),
      'organisation.orgId: "MOPAC" is not an org-id.guide identifier (such as "GB-LAE-LBH")',
    ],
    ['an unsupported currency', (m) => (m.currency = 'EUR'), 'currency: "EUR" is not supported (only "GBP")'],
    ['a later schema', (m) => (m.schemaVersion = 2), 'schemaVersion: 2 is not a schema version this program reads (expected 1)'],
  ])('names the field for %s', (_what, breakIt, expected) => {
    const m = base();
    breakIt(m);
    const error = errorOf(m);
    expect(error.problems[0].slice(0, expected.length)).toBe(expected);
    expect(error.message).not.toContain('\n');
  });

  it('reports the first problem and how many more, and keeps them all', () => {
    const m = base();
    at(m, 'priorityAreas', 0, 'figures', 0).amount = 'abc';
    at(m, 'boroughs', 0).gss = 'X';
    m.defaultUnit = 'm';
    const error = errorOf(m, 'model.json');
    expect(error.problems).toHaveLength(3);
    // In the order the fields are written in the file.
    expect(error.problems.map((p) => p.split(':')[1].trim())).toEqual(['defaultUnit', 'priorityAreas[0].figures[0].amount', 'boroughs[0].gss']);
    expect(error.message).toBe(`${error.problems[0]} (and 2 more)`);
    for (const p of error.problems) expect(p.startsWith('model.json: ')).toBe(true);
    expect(error.name).toBe('ModelError');
  });

  it('keeps list positions when an item is not an object, so later paths still point at the right item', () => {
    const m = base();
    list(m, 'boroughs')[3] = 'Bexley';
    at(m, 'boroughs', 10).gss = 'E09000012';
    expect(errorOf(m).problems).toEqual([
      'boroughs[3]: should be an object with name, aliases, gss, orgId, not "Bexley"',
      'boroughs[11].gss: "E09000012" already belongs to boroughs[10] ("Greenwich")',
    ]);
  });

  it('rejects what is not an object at all', () => {
    expect(errorOf(null).message).toMatch(/^the model should be an object with schemaVersion, organisation/);
    expect(errorOf([]).message).toMatch(/not a list$/);
  });

  it('finds problems without throwing, as paths and messages', () => {
    const m = base();
    at(m, 'boroughs', 32).orgId = 'GB LAE WSM';
    expect(findModelProblems(m)).toEqual([{ path: 'boroughs[32].orgId', message: '"GB LAE WSM" is not an org-id.guide identifier (such as "GB-LAE-LBH")' }]);
    expect(findModelProblems(base())).toEqual([]);
  });
});
