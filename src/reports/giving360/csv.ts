/**
 * 360Giving grants as CSV with the standard's flattened column headings, one grant per row (RFC 4180).
 * Text that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is
 * prefixed with an apostrophe, the usual CSV-injection defence, so opening the file never runs it.
 */
import type { Giving360Grant } from './types';

interface CsvColumn {
  readonly heading: string;
  readonly value: (grant: Giving360Grant) => string | undefined;
  /** Figures we write ourselves: a negative amount is a number, not a formula, so it is not prefixed. */
  readonly numeric?: boolean;
}

export const GIVING360_CSV_COLUMNS: readonly CsvColumn[] = [
  { heading: 'Identifier', value: (g) => g.id },
  { heading: 'Title', value: (g) => g.title },
  { heading: 'Description', value: (g) => g.description },
  { heading: 'Currency', value: (g) => g.currency },
  { heading: 'Amount Awarded', value: (g) => String(g.amountAwarded), numeric: true },
  { heading: 'Award Date', value: (g) => g.awardDate },
  { heading: 'Planned Dates:Start Date', value: (g) => g.plannedDates?.[0]?.startDate },
  { heading: 'Planned Dates:End Date', value: (g) => g.plannedDates?.[0]?.endDate },
  { heading: 'Planned Dates:Duration (months)', value: (g) => optionalNumber(g.plannedDates?.[0]?.duration), numeric: true },
  { heading: 'Recipient Org:Identifier', value: (g) => g.recipientOrganization[0]?.id },
  { heading: 'Recipient Org:Name', value: (g) => g.recipientOrganization[0]?.name },
  { heading: 'Recipient Org:Charity Number', value: (g) => g.recipientOrganization[0]?.charityNumber },
  { heading: 'Recipient Org:Company Number', value: (g) => g.recipientOrganization[0]?.companyNumber },
  { heading: 'Funding Org:Identifier', value: (g) => g.fundingOrganization[0]?.id },
  { heading: 'Funding Org:Name', value: (g) => g.fundingOrganization[0]?.name },
  { heading: 'Grant Programme:Code', value: (g) => g.grantProgramme?.[0]?.code },
  { heading: 'Grant Programme:Title', value: (g) => g.grantProgramme?.[0]?.title },
  { heading: 'Beneficiary Location:Name', value: (g) => g.beneficiaryLocation?.[0]?.name },
  { heading: 'Beneficiary Location:Country Code', value: (g) => g.beneficiaryLocation?.[0]?.countryCode },
  { heading: 'Beneficiary Location:Geographic Code', value: (g) => g.beneficiaryLocation?.[0]?.geoCode },
  { heading: 'Beneficiary Location:Geographic Code Type', value: (g) => g.beneficiaryLocation?.[0]?.geoCodeType },
  { heading: 'Data Source', value: (g) => g.dataSource },
];

function optionalNumber(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as text: a leading apostrophe when it would otherwise start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF, with quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text, CRLF line ends, starting with a UTF-8 byte order mark: what Excel's "CSV UTF-8" writes,
 * and what lets Excel show "£" and curly quotes correctly when the file is opened.
 */
export function giving360Csv(grants: readonly Giving360Grant[]): string {
  const lines = [GIVING360_CSV_COLUMNS.map((c) => csvField(c.heading)).join(',')];
  for (const grant of grants) {
    lines.push(
      GIVING360_CSV_COLUMNS.map((column) => {
        const value = column.value(grant) ?? '';
        return csvField(column.numeric ? value : neutraliseFormula(value));
      }).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
