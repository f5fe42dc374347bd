import fc from 'fast-check';
import { Money } from '../../../src/money/decimal';
import { publishedAmount } from '../../../src/reports/giving360/amount';
import { GrantIdAllocator, checkPrefix, internalOrgId, safeInternalId } from '../../../src/reports/giving360/identifiers';
import { orgIdProblem } from '../../../src/reports/giving360/org-ids';

describe('checkPrefix', () => {
  it.each(['360G-mopac', '360G-MOPAC', '360G-london-cf', '360G-abc_123'])('accepts %s', (prefix) => {
    expect(checkPrefix(prefix)).toEqual({ prefix });
  });

  it('drops a trailing hyphen, which the export adds itself', () => {
    expect(checkPrefix('360G-mopac-')).toEqual({ prefix: '360G-mopac' });
  });

  it.each([
    ['mopac', 'must start with 360G-'],
    ['360g-mopac', 'must start with 360G-'],
    ['GB-GOR-MOPAC', 'must start with 360G-'],
    ['360G-', 'only letters, digits'],
    ['360G-mo pac', 'only letters, digits'],
    ['360G-mopac/1', 'only letters, digits'],
    ['360G--mopac', 'only letters, digits'],
  ])('rejects %s, saying why', (prefix, why) => {
    const result = checkPrefix(prefix);
    expect('problem' in result && result.problem).toContain(why);
    expect('problem' in result && result.problem).toContain(`"${prefix}" is not a 360Giving prefix`);
  });
});

describe('grant ids', () => {
  it('replaces spaces and special characters with underscores, as the 360Giving guidance recommends', () => {
    expect(safeInternalId('MOPAC-CG-001')).toBe('MOPAC-CG-001');
    expect(safeInternalId('CG/2019 17')).toBe('CG_2019_17');
    expect(safeInternalId(' Café #3 ')).toBe('Cafe_3');
    expect(safeInternalId('=1+1')).toBe('1_1');
  });

  it('always yields letters, digits, hyphens and underscores, or nothing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(safeInternalId(text)).toMatch(/^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9])?$/);
      }),
    );
  });

  it('gives unique ids: repeats of one id are duplicates, distinct ids that collide once made safe get a suffix', () => {
    const ids = new GrantIdAllocator('360G-mopac');
    expect(ids.allocate('A/1', 1)).toEqual({ kind: 'id', id: '360G-mopac-A_1', adjusted: true });
    expect(ids.allocate('A 1', 2)).toEqual({ kind: 'id', id: '360G-mopac-A_1_2', adjusted: true });
    expect(ids.allocate('B1', 3)).toEqual({ kind: 'id', id: '360G-mopac-B1', adjusted: false });
    expect(ids.allocate(' b1 ', 4)).toEqual({ kind: 'duplicate', firstRow: 3 });
    expect(ids.allocate('***', 5)).toEqual({ kind: 'unusable' });
  });

  it('never hands out the same id twice, whatever the written ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 40 }), (written) => {
        const ids = new GrantIdAllocator('360G-x');
        const given = written.map((w, row) => ids.allocate(w, row)).flatMap((r) => (r.kind === 'id' ? [r.id.toLowerCase()] : []));
        expect(new Set(given).size).toBe(given.length);
      }),
    );
  });
});

describe('organisation ids', () => {
  it('builds one internal id per organisation, whatever the spelling noise', () => {
    expect(internalOrgId('360G-mopac', 'Redthread')).toBe('360G-mopac-ORG-redthread');
    expect(internalOrgId('360G-mopac', 'St Giles Trust')).toBe(internalOrgId('360G-mopac', 'st. giles  trust'));
    expect(internalOrgId('360G-mopac', 'Women & Girls Network')).toBe('360G-mopac-ORG-women-and-girls-network');
  });

  it('still builds a stable id for a name with no Latin letters or digits', () => {
    const id = internalOrgId('360G-mopac', 'Ваш фонд');
    expect(id).toMatch(/^360G-mopac-ORG-X[0-9a-f]{8}$/);
    expect(internalOrgId('360G-mopac', 'Ваш фонд')).toBe(id);
    expect(internalOrgId('360G-mopac', 'Наш фонд')).not.toBe(id);
  });

  it('accepts org-id.guide identifiers and rejects placeholders and bare names', () => {
    expect(orgIdProblem('GB-LAE-LBH')).toBeUndefined();
    expect(orgIdProblem('GB-CHC-1070468')).toBeUndefined();
    expect(orgIdProblem('XI-GRID-grid.4464.2')).toBeUndefined();
    expect(orgIdProblem('GB-TBC-MOPAC')).toContain('placeholder (list code TBC)');
    expect(orgIdProblem('MOPAC')).toContain('does not look like an org-id.guide identifier');
    expect(orgIdProblem('gb-chc-123')).toContain('does not look like');
  });
});

describe('publishedAmount', () => {
  it('turns exact pounds into a JSON number with at most two decimals', () => {
    expect(publishedAmount(new Money('7700000'))).toEqual({ pounds: new Money('7700000'), number: 7700000, rounded: false });
    expect(publishedAmount(new Money('0.1').plus('0.2')).number).toBe(0.3);
    const third = publishedAmount(new Money(1_000_000).div(3));
    expect([third.number, third.rounded]).toEqual([333333.33, true]);
    expect(publishedAmount(new Money('1234.565')).number).toBe(1234.57);
    expect(publishedAmount(new Money('-0.001')).number).toBe(0);
    expect(Object.is(publishedAmount(new Money('-0.001')).number, -0)).toBe(false);
  });

  it('prints every amount back as the penny-rounded decimal it stands for', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const pounds = new Money(units.toString()).div(new Money(10).pow(scale));
        const published = publishedAmount(pounds);
        expect(JSON.stringify(published.number)).toMatch(/^-?\d+(\.\d{1,2})?$/);
        expect(new Money(JSON.stringify(published.number)).eq(pounds.toDecimalPlaces(2, Money.ROUND_HALF_UP))).toBe(true);
      }),
    );
  });

  it('refuses an amount a JSON number cannot hold exactly', () => {
    expect(() => publishedAmount(new Money('12345678901234567.89'))).toThrow('cannot be written exactly as a JSON number');
  });
});
