import { promises as fs } from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { defaultModel } from '../../../src/model/json';
import { Money, ZERO } from '../../../src/money/decimal';
import { describeTotal } from '../../../src/reports/giving360/amount';
import { Giving360InputError, toGiving360 } from '../../../src/reports/giving360/convert';
import { giving360Json, giving360Package } from '../../../src/reports/giving360/package';
import { validateGiving360Package } from '../../../src/reports/giving360/validate';
import type { RegisterRecord } from '../../../src/reports/register-records';
import { HEADER, REPO, d, line, recordsFrom, reference360Giving, referenceSchema, sampleRecords } from './fixtures';

const model = defaultModel();
const PREFIX = '360G-mopac';
/** As the command line and the pane call it: the model's organisation funds grants whose register names none. */
const OPTIONS = { prefix: PREFIX, funder: model.organisation };
const lambeth = model.boroughs.find((b) => b.name === 'Lambeth')!;

/** A validator built in the test from the reference copies, independent of the product's. */
async function referenceValidator(): Promise<(data: unknown) => boolean> {
  const grant = await referenceSchema('360-giving-schema.json');
  const pkg = await referenceSchema('360-giving-package-schema.json');
  const https = { $schema: 'https://json-schema.org/draft/2020-12/schema' };
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...grant, ...https });
  ajv.addSchema({ ...grant, ...https, $id: (pkg.properties as { grants: { items: { $ref: string } } }).grants.items.$ref });
  const validate = ajv.compile({ ...pkg, ...https });
  return (data) => validate(data);
}

describe('the sample register as 360Giving', () => {
  let register: RegisterRecord[];
  /** 360Giving publishes grants: the register's contracts are left out of it. */
  let records: RegisterRecord[];
  beforeAll(async () => {
    register = await sampleRecords();
    records = register.filter((r) => !/^contract/i.test(r.type ?? ''));
  });

  it('ships verbatim copies of the reference schemas', async () => {
    for (const file of ['360-giving-schema.json', '360-giving-package-schema.json']) {
      const shipped = await fs.readFile(path.join(REPO, 'src', 'reports', 'giving360', 'schema', file));
      const reference = await fs.readFile(reference360Giving(file));
      expect(shipped.equals(reference)).toBe(true);
    }
  });

  it('converts every record, and the package validates against the 360Giving schemas', async () => {
    const conversion = toGiving360(register, model, OPTIONS);
    expect(records.length).toBeGreaterThan(0);
    expect(conversion.grants).toHaveLength(records.length);
    expect(conversion.skipped.map((s) => s.reason)).toEqual(
      register.filter((r) => !records.includes(r)).map(() => 'a contract, not a grant (360Giving publishes grants)'),
    );
    expect(conversion.skipped.length).toBeGreaterThan(0);
    const pkg = giving360Package(conversion, d(2020, 1, 8));
    expect(validateGiving360Package(pkg)).toEqual({ valid: true });
    const parsed: unknown = JSON.parse(giving360Json(pkg));
    expect((await referenceValidator())(parsed)).toBe(true);
    expect(pkg.issued).toBe('2020-01-08');
    expect(pkg.version).toMatch(/^\d+\.\d+$/);
  });

  it('builds each grant id from the prefix and the register ref, all unique and safe', () => {
    const conversion = toGiving360(records, model, OPTIONS);
    expect(conversion.grants.map((g) => g.id)).toEqual(records.map((r) => `${PREFIX}-${r.id}`));
    for (const grant of conversion.grants) expect(grant.id).toMatch(/^360G-mopac-[A-Za-z0-9_-]+$/);
    expect(new Set(conversion.grants.map((g) => g.id)).size).toBe(conversion.grants.length);
    expect(conversion.adjustedIds).toEqual([]);
  });

  it('publishes each amount as a JSON number of at most two decimals that adds up to the register', () => {
    const conversion = toGiving360(records, model, OPTIONS);
    const json = giving360Json(giving360Package(conversion, d(2020, 1, 8)));
    const written = [...json.matchAll(/"amountAwarded": ([^,\n]+)/g)].map((m) => m[1]);
    expect(written).toHaveLength(records.length);
    for (const text of written) expect(text).toMatch(/^-?\d+(\.\d{1,2})?$/);
    const registerTotal = records.reduce((sum, r) => sum.plus(r.amount!), ZERO);
    expect(written.reduce((sum, text) => sum.plus(text), ZERO).eq(registerTotal)).toBe(true);
    expect(conversion.total.eq(registerTotal)).toBe(true);
    expect(describeTotal(conversion.total)).toBe(`£${registerTotal.toNumber().toLocaleString('en-GB')}`);
  });

  it("names the model's organisation as funder, with its id, and lists every non-borough recipient as needing a real org-id", () => {
    const conversion = toGiving360(records, model, OPTIONS);
    for (const grant of conversion.grants) expect(grant.fundingOrganization).toEqual([{ id: model.organisation.orgId, name: model.organisation.name }]);
    expect(conversion.funderIdProblem).toContain('placeholder');
    const recipients = new Set(records.map((r) => r.recipient));
    expect(conversion.internalOrganisations.map((o) => o.name).sort()).toEqual([...recipients].sort());
    for (const org of conversion.internalOrganisations) expect(org.id.startsWith(`${PREFIX}-ORG-`)).toBe(true);
  });
});

describe('toGiving360 on hand-made registers', () => {
  it('gives a London borough recipient its GB-LAE id and an LONB beneficiary location with its E09 code', () => {
    const [record] = recordsFrom([line({ Recipient: 'London Borough of Lambeth' })]);
    const { grants, internalOrganisations } = toGiving360([record], model, OPTIONS);
    expect(grants[0].recipientOrganization).toEqual([{ id: 'GB-LAE-LBH', name: 'London Borough of Lambeth' }]);
    expect(lambeth.orgId).toBe('GB-LAE-LBH');
    expect(grants[0].beneficiaryLocation).toEqual([{ name: 'Lambeth', countryCode: 'GB', geoCode: 'E09000022', geoCodeType: 'LONB' }]);
    expect(internalOrganisations).toEqual([]);
  });

  it("takes the beneficiary location from the register's borough column", () => {
    const [record] = recordsFrom([line({ Borough: 'Hammersmith & Fulham' })]);
    const [grant] = toGiving360([record], model, OPTIONS).grants;
    const hf = model.boroughs.find((b) => b.name === 'Hammersmith and Fulham')!;
    expect(grant.beneficiaryLocation).toEqual([{ name: hf.name, countryCode: 'GB', geoCode: hf.gss, geoCodeType: 'LONB' }]);
    expect(grant.beneficiaryLocation![0].geoCode).toMatch(/^E09\d{6}$/);
    expect(grant.recipientOrganization[0].id).toBe(`${PREFIX}-ORG-redthread`);
  });

  it('writes ISO dates, planned dates where known, and the notes as the description', () => {
    const records = recordsFrom(
      [
        ['G1', 'Hub', 'Redthread', 800, '01/03/2019', null, '31/03/2020', 'Second year of the hub'],
        ['G2', 'Pilot', 'Advance', 100, d(2019, 2, 1), null, null, null],
      ],
      model,
      ['Ref', 'Title', 'Recipient', 'Amount £', 'Award date', 'Start date', 'End date', 'Notes'],
    );
    const [hub, pilot] = toGiving360(records, model, OPTIONS).grants;
    expect(hub.awardDate).toBe('2019-03-01');
    expect(hub.plannedDates).toEqual([{ endDate: '2020-03-31' }]);
    expect(hub.description).toBe('Second year of the hub');
    expect(pilot.plannedDates).toBeUndefined();
    expect(pilot.description).toBe('Pilot');
  });

  it('uses --funder-id for the organisation, and an internal id for another funder, listed as needing one', () => {
    const records = recordsFrom([line({ Ref: 'G1' }), line({ Ref: 'G2', Funder: 'Home Office' }), line({ Ref: 'G3', Funder: 'Home Office' })]);
    const conversion = toGiving360(records, model, { prefix: PREFIX, funder: { ...model.organisation, orgId: 'GB-GOR-PB123' } });
    expect(conversion.funderIdProblem).toBeUndefined();
    expect(conversion.grants.map((g) => g.fundingOrganization[0].id)).toEqual(['GB-GOR-PB123', `${PREFIX}-ORG-home-office`, `${PREFIX}-ORG-home-office`]);
    expect(conversion.internalOrganisations.filter((o) => o.role === 'funder')).toEqual([
      { name: 'Home Office', id: `${PREFIX}-ORG-home-office`, role: 'funder', grants: 2 },
    ]);
  });

  it('leaves out incomplete records and repeated ids, counting each with its reason and cell', () => {
    const records = recordsFrom([
      line({ Ref: 'G1' }),
      line({ Ref: 'G2', Recipient: null, 'Award date': null }),
      line({ Ref: 'g1', Title: 'Again' }),
      line({ Ref: null }),
      line({ Ref: 'G5', 'Amount £': 'TBC' }),
      line({ Ref: 'G6', 'Amount £': 250.5 }),
    ]);
    const conversion = toGiving360(records, model, OPTIONS);
    expect(conversion.grants.map((g) => g.id)).toEqual([`${PREFIX}-G1`, `${PREFIX}-G6`]);
    expect(conversion.skipped.map((s) => [s.record.id ?? null, s.reason, s.cell])).toEqual([
      ['G2', 'no recipient, no award date', 'C3'],
      ['g1', 'id g1 is used again (first on row 2)', 'A4'],
      [null, 'no id', 'A5'],
      ['G5', 'no amount', 'E6'],
    ]);
    expect(conversion.total.eq(new Money('800250.5'))).toBe(true);
    expect(describeTotal(conversion.total)).toBe('£800,250.50');
  });

  it('adjusts ids with special characters and reports it; rounds fractions of a penny and reports it', () => {
    const records = recordsFrom([line({ Ref: 'CG/2019 1', 'Amount £': 100.125 })]);
    const conversion = toGiving360(records, model, OPTIONS);
    expect(conversion.grants[0].id).toBe(`${PREFIX}-CG_2019_1`);
    expect(conversion.adjustedIds.map((a) => a.grantId)).toEqual([`${PREFIX}-CG_2019_1`]);
    expect(conversion.grants[0].amountAwarded).toBe(100.13);
    expect(conversion.roundedAmounts).toHaveLength(1);
    expect(validateGiving360Package(giving360Package(conversion, d(2020, 1, 1)))).toEqual({ valid: true });
  });

  it('refuses a prefix that is not a 360Giving prefix', () => {
    expect(() => toGiving360([], model, { prefix: 'mopac' })).toThrow(Giving360InputError);
  });

  it('reads every column of the test register as a register field', () => {
    const [record] = recordsFrom([line()]);
    expect(Object.keys(record.cells)).toHaveLength(HEADER.length);
  });
});

describe('validateGiving360Package', () => {
  const valid = async () => giving360Package(toGiving360(await sampleRecords(), model, OPTIONS), d(2020, 1, 8));

  it('reports the first error with its path: an amount as text', async () => {
    const pkg = await valid();
    const broken = { ...pkg, grants: pkg.grants.map((g, i) => (i === 3 ? { ...g, amountAwarded: '700000' } : g)) };
    expect(validateGiving360Package(broken)).toEqual({ valid: false, path: '/grants/3/amountAwarded', message: 'must be number' });
  });

  it('rejects an award date that is not yyyy-mm-dd, a missing funder and an empty package', async () => {
    const pkg = await valid();
    const badDate = { ...pkg, grants: [{ ...pkg.grants[0], awardDate: '14/02/2019' }] };
    expect(validateGiving360Package(badDate)).toMatchObject({ valid: false, path: '/grants/0/awardDate' });
    const noFunder = Object.fromEntries(Object.entries(pkg.grants[0]).filter(([key]) => key !== 'fundingOrganization'));
    expect(validateGiving360Package({ ...pkg, grants: [noFunder] })).toMatchObject({ valid: false, path: '/grants/0' });
    expect(validateGiving360Package({ ...pkg, grants: [] })).toMatchObject({ valid: false, path: '/grants' });
  });
});
