/**
 * Recomputes every arithmetic identity an expected table states (row totals, column totals, and
 * headlines stated in a section label such as "(£15.0m)") from the cell values alone, exactly. The
 * self-consistency test uses it on clean cases (everything holds) and on faulted ones (the recorded
 * identity does not), and the fault injector uses it to say what else a fault breaks.
 */
import { columnIndex, parseRange, RangeRef, toA1 } from '../../src/sheet/a1';
import { findSheet, Grid, GridWorkbook } from '../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable } from '../structure/expected';
import { Amount, parseAmount, sum } from './money';

export interface Identity {
  readonly sheet: string;
  /** Where a mismatch is reported (A1): the stated figure's cell. */
  readonly cell: string;
  readonly rule: 'total-mismatch' | 'headline-mismatch';
  /** "row total", "column total" or "section headline", for messages. */
  readonly kind: 'row total' | 'column total' | 'section headline';
  /** Cells whose figures make up the computed side (A1). */
  readonly terms: readonly string[];
  readonly stated: Amount;
  readonly computed: Amount;
}

export function holds(identity: Identity): boolean {
  return identity.stated === identity.computed;
}

/**
 * How a row total's lines are read. 'leaves': a total over subtotals is scored on the lines beneath
 * them (as ExpectedRowTotal says). 'cells': exactly the rows it names, as a SUM over subtotals would.
 */
export type TotalReading = 'leaves' | 'cells';

const HEADLINE_IN_LABEL = /\(£(\d[\d,]*(?:\.\d+)?)m\)/;

export function tableRange(table: ExpectedTable): RangeRef {
  const range = parseRange(table.range);
  if (!range) throw new Error(`bad range ${table.range}`);
  return range;
}

export function columnOf(letters: string): number {
  const col = columnIndex(letters);
  if (col === undefined) throw new Error(`bad column ${letters}`);
  return col;
}

export function moneyColumns(table: ExpectedTable): number[] {
  return Object.entries(table.kinds ?? {})
    .filter(([, kind]) => kind === 'money')
    .map(([letters]) => columnOf(letters))
    .sort((a, b) => a - b);
}

export function sheetOf(workbook: GridWorkbook, table: ExpectedTable): Grid {
  const grid = findSheet(workbook, table.sheet);
  if (!grid) throw new Error(`no sheet ${table.sheet}`);
  return grid;
}

/** A money cell's Amount: blank is zero here; anything that is not an amount is a corpus bug. */
function amountAt(grid: Grid, row: number, col: number): Amount | null {
  const value = grid.value(row, col);
  const amount = parseAmount(value);
  if (amount === undefined) throw new Error(`${grid.name}!${toA1(row, col)} holds ${JSON.stringify(value)}, not an amount`);
  return amount;
}

/** The first text cell of a row: its label, and the column it is in. */
export function labelCell(grid: Grid, row: number, range: RangeRef): { col: number; text: string } | undefined {
  for (let c = range.start.col; c <= range.end.col; c++) {
    const v = grid.value(row, c);
    if (typeof v === 'string' && v.trim() !== '' && parseAmount(v) === undefined) return { col: c, text: v };
  }
  return undefined;
}

/** Rows (0-based) and signs a row total adds, expanded to lines when reading by leaves. */
export function termsOf(total: ExpectedRowTotal, byRow: ReadonlyMap<number, ExpectedRowTotal>, reading: TotalReading): { row: number; sign: 1n | -1n }[] {
  const out: { row: number; sign: 1n | -1n }[] = [];
  const visit = (rows: readonly number[], sign: 1n | -1n, seen: ReadonlySet<number>): void => {
    for (const row of rows) {
      const inner = reading === 'leaves' ? byRow.get(row) : undefined;
      if (inner && !seen.has(row)) {
        const next = new Set(seen).add(row);
        visit(inner.adds, sign, next);
        visit(inner.subtracts ?? [], sign === 1n ? -1n : 1n, next);
      } else {
        out.push({ row: row - 1, sign });
      }
    }
  };
  const seen = new Set([total.row]);
  visit(total.adds, 1n, seen);
  visit(total.subtracts ?? [], -1n, seen);
  return out;
}

function rowTotalIdentities(grid: Grid, table: ExpectedTable, reading: TotalReading): Identity[] {
  const range = tableRange(table);
  const money = moneyColumns(table);
  const byRow = new Map((table.rowTotals ?? []).map((t) => [t.row, t]));
  const out: Identity[] = [];
  for (const total of table.rowTotals ?? []) {
    const row = total.row - 1;
    const terms = termsOf(total, byRow, reading);
    const stated = money.map((col) => amountAt(grid, row, col));
    if (stated.every((a) => a === null)) {
      out.push(headlineInLabel(grid, table, row, terms, range, money));
      continue;
    }
    money.forEach((col, i) => {
      const parts = terms.map((t) => ({ t, a: amountAt(grid, t.row, col) }));
      const statedHere = stated[i] ?? null;
      // A column with nothing in the total or its lines is not part of this total.
      if (statedHere === null && parts.every((p) => p.a === null)) return;
      out.push({
        sheet: grid.name,
        cell: toA1(row, col),
        rule: 'total-mismatch',
        kind: 'row total',
        terms: parts.map((p) => toA1(p.t.row, col)),
        stated: statedHere ?? 0n,
        computed: sum(parts.map((p) => p.t.sign * (p.a ?? 0n))),
      });
    });
  }
  return out;
}

/** A section row with no figures whose label states its headline, "(£15.0m)", over a one-money-column table. */
function headlineInLabel(
  grid: Grid,
  table: ExpectedTable,
  row: number,
  terms: readonly { row: number; sign: 1n | -1n }[],
  range: RangeRef,
  money: readonly number[],
): Identity {
  const label = labelCell(grid, row, range);
  const m = label === undefined ? null : HEADLINE_IN_LABEL.exec(label.text);
  if (label === undefined || !m) throw new Error(`${grid.name} row ${row + 1}: a total with no figures and no headline in its label`);
  if (table.unit !== '£m' || money.length !== 1) throw new Error(`${grid.name} row ${row + 1}: label headlines are read only in one-column £m tables`);
  const stated = parseAmount(m[1].replace(/,/g, ''));
  if (stated === null || stated === undefined) throw new Error(`bad headline in "${label.text}"`);
  const col = money[0];
  return {
    sheet: grid.name,
    cell: toA1(row, label.col),
    rule: 'headline-mismatch',
    kind: 'section headline',
    terms: terms.map((t) => toA1(t.row, col)),
    stated,
    computed: sum(terms.map((t) => t.sign * (amountAt(grid, t.row, col) ?? 0n))),
  };
}

function columnTotalIdentities(grid: Grid, table: ExpectedTable): Identity[] {
  const range = tableRange(table);
  const out: Identity[] = [];
  for (const total of table.columnTotals ?? []) {
    const col = columnOf(total.col);
    const adds = total.adds.map(columnOf);
    const subtracts = (total.subtracts ?? []).map(columnOf);
    for (let row = range.start.row; row <= range.end.row; row++) {
      // Header rows (and a header repeated at a page break) hold text here, not a figure.
      const stated = parseAmount(grid.value(row, col));
      if (stated === null || stated === undefined) continue;
      const parts = [...adds.map((c) => ({ c, sign: 1n })), ...subtracts.map((c) => ({ c, sign: -1n }))];
      out.push({
        sheet: grid.name,
        cell: toA1(row, col),
        rule: 'total-mismatch',
        kind: 'column total',
        terms: parts.map((p) => toA1(row, p.c)),
        stated,
        computed: sum(parts.map((p) => p.sign * (amountAt(grid, row, p.c) ?? 0n))),
      });
    }
  }
  return out;
}

export function tableIdentities(workbook: GridWorkbook, table: ExpectedTable, reading: TotalReading = 'leaves'): Identity[] {
  const grid = sheetOf(workbook, table);
  return [...rowTotalIdentities(grid, table, reading), ...columnTotalIdentities(grid, table)];
}

export function caseIdentities(
  c: { readonly workbook: GridWorkbook; readonly tables: readonly ExpectedTable[] },
  reading: TotalReading = 'leaves',
): Identity[] {
  return c.tables.flatMap((t) => tableIdentities(c.workbook, t, reading));
}
