/**
 * Organisation identifiers as 360Giving wants them: org-id.guide codes, a list code and the organisation's
 * id in that list ("GB-CHC-1070468", "GB-COH-07597525", "GB-LAE-TRF"), or, for an organisation in no list,
 * a 360G- id under a publisher's prefix. Ids a register already gives are kept as written; charity and
 * company numbers give the GB-CHC, GB-SC, GB-NIC and GB-COH ids the registers they come from stand for.
 */

/**
 * org-id.guide shape: a country (or XI, XM) code, a list code, then the organisation's id in that list.
 * It covers the lists 360Giving data uses most (GB-CHC, GB-SC and GB-NIC charities; GB-COH companies;
 * GB-LAE, GB-LAS, GB-LANI local authorities; GB-PLA police; GB-MPR mutuals; GB-EDU schools; GB-NHS;
 * GB-GOR central government; XI-GRID, XI-ROR) and any list org-id.guide adds.
 */
const ORG_ID = /^[A-Z]{2}-[A-Z0-9]{2,}(?:_[A-Z0-9]+)*-[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** The same shape written in lower case ("gb-chc-1070468"), which only needs its list code upper-cased. */
const ORG_ID_ANY_CASE = /^([a-z]{2}-[a-z0-9]{2,}(?:_[a-z0-9]+)*)-([A-Za-z0-9][A-Za-z0-9._/-]*)$/i;
/**
 * The lists named in 360Giving's identifier guidance and the XI lists (international registers): an id
 * starting with one of these is an organisation's or a publisher's id in a known register, never a
 * register's own reference that merely happens to have the org-id shape ("CG-2019-001").
 */
const NAMED_LISTS = /^(?:GB-(?:CHC|SC|NIC|COH|LAE|LAS|LANI|PLA|MPR|EDU|NHS|GOR|UKPRN)|XI-[A-Z0-9]{2,})-[A-Za-z0-9]/;
/**
 * A 360Giving id: the registered 360G- prefix and an id under it. Whatever follows is the publisher's
 * (360Giving data has "360G-trafford-st_hilda's_church"): prefixing it again would only hide whose it is.
 */
const GIVING360_ID = /^360G-\S/;
/** List codes people put in while the real one is not known. */
const PLACEHOLDER_LISTS = new Set(['TBC', 'TBD', 'TODO', 'XXX', 'NA', 'NONE', 'UNKNOWN', 'TEMP', 'TEST']);

/** Why an id is not a usable org-id.guide identifier, or undefined when it looks like one. */
export function orgIdProblem(id: string): string | undefined {
  if (!ORG_ID.test(id)) {
    return `"${id}" does not look like an org-id.guide identifier (a list code and the organisation's number in that list, such as GB-CHC-1070468, GB-COH-… or GB-GOR-…)`;
  }
  const list = id.split('-')[1];
  if (PLACEHOLDER_LISTS.has(list)) return `"${id}" is a placeholder (list code ${list}), not a real org-id.guide identifier`;
  return undefined;
}

/** True for an id that 360Giving accepts as it is: an org-id.guide identifier or a 360G- id. */
export function isPublishableOrgId(id: string): boolean {
  return GIVING360_ID.test(id) || orgIdProblem(id) === undefined;
}

/** True for an id that begins with 360G- or a list named in 360Giving's guidance (NAMED_LISTS). */
export function startsWithKnownPrefix(id: string): boolean {
  return GIVING360_ID.test(id) || NAMED_LISTS.test(id);
}

/**
 * A register's own id for an organisation: `recognised` (an org-id.guide or 360G- id, kept as written
 * but for a lower-case list code), `own` (the publisher's id with no list, to go under its prefix), or
 * undefined when blank or a placeholder such as GB-TBC-….
 */
type WrittenOrgId = { readonly kind: 'recognised'; readonly id: string } | { readonly kind: 'own'; readonly id: string };

export function readWrittenOrgId(written: string | undefined): WrittenOrgId | undefined {
  const id = written?.trim();
  if (!id) return undefined;
  if (isPublishableOrgId(id)) return { kind: 'recognised', id };
  const anyCase = ORG_ID_ANY_CASE.exec(id);
  if (anyCase) {
    const upper = `${anyCase[1].toUpperCase()}-${anyCase[2]}`;
    if (isPublishableOrgId(upper)) return { kind: 'recognised', id: upper };
    // A placeholder list (GB-TBC-…) says the id is not known: no id at all, rather than one under the prefix.
    return undefined;
  }
  return { kind: 'own', id };
}

/**
 * The org-id a charity number stands for: England and Wales numbers (digits; a linked charity's "-1"
 * suffix dropped, since org-id.guide lists the main charity) are GB-CHC, Scottish ones (SC and six digits)
 * GB-SC, Northern Irish ones (NIC and six digits, or "NIC" left out) GB-NIC with the digits.
 */
export function charityOrgId(written: string | undefined): string | undefined {
  const number = written?.replace(/\s+/g, '').toUpperCase();
  if (!number) return undefined;
  const englandAndWales = /^(\d{5,8})(?:-\d+)?$/.exec(number);
  if (englandAndWales) return `GB-CHC-${englandAndWales[1]}`;
  if (/^SC\d{6}$/.test(number)) return `GB-SC-${number}`;
  const northernIreland = /^NIC(\d{6})$/.exec(number);
  if (northernIreland) return `GB-NIC-${northernIreland[1]}`;
  return undefined;
}

/**
 * The GB-COH org-id of a Companies House number: eight characters, digits zero-padded after any
 * two-letter prefix (SC, NI, OC …), as Companies House writes them. A spreadsheet that stored the number
 * as a number lost its leading zeros: 7597525 is company 07597525.
 */
export function companyOrgId(written: string | undefined): string | undefined {
  const number = written?.replace(/\s+/g, '').toUpperCase();
  if (!number) return undefined;
  const parts = /^([A-Z]{2})?(\d+)$/.exec(number);
  if (!parts) return undefined;
  const prefix = parts[1] ?? '';
  const digits = parts[2].replace(/^0+(?=\d)/, '');
  if (prefix.length + digits.length > 8 || /^0+$/.test(digits)) return undefined;
  return `GB-COH-${prefix}${digits.padStart(8 - prefix.length, '0')}`;
}
