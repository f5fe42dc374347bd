/**
 * One row's figures by column. Every row of a table has the same figure columns, so the columns and
 * their positions are kept once per table and each row holds only its cells: a Map per row cost a hash
 * table for each of a large budget's 100,000 lines, most of the garbage collector's work.
 */
import type { AmountCell } from './types';

/** A table's figure columns and where each sits in a row's cells. */
export class AmountColumns {
  readonly cols: readonly number[];
  private readonly positions = new Map<number, number>();

  constructor(cols: readonly number[]) {
    this.cols = cols;
    cols.forEach((col, k) => this.positions.set(col, k));
  }

  positionOf(col: number): number | undefined {
    return this.positions.get(col);
  }
}

export class RowAmounts implements ReadonlyMap<number, AmountCell> {
  /** `cells[k]` is the figure in `columns.cols[k]`; every column has one. */
  constructor(
    private readonly columns: AmountColumns,
    private readonly cells: AmountCell[],
  ) {}

  get size(): number {
    return this.cells.length;
  }

  get(col: number): AmountCell | undefined {
    const k = this.columns.positionOf(col);
    return k === undefined ? undefined : this.cells[k];
  }

  has(col: number): boolean {
    return this.columns.positionOf(col) !== undefined;
  }

  /** Replaces a column's figure (a rounding step aligned with the column's others). */
  replace(col: number, a: AmountCell): void {
    const k = this.columns.positionOf(col);
    if (k === undefined) throw new RangeError(`column ${col} holds no figures in this table`);
    this.cells[k] = a;
  }

  values(): MapIterator<AmountCell> {
    return this.cells.values();
  }

  keys(): MapIterator<number> {
    return this.columns.cols.values();
  }

  entries(): MapIterator<[number, AmountCell]> {
    return this.cells.map((a, k): [number, AmountCell] => [this.columns.cols[k], a]).values();
  }

  [Symbol.iterator](): MapIterator<[number, AmountCell]> {
    return this.entries();
  }

  forEach(visit: (value: AmountCell, key: number, map: ReadonlyMap<number, AmountCell>) => void): void {
    for (let k = 0; k < this.cells.length; k++) visit(this.cells[k], this.columns.cols[k], this);
  }
}
