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
import type { Column, ColumnRole, Table, TableRow } from '../sheet/tables/types';
import { parseAmount } from '../money/parse';
import { fieldOfHeading, isGiving360FlatLayout } from './register-headings';
import { isoDate, readDate } from '../checks/dates';

/** 360Giving fields: read, as written, only from columns their headings name (register-headings.ts). */
const GIVING360_FIELDS = [
  'currency',
  'plannedDuration',
  'recipientId',
  'recipientCharityNumber',
  'recipientCompanyNumber',
  'funderId',
  'programmeCode',
  'programmeTitle',
  'locationName',
  'locationCountryCode',
  'locationGeoCode',
  'locationGeoCodeType',
  'dataSource',
] as const;

/** The fields read from a column by its role (REGISTER_FIELD_ROLES). */
type RoleField =
  | 'id'
  | 'title'
  | 'description'
  | 'recipient'
  | 'type'
  | 'amount'
  | 'awardDate'
  | 'startDate'
  | 'endDate'
  | 'funder'
  | 'priorityArea'
  | 'fundingStream'
  | 'borough'
  | 'procurementRoute'
  | 'status'
  | 'rag'
  | 'outcomes';
export type RegisterField = RoleField | (typeof GIVING360_FIELDS)[number];

/**
 * The column role each field is read from, first match wins (the same roles the register checks use).
 * The 360Giving fields have no role of their own: only their headings name them.
 */
const REGISTER_FIELD_ROLES: Readonly<Record<RoleField, readonly ColumnRole[]>> = {
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
   * name) or when the table has no funder column (DESIGN.md), unless the organisation has no name (no
   * model applies); otherwise as written.
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
  /** As written ("GBP"); only a table with a currency column has one. */
  readonly currency?: string;
  /** "Planned Dates:Duration (months)" as written. */
  readonly plannedDuration?: string;
  /** The recipient's organisation id as written (an org-id.guide or 360G- id, or the publisher's own). */
  readonly recipientId?: string;
  readonly recipientCharityNumber?: string;
  readonly recipientCompanyNumber?: string;
  /** The funding organisation's id as written ("Funding Org:Identifier"). */
  readonly funderId?: string;
  readonly programmeCode?: string;
  readonly programmeTitle?: string;
  /** The beneficiary location as written: name, ISO country code, ONS geographic code and its type (MD, LONB …). */
  readonly locationName?: string;
  readonly locationCountryCode?: string;
  readonly locationGeoCode?: string;
  readonly locationGeoCodeType?: string;
  /** A web link to where the grant was first published. */
  readonly dataSource?: string;
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

/**
 * The column each field is read from. A heading that names its field (the 360Giving flat layout's
 * "Recipient Org:Name", "Amount Awarded"; a charity number column) wins over roles, because the template's
 * many money and recipient columns all get the same few roles; the other fields are read by role, from
 * columns no heading has claimed.
 */
function fieldColumns(table: Table): Map<RegisterField, Column> {
  const columns = new Map<RegisterField, Column>();
  const flat = isGiving360FlatLayout(table.columns.map((c) => c.header));
  for (const column of table.columns) {
    const field = fieldOfHeading(column.header, flat);
    if (field !== undefined && !columns.has(field)) columns.set(field, column);
  }
  const claimed = new Set([...columns.values()].map((c) => c.col));
  for (const [field, roles] of Object.entries(REGISTER_FIELD_ROLES) as [RoleField, readonly ColumnRole[]][]) {
    if (columns.has(field)) continue;
    for (const role of roles) {
      const column = table.columns.find((c) => c.role === role && !claimed.has(c.col));
      if (column) {
        columns.set(field, column);
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
  columns: ReadonlyMap<RegisterField, Column>,
  model: CommissioningModel,
  names: ModelNames,
): RegisterRecord {
  const cells: Partial<Record<RegisterField, string>> = {};
  for (const [field, column] of columns) cells[field] = toA1(row.row, column.col);
  const text = (field: RegisterField): string | undefined => {
    const column = columns.get(field);
    return column === undefined ? undefined : cellText(grid.value(row.row, column.col));
  };
  const date = (field: RegisterField): Date | undefined => {
    const column = columns.get(field);
    return column === undefined ? undefined : readDate(grid.value(row.row, column.col));
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
  const amountColumn = columns.get('amount');
  assign('amount', amountColumn && amountInPounds(grid, row, amountColumn));
  assign('awardDate', date('awardDate'));
  assign('startDate', date('startDate'));
  assign('endDate', date('endDate'));
  // An organisation with no name (the model of no organisation) names no funder: the export asks for one.
  assign('funder', columns.has('funder') ? canonicalFunder(text('funder'), model) : model.organisation.name || undefined);
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
  for (const field of GIVING360_FIELDS) assign(field, text(field));
  return record;
}

/**
 * The amount in pounds, in the unit the structure layer read for its column (`row.amounts` holds the
 * table's measure columns, already in pounds). A column it did not take as a measure, such as a 360Giving
 * "Amount Awarded" among several money columns, is read here: in its unit where it was read as money, and
 * with no evidence of a unit, as pounds as written.
 */
function amountInPounds(grid: Grid, row: TableRow, column: Column): Money | undefined {
  const read = row.amounts.get(column.col);
  if (read) return read.kind === 'amount' ? read.pounds : undefined;
  const value = grid.value(row.row, column.col);
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const parsed = parseAmount(value, column.kind === 'money' ? column.unit : '£');
  return parsed.kind === 'amount' ? parsed.pounds : undefined;
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
