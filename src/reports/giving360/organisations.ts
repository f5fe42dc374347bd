/**
 * The organisations a grant names, with their ids. In order of preference: the register's own org-id
 * (kept as written); one its charity or company number stands for; a London borough's GB-LAE id from the
 * model; the register's own id for it with no list code, under the publisher's prefix; and last an id
 * made from its name under the prefix. The last two are internal ids, counted so that each can be listed
 * as needing a real org-id.guide identifier.
 */
import type { Borough } from '../../model/types';
import { internalOrgId, safeInternalId } from './identifiers';
import { charityOrgId, companyOrgId, readWrittenOrgId } from './org-ids';
import type { Giving360Organization } from './types';

/** What a register says about an organisation. */
interface OrganisationFacts {
  readonly name: string;
  /** The register's own id for it: "GB-CHC-1133079", "360G-trafford-be_active", or its own code. */
  readonly writtenId?: string;
  readonly charityNumber?: string;
  readonly companyNumber?: string;
}

type OrganisationRole = 'recipient' | 'funder';

export interface InternalOrganisation {
  readonly name: string;
  readonly id: string;
  readonly role: OrganisationRole;
  /** Grants that use this id. */
  readonly grants: number;
}

export class OrganisationIds {
  private readonly internal = new Map<string, { name: string; id: string; role: OrganisationRole; grants: number }>();

  constructor(
    private readonly prefix: string,
    private readonly resolveBorough: (name: string) => Borough | undefined,
  ) {}

  /** The organisation as a grant publishes it; call once per grant, since internal ids count their grants. */
  organisation(facts: OrganisationFacts, role: OrganisationRole): Giving360Organization {
    const companyId = companyOrgId(facts.companyNumber);
    return {
      id: this.idOf(facts, role),
      name: facts.name,
      ...(facts.charityNumber ? { charityNumber: facts.charityNumber } : {}),
      // Companies House numbers have eight characters; a number stored as a number lost its leading zeros.
      ...(facts.companyNumber ? { companyNumber: companyId ? companyId.slice('GB-COH-'.length) : facts.companyNumber } : {}),
    };
  }

  /** Organisations published under an internal id, in order of first use. */
  internalOrganisations(): InternalOrganisation[] {
    return [...this.internal.values()].map((o) => ({ ...o }));
  }

  private idOf(facts: OrganisationFacts, role: OrganisationRole): string {
    const written = readWrittenOrgId(facts.writtenId);
    if (written?.kind === 'recognised') return written.id;
    const registered = charityOrgId(facts.charityNumber) ?? companyOrgId(facts.companyNumber) ?? this.boroughOrgId(facts.name);
    if (registered) return registered;
    const own = written ? safeInternalId(written.id) : '';
    const id = own === '' ? internalOrgId(this.prefix, facts.name) : `${this.prefix}-${own}`;
    this.countInternal(id, facts.name, role);
    return id;
  }

  private boroughOrgId(name: string): string | undefined {
    const orgId = this.resolveBorough(name)?.orgId.trim();
    return orgId === '' ? undefined : orgId;
  }

  private countInternal(id: string, name: string, role: OrganisationRole): void {
    const key = `${role}|${id}`;
    const entry = this.internal.get(key);
    if (entry) entry.grants++;
    else this.internal.set(key, { name, id, role, grants: 1 });
  }
}
