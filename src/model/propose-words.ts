/** How a proposal's notes and summary name columns, counts and amounts. */
import { columnLetters, quoteSheetName } from '../sheet/a1';
import type { Column, Table } from '../sheet/tables/types';
import { Money } from '../money/decimal';
import { formatAmount } from '../money/format';

/** Names listed in a note before the rest are counted. */
export const NAMES_SHOWN = 5;

/** '"Service" (Budget!A)': a column by its header and where it is. */
export function describeColumn(source: { readonly table: Table; readonly column: Column }): string {
  const header = source.column.header.trim() === '' ? 'a column with no header' : `"${source.column.header.replace(/\s+/g, ' ').trim()}"`;
  return `${header} (${quoteSheetName(source.table.sheet)}!${columnLetters(source.column.col)})`;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** " and 7 more" after the first NAMES_SHOWN of `total`; nothing when all were shown. */
export function more(total: number): string {
  return total > NAMES_SHOWN ? ` and ${total - NAMES_SHOWN} more` : '';
}

/** An exact amount in pounds as people write it: "£1,234,567", "£0.50". */
export function pounds(amount: string): string {
  const fraction = amount.split('.')[1] ?? '';
  return formatAmount(new Money(amount), { unit: '£', decimals: Math.min(fraction.length, 20) });
}
