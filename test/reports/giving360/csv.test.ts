import { defaultModel } from '../../../src/model/json';
import { toGiving360 } from '../../../src/reports/giving360/convert';
import { GIVING360_CSV_COLUMNS, csvField, giving360Csv, neutraliseFormula } from '../../../src/reports/giving360/csv';
import type { Giving360Grant } from '../../../src/reports/giving360/types';
import { parseCsv } from './csv-reader';
import { line, recordsFrom, sampleRecords } from './fixtures';

const model = defaultModel();
const PREFIX = '360G-mopac';
const OPTIONS = { prefix: PREFIX, funder: model.organisation };

function expectedRow(grant: Giving360Grant): string[] {
  return [
    grant.id,
    grant.title,
    grant.description,
    grant.currency,
    String(grant.amountAwarded),
    grant.awardDate,
    grant.plannedDates?.[0]?.startDate ?? '',
    grant.plannedDates?.[0]?.endDate ?? '',
    grant.plannedDates?.[0]?.duration?.toString() ?? '',
    grant.recipientOrganization[0].id,
    grant.recipientOrganization[0].name,
    grant.recipientOrganization[0].charityNumber ?? '',
    grant.recipientOrganization[0].companyNumber ?? '',
    grant.fundingOrganization[0].id,
    grant.fundingOrganization[0].name,
    grant.grantProgramme?.[0]?.code ?? '',
    grant.grantProgramme?.[0]?.title ?? '',
    grant.beneficiaryLocation?.[0]?.name ?? '',
    grant.beneficiaryLocation?.[0]?.countryCode ?? '',
    grant.beneficiaryLocation?.[0]?.geoCode ?? '',
    grant.beneficiaryLocation?.[0]?.geoCodeType ?? '',
    grant.dataSource ?? '',
  ];
}

/** The index of a heading's column, so the tests read fields by name, not by position. */
const at = (heading: string): number => GIVING360_CSV_COLUMNS.findIndex((c) => c.heading === heading);

describe('360Giving CSV', () => {
  it('has the standard flattened headings, and the sample round-trips through a CSV reader', async () => {
    const { grants } = toGiving360(await sampleRecords(), model, OPTIONS);
    const text = giving360Csv(grants);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [headings, ...rows] = parseCsv(text.slice(1));
    expect(headings).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Awarded',
      'Award Date',
      'Planned Dates:Start Date',
      'Planned Dates:End Date',
      'Planned Dates:Duration (months)',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Recipient Org:Charity Number',
      'Recipient Org:Company Number',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Code',
      'Grant Programme:Title',
      'Beneficiary Location:Name',
      'Beneficiary Location:Country Code',
      'Beneficiary Location:Geographic Code',
      'Beneficiary Location:Geographic Code Type',
      'Data Source',
    ]);
    expect(GIVING360_CSV_COLUMNS).toHaveLength(headings.length);
    expect(rows).toEqual(grants.map(expectedRow));
  });

  it('quotes commas, quotes and line breaks, and round-trips them', () => {
    const records = recordsFrom([
      line({ Ref: 'G1', Title: 'Hub, phase "two"', Recipient: 'Line one\r\nLine two' }),
      line({ Ref: 'G2', Recipient: 'London Borough of Lambeth', Borough: 'Lambeth' }),
    ]);
    const { grants } = toGiving360(records, model, OPTIONS);
    const text = giving360Csv(grants);
    expect(text).toContain('"Hub, phase ""two"""');
    const [, first, lambeth] = parseCsv(text.slice(1));
    expect(first[1]).toBe('Hub, phase "two"');
    expect(first[at('Recipient Org:Name')]).toBe('Line one\r\nLine two');
    expect([lambeth[at('Recipient Org:Identifier')], lambeth[at('Recipient Org:Name')]]).toEqual(['GB-LAE-LBH', 'London Borough of Lambeth']);
    expect(lambeth.slice(at('Beneficiary Location:Name'), at('Data Source'))).toEqual(['Lambeth', 'GB', 'E09000022', 'LONB']);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const injections = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)'];
    const records = injections.map((text, i) => line({ Ref: `G${i + 1}`, Title: text, Recipient: `${text} Ltd` }));
    const { grants } = toGiving360(recordsFrom(records), model, OPTIONS);
    const rows = parseCsv(giving360Csv(grants).slice(1)).slice(1);
    expect(rows).toHaveLength(injections.length);
    rows.forEach((row, i) => {
      expect(row[1]).toBe(`'${injections[i]}`);
      expect(row[2]).toBe(`'${injections[i]}`);
      expect(row[at('Recipient Org:Name')]).toBe(`'${injections[i]} Ltd`);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  it('neutralises leading tabs and carriage returns too', () => {
    // The register reader trims cell text, so these reach the CSV only from grants built elsewhere.
    const [grant] = toGiving360(recordsFrom([line()]), model, OPTIONS).grants;
    const tricky: Giving360Grant = { ...grant, title: '\t=1+1', description: '\r@cmd', recipientOrganization: [{ id: 'X', name: 'Plain - fine' }] };
    const [, row] = parseCsv(giving360Csv([tricky]).slice(1));
    expect([row[1], row[2], row[at('Recipient Org:Name')]]).toEqual(["'\t=1+1", "'\r@cmd", 'Plain - fine']);
    expect(neutraliseFormula('Plain text - fine')).toBe('Plain text - fine');
    expect(csvField("'\rx")).toBe('"\'\rx"');
  });

  it('writes a negative amount as a number, not as text', () => {
    const { grants } = toGiving360(recordsFrom([line({ 'Amount £': -500 })]), model, OPTIONS);
    const [, row] = parseCsv(giving360Csv(grants).slice(1));
    expect(row[at('Amount Awarded')]).toBe('-500');
  });
});
