/** Cell values as the formula parser takes and gives them, and back: dates as serials, errors as its own. */
import FormulaParser from 'fast-formula-parser';
import { dateToSerial, serialToDate } from '../excel-date';
import { errorValue, isErrorValue, type CellValue } from '../grid';

/** A function argument's cells in order: a range's rows flattened, a single value as one cell. */
export function cellsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]).flat(Infinity) : [value];
}

/** A grid value as the parser reads it: a blank is null, as the parser expects. */
export function toEngineValue(value: CellValue | null, date1904: boolean): unknown {
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (isErrorValue(value)) return new FormulaParser.FormulaError(value.code);
  return value;
}

/** A formula's result as a grid holds it; undefined for something no cell can hold. */
export function fromEngineValue(result: unknown, asDate: boolean, date1904: boolean): CellValue | undefined {
  // A formula that points at a blank cell shows 0.
  if (result === null || result === undefined) return 0;
  if (Array.isArray(result)) return fromEngineValue((result as unknown[][])[0]?.[0], asDate, date1904);
  if (result instanceof FormulaParser.FormulaError) return errorValue(result.error) ?? undefined;
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) return errorValue('#NUM!');
    // Excel keeps 15 significant digits: 2.4+2.3 is 4.7 there, not binary floating point's 4.699999999999999.
    const figure = Number(result.toPrecision(15));
    return asDate ? serialToDate(figure, date1904) : figure;
  }
  if (typeof result === 'string' || typeof result === 'boolean') return result;
  return undefined;
}

/** True when a saved result and a recalculated one are the same figure (floating sums differ in their last bits). */
export function sameResult(saved: CellValue, computed: CellValue): boolean {
  if (typeof saved === 'number' && typeof computed === 'number') {
    const gap = Math.abs(saved - computed);
    return gap <= 1e-9 || gap <= 1e-12 * Math.max(Math.abs(saved), Math.abs(computed));
  }
  if (saved instanceof Date && computed instanceof Date) return Math.abs(saved.getTime() - computed.getTime()) < 1000;
  if (isErrorValue(saved) && isErrorValue(computed)) return saved.code === computed.code;
  // Excel saves an empty text result as "" and some writers save it as nothing at all.
  if (typeof saved === 'string' && typeof computed === 'string') return saved === computed;
  return saved === computed;
}
