/**
 * A table as the seed publishes it: title, one or two header rows, rows of cells written in the
 * seed's own notation, and where it comes from. The generic sheets are written straight from these.
 */
import type { SourceNote } from '../model/types';
import { asArray, asObject, DataFileError, oneOf, stringField, stringList } from './json-fields';
import { parseSeedAmount } from './seed-amount';
import { readSources } from './seed-source';

type SeedRowKind = 'section' | 'line' | 'total';

interface SeedRow {
  readonly kind: SeedRowKind;
  readonly cells: readonly string[];
}

export interface SeedTable {
  readonly title: string;
  readonly headers: readonly (readonly string[])[];
  /** Zero-based columns whose cells are amounts. */
  readonly amountColumns: readonly number[];
  readonly rows: readonly SeedRow[];
  readonly sources: readonly SourceNote[];
}

export interface SeedTablesSheet {
  readonly sheet: string;
  readonly title?: string;
  readonly tables: readonly SeedTable[];
  readonly notes: readonly string[];
  readonly noteSources: readonly SourceNote[];
}

export function readSeedTable(value: unknown, where: string): SeedTable {
  const obj = asObject(value, where);
  const headers = asArray(obj.headers, `${where}.headers`).map((row, i) => stringList(row, `${where}.headers[${i}]`));
  if (headers.length === 0) throw new DataFileError(`${where}.headers`, 'a table needs a header row');
  const width = headers[headers.length - 1].length;
  const amountColumns = asArray(obj.amountColumns, `${where}.amountColumns`).map((column, i) => {
    if (!Number.isInteger(column) || (column as number) < 0 || (column as number) >= width) {
      throw new DataFileError(`${where}.amountColumns[${i}]`, `expected a column index from 0 to ${width - 1}`);
    }
    return column as number;
  });
  const rows = asArray(obj.rows, `${where}.rows`).map((item, i) => {
    const at = `${where}.rows[${i}]`;
    const row = asObject(item, at);
    const cells = stringList(row.cells, `${at}.cells`);
    if (cells.length > width) throw new DataFileError(`${at}.cells`, `has ${cells.length} cells, the header has ${width}`);
    // Parse now so a mistyped amount fails when the file is read, naming the cell.
    for (const column of amountColumns) {
      try {
        parseSeedAmount(cells[column] ?? '');
      } catch (error) {
        throw new DataFileError(`${at}.cells[${column}]`, (error as Error).message);
      }
    }
    return { kind: oneOf(row, 'kind', ['section', 'line', 'total'] as const, at), cells };
  });
  return {
    title: stringField(obj, 'title', where),
    headers,
    amountColumns,
    rows,
    sources: readSources(obj.sources, `${where}.sources`),
  };
}

export function readSeedTablesSheet(value: unknown, where: string): SeedTablesSheet {
  const obj = asObject(value, where);
  return {
    sheet: stringField(obj, 'sheet', where),
    ...(obj.title === undefined ? {} : { title: stringField(obj, 'title', where) }),
    tables: asArray(obj.tables, `${where}.tables`).map((table, i) => readSeedTable(table, `${where}.tables[${i}]`)),
    notes: obj.notes === undefined ? [] : stringList(obj.notes, `${where}.notes`),
    noteSources: obj.noteSources === undefined ? [] : readSources(obj.noteSources, `${where}.noteSources`),
  };
}
