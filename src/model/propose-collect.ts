/**
 * The names of a proposed model, collected from a workbook's name columns (propose-names.ts chooses the
 * columns): each list's entries in order of first appearance, which entry each line names (for the
 * figures and programme links), the London boroughs named, and what was left out, for the notes.
 */
import type { Grid } from '../sheet/grid';
import type { Column, Table } from '../sheet/tables/types';
import { BoroughMatcher } from './propose-boroughs';
import { NameList, groupsLines, lineValues, nameColumns, type ListKey } from './propose-names';
import { NAMES_SHOWN, count, describeColumn, more } from './propose-words';

export const LIST_KEYS: readonly ListKey[] = ['priorityAreas', 'fundingStreams', 'programmes', 'commissioningModels'];

/** Per table and list: the entry (its index in the list) each line row names. */
type LineEntries = Map<Table, Map<ListKey, Map<number, number>>>;

export interface NamesFound {
  readonly lists: Record<ListKey, NameList>;
  /** Per list, the columns its names came from, as the notes describe them. */
  readonly sources: Map<ListKey, string[]>;
  readonly lineEntries: LineEntries;
  readonly boroughs: BoroughMatcher;
  /** Columns of categories whose headers name no list: reported, never guessed into one. */
  readonly otherCategories: { readonly table: Table; readonly column: Column }[];
  /** Columns whose header suggests a list but which name nearly every line differently: lists of lines, not groups. */
  readonly ungrouped: string[];
  /** Initials folded into the name they abbreviate: '"YLF" as "Young Londoners Fund"'. */
  readonly folds: string[];
}

export function collectNames(tables: readonly Table[], grids: ReadonlyMap<string, Grid>): NamesFound {
  const lists = Object.fromEntries(LIST_KEYS.map((k) => [k, new NameList()])) as Record<ListKey, NameList>;
  const sources = new Map<ListKey, string[]>();
  const lineEntries: LineEntries = new Map();
  const boroughs = new BoroughMatcher();
  const { named, other } = nameColumns(tables);
  const ungrouped: string[] = [];
  for (const source of named) {
    const grid = grids.get(source.table.sheet);
    if (!grid) continue;
    const values = lineValues(source.table, source.column, grid);
    if (values.length === 0) continue;
    if (!source.declared && !groupsLines(values)) {
      ungrouped.push(describeColumn(source));
      continue;
    }
    if (source.list === 'boroughs') {
      boroughs.take(source, values);
      continue;
    }
    const list = lists[source.list];
    const perTable = lineEntries.get(source.table) ?? new Map<ListKey, Map<number, number>>();
    lineEntries.set(source.table, perTable);
    // The first column of a list in a table says which entry each line names; a second adds names only.
    const lineMap = perTable.has(source.list) ? undefined : new Map<number, number>();
    if (lineMap) perTable.set(source.list, lineMap);
    const before = list.entries.length;
    for (const { text, row } of values) {
      const index = list.add(text, { sheet: source.table.sheet, row, col: source.column.col });
      if (index !== undefined) lineMap?.set(row, index);
    }
    const described = sources.get(source.list) ?? [];
    described.push(`${describeColumn(source)}${list.entries.length > before ? '' : ' (no new names)'}`);
    sources.set(source.list, described);
  }

  const folds: string[] = [];
  for (const key of LIST_KEYS) {
    const { remap, folded } = lists[key].foldInitialisms();
    if (folded.length === 0) continue;
    for (const perTable of lineEntries.values()) {
      const lineMap = perTable.get(key);
      if (lineMap) for (const [row, i] of lineMap) lineMap.set(row, remap[i]);
    }
    folds.push(...folded.map((f) => `"${f.short}" as "${f.into}"`));
  }
  return { lists, sources, lineEntries, boroughs, otherCategories: other, ungrouped, folds };
}

const LIST_WORDS: Record<ListKey, string> = {
  priorityAreas: 'Priority areas',
  fundingStreams: 'Funding streams',
  programmes: 'Programmes',
  commissioningModels: 'Commissioning models',
};

/** Where each list's names came from, and what was left out of the lists and why. */
export function namesNotes(found: NamesFound): string[] {
  const { lists, boroughs, folds, ungrouped, otherCategories } = found;
  const notes: string[] = [];
  for (const key of LIST_KEYS) {
    const sources = found.sources.get(key);
    if (sources) notes.push(`${LIST_WORDS[key]}: ${count(lists[key].entries.length, 'name')} from ${sources.join('; ')}.`);
  }
  if (LIST_KEYS.some((k) => lists[k].entries.length > 0)) {
    notes.push('Codes are made from the names (their initials, or a code a name gives in brackets): change them to the codes you use.');
  } else if (boroughs.found().length === 0) {
    notes.push(
      'No name columns were found (a column headed Priority area, Funding stream, Programme, Borough or Commissioning model, or one of repeated Service, Directorate or Programme names): the lists are empty, to fill in by hand.',
    );
  }
  if (folds.length > 0) {
    notes.push(
      `Initials taken as another way of writing a name, and kept as its alias: ${folds.slice(0, NAMES_SHOWN).join(', ')}${more(folds.length)}. Split them again if they are different things.`,
    );
  }
  if (ungrouped.length > 0) {
    notes.push(
      `Left out, since nearly every line holds a different value (they name lines rather than group them): ${ungrouped.slice(0, NAMES_SHOWN).join('; ')}${more(ungrouped.length)}.`,
    );
  }
  notes.push(...boroughs.notes());
  if (otherCategories.length > 0) {
    const shown = otherCategories.slice(0, NAMES_SHOWN).map(describeColumn);
    notes.push(
      `Columns of categories not taken into a list, since their headers name no priority area, funding stream or programme: ${shown.join('; ')}${more(otherCategories.length)}. Add their values to a list by hand if they name one.`,
    );
  }
  return notes;
}
