/** A contracts and grants register must be publishable: every record complete, dates sensible, ids unique. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { Column, ColumnRole, Table, TableRow } from '../../sheet/tables/types';
import { isBlankCell, type Grid } from '../../sheet/grid';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { isoDate, readDate } from '../dates';
import type { TableRule } from './rule';
import { repeats } from '../repeats';

interface RequiredField {
  readonly name: string;
  readonly roles: readonly ColumnRole[];
  /** Absent column is fine when the model supplies the value (the funder is the organisation). */
  readonly optionalColumn?: boolean;
}

const REQUIRED: readonly RequiredField[] = [
  { name: 'id', roles: ['ref'] },
  { name: 'title', roles: ['label'] },
  { name: 'recipient', roles: ['recipient'] },
  { name: 'amount', roles: ['amount', 'budget'] },
  { name: 'award date', roles: ['award-date'] },
  { name: 'funder', roles: ['funder', 'funding-stream'], optionalColumn: true },
];

function columnFor(table: Table, roles: readonly ColumnRole[]): Column | undefined {
  const cols = table.columns.filter((c) => roles.includes(c.role)).sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
  // "Amount Awarded" before "Amount Applied For": a register publishes what was awarded.
  return cols.find((c) => /\baward|\bvalue\b|\bgranted\b/i.test(c.header)) ?? cols.find((c) => !/\bapplied\b|\brequested\b|\bdisbursed\b/i.test(c.header)) ?? cols[0];
}

function recordName(grid: Grid, row: TableRow, idCol: Column | undefined): string {
  const id = idCol ? grid.value(row.row, idCol.col) : null;
  if (typeof id === 'string' && id.trim() !== '') return `record ${id.trim()}`;
  if (typeof id === 'number') return `record ${id}`;
  return row.label ? `“${row.label}”` : `row ${row.row + 1}`;
}

export const registerRules: TableRule = (table, ctx) => {
  if (table.kind !== 'register') return [];
  const grid = ctx.grids.get(table.sheet);
  if (!grid) return [];
  const findings: Finding[] = [];
  const records = table.rows.filter((r) => r.kind === 'line');
  const idCol = columnFor(table, ['ref']);
  const headerRow = table.headerRows[table.headerRows.length - 1];

  for (const field of REQUIRED) {
    const col = columnFor(table, field.roles);
    if (!col) {
      if (field.optionalColumn) continue;
      findings.push({
        rule: 'register-missing-field',
        severity: 'error',
        sheet: table.sheet,
        cell: toA1(headerRow, table.range.start.col),
        message: `The register has no ${field.name} column; every published record needs one.`,
      });
      continue;
    }
    for (const row of records) {
      if (!isBlankCell(grid.cell(row.row, col.col))) continue;
      findings.push({
        rule: 'register-missing-field',
        severity: 'error',
        sheet: table.sheet,
        cell: toA1(row.row, col.col),
        message: `The ${field.name} of ${recordName(grid, row, idCol)} is blank; a published register needs it for every record.`,
      });
    }
  }

  appendAll(findings, dateFindings(table, grid, records, idCol, ctx));

  const amountCol = columnFor(table, ['amount', 'budget']);
  if (amountCol) {
    for (const row of records) {
      const a = row.amounts.get(amountCol.col);
      if (a?.kind !== 'amount' || !a.pounds.isZero()) continue;
      findings.push({
        rule: 'register-zero-amount',
        severity: 'warning',
        sheet: table.sheet,
        cell: toA1(row.row, amountCol.col),
        message: `The amount of ${recordName(grid, row, idCol)} is zero; publish the value awarded, or leave the record out if nothing was awarded.`,
        actual: '0',
      });
    }
  }

  if (idCol) {
    const idOf = (row: TableRow): string => {
      const value = grid.value(row.row, idCol.col);
      return value === null ? '' : String(value).trim();
    };
    for (const { item, first } of repeats(records, (r) => idOf(r).toLowerCase())) {
      const id = idOf(item);
      findings.push({
        rule: 'register-duplicate-id',
        severity: 'error',
        sheet: table.sheet,
        cell: toA1(item.row, idCol.col),
        message: `Id “${id}” is used again here; it first appears at ${toA1(first.row, idCol.col)}. Every contract or grant needs its own id.`,
        actual: id,
      });
    }
  }
  return findings;
};

function dateFindings(table: Table, grid: Grid, records: readonly TableRow[], idCol: Column | undefined, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const startCol = columnFor(table, ['start-date']);
  const endCol = columnFor(table, ['end-date']);
  const awardCol = columnFor(table, ['award-date']);
  for (const row of records) {
    const start = startCol ? readDate(grid.value(row.row, startCol.col)) : undefined;
    const end = endCol ? readDate(grid.value(row.row, endCol.col)) : undefined;
    if (start && end && endCol && end.getTime() < start.getTime()) {
      findings.push({
        rule: 'register-dates',
        severity: 'error',
        sheet: table.sheet,
        cell: toA1(row.row, endCol.col),
        message: `${recordName(grid, row, idCol)} ends on ${isoDate(end)}, before it starts on ${isoDate(start)}.`.replace(/^./, (c) => c.toUpperCase()),
        actual: isoDate(end),
      });
    }
    const award = awardCol ? readDate(grid.value(row.row, awardCol.col)) : undefined;
    if (award && awardCol && award.getTime() > ctx.today.getTime()) {
      findings.push({
        rule: 'register-dates',
        severity: 'error',
        sheet: table.sheet,
        cell: toA1(row.row, awardCol.col),
        message: `${recordName(grid, row, idCol)} has an award date of ${isoDate(award)}, which is in the future; a register records awards already made.`.replace(/^./, (c) => c.toUpperCase()),
        actual: isoDate(award),
      });
    }
  }
  return findings;
}
