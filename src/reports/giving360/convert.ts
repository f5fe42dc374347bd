/**
 * Register records to 360Giving grants. Only complete records are published; every record left out is
 * counted with the reason, so the export never silently drops a grant, and the amounts are reconciled
 * with the register's amount column before anything is returned (reconcile.ts). A register already in
 * 360Giving's flat layout keeps its grant ids, organisations and their ids, dates, programmes and
 * locations; other registers get ids under the publisher's prefix (identifiers.ts, organisations.ts).
 */
import { ZERO, type Money } from '../../money/decimal';
import { buildModelNames, type ModelNames } from '../../model/model-names';
import type { Borough, CommissioningModel, Organisation } from '../../model/types';
import { isoDate } from '../../checks/dates';
import type { RegisterField, RegisterRecord } from '../register-records';
import { publishedAmount, toPence } from './amount';
import { chooseFunder, givenFunder, givenFunderIdProblem, type FunderChoice, type GivenFunder } from './funders';
import { beneficiaryLocation, grantProgramme, plannedDates } from './grant-fields';
import { GrantIdAllocator, checkPrefix } from './identifiers';
import { OrganisationIds, type InternalOrganisation } from './organisations';
import { Giving360TotalError, totalsMismatch } from './reconcile';
import type { Giving360Grant, Giving360Organization } from './types';

export class Giving360InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Giving360InputError';
  }
}

interface Giving360Options {
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

interface AdjustedRecord {
  readonly record: RegisterRecord;
  readonly grantId: string;
}

/** A funding organisation and how many grants name it. */
interface FundingOrganisationUse {
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
  const conversion = new GrantConversion(prefixCheck.prefix, model, options, (name) => names.boroughs.resolve(name));
  for (const record of records) conversion.add(record);
  return conversion.result(records);
}

/** One conversion under way: the id and organisation allocators, and what has been published or left out so far. */
class GrantConversion {
  private readonly given: GivenFunder | undefined;
  private readonly ids: GrantIdAllocator;
  private readonly organisations: OrganisationIds;
  private readonly funders = new FunderUses();
  private readonly grants: Giving360Grant[] = [];
  private readonly skipped: SkippedRecord[] = [];
  private readonly adjustedIds: AdjustedRecord[] = [];
  private readonly roundedAmounts: RegisterRecord[] = [];
  private keptIds = 0;
  private total = ZERO;

  constructor(
    prefix: string,
    private readonly model: CommissioningModel,
    private readonly options: Giving360Options,
    private readonly resolveBorough: (name: string) => Borough | undefined,
  ) {
    this.given = givenFunder(options.funder, prefix);
    this.ids = new GrantIdAllocator(prefix);
    this.organisations = new OrganisationIds(prefix, resolveBorough);
  }

  /** Publishes the record as a grant, or leaves it out with the reason. */
  add(record: RegisterRecord): void {
    const funderChoice = this.publishableFunder(record);
    if (funderChoice === undefined) return;
    const grantId = this.grantId(record);
    if (grantId === undefined) return;
    this.grants.push(this.grant(record, grantId, funderChoice));
  }

  private skip(record: RegisterRecord, reason: string, cell: string | undefined): void {
    this.skipped.push(cell === undefined ? { record, reason } : { record, reason, cell });
  }

  /** The record's funder when the record can be published as a grant; otherwise it is left out, and undefined. */
  private publishableFunder(record: RegisterRecord): FunderChoice | undefined {
    // 360Giving is a standard for grants: contracts belong in the contracts register, not in this file.
    if (record.type !== undefined && /^\s*contract/i.test(record.type)) {
      this.skip(record, 'a contract, not a grant (360Giving publishes grants)', record.cells.type);
      return undefined;
    }
    const missing = REQUIRED.filter(({ field }) => record[field] === undefined);
    const funderChoice = chooseFunder(record, this.given);
    const reasons = missing.map((m) => `no ${m.name}`);
    if (funderChoice.kind === 'none') reasons.push(`no funder (the register names none: ${this.options.funderAdvice ?? DEFAULT_FUNDER_ADVICE})`);
    if (funderChoice.kind === 'unnamed') reasons.push(`funder ${funderChoice.writtenId} has no name`);
    if (reasons.length > 0) {
      this.skip(record, reasons.join(', '), missing.length > 0 ? record.cells[missing[0].field] : (record.cells.funder ?? record.cells.funderId));
      return undefined;
    }
    const currency = this.model.currency;
    if (record.currency !== undefined && record.currency.trim().toUpperCase() !== currency) {
      this.skip(record, `an amount in ${record.currency}: the export publishes pounds (${currency})`, record.cells.currency);
      return undefined;
    }
    return funderChoice;
  }

  /** The grant id for a complete record; a record whose id is used again or unusable is left out, and undefined. */
  private grantId(record: RegisterRecord): string | undefined {
    const writtenId = record.id!;
    const allocated = this.ids.allocate(writtenId, record.row);
    if (allocated.kind === 'duplicate') {
      this.skip(record, `id ${writtenId} is used again (first on row ${allocated.firstRow + 1})`, record.cells.id);
      return undefined;
    }
    if (allocated.kind === 'unusable') {
      this.skip(record, `id “${writtenId}” has no letters or digits to build a grant id from`, record.cells.id);
      return undefined;
    }
    if (allocated.adjusted) this.adjustedIds.push({ record, grantId: allocated.id });
    if (allocated.kept) this.keptIds++;
    return allocated.id;
  }

  private grant(record: RegisterRecord, grantId: string, funderChoice: FunderChoice): Giving360Grant {
    // publishableFunder made these present; the locals let TypeScript see it.
    const { title, recipient, amount, awardDate } = record as Required<RegisterRecord>;
    const published = publishedAmount(amount);
    if (published.rounded) this.roundedAmounts.push(record);
    this.total = this.total.plus(published.pounds);

    const funder = fundingOrganisation(funderChoice, this.given, this.organisations);
    this.funders.count(funder, funderChoice.kind === 'given' ? 'given' : 'register');
    const recipientOrganisation = this.organisations.organisation(
      {
        name: recipient,
        ...optional('writtenId', record.recipientId),
        ...optional('charityNumber', record.recipientCharityNumber),
        ...optional('companyNumber', record.recipientCompanyNumber),
      },
      'recipient',
    );
    const dataSource = record.dataSource ?? this.options.dataSource;
    return {
      id: grantId,
      title,
      description: record.description ?? title,
      currency: this.model.currency,
      amountAwarded: published.number,
      awardDate: isoDate(awardDate),
      ...plannedDates(record),
      recipientOrganization: [recipientOrganisation],
      fundingOrganization: [funder],
      ...beneficiaryLocation(record, this.resolveBorough),
      ...grantProgramme(record),
      ...(dataSource ? { dataSource } : {}),
    };
  }

  /** The grants and the records left out, once the amounts are reconciled with the register's. */
  result(records: readonly RegisterRecord[]): Giving360Conversion {
    const { given, funders, total, skipped } = this;
    const sourceTotal = sumToPence(records);
    const skippedTotal = sumToPence(skipped.map((s) => s.record));
    const mismatch = totalsMismatch({ source: sourceTotal, exported: total, skipped: skippedTotal });
    if (mismatch) throw new Giving360TotalError(mismatch);

    const givenUsed = given !== undefined && funders.grantsOf(given.organisation) > 0;
    const funderIdProblem = given && givenUsed ? givenFunderIdProblem(given) : undefined;
    return {
      grants: this.grants,
      total,
      skipped,
      sourceTotal,
      skippedTotal,
      internalOrganisations: this.organisations.internalOrganisations(),
      adjustedIds: this.adjustedIds,
      keptIds: this.keptIds,
      roundedAmounts: this.roundedAmounts,
      ...(given ? { funder: given.organisation } : {}),
      funders: funders.list(),
      ...(funderIdProblem ? { funderIdProblem } : {}),
    };
  }
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
