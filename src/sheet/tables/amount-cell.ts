/** Reads one cell of an amount column into an AmountCell, keeping how precisely the figure was written. */
import { Money, ZERO, fromNumber } from '../../money/decimal';
import { decimalPlacesInUnitOfPence, poundsFromPence, wholePence } from '../../money/pence';
import { parseAmount } from '../../money/parse';
import { POUNDS_PER_UNIT, UNITS, type UnitId } from '../../money/units';
import { Cell, isErrorValue } from '../grid';
import type { Term } from '../../money/tolerance';
import type { AmountCell } from './types';
import { NO_LEGEND, type ShorthandLegend } from './shorthand';

/** Decimal places a number format shows: "0.0" → 1, "#,##0.00;(#,##0.00)" → 2, General → undefined. */
const formatDecimalsCache = new Map<string, number>();

export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt || numFmt === 'General') return undefined;
  const cached = formatDecimalsCache.get(numFmt);
  if (cached !== undefined) return cached;
  const decimals = countFormatDecimals(numFmt);
  if (formatDecimalsCache.size < 1000) formatDecimalsCache.set(numFmt, decimals);
  return decimals;
}

function countFormatDecimals(numFmt: string): number {
  const firstSection = numFmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(firstSection);
  return m ? m[1].length : 0;
}

/**
 * Figures in pounds with at most two decimals are full precision (pounds and pence). Figures in a larger
 * unit are taken as rounded to their last shown digit: the written digits, or more if the number format
 * shows more (0.5 formatted "0.00" was rounded to the penny-of-a-million, 0.01m).
 */
const stepCache: Record<UnitId, Money[]> = { '£': [], '£k': [], '£000': [], '£m': [], '£bn': [] };

function stepFor(decimals: number, unit: UnitId): Money {
  if (unit === '£') return ZERO;
  // Read for every figure of a table in £k or £m: an array index, not a string key.
  const steps = stepCache[unit];
  let step = steps[decimals];
  if (step === undefined) {
    step = UNITS[unit].factor.div(new Money(10).pow(decimals));
    if (step.lte('0.01')) step = ZERO;
    if (decimals >= 0 && decimals <= 40) steps[decimals] = step;
  }
  return step;
}

type FigureCell = Extract<AmountCell, { kind: 'amount' }>;

/**
 * A figure read from a number cell that is whole pence: its decimal is built only if something asks
 * for `pounds` (a finding's message, a report cell). Sums and comparisons use `pence`.
 */
class WholePenceCell implements FigureCell {
  /** On the prototype, not in each of a large table's 300,000 figures. */
  declare readonly kind: 'amount';
  private poundsValue: Money | undefined;

  constructor(
    readonly row: number,
    readonly col: number,
    readonly pence: bigint,
    readonly step: Money,
  ) {}

  get pounds(): Money {
    return (this.poundsValue ??= poundsFromPence(this.pence));
  }
}
Object.defineProperty(WholePenceCell.prototype, 'kind', { value: 'amount', enumerable: true });

/** The same, from a formula: most figures are typed, and carry no formula field. */
class WholePenceFormulaCell extends WholePenceCell {
  constructor(
    row: number,
    col: number,
    pence: bigint,
    step: Money,
    readonly formula: string,
  ) {
    super(row, col, pence, step);
  }
}

function wholePenceCell(row: number, col: number, pence: bigint, step: Money, formula: string | undefined): FigureCell {
  return formula === undefined ? new WholePenceCell(row, col, pence, step) : new WholePenceFormulaCell(row, col, pence, step, formula);
}

/** A typed figure in whole pence, with no formula: all a columnar store need keep of it is its pence and step. */
export function isPlainWholePence(a: AmountCell): a is FigureCell & { readonly pence: bigint } {
  return a instanceof WholePenceCell && !(a instanceof WholePenceFormulaCell);
}

/** Such a figure again, from what was kept of it. */
export function plainWholePence(row: number, col: number, pence: bigint, step: Money): FigureCell {
  return new WholePenceCell(row, col, pence, step);
}

/** The same figure with another rounding step (whole figures in a column written to 1 dp). */
export function withStep(a: FigureCell, step: Money): FigureCell {
  if (a instanceof WholePenceCell) return wholePenceCell(a.row, a.col, a.pence, step, (a as FigureCell).formula);
  return { ...a, step };
}

/**
 * Budgets repeat figures: a forecast equal to its budget in the same row, a zero variance. The last
 * number read keeps its pence (BigInts are immutable, so sharing one is safe): one fewer object per
 * repeat for the garbage collector to copy, for the cost of a comparison.
 */
let lastNumber = Number.NaN;
let lastPerUnit = 0;
let lastPence: bigint | undefined;

function penceOfNumber(value: number, perUnit: number): bigint | undefined {
  if (value === 0) return 0n;
  if (value !== lastNumber || perUnit !== lastPerUnit) {
    lastPence = wholePence(value, perUnit);
    lastNumber = value;
    lastPerUnit = perUnit;
  }
  return lastPence;
}

/** Numbers are most cells of a large budget: read them without the text parser's general machinery. */
function readNumber(value: number, cell: Cell | undefined, row: number, col: number, unit: UnitId): AmountCell {
  if (!Number.isFinite(value)) return { kind: 'invalid', row, col, text: String(value), reason: `${String(value)} is not an amount` };
  const pence = penceOfNumber(value, POUNDS_PER_UNIT[unit]);
  if (pence !== undefined) {
    const step = unit === '£' ? ZERO : stepFor(Math.max(decimalPlacesInUnitOfPence(pence, POUNDS_PER_UNIT[unit]), formatDecimals(cell?.numFmt) ?? 0), unit);
    return wholePenceCell(row, col, pence, step, cell?.formula);
  }
  const written = fromNumber(value);
  const pounds = unit === '£' ? written : written.times(UNITS[unit].factor);
  const step = stepFor(Math.max(written.decimalPlaces(), formatDecimals(cell?.numFmt) ?? 0), unit);
  return cell?.formula ? { kind: 'amount', row, col, pounds, step, formula: cell.formula } : { kind: 'amount', row, col, pounds, step };
}

/** `legend`: the sheet's own explanation of its bracketed shorthand, which decides what such a marker adds. */
export function readAmountCell(cell: Cell | undefined, row: number, col: number, unit: UnitId, legend: ShorthandLegend = NO_LEGEND): AmountCell {
  const value = cell?.value ?? null;
  if (value === null) {
    // A formula Excel has not calculated holds no figure to check, but it is not a blank either.
    return cell?.formula
      ? { kind: 'missing', row, col, placeholder: '', reason: 'blank', formula: cell.formula }
      : { kind: 'missing', row, col, placeholder: '', reason: 'blank' };
  }
  if (isErrorValue(value)) return { kind: 'error', row, col, code: value.code };
  if (value instanceof Date) {
    return { kind: 'invalid', row, col, text: value.toISOString().slice(0, 10), reason: 'a date is not an amount' };
  }
  if (typeof value === 'boolean') {
    return { kind: 'invalid', row, col, text: String(value).toUpperCase(), reason: `${String(value).toUpperCase()} is not an amount` };
  }
  if (typeof value === 'number') return readNumber(value, cell, row, col, unit);
  const parsed = parseAmount(value, unit);
  switch (parsed.kind) {
    case 'missing':
      return { kind: 'missing', row, col, placeholder: parsed.placeholder, reason: legend.get(parsed.placeholder.toLowerCase()) ?? parsed.reason };
    case 'invalid':
      return { kind: 'invalid', row, col, text: parsed.text, reason: parsed.reason };
    case 'amount': {
      // "nil" states an exact zero, so it has no rounding to allow for.
      const step = parsed.step.isZero() ? ZERO : stepFor(parsed.decimals, parsed.writtenUnit);
      const result: AmountCell = cell?.formula
        ? { kind: 'amount', row, col, pounds: parsed.pounds, step, formula: cell.formula }
        : { kind: 'amount', row, col, pounds: parsed.pounds, step };
      return result;
    }
  }
}

/** Rounding steps of counts by places shown: 1, 0.1, 0.01 … (shared, as they repeat down a column). */
const countSteps: Money[] = [];

/**
 * A count (people, hectares, movements) as published: rounded to the places it shows, so a total of
 * rounded parts may miss by half a unit for each. Counts are never reconciled; the step only lets a
 * total named in words be read over its lines.
 */
export function readCountCell(cell: Cell | undefined, row: number, col: number, legend: ShorthandLegend = NO_LEGEND): AmountCell {
  const a = readAmountCell(cell, row, col, '£', legend);
  if (a.kind !== 'amount' || typeof cell?.value !== 'number') return a;
  const places = formatDecimals(cell.numFmt) ?? Math.min(fromNumber(cell.value).decimalPlaces(), 10);
  const step = (countSteps[places] ??= new Money(10).pow(-places));
  return withStep(a, step);
}

/** A figure that does not apply (GSS "z"): it adds exactly nothing to a total. */
export function addsNothing(a: AmountCell | undefined): boolean {
  return a?.kind === 'missing' && a.reason === 'not-applicable';
}

/** What such a figure adds to a total. */
export const NOTHING: Term = { pounds: ZERO, step: ZERO };
