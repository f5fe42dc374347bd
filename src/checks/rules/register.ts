/** A contracts and grants register must be publishable: every record complete, dates sensible, ids unique. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { Column, ColumnRole, Table, TableRow } from '../../sheet/tables/types';
import { isBlankCell, isErrorValue, type Grid } from '../../sheet/grid';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { isoDate, readDate } from '../dates';
import type { TableRule } from './rule';
import { rowName } from '../present';
import { repeats } from '../repeats';
import { defineRule } from './meta';

const registerMissingField = defineRule({
  id: 'register-missing-field',
  group: 'register',
  title: 'Register record missing a required field',
  checks:
    'A contracts or grants register without an id, title, recipient, amount or award date column, or a record with one of those (or its funder) left blank.',
  why:
    'A published register, and its 360Giving export, needs every field for every record: an incomplete record is published without saying who was paid, how ' +
    'much or when.',
  fix: 'Fill in the blank from the contract or grant file; add the missing column if the register has none.',
  reportedAt: 'the blank cell, or the register’s header where a whole column is missing',
  severity: 'error',
  messages: {
    noColumn: 'The register has no {field} column; every published record needs one.',
    blank: 'The {field} of {record} is blank; a published register needs it for every record.',
  },
});

const registerDates = defineRule({
  id: 'register-dates',
  group: 'register',
  title: 'Register dates that cannot be right',
  checks: 'A record whose end date is before its start date, or whose award date is in the future.',
  why:
    'Dates decide which year an award is reported in and whether a contract is live: an end before the start or an award not yet made is a typing slip that ' +
    'misplaces the record in every report by period.',
  fix: 'Check the dates against the contract or grant letter and correct the one mistyped (often a day and month swapped, or the wrong year).',
  reportedAt: 'the date cell',
  severity: 'error',
  messages: {
    endsBeforeStart: '{record} ends on {end}, before it starts on {start}.',
    awardInFuture: '{record} has an award date of {award}, which is in the future; a register records awards already made.',
  },
});

const registerZeroAmount = defineRule({
  id: 'register-zero-amount',
  group: 'register',
  title: 'Register record of zero',
  checks: 'A register record whose amount is zero.',
  why:
    'A record of nothing awarded is usually a withdrawn application or an amount not yet entered, and publishing it overstates the number of awards and ' +
    'understates their value.',
  fix: 'Enter the amount awarded, or remove the record if nothing was awarded.',
  reportedAt: 'the amount cell',
  severity: 'warning',
  messages: {
    zero: 'The amount of {record} is zero; publish the value awarded, or leave the record out if nothing was awarded.',
  },
});

const registerDuplicateId = defineRule({
  id: 'register-duplicate-id',
  group: 'register',
  title: 'Register id used twice',
  checks: 'A register id that an earlier record already uses (compared without regard to case).',
  why:
    'The id is how a published record is identified and later updated (360Giving requires each grant’s identifier to be unique), and a repeated id is often ' +
    'the same award entered twice, counted twice in the register’s total.',
  fix: 'If the record is a copy, delete it; if it is a separate contract or grant, give it its own id.',
  reportedAt: 'the later occurrence',
  severity: 'error',
  messages: {
    repeated: 'Id “{id}” is used again here; it first appears at {first}. Every contract or grant needs its own id.',
  },
});

export const registerRuleDefinitions = [registerMissingField, registerDates, registerZeroAmount, registerDuplicateId] as const;

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
  return (
    cols.find((c) => /\baward|\bvalue\b|\bgranted\b/i.test(c.header)) ?? cols.find((c) => !/\bapplied\b|\brequested\b|\bdisbursed\b/i.test(c.header)) ?? cols[0]
  );
}

function recordName(grid: Grid, row: TableRow, idCol: Column | undefined): string {
  const id = idCol ? grid.value(row.row, idCol.col) : null;
  if (typeof id === 'string' && id.trim() !== '') return `record ${id.trim()}`;
  if (typeof id === 'number') return `record ${id}`;
  return rowName(row);
}

/** A register's records, the sheet they are on and the column that names them, as every register rule reads them. */
interface Register {
  readonly table: Table;
  readonly grid: Grid;
  readonly records: readonly TableRow[];
  readonly idCol: Column | undefined;
}

export const registerRules: TableRule = (table, ctx) => {
  if (table.kind !== 'register') return [];
  const grid = ctx.grids.get(table.sheet);
  if (!grid) return [];
  const register: Register = { table, grid, records: table.rows.filter((r) => r.kind === 'line'), idCol: columnFor(table, ['ref']) };
  const findings = missingFieldFindings(register);
  appendAll(findings, dateFindings(register, ctx));
  appendAll(findings, zeroAmountFindings(register));
  appendAll(findings, duplicateIdFindings(register));
  return findings;
};

function missingFieldFindings({ table, grid, records, idCol }: Register): Finding[] {
  const findings: Finding[] = [];
  const headerRow = table.headerRows[table.headerRows.length - 1];
  for (const field of REQUIRED) {
    const col = columnFor(table, field.roles);
    if (!col) {
      const place = { sheet: table.sheet, cell: toA1(headerRow, table.range.start.col) };
      if (!field.optionalColumn) findings.push(registerMissingField.report(place, 'noColumn', { field: field.name }));
      continue;
    }
    for (const row of records) {
      if (!isBlankCell(grid.cell(row.row, col.col))) continue;
      const place = { sheet: table.sheet, cell: toA1(row.row, col.col) };
      findings.push(registerMissingField.report(place, 'blank', { field: field.name, record: recordName(grid, row, idCol) }));
    }
  }
  return findings;
}

function zeroAmountFindings({ table, grid, records, idCol }: Register): Finding[] {
  const amountCol = columnFor(table, ['amount', 'budget']);
  if (!amountCol) return [];
  const findings: Finding[] = [];
  for (const row of records) {
    const a = row.amounts.get(amountCol.col);
    if (a?.kind !== 'amount' || !a.pounds.isZero()) continue;
    const place = { sheet: table.sheet, cell: toA1(row.row, amountCol.col), actual: '0' };
    findings.push(registerZeroAmount.report(place, 'zero', { record: recordName(grid, row, idCol) }));
  }
  return findings;
}

function duplicateIdFindings({ table, grid, records, idCol }: Register): Finding[] {
  if (!idCol) return [];
  const idOf = (row: TableRow): string => {
    const value = grid.value(row.row, idCol.col);
    if (value === null) return '';
    // An Excel error in the ID column reads as its code (#N/A), as the sheet shows it.
    return (isErrorValue(value) ? value.code : String(value)).trim();
  };
  const findings: Finding[] = [];
  for (const { item, first } of repeats(records, (r) => idOf(r).toLowerCase())) {
    const id = idOf(item);
    const place = { sheet: table.sheet, cell: toA1(item.row, idCol.col), actual: id };
    findings.push(registerDuplicateId.report(place, 'repeated', { id, first: toA1(first.row, idCol.col) }));
  }
  return findings;
}

function dateFindings({ table, grid, records, idCol }: Register, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const startCol = columnFor(table, ['start-date']);
  const endCol = columnFor(table, ['end-date']);
  const awardCol = columnFor(table, ['award-date']);
  for (const row of records) {
    const start = startCol ? readDate(grid.value(row.row, startCol.col)) : undefined;
    const end = endCol ? readDate(grid.value(row.row, endCol.col)) : undefined;
    // The record's name opens the sentence: "Record 12 ends on …", "Row 7 has an award date …".
    const record = (): string => recordName(grid, row, idCol).replace(/^./, (c) => c.toUpperCase());
    if (start && end && endCol && end.getTime() < start.getTime()) {
      const place = { sheet: table.sheet, cell: toA1(row.row, endCol.col), actual: isoDate(end) };
      findings.push(registerDates.report(place, 'endsBeforeStart', { record: record(), end: isoDate(end), start: isoDate(start) }));
    }
    const award = awardCol ? readDate(grid.value(row.row, awardCol.col)) : undefined;
    if (award && awardCol && award.getTime() > ctx.today.getTime()) {
      const place = { sheet: table.sheet, cell: toA1(row.row, awardCol.col), actual: isoDate(award) };
      findings.push(registerDates.report(place, 'awardInFuture', { record: record(), award: isoDate(award) }));
    }
  }
  return findings;
}
