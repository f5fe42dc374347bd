/**
 * Register records to 360Giving grants. Only complete records are published; every record left out is
 * counted with the reason, so the export never silently drops a grant, and the amounts are reconciled
 * with the register's amount column before anything is returned (reconcile.ts). A register already in
 * 360Giving's flat layout keeps its grant ids, organisations and their ids, dates, programmes and
 * locations; other registers get ids under the publisher's prefix (identifiers.ts, organisations.ts).
 */
import { ZERO, type Money } from '../../money/decimal';
import { buildModelNames, type ModelNames } from '../../model/model-names';
import type { CommissioningModel, Organisation } from '../../model/types';
import { isoDate } from '../../checks/dates';
import type { RegisterField, RegisterRecord } from '../register-records';
import { publishedAmount, toPence } from './amount';
import { chooseFunder, givenFunder, givenFunderIdProblem, type FunderChoice, type GivenFunder } from './funders';
import { beneficiaryLocation, grantProgramme, plannedDates } from './grant-fields';
import { GrantIdAllocator, checkPrefix } from './identifiers';
import { OrganisationIds, type InternalOrganisation } from './organisations';
import { Giving360TotalError, totalsMismatch } from './reconcile';
import type { Giving360Grant, Giving360Organization } from './types';

export { describeTotal } from './amount';
export { Giving360TotalError } from './reconcile';
export type { InternalOrganisation } from './organisations';

export class Giving360InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Giving360InputError';
  }
}

export interface Giving360Options {
  /** The publisher's 360Giving prefix, "360G-…". */
  readonly prefix: string;
  /**
   * The funding organisation of records whose register names none. Callers pass the model's organisation
   * when it has a name; one with an empty name (the model of no organisation) is no funder. Its orgId
   * may be empty: the funder is then published under an internal id and reported.
   */
  readonly funder?: Organisation;
  /** How the caller can give a funder, for records that have none: "pass --funder-name". */
  readonly funderAdvice?: string;
  /** A web link to the published source of the data, for grants whose register gives none. */
  readonly dataSource?: string;
}

export interface SkippedRecord {
  readonly record: RegisterRecord;
  /** "no recipient, no award date", "id MOPAC-CG-001 is used again (first at row 2)". */
  readonly reason: string;
  /** A1 address of the cell to look at, when there is one. */
  readonly cell?: string;
}

export interface AdjustedRecord {
  readonly record: RegisterRecord;
  readonly grantId: string;
}

/** A funding organisation and how many grants name it. */
export interface FundingOrganisationUse {
  readonly id: string;
  readonly name: string;
  /** 'register' when the register names it, 'given' for the funder the caller gave. */
  readonly from: 'register' | 'given';
  readonly grants: number;
}

export interface Giving360Conversion {
  readonly grants: readonly Giving360Grant[];
  /** Exact sum of the amounts published (to the penny). */
  readonly total: Money;
  readonly skipped: readonly SkippedRecord[];
  /** The register's amount column: every record read with an amount, each to the penny. */
  readonly sourceTotal: Money;
  /** The amounts of the records left out, each to the penny: with `total`, they make `sourceTotal`. */
  readonly skippedTotal: Money;
  /** Organisations published under an internal id: each needs a real org-id.guide identifier. */
  readonly internalOrganisations: readonly InternalOrganisation[];
  /** Records whose grant id is not simply prefix-id (or their own 360G- id): special characters replaced, or a suffix added. */
  readonly adjustedIds: readonly AdjustedRecord[];
  /** Grants whose register id already was a 360Giving id, published as written rather than under the prefix. */
  readonly keptIds: number;
  /** Records whose amount had fractions of a penny, published rounded to the penny. */
  readonly roundedAmounts: readonly RegisterRecord[];
  /** The caller's funder as grants publish it, when the caller gave one. */
  readonly funder?: Giving360Organization;
  /** Every funding organisation of the grants published, in order of first use. */
  readonly funders: readonly FundingOrganisationUse[];
  /** Why the caller's funder's id is not a usable org-id.guide identifier, when a grant is published under it. */
  readonly funderIdProblem?: string;
}

const REQUIRED: readonly { readonly field: RegisterField; readonly name: string }[] = [
  { field: 'id', name: 'id' },
  { field: 'title', name: 'title' },
  { field: 'recipient', name: 'recipient' },
  { field: 'amount', name: 'amount' },
  { field: 'awardDate', name: 'award date' },
];

const DEFAULT_FUNDER_ADVICE = 'give the funding organisation';

/**
 * @param model Only for its London boroughs (GB-LAE ids, LONB locations) and currency: the funder is an option.
 * @throws Giving360InputError when the prefix is not a 360Giving prefix.
 * @throws Giving360TotalError when the grants and the records left out do not add up to the amounts read.
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
  const resolveBorough = (name: string) => names.boroughs.resolve(name);
  const given = givenFunder(options.funder, prefix);
  const funderAdvice = options.funderAdvice ?? DEFAULT_FUNDER_ADVICE;

  const ids = new GrantIdAllocator(prefix);
  const organisations = new OrganisationIds(prefix, resolveBorough);
  const funders = new FunderUses();
  const grants: Giving360Grant[] = [];
  const skipped: SkippedRecord[] = [];
  const adjustedIds: AdjustedRecord[] = [];
  const roundedAmounts: RegisterRecord[] = [];
  let keptIds = 0;
  let total = ZERO;

  for (const record of records) {
    const skip = (reason: string, cell: string | undefined): void => {
      skipped.push(cell === undefined ? { record, reason } : { record, reason, cell });
    };
    // 360Giving is a standard for grants: contracts belong in the contracts register, not in this file.
    if (record.type !== undefined && /^\s*contract/i.test(record.type)) {
      skip('a contract, not a grant (360Giving publishes grants)', record.cells.type);
      continue;
    }
    const missing = REQUIRED.filter(({ field }) => record[field] === undefined);
    const funderChoice = chooseFunder(record, given);
    const reasons = missing.map((m) => `no ${m.name}`);
    if (funderChoice.kind === 'none') reasons.push(`no funder (the register names none: ${funderAdvice})`);
    if (funderChoice.kind === 'unnamed') reasons.push(`funder ${funderChoice.writtenId} has no name`);
    if (reasons.length > 0) {
      skip(reasons.join(', '), missing.length > 0 ? record.cells[missing[0].field] : (record.cells.funder ?? record.cells.funderId));
      continue;
    }
    if (record.currency !== undefined && record.currency.trim().toUpperCase() !== model.currency) {
      skip(`an amount in ${record.currency}: the export publishes pounds (${model.currency})`, record.cells.currency);
      continue;
    }
    // The checks above make these present; the locals let TypeScript see it.
    const { id: writtenId, title, recipient, amount, awardDate } = record as Required<RegisterRecord>;
    const allocated = ids.allocate(writtenId, record.row);
    if (allocated.kind === 'duplicate') {
      skip(`id ${writtenId} is used again (first on row ${allocated.firstRow + 1})`, record.cells.id);
      continue;
    }
    if (allocated.kind === 'unusable') {
      skip(`id “${writtenId}” has no letters or digits to build a grant id from`, record.cells.id);
      continue;
    }
    if (allocated.adjusted) adjustedIds.push({ record, grantId: allocated.id });
    if (allocated.kept) keptIds++;

    const published = publishedAmount(amount);
    if (published.rounded) roundedAmounts.push(record);
    total = total.plus(published.pounds);

    const funder = fundingOrganisation(funderChoice, given, organisations);
    funders.count(funder, funderChoice.kind === 'given' ? 'given' : 'register');
    const recipientOrganisation = organisations.organisation(
      {
        name: recipient,
        ...optional('writtenId', record.recipientId),
        ...optional('charityNumber', record.recipientCharityNumber),
        ...optional('companyNumber', record.recipientCompanyNumber),
      },
      'recipient',
    );
    const dataSource = record.dataSource ?? options.dataSource;
    grants.push({
      id: allocated.id,
      title,
      description: record.description ?? title,
      currency: model.currency,
      amountAwarded: published.number,
      awardDate: isoDate(awardDate),
      ...plannedDates(record),
      recipientOrganization: [recipientOrganisation],
      fundingOrganization: [funder],
      ...beneficiaryLocation(record, resolveBorough),
      ...grantProgramme(record),
      ...(dataSource ? { dataSource } : {}),
    });
  }

  const sourceTotal = sumToPence(records);
  const skippedTotal = sumToPence(skipped.map((s) => s.record));
  const mismatch = totalsMismatch({ source: sourceTotal, exported: total, skipped: skippedTotal });
  if (mismatch) throw new Giving360TotalError(mismatch);

  const givenUsed = given !== undefined && funders.grantsOf(given.organisation) > 0;
  const funderIdProblem = given && givenUsed ? givenFunderIdProblem(given) : undefined;
  return {
    grants,
    total,
    skipped,
    sourceTotal,
    skippedTotal,
    internalOrganisations: organisations.internalOrganisations(),
    adjustedIds,
    keptIds,
    roundedAmounts,
    ...(given ? { funder: given.organisation } : {}),
    funders: funders.list(),
    ...(funderIdProblem ? { funderIdProblem } : {}),
  };
}

function fundingOrganisation(choice: FunderChoice, given: GivenFunder | undefined, organisations: OrganisationIds): Giving360Organization {
  if (choice.kind === 'register') return organisations.organisation({ name: choice.name, ...optional('writtenId', choice.writtenId) }, 'funder');
  if (choice.kind === 'given' && given) return given.organisation;
  // chooseFunder gives 'none' and 'unnamed' only to records that are left out before this.
  throw new Error(`no funding organisation for a record chosen as ${choice.kind}`);
}

/** Funding organisations by id and name, with their grants, in order of first use. */
class FunderUses {
  private readonly uses = new Map<string, { id: string; name: string; from: 'register' | 'given'; grants: number }>();

  count(organisation: Giving360Organization, from: 'register' | 'given'): void {
    const key = FunderUses.key(organisation);
    const use = this.uses.get(key);
    if (use) use.grants++;
    else this.uses.set(key, { id: organisation.id, name: organisation.name, from, grants: 1 });
  }

  grantsOf(organisation: Giving360Organization): number {
    return this.uses.get(FunderUses.key(organisation))?.grants ?? 0;
  }

  list(): FundingOrganisationUse[] {
    return [...this.uses.values()].map((u) => ({ ...u }));
  }

  private static key(organisation: Giving360Organization): string {
    return `${organisation.id}\u0000${organisation.name}`;
  }
}

/** Each record's amount to the penny, added: the amounts as the export publishes them. */
function sumToPence(records: readonly RegisterRecord[]): Money {
  return records.reduce((sum, r) => (r.amount === undefined ? sum : sum.plus(toPence(r.amount))), ZERO);
}

/** `{ [key]: value }` when there is a value, `{}` otherwise: optional properties stay absent, never undefined. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
