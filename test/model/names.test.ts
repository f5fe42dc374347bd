import fc from 'fast-check';
import { defaultModel } from '../../src/model/json';
import { allowedEdits, buildNameIndex, closestName, editDistance, normaliseName, resolveName } from '../../src/model/names';

const model = defaultModel();

describe('normaliseName', () => {
  it.each([
    ['Hammersmith & Fulham', 'hammersmith and fulham'],
    ['  KINGSTON-upon-Thames ', 'kingston upon thames'],
    ['Mayor’s VAWG Fund', 'mayors vawg fund'],
    ["Children & Young People's", 'children and young peoples'],
    ['The London Borough of Hackney', 'london borough of hackney'],
    ['Theatre Royal', 'theatre royal'],
    ['Standing Together Against Hatred, Intolerance and Extremism', 'standing together against hatred intolerance and extremism'],
    ['Café (£0.5m)', 'cafe 0 5m'],
    ['---', ''],
  ])('%j → %j', (text, expected) => expect(normaliseName(text)).toBe(expected));

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(normaliseName(normaliseName(s))).toBe(normaliseName(s))));
  });
});

describe('resolveName', () => {
  it.each([
    ['Hammersmith & Fulham', 'Hammersmith and Fulham'],
    ['LB Barnet', 'Barnet'],
    ['London Borough of Barking & Dagenham', 'Barking and Dagenham'],
    ['Royal Borough of Greenwich', 'Greenwich'],
    ['Kensington & Chelsea', 'Kensington and Chelsea'],
    ['City', 'City of London'],
    ['Kingston', 'Kingston upon Thames'],
    ['Richmond', 'Richmond upon Thames'],
    ['the City of Westminster', 'Westminster'],
    ['lambeth', 'Lambeth'],
  ])('borough %j → %s', (text, expected) => expect(resolveName(model.boroughs, text)?.name).toBe(expected));

  it.each([
    ['Keeping children and young people safe', 'CYP'],
    ['Children and young people', 'CYP'],
    ['Better Criminal Justice Service', 'CJS'],
    ['Criminal justice', 'CJS'],
    ['cjs', 'CJS'],
    ['Better policing', 'POL'],
    ['Policing', 'POL'],
    ['Hate crime', 'HATE'],
    ['Hatred and extremism', 'HATE'],
    ['Standing together against hatred, intolerance and extremism', 'HATE'],
    ['VAWG', 'VAWG'],
    ['Tackling VAWG', 'VAWG'],
    ['Violence against women & girls', 'VAWG'],
  ])('priority area %j → %s', (text, code) => expect(resolveName(model.priorityAreas, text)?.code).toBe(code));

  it.each([
    ['Ministry of Justice victims grant', 'MOJ'],
    ['MoJ', 'MOJ'],
    ['London Crime Prevention Fund', 'LCPF'],
    ['Young Londoners Fund', 'YLF'],
    ['Home Office PTF', 'PTF'],
    ['Early Intervention Youth Fund', 'EIYF'],
    ['NHSE (London)', 'MATCH'],
    ['VRU', 'VRU'],
  ])('funding stream %j → %s', (text, code) => expect(resolveName(model.fundingStreams, text)?.code).toBe(code));

  it('resolves programmes and commissioning models, curly apostrophes included', () => {
    expect(resolveName(model.programmes, 'Mayor’s VAWG Fund')?.code).toBe('VAWG-FUND');
    expect(resolveName(model.commissioningModels, 'Regional/sub regional')?.code).toBe('REGIONAL');
    expect(resolveName(model.commissioningModels, 'Sub-regional')?.code).toBe('REGIONAL');
    expect(resolveName(model.commissioningModels, 'local')?.code).toBe('LOCAL');
  });

  it('finds nothing for names the model does not know, or for nothing', () => {
    expect(resolveName(model.boroughs, 'Atlantis')).toBeUndefined();
    expect(resolveName(model.boroughs, '')).toBeUndefined();
    expect(resolveName(model.boroughs, ' & ')).toBeUndefined();
    expect(resolveName(model.priorityAreas, 'Lambeth')).toBeUndefined();
  });
});

describe('closestName', () => {
  it.each([
    ['Lambet', 'Lambeth', 1],
    ['Westminister', 'Westminster', 1],
    ['Hamersmith and Fulham', 'Hammersmith and Fulham', 1],
    ['Hammersmith & Fulham', 'Hammersmith and Fulham', 0],
    ['Barnett', 'Barnet', 1],
    ['Tower Hamlet', 'Tower Hamlets', 1],
    ['Kensingotn and Chelsea', 'Kensington and Chelsea', 1],
    ['Richmond upon Tames', 'Richmond upon Thames', 1],
  ])('borough %j → %s (%d edits)', (text, name, distance) => {
    expect(closestName(model.boroughs, text)).toEqual({ entry: expect.objectContaining({ name }) as unknown, distance });
  });

  it('suggests priority areas and funding streams from typos', () => {
    expect(closestName(model.priorityAreas, 'Tackling Violence Against Women and Girsl')?.entry.code).toBe('VAWG');
    expect(closestName(model.priorityAreas, 'A Better Crimnal Justice Service')?.entry.code).toBe('CJS');
    expect(closestName(model.fundingStreams, 'London Crime Prevension Fund')?.entry.code).toBe('LCPF');
  });

  it.each(['Atlantis', 'Narnia Borough Council', 'Lmbth', 'CJX', 'VRX', 'Total', ''])('suggests nothing for %j', (text) => {
    expect(closestName(model.boroughs, text)).toBeUndefined();
    expect(closestName(model.priorityAreas, text)).toBeUndefined();
    expect(closestName(model.fundingStreams, text)).toBeUndefined();
  });

  it('allows more edits for longer names, none for acronyms', () => {
    expect([3, 4, 5, 6, 10, 11, 20, 40].map(allowedEdits)).toEqual([0, 1, 1, 2, 2, 2, 4, 8]);
  });
});

describe('buildNameIndex', () => {
  it('answers as resolveName and closestName do, repeatedly', () => {
    const index = buildNameIndex(model.boroughs);
    const texts = ['Lambet', 'LB Barnet', 'Atlantis', 'City', 'Hammersmith & Fulham', 'Westminister', 'Lambet'];
    for (const text of texts) {
      expect(index.resolve(text)).toBe(resolveName(model.boroughs, text));
      expect(index.closest(text)).toEqual(closestName(model.boroughs, text));
      expect(index.closest(text)).toBe(index.closest(text)); // cached: the same answer object
    }
  });

  it('prefers the earlier entry when two are equally close', () => {
    const entries = [
      { code: 'A', name: 'Alpha fund', aliases: [] },
      { code: 'B', name: 'Alpha funf', aliases: [] },
    ];
    expect(buildNameIndex(entries).closest('Alpha fune')?.entry.code).toBe('A');
  });
});

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['lambeth', 'lambet', 1],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%j to %j is %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('stops at limit + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric and agrees with its limited form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.nat(4), (a, b, limit) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(editDistance(a, b, limit)).toBe(Math.min(d, limit + 1));
      }),
    );
  });
});
