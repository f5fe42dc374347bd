/**
 * The names a proposed model is built from: the distinct values of a workbook's name columns. A column
 * whose header names a dimension (Priority area, Funding stream, Programme, Borough, Commissioning model)
 * gives every value it holds, since the checker will look each one up; a column of repeated values whose
 * header names a grouping of spend (Service, Directorate, Grant Programme:Title) gives its values too.
 * Other columns of categories are only reported, never guessed into a list.
 */
import type { Grid } from '../sheet/grid';
import { headerWords } from '../sheet/tables/header-roles';
import { isDimensionRole, type Column, type Table } from '../sheet/tables/types';
import { withoutParenthetical } from './model-names';
import { normaliseName } from './names';
import { ALIAS_SEPARATOR } from './model-sheet-layout';
import { initialism } from './propose-codes';

export type ListKey = 'priorityAreas' | 'fundingStreams' | 'programmes' | 'commissioningModels';

/** Where a name was first seen: its cell. */
interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

interface DraftEntry {
  readonly name: string;
  readonly aliases: string[];
  readonly first: CellPlace;
}

/** A name written as an initialism: two to eight capitals (and digits, or "&"). */
const CAPITALS = /^[A-Z][A-Z0-9&]{1,7}$/;

/** Values that stand for no name: a blank written out, or a name still to come. */
const PLACEHOLDER = /^(n\/?a|none|nil|tbc|tbd|to be confirmed|not applicable|unknown|various|-+|–|—|\.+|x)$/i;

/** One list of the model as it is being proposed: entries in order of first appearance, deduplicated by normalised name. */
export class NameList {
  readonly entries: DraftEntry[] = [];
  /** Normalised name or alias → entry. */
  private readonly byKey = new Map<string, number>();
  /** Normalised name without its bracketed ending → entry, for names written with and without it. */
  private readonly byBareKey = new Map<string, number>();

  /** The entry a value names, adding one when it is new; undefined for a blank or a placeholder. */
  add(value: string, at: CellPlace): number | undefined {
    const text = tidy(value);
    const key = normaliseName(text);
    if (key === '' || PLACEHOLDER.test(text)) return undefined;
    const known = this.find(text);
    if (known !== undefined) {
      // "Housing (HRA)" beside "Housing": the same entry, and the other spelling becomes an alias,
      // unless it holds the Model sheet's alias separator and so could not be written there.
      if (!this.byKey.has(key) && !text.includes(ALIAS_SEPARATOR.trim())) {
        this.entries[known].aliases.push(text);
        this.byKey.set(key, known);
      }
      return known;
    }
    const index = this.entries.length;
    this.entries.push({ name: text, aliases: [], first: at });
    this.byKey.set(key, index);
    const bare = normaliseName(withoutParenthetical(text));
    if (bare !== '' && !this.byBareKey.has(bare)) this.byBareKey.set(bare, index);
    return index;
  }

  /** The entry a value names, if any: as the checker resolves names, with or without a bracketed ending. */
  find(value: string): number | undefined {
    const text = tidy(value);
    const key = normaliseName(text);
    if (key === '') return undefined;
    return this.byKey.get(key) ?? this.byKey.get(normaliseName(withoutParenthetical(text))) ?? this.byBareKey.get(key);
  }

  /**
   * Folds an entry written as capitals ("YLF") into the one entry whose initials it is ("Young Londoners
   * Fund"), as its alias: workbooks write both. Returns each old index's new index, and what was folded.
   */
  foldInitialisms(): { remap: number[]; folded: { short: string; into: string }[] } {
    const byInitials = new Map<string, number[]>();
    this.entries.forEach((e, i) => {
      const initials = initialism(e.name);
      if (initials) byInitials.set(initials, [...(byInitials.get(initials) ?? []), i]);
    });
    const into = this.entries.map((e) => {
      const owners = CAPITALS.test(e.name) ? byInitials.get(e.name.replace(/&/g, '')) : undefined;
      return owners?.length === 1 ? owners[0] : undefined;
    });
    const folded: { short: string; into: string }[] = [];
    const kept: number[] = [];
    const remap: number[] = [];
    this.entries.forEach((_, i) => {
      if (into[i] === undefined) remap[i] = kept.push(i) - 1;
    });
    this.entries.forEach((e, i) => {
      const target = into[i];
      if (target === undefined) return;
      remap[i] = remap[target];
      this.entries[target].aliases.push(e.name, ...e.aliases);
      folded.push({ short: e.name, into: this.entries[target].name });
    });
    const entries = kept.map((i) => this.entries[i]);
    this.entries.length = 0;
    this.entries.push(...entries);
    for (const map of [this.byKey, this.byBareKey]) for (const [key, i] of map) map.set(key, remap[i]);
    return { remap, folded };
  }

  /** Entry i's name and aliases, normalised: what its code must not collide with in other entries. */
  keysOf(index: number): string[] {
    const entry = this.entries[index];
    return [entry.name, ...entry.aliases].map(normaliseName);
  }
}

/** One line of text: cells may hold line breaks and runs of spaces that a name does not need. */
function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

// ---- which columns name things ---------------------------------------------------------------

type NameColumnList = ListKey | 'boroughs';

export interface NameColumn {
  readonly table: Table;
  readonly column: Column;
  readonly list: NameColumnList;
  /** True when the header names the dimension: the checker looks up every value, so every value is kept. */
  readonly declared: boolean;
}

const DIMENSION_LISTS: Readonly<Record<string, NameColumnList>> = {
  'priority-area': 'priorityAreas',
  'funding-stream': 'fundingStreams',
  programme: 'programmes',
  borough: 'boroughs',
  'commissioning-model': 'commissioningModels',
};

/** The organisation that gives the money (a 360Giving register's Funding Org:Name): who the model is for, not a list. */
export const FUNDER_IDENTITY = /\b(funding org|funding organi[sz]ations?|funders?|funding body)\b/;
const PROGRAMME_WORDS = /\b(programmes?|programs?|schemes?|projects?|funds?)\b/;
const PRIORITY_WORDS =
  /\b(services?|service areas?|directorates?|departments?|portfolios?|divisions?|priority|priorities|themes?|objectives?|outcome areas?|categor(y|ies)|functions?|budget areas?|areas? of spend|spend areas?|committees?)\b/;
const FUNDING_WORDS = /\b(funding|source of funds|income source|grant source)\b/;

/** The list a header's words suggest for a column of repeated names, when they suggest one. */
function listFromHeader(header: string): ListKey | undefined {
  const words = headerWords(header);
  if (words === '') return undefined;
  // "Funding Org:Department" is the funder's department, a grouping of its spend; "Funding Org:Name" is the funder itself.
  if (FUNDER_IDENTITY.test(words) && !/\bdepartments?\b/.test(words)) return undefined;
  if (PROGRAMME_WORDS.test(words)) return 'programmes';
  if (PRIORITY_WORDS.test(words)) return 'priorityAreas';
  if (FUNDING_WORDS.test(words)) return 'fundingStreams';
  return undefined;
}

/**
 * The columns of `tables` that give names, and the columns of categories that give none (for the notes).
 * Audit-action tables are left out: their categories are owners and statuses, not what money is spent on.
 */
export function nameColumns(tables: readonly Table[]): { named: NameColumn[]; other: { table: Table; column: Column }[] } {
  const named: NameColumn[] = [];
  const other: { table: Table; column: Column }[] = [];
  for (const table of tables) {
    if (table.kind === 'audit-actions') continue;
    for (const column of table.columns) {
      // Names are text, or codes where a column names its programmes by code; figures and dates name nothing.
      if (column.hidden || (column.kind !== 'text' && column.kind !== 'identifier')) continue;
      if (isDimensionRole(column.role) && column.role !== 'year') {
        const list = DIMENSION_LISTS[column.role];
        if (list) named.push({ table, column, list, declared: true });
        continue;
      }
      if ((column.role === 'other' || column.role === 'label') && column.kind === 'text') {
        const list = listFromHeader(column.header);
        if (list) named.push({ table, column, list, declared: false });
        else if (column.categorical) other.push({ table, column });
      }
    }
  }
  return { named, other };
}

/** A column's text values on its lines, with the cell of each. */
export function lineValues(table: Table, column: Column, grid: Grid): { text: string; row: number }[] {
  const out: { text: string; row: number }[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'line') continue;
    const value = grid.value(row.row, column.col);
    if (typeof value === 'string' && value.trim() !== '') out.push({ text: value, row: row.row });
  }
  return out;
}

/** More different values than this and an undeclared column names its lines rather than grouping them. */
const MOST_GROUPS = 100;

/**
 * Whether a column whose header only suggests a grouping really groups its lines: each value on two
 * lines or more on average (a Project column naming every line is a list of lines, not of projects).
 */
export function groupsLines(values: readonly { text: string }[]): boolean {
  if (values.length < 2) return false;
  const distinct = new Set(values.map((v) => normaliseName(v.text))).size;
  return distinct <= MOST_GROUPS && distinct * 2 <= values.length;
}

// ---- programme links ----

/**
 * A programme whose lines all sit under one priority area (or funding stream), wherever it appears,
 * is that area's; one that appears under several is linked to none.
 */
export function programmeLinks(lineEntries: ReadonlyMap<Table, ReadonlyMap<ListKey, ReadonlyMap<number, number>>>): {
  priorityAreas: Map<number, number>;
  fundingStreams: Map<number, number>;
} {
  const link = (key: 'priorityAreas' | 'fundingStreams'): Map<number, number> => {
    const seen = new Map<number, Set<number>>();
    for (const perTable of lineEntries.values()) {
      const programmes = perTable.get('programmes');
      const owners = perTable.get(key);
      if (!programmes || !owners) continue;
      for (const [row, programme] of programmes) {
        const owner = owners.get(row);
        const set = seen.get(programme) ?? new Set<number>();
        set.add(owner ?? -1);
        seen.set(programme, set);
      }
    }
    const out = new Map<number, number>();
    for (const [programme, owners] of seen) {
      const only = [...owners];
      if (only.length === 1 && only[0] >= 0) out.set(programme, only[0]);
    }
    return out;
  };
  return { priorityAreas: link('priorityAreas'), fundingStreams: link('fundingStreams') };
}
