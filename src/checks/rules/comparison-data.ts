/** The words every "stated against computed" finding shares: how far apart, and whether rounding explains it. */
import type { UnitId } from '../../money/units';
import type { Comparison } from '../../money/tolerance';
import { money, roundingClause } from '../present';

/** `{difference}` ("£0.2m", shown to `decimals`) and `{rounding}` ("within the £1.7m that rounding … could explain"). */
export function comparisonData(c: Comparison, unit: UnitId, decimals: number): { difference: string; rounding: string } {
  return { difference: money(c.difference.abs(), unit, decimals), rounding: roundingClause(c, unit) };
}
