/**
 * A finding's compared figures as the pane, the CLI and the Findings sheet show them: exactly as its message
 * shows them (the same unit, the same decimal places, separators, negatives in brackets or with a minus as
 * the user chose). `expected` and `actual` stay exact decimal strings in the finding; this is only how they
 * are shown. Figures that are not money (a percentage, a name) are shown as they are.
 */
import { Money } from '../money/decimal';
import { formatAmount, type NegativeStyle } from '../money/format';
import { toPounds, type UnitId } from '../money/units';
import type { Finding } from './finding';
import { decimalsFor } from './present';

export type { NegativeStyle } from '../money/format';

interface ShownFigures {
  readonly expected?: string;
  readonly actual?: string;
}

function shown(text: string, unit: UnitId, decimals: number, negative: NegativeStyle): string {
  // As messages write them: £185 thousand reads "£185k", never "£185".
  return formatAmount(toPounds(new Money(text), unit), { unit: unit === '£000' ? '£k' : unit, decimals, negative });
}

function isDecimal(text: string | undefined): boolean {
  return text === undefined || /^-?\d+(\.\d+)?$/.test(text);
}

/** The finding's expected and actual figures as text; a figure the finding does not have is left out. */
export function findingFigures(finding: Pick<Finding, 'expected' | 'actual' | 'unit' | 'decimals'>, negative: NegativeStyle): ShownFigures {
  const { expected, actual, unit } = finding;
  if (unit === undefined || !isDecimal(expected) || !isDecimal(actual)) {
    return { ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
  }
  // A finding made before it recorded its decimals is shown as a message would show these figures.
  const figures = [expected, actual].filter((t): t is string => t !== undefined).map((t) => toPounds(new Money(t), unit));
  const decimals = finding.decimals ?? decimalsFor(unit, ...figures, ...(figures.length === 2 ? [figures[1].minus(figures[0])] : []));
  return {
    ...(expected !== undefined ? { expected: shown(expected, unit, decimals, negative) } : {}),
    ...(actual !== undefined ? { actual: shown(actual, unit, decimals, negative) } : {}),
  };
}
