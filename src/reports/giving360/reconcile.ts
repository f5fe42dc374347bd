/**
 * The export's check that it publishes what it read. Every record read with an amount is either published
 * or left out and listed, so the grants' total plus the amounts left out must be the total of the
 * register's amount column, each amount to the penny. A difference means a grant was lost, counted twice
 * or scaled on the way: the export is refused rather than published with figures its source does not hold.
 */
import type { Money } from '../../money/decimal';
import { describeTotal } from './amount';

export class Giving360TotalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Giving360TotalError';
  }
}

interface AmountTotals {
  /** The register's amount column: every record read with an amount. */
  readonly source: Money;
  /** The grants published. */
  readonly exported: Money;
  /** The records left out that had an amount. */
  readonly skipped: Money;
}

/** Why the totals do not reconcile, or undefined when they do. */
export function totalsMismatch(totals: AmountTotals): string | undefined {
  const accounted = totals.exported.plus(totals.skipped);
  if (accounted.eq(totals.source)) return undefined;
  return (
    `the grants exported add up to ${describeTotal(totals.exported)} and the records left out to ${describeTotal(totals.skipped)}, ` +
    `${describeTotal(accounted)} in all, but the register's amount column adds up to ${describeTotal(totals.source)}; ` +
    'this is a bug in the export, please report it'
  );
}
