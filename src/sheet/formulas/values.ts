/** Cell values as the formula parser takes and gives them, and back: dates as serials, errors as its own. */
import FormulaParser from 'fast-formula-parser';
import { errorValue, isErrorValue, type CellValue } from '../grid';

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system counts 1,462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/** The serial Excel stores for a date the readers gave as a Date (the inverse of their conversion). */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return date1904 ? serial - DAYS_1900_TO_1904 : serial;
}

/** The Date the readers give for a serial in a date-formatted cell. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round(((date1904 ? serial + DAYS_1900_TO_1904 : serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
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
