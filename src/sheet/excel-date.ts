/**
 * Excel date serials (1900 date system) as JavaScript dates (UTC midnight plus the time of day). From
 * serial 61 (1 March 1900) on, this is the Date the .xlsx readers give (ExcelJS's count, and the fast
 * reader's), so a grid read through office.js holds the same Date as one read from the file.
 *
 * Serial 1 is 1 January 1900, but Excel counts a 29 February 1900 that never was (serial 60, kept for
 * Lotus 1-2-3 compatibility: https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year).
 * From serial 61 (1 March 1900) days are counted from 30 December 1899, as ExcelJS and the fast reader
 * count them; serials 1 to 59 are one day later than that count would say; serial 60 and serials below
 * 1 are no real date and stay numbers.
 */

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 from the 30 December 1899 epoch. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Excel's 29 February 1900. */
const PHANTOM_LEAP_DAY = 60;

/** The date of an Excel serial (UTC, time of day from the fraction), or undefined for serials that are no date. */
const DAYS_1900_TO_1904 = 1_462;

/** The Date the .xlsx readers give for a serial in a date-formatted cell, in either date system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round(((date1904 ? serial + DAYS_1900_TO_1904 : serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** The serial Excel stores for such a Date: serialToDate's inverse. */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return date1904 ? serial - DAYS_1900_TO_1904 : serial;
}

export function excelSerialToDate(serial: number): Date | undefined {
  if (!Number.isFinite(serial) || serial < 1 || Math.floor(serial) === PHANTOM_LEAP_DAY) return undefined;
  // Excel's last date is 31 December 9999 (serial 2,958,465).
  if (serial >= 2_958_466) return undefined;
  const days = serial < PHANTOM_LEAP_DAY ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}
