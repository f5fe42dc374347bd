/**
 * One SpecValue as a cell's contents, with its number format and the text it displays (for fitting
 * column widths), the same for both writers. Money becomes a number of pounds here and nowhere earlier.
 */
import { Money } from '../../money/decimal';
import { excelNumberFormat, formatAmount } from '../../money/format';
import { isFormulaValue, isLinkValue, looksLikeFormula, type ColumnType, type SpecValue, type TableSpec } from '../../reports/spec';
import { linkLocation } from './plan';

/** A live formula (without "=") and the result it shows until Excel calculates it. */
interface FormulaContent {
  readonly formula: string;
  readonly result: number | '';
}

/** What a cell holds: a constant, or a formula with its cached result. */
type CellContent = string | number | boolean | Date | null | FormulaContent;

interface WrittenCellLook {
  readonly numFmt?: string;
  /** What the cell shows, for column widths. */
  readonly display: string;
  /** Text that a spreadsheet would take for a formula: stored as text and given a quote prefix. */
  readonly formulaLikeText?: boolean;
}

/** A cell holding a constant or a formula. */
interface ValueCell extends WrittenCellLook {
  readonly value: CellContent;
  readonly linkLocation?: undefined;
}

/** An internal hyperlink: its text, and a target such as 'Budget lines'!B7. */
interface LinkCell extends WrittenCellLook {
  readonly value: string;
  readonly linkLocation: string;
}

export type WrittenCell = ValueCell | LinkCell;

/** What a cell's contents read as, for fitting column widths: a formula reads as the result it shows. */
export function contentText(value: CellContent): string {
  if (value === null) return '';
  if (typeof value === 'object' && !(value instanceof Date)) return String(value.result);
  return String(value);
}

const PERCENT_FORMAT = '0.0"%"';
const INTEGER_FORMAT = '#,##0';
const DATE_FORMAT = 'dd mmm yyyy';

/** Excel's limit on the characters in a cell. */
const MAX_CELL_TEXT = 32_767;

function numberFormatFor(type: ColumnType, table: TableSpec): string | undefined {
  switch (type) {
    case 'money':
      return excelNumberFormat(table.unit, table.decimals);
    case 'percent':
      return PERCENT_FORMAT;
    case 'integer':
      return INTEGER_FORMAT;
    case 'date':
      return DATE_FORMAT;
    default:
      return undefined;
  }
}

export function isMoney(value: unknown): value is Money {
  return Money.isDecimal(value);
}

/** Money to a number of pounds: the one place exact amounts become floats, on their way into a cell. */
function poundsNumber(value: Money): number {
  return Number(new Money(value).toString());
}

/** A plain value (not a formula) for a column of `type`. */
export function writtenCell(value: SpecValue, type: ColumnType, table: TableSpec): WrittenCell {
  const numFmt = numberFormatFor(type, table);
  if (value === null) return { value: null, display: '', ...(numFmt ? { numFmt } : {}) };
  if (typeof value === 'string') return textCell(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null, display: '' };
    return { value, numFmt: numFmt ?? DATE_FORMAT, display: 'dd mmm yyyy' };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { value: null, display: '' };
  if (isLinkValue(value)) {
    const text = cleanText(value.text);
    return {
      value: text,
      display: text,
      linkLocation: linkLocation(value.sheet, value.cell),
      ...(looksLikeFormula(text) ? { formulaLikeText: true } : {}),
    };
  }
  if (isFormulaValue(value)) throw new Error('formula values are written by formulaCell');
  const exact = isMoney(value) ? new Money(value) : new Money(String(value));
  return {
    value: poundsNumber(exact),
    display: displayOf(exact, type, table),
    ...(numFmt ? { numFmt } : {}),
  };
}

/** A live formula with the engine's figure as its cached result ("" when the engine has none, as IF(...,"") gives). */
export function formulaCell(formula: string, figure: Money | null, type: ColumnType, table: TableSpec): WrittenCell {
  const numFmt = numberFormatFor(type, table);
  const result = figure === null ? '' : poundsNumber(figure);
  return {
    value: { formula, result },
    display: figure === null ? '' : displayOf(new Money(figure), type, table),
    ...(numFmt ? { numFmt } : {}),
  };
}

/** Text from data: always a string cell (ExcelJS writes strings as shared strings, never as formulas). */
export function textCell(text: string): ValueCell & { readonly value: string } {
  const clean = cleanText(text);
  return { value: clean, display: longestLine(clean), ...(looksLikeFormula(clean) ? { formulaLikeText: true } : {}) };
}

function displayOf(amount: Money, type: ColumnType, table: TableSpec): string {
  switch (type) {
    case 'money':
      // "_)" in the number format pads positives by a bracket, so both signs take the bracketed width.
      return `(${formatAmount(amount.abs(), { unit: table.unit, decimals: table.decimals })})`;
    case 'percent':
      return `${amount.toFixed(1)}%`;
    case 'integer':
      return amount.toFixed(0).replace(/\B(?=(\d{3})+$)/g, ',');
    default:
      return amount.toString();
  }
}

/** Characters XML 1.0 cannot hold are dropped, and text is cut to what a cell can hold. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

function longestLine(text: string): string {
  return text.split(/\r?\n/).reduce((a, b) => (b.length > a.length ? b : a), '');
}
