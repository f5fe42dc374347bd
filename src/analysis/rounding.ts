/**
 * Controlled rounding for publication (largest remainder): round each figure to the display unit so
 * that the rounded parts add up to the rounded total, moving as few figures as possible and each by
 * less than one display unit.
 */
import { Money, ZERO } from '../money/decimal';
import { UNITS, type UnitId } from '../money/units';

interface ControlledRounding {
  /** Each part rounded, in pounds. */
  readonly rounded: Money[];
  /** The exact total rounded half-up, in pounds: the parts sum to it. */
  readonly total: Money;
  /** Indexes of parts that differ from ordinary (half-up) rounding. */
  readonly moved: number[];
}

export function displayStep(unit: UnitId, decimals: number): Money {
  return UNITS[unit].factor.div(new Money(10).pow(decimals));
}

export function controlledRound(values: readonly Money[], unit: UnitId, decimals: number): ControlledRounding {
  const step = displayStep(unit, decimals);
  let exact = ZERO;
  for (const v of values) exact = exact.plus(v);
  const targetUnits = exact.div(step).toDecimalPlaces(0, Money.ROUND_HALF_UP);
  const floors = values.map((v) => v.div(step).floor());
  const remainders = values.map((v, i) => v.div(step).minus(floors[i]));
  let floorSum = ZERO;
  for (const f of floors) floorSum = floorSum.plus(f);
  // The exact total lies within the floors' sum plus n units, so 0 ≤ extra ≤ n.
  const extra = targetUnits.minus(floorSum).toNumber();
  const order = values.map((_, i) => i).sort((a, b) => remainders[b].comparedTo(remainders[a]) || a - b);
  const bumped = new Set(order.slice(0, Math.max(0, extra)));
  const rounded = floors.map((f, i) => (bumped.has(i) ? f.plus(1) : f).times(step));
  const moved = values.map((v, i) => (v.div(step).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(step).eq(rounded[i]) ? -1 : i)).filter((i) => i >= 0);
  return { rounded, total: targetUnits.times(step), moved };
}

/** Whether figures rounded one by one still add up to their rounded total. */
export function addsUpWhenRounded(values: readonly Money[], unit: UnitId, decimals: number): boolean {
  const step = displayStep(unit, decimals);
  let exact = ZERO;
  let roundedSum = ZERO;
  for (const v of values) {
    exact = exact.plus(v);
    roundedSum = roundedSum.plus(v.div(step).toDecimalPlaces(0, Money.ROUND_HALF_UP));
  }
  return roundedSum.eq(exact.div(step).toDecimalPlaces(0, Money.ROUND_HALF_UP));
}
