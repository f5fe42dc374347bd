/**
 * Register columns known by their heading rather than by the role the structure layer gave them. A
 * workbook in the 360Giving flat layout names every column the way the standard's spreadsheet template
 * does ("Recipient Org:Name", "Amount Awarded"), and those headings say exactly which grant field a column
 * holds, more exactly than roles can: the template has several money columns (applied for, awarded,
 * disbursed) and several columns about the recipient (its id, name, charity number, address …).
 */
import type { RegisterField } from './register-records';

/** A heading as compared: lower case, single spaces, no spaces around the template's ":" separator. */
function headingKey(heading: string): string {
  return heading.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ ?: ?/g, ':');
}

/**
 * Headings specific enough to name their field in any register: the template's grouped headings and
 * "Amount Awarded" / "Award Date" never mean anything else.
 */
const SPECIFIC: ReadonlyMap<string, RegisterField> = new Map([
  ['amount awarded', 'amount'],
  ['award date', 'awardDate'],
  ['planned dates:start date', 'startDate'],
  ['planned dates:end date', 'endDate'],
  ['planned dates:duration (months)', 'plannedDuration'],
  ['recipient org:identifier', 'recipientId'],
  ['recipient org:name', 'recipient'],
  ['recipient org:charity number', 'recipientCharityNumber'],
  ['recipient org:company number', 'recipientCompanyNumber'],
  ['funding org:identifier', 'funderId'],
  ['funding org:name', 'funder'],
  ['grant programme:code', 'programmeCode'],
  ['grant programme:title', 'programmeTitle'],
  ['beneficiary location:name', 'locationName'],
  ['beneficiary location:country code', 'locationCountryCode'],
  ['beneficiary location:geographic code', 'locationGeoCode'],
  ['beneficiary location:geographic code type', 'locationGeoCodeType'],
]);

/** The template's plain headings: common words, read as grant fields only in a table in the flat layout. */
const FLAT_ONLY: ReadonlyMap<string, RegisterField> = new Map([
  ['identifier', 'id'],
  ['title', 'title'],
  ['description', 'description'],
  ['currency', 'currency'],
  ['data source', 'dataSource'],
]);

/** Charity and company number columns in registers of any layout ("Charity No.", "Registered company number"). */
const CHARITY_NUMBER = /^(?:recipient(?:'s)? )?(?:registered )?charity (?:number|no\.?|reg(?:istration)? (?:number|no\.?))$/;
const COMPANY_NUMBER = /^(?:recipient(?:'s)? )?(?:registered )?(?:company|companies house) (?:number|no\.?|reg(?:istration)? (?:number|no\.?))$/;

/**
 * True for a table laid out as 360Giving's flat template: it awards amounts and groups its recipient's
 * columns under "Recipient Org:". One such heading alone could be a coincidence; both are the template.
 */
export function isGiving360FlatLayout(headings: readonly string[]): boolean {
  const keys = headings.map(headingKey);
  return keys.includes('amount awarded') && keys.some((k) => k.startsWith('recipient org:'));
}

/**
 * The register field a column's heading names, or undefined when the heading leaves it to the column's
 * role. `flat` says whether the table is in the 360Giving flat layout (isGiving360FlatLayout).
 */
export function fieldOfHeading(heading: string, flat: boolean): RegisterField | undefined {
  const key = headingKey(heading);
  const specific = SPECIFIC.get(key);
  if (specific) return specific;
  if (flat) {
    const plain = FLAT_ONLY.get(key);
    if (plain) return plain;
  }
  if (CHARITY_NUMBER.test(key)) return 'recipientCharityNumber';
  if (COMPANY_NUMBER.test(key)) return 'recipientCompanyNumber';
  return undefined;
}
