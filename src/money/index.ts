/** Exact money for the engine: the decimal type, units, amount parsing, fiscal years and display. */
export { Money, ZERO, fromNumber, withoutNegativeZero } from './decimal';
export { UNITS, UNIT_IDS, isUnitId, unitFromText, toPounds, fromPounds } from './units';
export type { Unit, UnitId } from './units';
export { parseAmount, isDashPlaceholder } from './parse';
export type { ParsedAmount } from './parse';
export { parseFiscalYear, findFiscalYear, fiscalYearOfDate, fiscalYearLabel, fiscalYear } from './fiscal-year';
export type { FiscalYear, YearParse } from './fiscal-year';
export { formatAmount, roundToUnit, excelNumberFormat, defaultDecimals } from './format';
export type { FormatOptions } from './format';
