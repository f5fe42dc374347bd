/**
 * Who funds each grant. A record's own funder comes first: the register's funder column (360Giving's
 * "Funding Org:Name") and "Funding Org:Identifier". A record whose register names none (no funder column,
 * or a blank cell) is funded by the organisation the caller gives; with neither there is no funder, and
 * the record cannot be published.
 */
import { normaliseName } from '../../model/names';
import { PLACEHOLDER_ORGANISATION } from '../../model/propose-placeholder';
import type { Organisation } from '../../model/types';
import type { RegisterRecord } from '../register-records';
import { internalOrgId } from './identifiers';
import { orgIdProblem } from './org-ids';
import type { Giving360Organization } from './types';

/** The caller's funder as grants publish it. */
export interface GivenFunder {
  readonly organisation: Giving360Organization;
  /** True when the caller gave no org-id, so the funder is published under an internal id. */
  readonly internalId: boolean;
  /** Its name and short name, normalised, to recognise it where a register writes it. */
  readonly names: ReadonlySet<string>;
}

/**
 * The caller's funder, or undefined when it has no name (the model of no organisation names none) or
 * still has the name a proposed model holds until the user edits it: a placeholder is never published.
 */
export function givenFunder(funder: Organisation | undefined, prefix: string): GivenFunder | undefined {
  const name = funder?.name.trim();
  if (!funder || !name || name === PLACEHOLDER_ORGANISATION.name) return undefined;
  const orgId = funder.orgId.trim();
  return {
    organisation: { id: orgId || internalOrgId(prefix, name), name },
    internalId: orgId === '',
    names: new Set([name, funder.shortName].map(normaliseName).filter((n) => n !== '')),
  };
}

/** Why the caller's funder's id will not do in 360Giving data, or undefined when it will. */
export function givenFunderIdProblem(funder: GivenFunder): string | undefined {
  if (funder.internalId) return `"${funder.organisation.id}" is an internal id made under your prefix, since none was given, not an org-id.guide identifier`;
  return orgIdProblem(funder.organisation.id);
}

export type FunderChoice =
  /** The caller's funder. */
  | { readonly kind: 'given' }
  /** The funder the record names, with its id when the register gives one. */
  | { readonly kind: 'register'; readonly name: string; readonly writtenId?: string }
  /** Neither the register nor the caller names a funder. */
  | { readonly kind: 'none' }
  /** The register gives a funder's id but not its name, which 360Giving requires. */
  | { readonly kind: 'unnamed'; readonly writtenId: string };

/** Whose grant a record is. Decides only: the organisations are made once the record is known to be published. */
export function chooseFunder(record: RegisterRecord, given: GivenFunder | undefined): FunderChoice {
  // Without a funder column the reader fills in the model's organisation; only a written cell is the record's own.
  const name = record.cells.funder !== undefined ? record.funder : undefined;
  const writtenId = record.funderId;
  const isGivenId = given !== undefined && writtenId !== undefined && writtenId.trim().toLowerCase() === given.organisation.id.toLowerCase();
  if (name === undefined) {
    if (writtenId === undefined || isGivenId) return given ? { kind: 'given' } : { kind: 'none' };
    return { kind: 'unnamed', writtenId };
  }
  if (given?.names.has(normaliseName(name)) && (writtenId === undefined || isGivenId)) return { kind: 'given' };
  return { kind: 'register', name, ...(writtenId !== undefined ? { writtenId } : {}) };
}
