/** Reading the workbook's own cells for the panel report: text as written, amounts as the table read them. */
import type { Money } from '../../money/decimal';
import { UNITS } from '../../money/units';
import { toA1 } from '../../sheet/a1';
import { isErrorValue, type Grid } from '../../sheet/grid';
import type { AmountCell, Column, Table, TableRow } from '../../sheet/tables/types';
import type { SpecValue } from '../spec';
import type { MoneyDisplay } from './context';
import { decimalsFor } from './display';

/** A cell as text: trimmed, or null when blank. Dates and numbers as the workbook holds them. */
export function cellText(grid: Grid | undefined, row: number, col: number | undefined): string | null {
  if (!grid || col === undefined) return null;
  const value = grid.value(row, col);
  if (value === null) return null;
  if (isErrorValue(value)) return value.code;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** A cell for a date column: the Date itself, else its text (so nothing the workbook says is lost). */
export function cellDateOrText(grid: Grid | undefined, row: number, col: number | undefined): SpecValue {
  if (!grid || col === undefined) return null;
  const value = grid.value(row, col);
  if (value instanceof Date) return value;
  return cellText(grid, row, col);
}

export function amountOf(row: TableRow, col: Column | undefined): AmountCell | undefined {
  return col ? row.amounts.get(col.col) : undefined;
}

export function poundsOf(row: TableRow, col: Column | undefined): Money | null {
  const a = amountOf(row, col);
  return a?.kind === 'amount' ? a.pounds : null;
}

/** What is wrong with a figure that cannot be shown, for a footnote; undefined for a figure or a blank. */
export function unusable(a: AmountCell | undefined): string | undefined {
  if (!a) return undefined;
  if (a.kind === 'invalid') return `is not an amount (“${a.text}”)`;
  if (a.kind === 'error') return `shows ${a.code}`;
  return undefined;
}

/** Decimals that show every figure of these columns as written, and never fewer than the display's. */
export function tableDecimals(table: Table, columns: readonly (Column | undefined)[], display: MoneyDisplay): number {
  const steps: Money[] = [];
  for (const row of table.rows) {
    for (const col of columns) {
      const a = amountOf(row, col);
      if (a?.kind === 'amount') steps.push(a.step);
    }
  }
  return decimalsFor(steps, display, UNITS[display.unit].factor);
}

export function cellAddress(sheet: string, row: number, col: number): string {
  return `${sheet}!${toA1(row, col)}`;
}

/** The year a table's figures are for: a measure column's or the title's. */
export function tableYear(table: Table, columns: readonly (Column | undefined)[]): string | undefined {
  for (const col of columns) if (col?.year) return col.year.label;
  return table.titleYear?.label;
}
