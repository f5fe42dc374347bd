/** Sections of a table (a heading and the lines under it) and the precision of rounded columns. */
import type { Money } from '../../money/decimal';
import { UNITS } from '../../money/units';
import type { Grid } from '../grid';
import { formatDecimals, withStep } from './amount-cell';
import type { RowAmounts } from './row-amounts';
import type { Column, Headline, Section, TableRow } from './types';

/** A row's figures with the sheet row they were read from. */
interface RowFigures {
  readonly row: number;
  readonly amounts: RowAmounts;
}

/**
 * In a column written to 1 dp, a figure stored as 16 means 16.0, not "16 to the nearest million":
 * whole figures take the precision of the column's other figures. Only where the cell's number format
 * leaves its decimals open (General, or text): a figure formatted to show whole units (#,##0) is shown
 * rounded to the unit, so the unit is what its rounding can hide, whatever digits other cells hold.
 */
export function alignWholeNumberSteps(rows: readonly RowFigures[], col: Column, grid: Grid): void {
  if (col.unit === '£') return; // pounds are full precision whatever their digits
  const factor = UNITS[col.unit].factor;
  // A column holds a few distinct steps (they are shared objects): compare those, not every cell's.
  const steps = new Set<Money>();
  for (const { amounts } of rows) {
    const a = amounts.get(col.col);
    if (a?.kind === 'amount') steps.add(a.step);
  }
  let coarsestFraction: Money | undefined;
  const wholeSteps = new Set<Money>();
  for (const step of steps) {
    if (step.gte(factor)) wholeSteps.add(step);
    else if (!step.isZero() && (!coarsestFraction || step.gt(coarsestFraction))) coarsestFraction = step;
  }
  if (!coarsestFraction || wholeSteps.size === 0) return;
  for (const { row, amounts } of rows) {
    const a = amounts.get(col.col);
    if (a?.kind !== 'amount' || !wholeSteps.has(a.step)) continue;
    if (formatDecimals(grid.cell(row, col.col)?.numFmt) === undefined) amounts.replace(col.col, withStep(a, coarsestFraction));
  }
}

export function buildSections(rows: readonly TableRow[], headlines: Map<number, { name: string; headlines: Headline[] }>): Section[] {
  const sections: Section[] = [];
  for (const row of rows) {
    if (row.kind !== 'section') continue;
    const info = headlines.get(row.row);
    sections.push({ row: row.row, name: info?.name ?? row.label, headlines: info?.headlines ?? [], lineRows: [] });
  }
  for (const row of rows) {
    if (row.kind === 'line' && row.section !== undefined) (sections[row.section].lineRows as number[]).push(row.row);
  }
  return sections;
}
