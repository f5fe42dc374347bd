/** Fiscal quarters for the register's "Published" stamp: UK public bodies count from April. */
import { fiscalYearOfDate } from '../../money/fiscal-year';
import { monthName } from './context';

interface FiscalQuarter {
  /** 1 to 4. */
  readonly quarter: number;
  /** "2026/27". */
  readonly year: string;
  /** "October to December 2026", "January to March 2027". */
  readonly months: string;
}

export function fiscalQuarterOf(date: Date, startMonth = 4): FiscalQuarter {
  const year = fiscalYearOfDate(date, startMonth);
  const monthsIn = (date.getUTCFullYear() - year.start) * 12 + date.getUTCMonth() - (startMonth - 1);
  const quarter = Math.floor(monthsIn / 3) + 1;
  const firstMonth = startMonth - 1 + (quarter - 1) * 3;
  const firstYear = year.start + Math.floor(firstMonth / 12);
  const lastYear = year.start + Math.floor((firstMonth + 2) / 12);
  const first = monthName(firstMonth);
  const last = monthName(firstMonth + 2);
  const months = firstYear === lastYear ? `${first} to ${last} ${lastYear}` : `${first} ${firstYear} to ${last} ${lastYear}`;
  return { quarter, year: year.label, months };
}

/** "Published Q3 2026/27 (October to December 2026)". */
export function publishedStamp(date: Date, startMonth = 4): string {
  const q = fiscalQuarterOf(date, startMonth);
  return `Published Q${q.quarter} ${q.year} (${q.months})`;
}
