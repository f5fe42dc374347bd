/** How a cell reads to table detection: its text, and whether it looks like a figure or a year. */
import { findFiscalYear } from '../../money/fiscal-year';
import { parseAmount } from '../../money/parse';
import { Cell, isErrorValue } from '../grid';
import { unitRowStatement } from '../../money/units';

export function cellText(cell: Cell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return isErrorValue(v) ? v.code : '';
}

/** Text without the note references accessible tables put in headers and cells ("Year [Note 1]"), on one line. */
export function withoutNoteMarkers(text: string): string {
  return text
    .replace(/\[\s*notes?\s*\d+[a-z]?(\s*(,|and)\s*\d+[a-z]?)*\s*\]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A year as statistics tables write it, for the fiscal-year reader: "2020/21r [Note 3]" → "2020/21" (r revised, p provisional). */
export function yearAsWritten(text: string): string {
  return withoutNoteMarkers(text).replace(/(\d)\s*[rp]$/i, '$1');
}

export function isTextCell(cell: Cell | undefined): boolean {
  return typeof cell?.value === 'string' && cell.value.trim() !== '';
}

const amountLikeText = new Map<string, boolean>();

/** A cell that reads as a figure: a number, or text such as "£1.4m", "(1.0)", "-", "..". */
export function looksLikeAmount(cell: Cell | undefined): boolean {
  const v = cell?.value;
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  // Names are most text cells, and most are unique: a word of four letters or more is never an amount
  // (placeholders such as "TBC" and "nil" are short enough to go to the parser).
  if (/^\s*[A-Za-z][A-Za-z]{3}|[A-Za-z]\d/.test(v)) return false;
  let known = amountLikeText.get(v);
  if (known === undefined) {
    // "£000" and "£m" state a unit, not an amount of nothing.
    known = parseAmount(v, '£').kind !== 'invalid' && unitRowStatement(v) === undefined;
    if (amountLikeText.size < 10_000) amountLikeText.set(v, known);
  }
  return known;
}

/** A year as a header states it: 2019/20, FY2019-20, or a plain calendar year 1990–2100 (number or text). */
export function isYearLike(cell: Cell | undefined): boolean {
  const v = cell?.value;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1990 && v <= 2100;
  if (typeof v !== 'string') return false;
  const text = v.trim();
  if (/^(19|20)\d\d$/.test(text)) return true;
  const found = findFiscalYear(text);
  return found !== undefined && text.length <= found.length + 12;
}

/** Text that is a label, not a figure or placeholder: what headers, titles and line names are made of. */
export function isWordCell(cell: Cell | undefined): boolean {
  return isTextCell(cell) && !looksLikeAmount(cell);
}
