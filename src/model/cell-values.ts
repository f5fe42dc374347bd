/** Reading typed values out of sheet cells: text, exact amounts in pounds and whole numbers. */
import Decimal from 'decimal.js';
import { CellValue, isErrorValue } from '../sheet/grid';
import { decimalAmountOfTyped } from '../money/parse';

/** What a cell says, as trimmed text; undefined when blank. */
export function cellText(value: CellValue | null): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isErrorValue(value)) return value.code;
  return undefined;
}

/** An amount cell as a decimal string in pounds; text that is not an amount comes back as it stands. */
export function amountFromCell(value: CellValue | null): string | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? new Decimal(value).toFixed() : String(value);
  }
  const text = cellText(value);
  if (text === undefined) return undefined;
  return decimalAmountOfTyped(text) ?? text;
}

/** A whole-number setting from a cell; text that is not a number comes back as it stands, for validation to name. */
export function numberFromCell(value: CellValue | null): unknown {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (text !== undefined && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
