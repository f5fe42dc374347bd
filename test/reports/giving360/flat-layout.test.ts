/**
 * A register already in 360Giving's flat layout, generated here: its identifiers, organisations, dates,
 * programmes and locations come through the export as written, and charity and company numbers give the
 * org-ids they stand for.
 */
import { PLACEHOLDER_ORGANISATION } from '../../../src/model/propose-placeholder';
import { findTables } from '../../../src/budget/tables';
import { defaultModel } from '../../../src/model/json';
import { neutralModel, organisationNamed } from '../../../src/model/neutral';
import { toGiving360, type Giving360Conversion } from '../../../src/reports/giving360/convert';
import { GIVING360_CSV_COLUMNS, giving360Csv } from '../../../src/reports/giving360/csv';
import { giving360Json, giving360Package } from '../../../src/reports/giving360/package';
import { validateGiving360Package } from '../../../src/reports/giving360/validate';
import { readRegisterRecords, type RegisterRecord } from '../../../src/reports/register-records';
import type { CellValue } from '../../../src/sheet/grid';
import type { CommissioningModel } from '../../../src/model/types';
import { gridOf } from '../../helpers/grid';
import { HEADER, d, line, recordsFrom } from './fixtures';

const FLAT_HEADER = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Recipient Org:Charity Number',
  'Recipient Org:Company Number',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Title',
  'Beneficiary Location:Name',
];
type FlatHeading = (typeof FLAT_HEADER)[number];

function flatLine(values: Partial<Record<FlatHeading, CellValue | null>>): (CellValue | null)[] {
  const base: Record<string, CellValue | null> = {
    Identifier: '360G-kindfund-1',
    Title: 'Community choir',
    Description: 'A year of weekly sessions',
    Currency: 'GBP',
    'Amount Awarded': 200,
    'Award Date': d(2021, 5, 4),
    'Planned Dates:Start Date': d(2021, 6, 1),
    'Planned Dates:End Date': d(2022, 5, 31),
    'Recipient Org:Identifier': null,
    'Recipient Org:Name': 'Altrincham Choir',
    'Recipient Org:Charity Number': null,
    'Recipient Org:Company Number': null,
    'Funding Org:Identifier': 'GB-CHC-1234567',
    'Funding Org:Name': 'The Kind Fund',
    'Grant Programme:Title': 'Small grants',
    'Beneficiary Location:Name': 'Trafford',
  };
  return FLAT_HEADER.map((h) => (h in values ? (values[h] ?? null) : base[h]));
}

function flatRecords(rows: readonly (readonly (CellValue | null)[])[], model: CommissioningModel = neutralModel()): RegisterRecord[] {
  const workbook = { sheets: [gridOf('grants', [FLAT_HEADER, ...rows])] };
  return readRegisterRecords(findTables(workbook, model), workbook, model);
}

const PREFIX = '360G-test';

describe('a register in the 360Giving flat layout', () => {
  it('reads each column by its heading: the recipient by name, the amount awarded, the funder and its id', () => {
    const [record] = flatRecords([flatLine({ 'Recipient Org:Charity Number': 1133079, 'Recipient Org:Identifier': 'own-7' })]);
    expect(record).toMatchObject({
      id: '360G-kindfund-1',
      title: 'Community choir',
      description: 'A year of weekly sessions',
      currency: 'GBP',
      recipient: 'Altrincham Choir',
      recipientId: 'own-7',
      recipientCharityNumber: '1133079',
      funder: 'The Kind Fund',
      funderId: 'GB-CHC-1234567',
      programmeTitle: 'Small grants',
      locationName: 'Trafford',
    });
    expect(record.amount?.toString()).toBe('200');
    expect(record.cells.amount).toBe('E2');
  });

  it('derives GB-CHC ids from charity numbers and eight-character GB-COH ids from company numbers', () => {
    const records = flatRecords([
      flatLine({ Identifier: '360G-kindfund-1', 'Recipient Org:Charity Number': 1133079 }),
      flatLine({ Identifier: '360G-kindfund-2', 'Recipient Org:Name': 'Be Active Ltd', 'Recipient Org:Company Number': 7597525 }),
      flatLine({ Identifier: '360G-kindfund-3', 'Recipient Org:Name': 'Highland Trust', 'Recipient Org:Charity Number': 'SC012345' }),
      flatLine({
        Identifier: '360G-kindfund-4',
        'Recipient Org:Name': 'Kept',
        'Recipient Org:Identifier': 'GB-COH-04695523',
        'Recipient Org:Charity Number': 1102075,
      }),
    ]);
    const { grants, internalOrganisations } = toGiving360(records, neutralModel(), { prefix: PREFIX });
    expect(grants.map((g) => g.recipientOrganization[0])).toEqual([
      { id: 'GB-CHC-1133079', name: 'Altrincham Choir', charityNumber: '1133079' },
      { id: 'GB-COH-07597525', name: 'Be Active Ltd', companyNumber: '07597525' },
      { id: 'GB-SC-SC012345', name: 'Highland Trust', charityNumber: 'SC012345' },
      // The register's own org-id wins over one derived from a number.
      { id: 'GB-COH-04695523', name: 'Kept', charityNumber: '1102075' },
    ]);
    expect(internalOrganisations).toEqual([]);
  });

  it("puts a recipient's own id that has no list code under the prefix, and lists it as needing a real org-id", () => {
    const records = flatRecords([flatLine({ 'Recipient Org:Identifier': 'choir-7' })]);
    const { grants, internalOrganisations } = toGiving360(records, neutralModel(), { prefix: PREFIX });
    expect(grants[0].recipientOrganization).toEqual([{ id: '360G-test-choir-7', name: 'Altrincham Choir' }]);
    expect(internalOrganisations).toEqual([{ name: 'Altrincham Choir', id: '360G-test-choir-7', role: 'recipient', grants: 1 }]);
  });

  it('keeps grant ids, funder, dates, programme and location as written, and the package validates', () => {
    const records = flatRecords([flatLine({ 'Recipient Org:Identifier': '360G-kindfund-ORG-choir' })]);
    const conversion = toGiving360(records, neutralModel(), { prefix: PREFIX });
    expect(conversion.grants).toEqual([
      {
        id: '360G-kindfund-1',
        title: 'Community choir',
        description: 'A year of weekly sessions',
        currency: 'GBP',
        amountAwarded: 200,
        awardDate: '2021-05-04',
        plannedDates: [{ startDate: '2021-06-01', endDate: '2022-05-31' }],
        recipientOrganization: [{ id: '360G-kindfund-ORG-choir', name: 'Altrincham Choir' }],
        fundingOrganization: [{ id: 'GB-CHC-1234567', name: 'The Kind Fund' }],
        beneficiaryLocation: [{ name: 'Trafford' }],
        grantProgramme: [{ title: 'Small grants' }],
      },
    ]);
    expect(conversion.keptIds).toBe(1);
    expect(conversion.adjustedIds).toEqual([]);
    expect(conversion.funders).toEqual([{ id: 'GB-CHC-1234567', name: 'The Kind Fund', from: 'register', grants: 1 }]);
    const pkg = giving360Package(conversion, d(2021, 6, 1));
    expect(pkg.publisher).toEqual({ name: 'The Kind Fund', identifier: 'GB-CHC-1234567' });
    expect(validateGiving360Package(pkg)).toEqual({ valid: true });
  });

  it("uses the record's own funder before the one the caller gives, and the caller's where the record names none", () => {
    const records = flatRecords([flatLine({ Identifier: 'G1' }), flatLine({ Identifier: 'G2', 'Funding Org:Identifier': null, 'Funding Org:Name': null })]);
    const given = { name: 'Trafford Council', shortName: 'Trafford', orgId: 'GB-LAE-TRF' };
    const conversion = toGiving360(records, neutralModel(), { prefix: PREFIX, funder: given });
    expect(conversion.grants.map((g) => [g.id, g.fundingOrganization[0]])).toEqual([
      ['360G-test-G1', { id: 'GB-CHC-1234567', name: 'The Kind Fund' }],
      ['360G-test-G2', { id: 'GB-LAE-TRF', name: 'Trafford Council' }],
    ]);
    expect(conversion.funderIdProblem).toBeUndefined();
  });

  it('leaves out a record with no funder at all, naming what to give', () => {
    const records = flatRecords([flatLine({ 'Funding Org:Identifier': null, 'Funding Org:Name': null })]);
    const conversion = toGiving360(records, neutralModel(), { prefix: PREFIX, funderAdvice: 'pass --funder-name' });
    expect(conversion.grants).toEqual([]);
    expect(conversion.skipped.map((s) => [s.reason, s.cell])).toEqual([['no funder (the register names none: pass --funder-name)', 'N2']]);
    expect(conversion.skippedTotal.toString()).toBe('200');
    expect(conversion.sourceTotal.toString()).toBe('200');
  });

  it('treats an organisation with no name as no funder, and one with no org-id as needing one', () => {
    const records = flatRecords([flatLine({ 'Funding Org:Identifier': null, 'Funding Org:Name': null })]);
    expect(toGiving360(records, neutralModel(), { prefix: PREFIX, funder: organisationNamed('') }).grants).toEqual([]);
    const named = toGiving360(records, neutralModel(), { prefix: PREFIX, funder: organisationNamed('Kind Fund') });
    expect(named.grants[0].fundingOrganization).toEqual([{ id: '360G-test-ORG-kind-fund', name: 'Kind Fund' }]);
    expect(named.funderIdProblem).toContain('internal id');
  });

  it("never publishes a proposed model's placeholder organisation as the funder", () => {
    // A model from `model init` left unedited holds a placeholder name until the user gives theirs.
    const records = flatRecords([flatLine({ 'Funding Org:Identifier': null, 'Funding Org:Name': null })]);
    const conversion = toGiving360(records, neutralModel(), { prefix: PREFIX, funder: PLACEHOLDER_ORGANISATION, funderAdvice: 'pass --funder-name' });
    expect(conversion.grants).toEqual([]);
    expect(conversion.skipped.map((s) => s.reason)).toEqual(['no funder (the register names none: pass --funder-name)']);
  });

  it('leaves out an amount in another currency rather than publish it as pounds', () => {
    const records = flatRecords([flatLine({ Currency: 'EUR' })]);
    const conversion = toGiving360(records, neutralModel(), { prefix: PREFIX });
    expect(conversion.skipped.map((s) => s.reason)).toEqual(['an amount in EUR: the export publishes pounds (GBP)']);
  });

  it("never multiplies an amount by the default model's unit: a flat register is in pounds as written", () => {
    const model = defaultModel();
    const [record] = flatRecords([flatLine({ 'Amount Awarded': 3028.63 })], model);
    expect(record.amount?.toString()).toBe('3028.63');
  });
});

describe('a £200 grant is 200 in every writer', () => {
  const bareAmountHeader = HEADER.map((h) => (h === 'Amount £' ? 'Amount' : h));
  const bareAmountLine = line({ 'Amount £': 200 });
  const layouts: readonly [string, () => Giving360Conversion][] = [
    ['the 360Giving flat layout', () => toGiving360(flatRecords([flatLine({ 'Amount Awarded': 200 })]), neutralModel(), { prefix: PREFIX })],
    [
      'an "Amount £" column, under the default model (whose figures are in £m)',
      () => toGiving360(recordsFrom([line({ 'Amount £': 200 })]), defaultModel(), { prefix: PREFIX, funder: defaultModel().organisation }),
    ],
    [
      'an "Amount" column with no unit, under the default model',
      () =>
        toGiving360(recordsFrom([bareAmountLine], defaultModel(), bareAmountHeader), defaultModel(), { prefix: PREFIX, funder: defaultModel().organisation }),
    ],
  ];

  it.each(layouts)('JSON, from %s: "amountAwarded": 200', (_layout, convert) => {
    const conversion = convert();
    expect(conversion.grants).toHaveLength(1);
    const json = giving360Json(giving360Package(conversion, d(2021, 6, 1)));
    expect(json).toContain('"amountAwarded": 200,');
    expect((JSON.parse(json) as { grants: { amountAwarded: number }[] }).grants[0].amountAwarded).toBe(200);
  });

  it.each(layouts)('CSV, from %s: 200 under Amount Awarded', (_layout, convert) => {
    const conversion = convert();
    expect(conversion.grants).toHaveLength(1);
    const [headings, row] = giving360Csv(conversion.grants)
      .slice(1)
      .split('\r\n')
      .map((l) => l.split(','));
    expect(headings).toEqual(GIVING360_CSV_COLUMNS.map((c) => c.heading));
    expect(row[headings.indexOf('Amount Awarded')]).toBe('200');
  });
});
