/** Reading typed values out of sheet cells: text, exact amounts in pounds, whole numbers and fiscal years. */
import Decimal from 'decimal.js';
import { CellValue, isErrorValue } from '../sheet/grid';
import { isAmount, isFiscalYear } from './validate';

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
  let plain = text.replace(/[£,\s]/g, '');
  if (/^\(.*\)$/.test(plain)) plain = `-${plain.slice(1, -1)}`;
  return isAmount(plain) ? plain : text;
}

/** A whole-number setting from a cell; text that is not a number comes back as it stands, for validation to name. */
export function numberFromCell(value: CellValue | null): unknown {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (text !== undefined && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

const SINGLE_YEAR = /^(?:FY\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i;

/** "2019-20", "FY19/20", "19/20", "2019/2020" → "2019/20"; spans likewise; anything else unchanged for validation to name. */
export function canonicalYearText(text: string): string {
  const single = canonicalSingleYear(text);
  if (single) return single;
  for (let i = 0; i < text.length; i++) {
    const sep = /^(\s*(?:-|–|—|to)\s*)/i.exec(text.slice(i));
    if (!sep || i === 0) continue;
    const start = canonicalSingleYear(text.slice(0, i).trim());
    const end = canonicalSingleYear(text.slice(i + sep[1].length).trim());
    if (start && end) return `${start}-${end}`;
  }
  return text;
}

function canonicalSingleYear(text: string): string | undefined {
  if (isFiscalYear(text)) return text;
  const m = SINGLE_YEAR.exec(text);
  if (!m) return undefined;
  const start = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const end = Number(m[2]);
  const endsNext = m[2].length === 2 ? (start + 1) % 100 === end : start + 1 === end;
  if (!endsNext) return undefined;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
