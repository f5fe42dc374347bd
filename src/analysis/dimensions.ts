/**
 * What a user may group lines by: the model's dimensions, or any column of the workbook named by its
 * header text or its letter ("--by Authority,Year", "--by C"). Resolved against the tables read, so a
 * name that matches nothing is refused with the names that would.
 */
import { columnIndex } from '../sheet/a1';
import type { Column, Table } from '../sheet/tables/types';
import { columnDimension, DIMENSIONS, DIMENSION_TITLES, type Dimension } from './types';

type DimensionResolution = { readonly dimension: Dimension } | { readonly problem: string };

/** A header as compared when a user names it: without case or runs of spacing. */
export const headerKey = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();
const norm = headerKey;

/** Columns a line may be grouped by: words that sort lines into groups, not figures, codes or dates. */
function groupable(col: Column): boolean {
  // A header that is a sentence (a title spilled into the header row) names no grouping.
  return col.kind === 'text' && col.role !== 'ref' && col.header.trim() !== '' && col.header.length <= 60;
}

/** Tables of figures, whose lines a rollup adds (budgets, and a register's awards): a contents page has none. */
function holdsLines(table: Table): boolean {
  return (table.kind === 'budget' || table.kind === 'register') && table.columns.some((c) => c.kind === 'money');
}

export function resolveDimension(text: string, tables: readonly Table[]): DimensionResolution {
  const wanted = norm(text);
  const modelDimension = DIMENSIONS.find((d) => d === wanted || norm(DIMENSION_TITLES[d]) === wanted);
  const byHeader = tables.filter(holdsLines).flatMap((t) => t.columns.filter((c) => groupable(c) && norm(c.header) === wanted));
  // A header the workbook has wins over a model dimension of the same name: "Year" is the model's either way.
  if (modelDimension && (byHeader.length === 0 || modelDimension === 'year')) return { dimension: modelDimension };
  if (byHeader.length > 0) return { dimension: columnDimension(byHeader[0].header) };
  if (/^[A-Z]{1,3}$/.test(text.trim())) return byLetter(text.trim(), tables);
  return { problem: `no column is headed "${text}"; ${offered(tables)}` };
}

function byLetter(letters: string, tables: readonly Table[]): DimensionResolution {
  const col = columnIndex(letters);
  const headers = [...new Set(tables.filter(holdsLines).flatMap((t) => t.columns.filter((c) => c.col === col && groupable(c)).map((c) => c.header.trim())))];
  if (headers.length === 1) return { dimension: columnDimension(headers[0]) };
  if (headers.length === 0) return { problem: `column ${letters} holds no names to group by in any table; ${offered(tables)}` };
  return { problem: `column ${letters} is headed differently in different tables (${headers.slice(0, 3).join(', ')}): name the header instead` };
}

/** The workbook's own columns a rollup may group by, columns of categories first. */
export function groupableColumns(tables: readonly Table[]): string[] {
  const seen = new Map<string, string>();
  const columns = tables.filter(holdsLines).flatMap((t) => t.columns.filter(groupable));
  // Columns of categories (a few values repeated) first: they are what people group by.
  const ordered = [...columns.filter((c) => c.categorical === true), ...columns.filter((c) => c.categorical !== true)];
  for (const c of ordered) if (!seen.has(norm(c.header))) seen.set(norm(c.header), c.header.trim());
  return [...seen.values()];
}

function offered(tables: readonly Table[]): string {
  const columns = groupableColumns(tables);
  const shown = columns
    .slice(0, 8)
    .map((h) => `"${h}"`)
    .join(', ');
  const more = columns.length > 8 ? ` and ${columns.length - 8} more` : '';
  return `group by ${DIMENSIONS.join(', ')}${columns.length > 0 ? `, or a column: ${shown}${more}` : ''}`;
}

/**
 * Without a choice: priority areas where a model applies; otherwise the workbook's own grouping, in this
 * order: a column of categories in a budget (Service, Class), then in a register (Programme), then the
 * names of a budget's lines; by year where there is none.
 */
export function defaultDimensions(modelApplies: boolean, tables: readonly Table[]): Dimension[] {
  if (modelApplies) return ['priority-area'];
  const lineTables = tables.filter(holdsLines);
  const inOrder = [
    ...lineTables.filter((t) => t.kind === 'budget').flatMap((t) => t.columns.filter((c) => groupable(c) && c.categorical === true)),
    ...lineTables.filter((t) => t.kind === 'register').flatMap((t) => t.columns.filter((c) => groupable(c) && c.categorical === true)),
    ...lineTables.filter((t) => t.kind === 'budget').flatMap((t) => t.columns.filter((c) => groupable(c) && c.role === 'label')),
  ];
  return inOrder.length === 0 ? ['year'] : [columnDimension(inOrder[0].header)];
}
