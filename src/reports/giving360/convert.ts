/**
 * Register records to 360Giving grants. Only complete records are published; every record left out is
 * counted with the reason, so the export never silently drops a grant. London boroughs get their GB-LAE
 * organisation id and an LONB beneficiary location from the model; other organisations get an internal
 * id under the publisher's prefix and are listed as needing a real org-id.
 */
import { ZERO, type Money } from '../../money/decimal';
import { formatAmount } from '../../money/format';
import { buildModelNames, type ModelNames } from '../../model/model-names';
import type { Borough, CommissioningModel } from '../../model/types';
import { isoDate } from '../../checks/dates';
import type { RegisterField, RegisterRecord } from '../register-records';
import { publishedAmount } from './amount';
import { GrantIdAllocator, checkPrefix, internalOrgId, orgIdProblem } from './identifiers';
import type { Giving360Event, Giving360Grant, Giving360Location, Giving360Organization } from './types';

export class Giving360InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Giving360InputError';
  }
}

export interface Giving360Options {
  /** The publisher's 360Giving prefix, "360G-…". */
  readonly prefix: string;
  /** The funding organisation's org-id; the model's organisation id when absent. */
  readonly funderId?: string;
  /** A web link to the published source of the data, written to every grant. */
  readonly dataSource?: string;
}

export interface SkippedRecord {
  readonly record: RegisterRecord;
  /** "no recipient and no award date", "id MOPAC-CG-001 is used again (first at row 2)". */
  readonly reason: string;
  /** A1 address of the cell to look at, when there is one. */
  readonly cell?: string;
}

export interface InternalOrganisation {
  readonly name: string;
  readonly id: string;
  readonly role: 'recipient' | 'funder';
  /** Grants that use this id. */
  readonly grants: number;
}

export interface AdjustedRecord {
  readonly record: RegisterRecord;
  readonly grantId: string;
}

export interface Giving360Conversion {
  readonly grants: readonly Giving360Grant[];
  /** Exact sum of the amounts published (to the penny). */
  readonly total: Money;
  readonly skipped: readonly SkippedRecord[];
  /** Organisations published under an internal id: each needs a real org-id.guide identifier. */
  readonly internalOrganisations: readonly InternalOrganisation[];
  /** Records whose grant id is not simply prefix-id: special characters replaced, or a suffix added. */
  readonly adjustedIds: readonly AdjustedRecord[];
  /** Records whose amount had fractions of a penny, published rounded to the penny. */
  readonly roundedAmounts: readonly RegisterRecord[];
  /** The funding organisation used for the model's organisation. */
  readonly funder: Giving360Organization;
  /** Why the funder's id is not a usable org-id.guide identifier, when it is not. */
  readonly funderIdProblem?: string;
}

const REQUIRED: readonly { readonly field: RegisterField; readonly name: string }[] = [
  { field: 'id', name: 'id' },
  { field: 'title', name: 'title' },
  { field: 'recipient', name: 'recipient' },
  { field: 'amount', name: 'amount' },
  { field: 'awardDate', name: 'award date' },
  { field: 'funder', name: 'funder' },
];

/**
 * @throws Giving360InputError when the prefix is not a 360Giving prefix.
 */
export function toGiving360(
  records: readonly RegisterRecord[],
  model: CommissioningModel,
  options: Giving360Options,
  names: ModelNames = buildModelNames(model),
): Giving360Conversion {
  const prefixCheck = checkPrefix(options.prefix);
  if ('problem' in prefixCheck) throw new Giving360InputError(prefixCheck.problem);
  const prefix = prefixCheck.prefix;
  const funder: Giving360Organization = { id: options.funderId ?? model.organisation.orgId, name: model.organisation.name };
  const funderIdProblem = orgIdProblem(funder.id);

  const ids = new GrantIdAllocator(prefix);
  const internal = new Map<string, { name: string; id: string; role: 'recipient' | 'funder'; grants: number }>();
  const organisation = (name: string, role: 'recipient' | 'funder'): Giving360Organization => {
    const borough = names.boroughs.resolve(name);
    if (borough) return { id: borough.orgId, name };
    const id = internalOrgId(prefix, name);
    const key = `${role}|${id}`;
    const entry = internal.get(key);
    if (entry) entry.grants++;
    else internal.set(key, { name, id, role, grants: 1 });
    return { id, name };
  };

  const grants: Giving360Grant[] = [];
  const skipped: SkippedRecord[] = [];
  const adjustedIds: AdjustedRecord[] = [];
  const roundedAmounts: RegisterRecord[] = [];
  let total = ZERO;

  for (const record of records) {
    // 360Giving is a standard for grants: contracts belong in the contracts register, not in this file.
    if (record.type !== undefined && /^\s*contract/i.test(record.type)) {
      skipped.push(withCell({ record, reason: 'a contract, not a grant (360Giving publishes grants)' }, record.cells.type));
      continue;
    }
    const missing = REQUIRED.filter(({ field }) => record[field] === undefined);
    if (missing.length > 0) {
      const reason = missing.map((m) => `no ${m.name}`).join(', ');
      skipped.push(withCell({ record, reason }, record.cells[missing[0].field]));
      continue;
    }
    // The checks above make these present; the locals let TypeScript see it.
    const { id: writtenId, title, recipient, amount, awardDate, funder: recordFunder } = record as Required<RegisterRecord>;
    const allocated = ids.allocate(writtenId, record.row);
    if (allocated.kind === 'duplicate') {
      skipped.push(withCell({ record, reason: `id ${writtenId} is used again (first on row ${allocated.firstRow + 1})` }, record.cells.id));
      continue;
    }
    if (allocated.kind === 'unusable') {
      skipped.push(withCell({ record, reason: `id “${writtenId}” has no letters or digits to build a grant id from` }, record.cells.id));
      continue;
    }
    if (allocated.adjusted) adjustedIds.push({ record, grantId: allocated.id });

    const published = publishedAmount(amount);
    if (published.rounded) roundedAmounts.push(record);
    total = total.plus(published.pounds);

    const recipientBorough = names.boroughs.resolve(recipient);
    const locationBorough = (record.borough ? names.boroughs.resolve(record.borough) : undefined) ?? recipientBorough;
    const grant: Giving360Grant = {
      id: allocated.id,
      title,
      description: record.description ?? title,
      currency: model.currency,
      amountAwarded: published.number,
      awardDate: isoDate(awardDate),
      ...plannedDates(record),
      recipientOrganization: [organisation(recipient, 'recipient')],
      fundingOrganization: [recordFunder === model.organisation.name ? funder : organisation(recordFunder, 'funder')],
      ...(locationBorough ? { beneficiaryLocation: [boroughLocation(locationBorough)] } : {}),
      ...(options.dataSource ? { dataSource: options.dataSource } : {}),
    };
    grants.push(grant);
  }

  return {
    grants,
    total,
    skipped,
    internalOrganisations: [...internal.values()].map((o) => ({ ...o })),
    adjustedIds,
    roundedAmounts,
    funder,
    ...(funderIdProblem ? { funderIdProblem } : {}),
  };
}

function withCell(skip: { record: RegisterRecord; reason: string }, cell: string | undefined): SkippedRecord {
  return cell === undefined ? skip : { ...skip, cell };
}

function plannedDates(record: RegisterRecord): { plannedDates?: readonly Giving360Event[] } {
  if (!record.startDate && !record.endDate) return {};
  const event: Giving360Event = {
    ...(record.startDate ? { startDate: isoDate(record.startDate) } : {}),
    ...(record.endDate ? { endDate: isoDate(record.endDate) } : {}),
  };
  return { plannedDates: [event] };
}

function boroughLocation(borough: Borough): Giving360Location {
  return { name: borough.name, countryCode: 'GB', geoCode: borough.gss, geoCodeType: 'LONB' };
}

/** The total for a summary: "£28,040,000", to the penny only when it has pence. */
export function describeTotal(total: Money): string {
  return formatAmount(total, { unit: '£', decimals: total.decimalPlaces() > 0 ? 2 : 0, negative: 'minus' });
}
