/**
 * Contracts and grants register records: one per line of a register table, every field read from its
 * column (by role) and every field's cell kept, so the Register sheet, the panel report and the
 * 360Giving export all publish the same figures and can point back to where each came from.
 */
import type { Money } from '../money/decimal';
import type { CommissioningModel } from '../model/types';
import { buildModelNames, resolvePriorityArea, type ModelNames } from '../model/model-names';
import { normaliseName } from '../model/names';
import { toA1 } from '../sheet/a1';
import { isErrorValue, type CellValue, type Grid, type GridWorkbook } from '../sheet/grid';
import type { ColumnRole, Table, TableRow } from '../sheet/tables/types';
import { isoDate, readDate } from '../checks/dates';

export const REGISTER_FIELDS = [
  'id',
  'title',
  'description',
  'recipient',
  'type',
  'amount',
  'awardDate',
  'startDate',
  'endDate',
  'funder',
  'priorityArea',
  'fundingStream',
  'borough',
  'procurementRoute',
  'status',
  'rag',
  'outcomes',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** The column role each field is read from, first match wins (the same roles the register checks use). */
export const REGISTER_FIELD_ROLES: Readonly<Record<RegisterField, readonly ColumnRole[]>> = {
  id: ['ref'],
  title: ['label'],
  description: ['notes'],
  recipient: ['recipient'],
  type: ['type'],
  amount: ['amount', 'budget'],
  awardDate: ['award-date'],
  startDate: ['start-date'],
  endDate: ['end-date'],
  funder: ['funder'],
  priorityArea: ['priority-area'],
  fundingStream: ['funding-stream'],
  borough: ['borough'],
  procurementRoute: ['procurement-route'],
  status: ['status'],
  rag: ['rag'],
  outcomes: ['outcomes'],
};

export interface RegisterRecord {
  readonly sheet: string;
  /** 0-based grid row, as in Table rows; `cells` holds the A1 addresses for display. */
  readonly row: number;
  readonly id?: string;
  readonly title?: string;
  /** From the notes or description column. */
  readonly description?: string;
  readonly recipient?: string;
  /** As written: "Contract", "Grant", ... */
  readonly type?: string;
  /** Exact, in pounds. Absent when the cell is blank, a placeholder, not an amount, or an Excel error. */
  readonly amount?: Money;
  readonly awardDate?: Date;
  readonly startDate?: Date;
  readonly endDate?: Date;
  /**
   * The funding organisation: the model's organisation name when the cell names it (by name or short
   * name) or when the table has no funder column (DESIGN.md); otherwise as written.
   */
  readonly funder?: string;
  /** Canonical model names where the text resolves, otherwise as written. */
  readonly priorityArea?: string;
  readonly fundingStream?: string;
  readonly borough?: string;
  readonly procurementRoute?: string;
  readonly status?: string;
  readonly rag?: string;
  readonly outcomes?: string;
  /** A1 address (no sheet name) of each field's cell in this row, for every field the table has a column for, blank or not. */
  readonly cells: Readonly<Partial<Record<RegisterField, string>>>;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Records from every table of kind 'register', in table order and row order. Only line rows are
 * records: section, total and note rows are not contracts or grants.
 */
export function readRegisterRecords(
  tables: readonly Table[],
  grids: ReadonlyMap<string, Grid> | GridWorkbook,
  model: CommissioningModel,
  names: ModelNames = buildModelNames(model),
): RegisterRecord[] {
  const gridOf = gridLookup(grids);
  const records: RegisterRecord[] = [];
  for (const table of tables) {
    if (table.kind !== 'register') continue;
    const grid = gridOf(table.sheet);
    if (!grid) continue;
    const columns = fieldColumns(table);
    for (const row of table.rows) {
      if (row.kind !== 'line') continue;
      records.push(readRecord(table, grid, row, columns, model, names));
    }
  }
  return records;
}

function gridLookup(grids: ReadonlyMap<string, Grid> | GridWorkbook): (sheet: string) => Grid | undefined {
  if ('sheets' in grids) {
    const byName = new Map(grids.sheets.map((g) => [g.name, g]));
    return (sheet) => byName.get(sheet);
  }
  return (sheet) => grids.get(sheet);
}

function fieldColumns(table: Table): Map<RegisterField, number> {
  const columns = new Map<RegisterField, number>();
  for (const field of REGISTER_FIELDS) {
    for (const role of REGISTER_FIELD_ROLES[field]) {
      const column = table.columns.find((c) => c.role === role);
      if (column) {
        columns.set(field, column.col);
        break;
      }
    }
  }
  return columns;
}

function readRecord(
  table: Table,
  grid: Grid,
  row: TableRow,
  columns: ReadonlyMap<RegisterField, number>,
  model: CommissioningModel,
  names: ModelNames,
): RegisterRecord {
  const cells: Partial<Record<RegisterField, string>> = {};
  for (const [field, col] of columns) cells[field] = toA1(row.row, col);
  const text = (field: RegisterField): string | undefined => {
    const col = columns.get(field);
    return col === undefined ? undefined : cellText(grid.value(row.row, col));
  };
  const date = (field: RegisterField): Date | undefined => {
    const col = columns.get(field);
    return col === undefined ? undefined : readDate(grid.value(row.row, col));
  };

  const record: Writable<RegisterRecord> = { sheet: table.sheet, row: row.row, cells };
  const assign = <K extends keyof RegisterRecord>(key: K, value: RegisterRecord[K] | undefined): void => {
    if (value !== undefined) record[key] = value;
  };
  assign('id', text('id'));
  assign('title', text('title'));
  assign('description', text('description'));
  assign('recipient', text('recipient'));
  assign('type', text('type'));
  const amountCol = columns.get('amount');
  const amount = amountCol === undefined ? undefined : row.amounts.get(amountCol);
  if (amount?.kind === 'amount') record.amount = amount.pounds;
  assign('awardDate', date('awardDate'));
  assign('startDate', date('startDate'));
  assign('endDate', date('endDate'));
  assign('funder', columns.has('funder') ? canonicalFunder(text('funder'), model) : model.organisation.name);
  const priorityArea = text('priorityArea');
  assign('priorityArea', priorityArea && (resolvePriorityArea(names, priorityArea)?.name ?? priorityArea));
  const fundingStream = text('fundingStream');
  assign('fundingStream', fundingStream && (names.fundingStreams.resolve(fundingStream)?.name ?? fundingStream));
  const borough = text('borough');
  assign('borough', borough && (names.boroughs.resolve(borough)?.name ?? borough));
  assign('procurementRoute', text('procurementRoute'));
  assign('status', text('status'));
  assign('rag', text('rag'));
  assign('outcomes', text('outcomes'));
  return record;
}

/** A cell as publishable text: trimmed, blanks and Excel errors as absent (the checks report those). */
function cellText(value: CellValue | null): string | undefined {
  if (value === null || isErrorValue(value)) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function canonicalFunder(written: string | undefined, model: CommissioningModel): string | undefined {
  if (written === undefined) return undefined;
  const wanted = normaliseName(written);
  const organisation = model.organisation;
  return wanted === normaliseName(organisation.name) || wanted === normaliseName(organisation.shortName) ? organisation.name : written;
}
