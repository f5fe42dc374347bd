/**
 * Where a table's money unit comes from, strongest first: the column header, a unit row or note above
 * the header, the title, the sheet's name, then number formats. With no evidence an amount is in
 * pounds as written (DESIGN.md "Units"): never a model's display unit.
 */
import type { UnitId } from '../../money/units';

/** `table-above`: a column with no header under a table whose same column states the unit. */
export type UnitSource = 'header' | 'unit-row' | 'title' | 'sheet' | 'table-above' | 'number-format' | 'default';

export interface UnitEvidence {
  readonly unit: UnitId;
  readonly source: UnitSource;
  /** A unit row naming a scale and no currency ("Thousands"): over counted things it is no money. */
  readonly scaleOnly?: boolean;
}

export const POUNDS_AS_WRITTEN: UnitEvidence = { unit: '£', source: 'default' };
