/** What the `Model` sheet looks like: its table titles, column headers and setting labels. */
import { normaliseName } from './names';

export const TABLE_TITLES = {
  settings: 'Organisation & settings',
  years: 'Years',
  priorityAreas: 'Priority areas',
  priorityAreaFigures: 'Priority area figures',
  fundingStreams: 'Funding streams',
  programmes: 'Programmes',
  fundFigures: 'Fund figures',
  fundComponents: 'Fund components',
  boroughs: 'Boroughs',
  commissioningModels: 'Commissioning models',
  totals: 'Totals',
  documents: 'Documents',
} as const;

export type TableKey = keyof typeof TABLE_TITLES;

export const SOURCE_HEADERS = ['Source document', 'Source locator', 'Source quote'] as const;

/** Header text per column, in the order written. Reading matches them ignoring case, spacing and "£". */
export const HEADERS = {
  settings: ['Setting', 'Value'],
  years: ['Year'],
  priorityAreas: ['Code', 'Name', 'Aliases', ...SOURCE_HEADERS],
  priorityAreaFigures: ['Priority area', 'Year', 'Amount £', ...SOURCE_HEADERS],
  fundingStreams: ['Code', 'Name', 'Funder', 'Aliases', ...SOURCE_HEADERS],
  programmes: ['Code', 'Name', 'Funding stream', 'Priority area', 'Aliases', ...SOURCE_HEADERS],
  fundFigures: ['Programme', 'Year', 'Total £', ...SOURCE_HEADERS],
  fundComponents: ['Programme', 'Year', 'Component', 'Amount £', 'Aliases', ...SOURCE_HEADERS],
  boroughs: ['Name', 'GSS code', 'Org id', 'Aliases'],
  commissioningModels: ['Code', 'Name', 'Aliases', ...SOURCE_HEADERS],
  totals: ['Year', 'Amount £', ...SOURCE_HEADERS],
  documents: ['Document', 'Title'],
} as const satisfies Record<TableKey, readonly string[]>;

/** Columns a table cannot be read without; the others may be left out. */
export const REQUIRED_HEADERS: Record<TableKey, readonly string[]> = {
  settings: ['Setting', 'Value'],
  years: ['Year'],
  priorityAreas: ['Code', 'Name'],
  priorityAreaFigures: ['Priority area', 'Year', 'Amount £'],
  fundingStreams: ['Code', 'Name'],
  programmes: ['Code', 'Name'],
  fundFigures: ['Programme', 'Year', 'Total £'],
  fundComponents: ['Programme', 'Year', 'Component', 'Amount £'],
  boroughs: ['Name', 'GSS code', 'Org id'],
  commissioningModels: ['Code', 'Name'],
  totals: ['Year', 'Amount £'],
  documents: ['Document', 'Title'],
};

/** Tables a Model sheet may leave out: one written before the model named its documents has none. */
export const OPTIONAL_TABLES: ReadonlySet<TableKey> = new Set(['documents']);

/** Setting labels, in the order written, and where each lives in the model. */
export const SETTINGS = [
  ['Schema version', 'schemaVersion'],
  ['Organisation', 'organisation.name'],
  ['Short name', 'organisation.shortName'],
  ['Org id', 'organisation.orgId'],
  ['Currency', 'currency'],
  ['Default unit', 'defaultUnit'],
  ['Fiscal year start month', 'fiscalYearStartMonth'],
  ['Variance convention', 'settings.varianceConvention'],
  ['RAG amber %', 'settings.rag.amberPct'],
  ['RAG red %', 'settings.rag.redPct'],
  ['RAG amber £', 'settings.rag.amberAbs'],
  ['RAG red £', 'settings.rag.redAbs'],
  ['Display unit', 'settings.displayUnit'],
  ['Display decimals', 'settings.displayDecimals'],
  ['Rounding policy', 'settings.roundingPolicy'],
  ['Negatives', 'settings.negatives'],
] as const;

/** Settings a model may leave unset: written only where set, so older Model sheets read as before. */
export const OPTIONAL_SETTINGS: ReadonlySet<SettingPath> = new Set(['settings.negatives']);

export type SettingPath = (typeof SETTINGS)[number][1];
export const NUMBER_SETTINGS: ReadonlySet<SettingPath> = new Set(['schemaVersion', 'fiscalYearStartMonth', 'settings.displayDecimals']);
export const AMOUNT_SETTINGS: ReadonlySet<SettingPath> = new Set([
  'settings.rag.amberPct',
  'settings.rag.redPct',
  'settings.rag.amberAbs',
  'settings.rag.redAbs',
]);

export const ALIAS_SEPARATOR = '; ';

/** The model path a table's title stands for, when the table is one list of the model. */
export function listPathOf(key: TableKey): string | undefined {
  const lists: readonly TableKey[] = ['years', 'priorityAreas', 'fundingStreams', 'programmes', 'boroughs', 'commissioningModels', 'totals', 'documents'];
  return lists.includes(key) ? key : undefined;
}

/** Header text reduced to its words, ignoring units: "Amount (£)", "amount £" and "Amount" all read "amount". */
export function headerKey(text: string): string {
  return normaliseName(text.replace(/\(?£(?:m|k|000)?\)?/gi, ' '));
}

/** Setting labels keep their units: "RAG amber %" and "RAG amber £" are different settings. */
export function settingKey(text: string): string {
  return normaliseName(text.replace(/%/g, ' percent ').replace(/£/g, ' pounds '));
}
