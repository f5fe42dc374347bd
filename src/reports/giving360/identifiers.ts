/**
 * 360Giving identifiers. Grant ids are the publisher's registered prefix, a hyphen and the internal id
 * ("360G-xyztrust-123"); internal ids with spaces or special characters get underscores instead
 * (360Giving identifier guidance). A register already in 360Giving's layout has its grant ids: an id that
 * starts 360G- (or with a list code named in the guidance, such as GB-CHC-) is kept, never prefixed again. Organisation ids are
 * org-id.guide codes (org-ids.ts); an organisation without one gets an internal id under the publisher's
 * prefix, which a person should later replace.
 */
import { normaliseName } from '../../model/names';
import { startsWithKnownPrefix } from './org-ids';

type PrefixCheck = { readonly prefix: string } | { readonly problem: string };

const PREFIX = /^360G-[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

/** The prefix as the export uses it (a trailing hyphen dropped), or why it is not a 360Giving prefix. */
export function checkPrefix(written: string): PrefixCheck {
  const prefix = written.trim().replace(/-$/, '');
  if (PREFIX.test(prefix)) return { prefix };
  const trimmed = written.trim();
  const why = !/^360G-/.test(trimmed)
    ? 'it must start with 360G- (capital G)'
    : /^360G-+$/.test(trimmed)
      ? 'it has nothing after 360G-; after it, only letters, digits, hyphens and underscores'
      : 'after 360G- it may hold only letters, digits, hyphens and underscores';
  return {
    problem: `"${written}" is not a 360Giving prefix: ${why}. Use the prefix 360Giving registered for your organisation, such as 360G-mopac.`,
  };
}

/** An internal id made safe for a grant id: runs of anything but letters, digits, "-" and "_" become "_". */
export function safeInternalId(written: string): string {
  return written
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

type GrantIdResult =
  | {
      readonly kind: 'id';
      readonly id: string;
      /** True when the id differs from prefix-written id (or, for a kept id, from the id as written). */
      readonly adjusted: boolean;
      /** True when the written id already was a 360Giving id, published without the prefix. */
      readonly kept?: true;
    }
  | { readonly kind: 'duplicate'; readonly firstRow: number }
  | { readonly kind: 'unusable' };

/**
 * Hands out unique grant ids in record order. A record id already used (compared as the register
 * checks compare them: trimmed, ignoring case) is a duplicate, not renamed: publishing it twice, or under
 * an invented id, would hide the error `register-duplicate-id` reports. Distinct ids that only become
 * equal once made safe ("A/1" and "A 1") get a suffix, "_2", "_3", ..., and are reported as adjusted.
 */
export class GrantIdAllocator {
  private readonly writtenIds = new Map<string, number>();
  private readonly used = new Set<string>();

  constructor(private readonly prefix: string) {}

  allocate(writtenId: string, row: number): GrantIdResult {
    const key = writtenId.trim().toLowerCase();
    const firstRow = this.writtenIds.get(key);
    if (firstRow !== undefined) return { kind: 'duplicate', firstRow };
    const written = writtenId.trim();
    const safe = safeInternalId(written);
    if (safe === '') return { kind: 'unusable' };
    this.writtenIds.set(key, row);
    // Prefixing an id that already is a 360Giving id would publish 360G-mine-360G-theirs-….
    const kept = startsWithKnownPrefix(safe);
    const base = kept ? safe : `${this.prefix}-${safe}`;
    let id = base;
    for (let n = 2; this.used.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    this.used.add(id.toLowerCase());
    const asWritten = kept ? written : `${this.prefix}-${written}`;
    return { kind: 'id', id, adjusted: id !== asWritten, ...(kept ? { kept: true as const } : {}) };
  }
}

/** An internal organisation id under the publisher's prefix, the same for every spelling normaliseName treats alike. */
export function internalOrgId(prefix: string, name: string): string {
  const slug = normaliseName(name).replace(/ /g, '-');
  return `${prefix}-ORG-${slug === '' ? `X${fnv1a(name.trim())}` : slug}`;
}

/** A short stable hash, for names with no Latin letters or digits to build a slug from. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
