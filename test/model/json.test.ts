import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { defaultModel, describeJsonError, loadModelJson, locateJsonError, saveModelJson } from '../../src/model/json';
import { ModelError } from '../../src/model/validate';
import { smallModel } from './fixtures';

function loadError(text: string, file?: string): ModelError {
  try {
    loadModelJson(text, file);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('model JSON', () => {
  const shippedText = fs.readFileSync(path.join(__dirname, '../../src/model/default-model.json'), 'utf8');

  it('round-trips the default model exactly', () => {
    const text = saveModelJson(defaultModel());
    expect(loadModelJson(text)).toEqual(defaultModel());
    expect(saveModelJson(loadModelJson(text))).toBe(text);
  });

  it('ships default-model.json in the saved form (2-space indent, canonical key order, trailing newline)', () => {
    expect(saveModelJson(defaultModel())).toBe(shippedText);
    expect(shippedText.endsWith('}\n')).toBe(true);
    expect(shippedText.split('\n')[1]).toBe('  "schemaVersion": 1,');
  });

  it('writes keys in the same order whatever order they were read in', () => {
    const scrambled = JSON.parse(shippedText) as { organisation: { orgId: string; name: string } };
    const reversed: Record<string, unknown> = Object.fromEntries(Object.entries(scrambled).reverse());
    reversed.organisation = { orgId: scrambled.organisation.orgId, shortName: 'MOPAC', name: scrambled.organisation.name };
    expect(saveModelJson(loadModelJson(JSON.stringify(reversed)))).toBe(shippedText);
  });

  it('accepts a byte-order mark', () => {
    expect(loadModelJson(`\uFEFF${shippedText}`)).toEqual(defaultModel());
  });

  it('round-trips generated models', () => {
    fc.assert(
      fc.property(smallModel, (model) => {
        const text = saveModelJson(model);
        expect(loadModelJson(text)).toEqual(model);
        expect(saveModelJson(loadModelJson(text))).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['{"schemaVersion": 1,}', 'line 1, column 21: found "}" where a property name in double quotes should be'],
    ['{\n  "a": 1\n  "b": 2\n}', "line 3, column 3: found \"\\\"\" where ',' or '}' should be"],
    ['[1, 2,]', 'line 1, column 7: found "]" where a value should be'],
    ['{"a": tru}', 'line 1, column 7: found "t" where a value should be'],
    ['{"a": "x', 'line 1, column 9: a string is not closed (missing ")'],
    ['{"a": 1', "line 1, column 8: the text ends where ',' or '}' should be"],
    ["{'a': 1}", 'line 1, column 2: found "\'" where a property name in double quotes should be'],
    ['{"a": 1} x', 'line 1, column 10: unexpected "x" after the end of the JSON value'],
  ])('says where %j stops being JSON', (text, expected) => {
    const error = loadError(text, 'my-model.json');
    expect(error.message).toBe(`my-model.json: not valid JSON at ${expected}`);
    expect(error.message).not.toMatch(/\n|at Object|JSON\.parse/);
  });

  it('says so when the file is empty', () => {
    expect(loadError('  \n').message).toBe('model JSON: the file is empty (expected a JSON model)');
  });

  it('validates what it loads, naming the file', () => {
    const data = JSON.parse(shippedText) as Record<string, unknown>;
    data.defaultUnit = 'GBPm';
    expect(loadError(JSON.stringify(data), 'm.json').message).toBe('m.json: defaultUnit: "GBPm" is not a unit (use one of £, £k, £000, £m)');
  });

  it('agrees with JSON.parse about what is JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 2 }), (json, at, insert) => {
        const text = json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1));
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(locateJsonError(text) === undefined).toBe(parses);
      }),
      { numRuns: 500 },
    );
  });

  it('falls back to the parser position when its own scanner finds nothing', () => {
    expect(describeJsonError('{\n"a": 1}', new SyntaxError('Unexpected thing in JSON at position 3'))).toBe(
      'not valid JSON at line 2, column 2: Unexpected thing',
    );
  });

  it('refuses to save an invalid model', () => {
    const broken = { ...defaultModel(), years: ['2019-20'] };
    expect(() => saveModelJson(broken)).toThrow(ModelError);
  });
});
