/**
 * Each row's figures by column, kept by column. A large budget has 300,000 figures, nearly all typed
 * whole pence: kept as objects they were most of what the garbage collector copied while a check ran.
 * Here such a figure is its pence in a BigInt64Array and its rounding step in a byte; an AmountCell is
 * made when a rule asks for one and dropped when it is done. Anything else (a blank, text, an error, a
 * formula, a figure not in whole pence) is kept as the cell it was read as.
 */
import type { Money } from '../../money/decimal';
import { isPlainWholePence, plainWholePence } from './amount-cell';
import type { AmountCell, AmountsByColumn } from './types';

const MIN_PENCE = -(2n ** 63n);
const MAX_PENCE = 2n ** 63n - 1n;
/** Step numbers are kept in a byte; 0 marks a figure kept as its cell. */
const MAX_STEPS = 255;

/** One column's figures. */
class ColumnStore {
  readonly pence: BigInt64Array;
  /** 1 + the index of the figure's step in `steps`, or 0 where the figure is kept whole in `cells`. */
  readonly stepOf: Uint8Array;
  readonly steps: Money[] = [];
  readonly cells = new Map<number, AmountCell>();

  constructor(capacity: number) {
    this.pence = new BigInt64Array(capacity);
    this.stepOf = new Uint8Array(capacity);
  }

  put(index: number, a: AmountCell): void {
    if (isPlainWholePence(a) && a.pence >= MIN_PENCE && a.pence <= MAX_PENCE) {
      let s = this.steps.indexOf(a.step);
      if (s < 0 && this.steps.length < MAX_STEPS) s = this.steps.push(a.step) - 1;
      if (s >= 0) {
        this.pence[index] = a.pence;
        this.stepOf[index] = s + 1;
        this.cells.delete(index);
        return;
      }
    }
    this.stepOf[index] = 0;
    this.cells.set(index, a);
  }

  kindOf(index: number): AmountCell['kind'] | undefined {
    return this.stepOf[index] !== 0 ? 'amount' : this.cells.get(index)?.kind;
  }

  kept(index: number): AmountCell | undefined {
    return this.stepOf[index] === 0 ? this.cells.get(index) : undefined;
  }

  get(index: number, row: number, col: number): AmountCell | undefined {
    const s = this.stepOf[index];
    return s === 0 ? this.cells.get(index) : plainWholePence(row, col, this.pence[index], this.steps[s - 1]);
  }
}

/** A table's figure columns and every row's figures in them. */
export class AmountColumns {
  readonly cols: readonly number[];
  /** Each column's position in `cols`, by column number (-1 for none): read on every figure asked for. */
  private readonly positions: Int16Array;
  private readonly stores: ColumnStore[];
  private readonly rowNumbers: Int32Array;
  private count = 0;

  constructor(cols: readonly number[], capacity: number) {
    this.cols = cols;
    this.positions = new Int16Array(Math.max(-1, ...cols) + 1).fill(-1);
    cols.forEach((col, k) => (this.positions[col] = k));
    this.stores = cols.map(() => new ColumnStore(capacity));
    this.rowNumbers = new Int32Array(capacity);
  }

  /** Keeps a row's figures, one per column in `cols` order, and returns them as the row will read them. */
  addRow(row: number, figures: readonly AmountCell[]): RowAmounts {
    const index = this.count++;
    this.rowNumbers[index] = row;
    figures.forEach((a, k) => this.stores[k].put(index, a));
    return new RowAmounts(this, index);
  }

  positionOf(col: number): number | undefined {
    const k = col < this.positions.length ? this.positions[col] : -1;
    return k >= 0 ? k : undefined;
  }

  cellAt(k: number, index: number): AmountCell | undefined {
    return this.stores[k].get(index, this.rowNumbers[index], this.cols[k]);
  }

  kindAt(k: number, index: number): AmountCell['kind'] | undefined {
    return this.stores[k].kindOf(index);
  }

  /** The cell as read, where the figure is not kept by column. */
  keptAt(k: number, index: number): AmountCell | undefined {
    return this.stores[k].kept(index);
  }

  replaceAt(k: number, index: number, a: AmountCell): void {
    this.stores[k].put(index, a);
  }
}

export class RowAmounts implements AmountsByColumn {
  constructor(
    private readonly columns: AmountColumns,
    private readonly index: number,
  ) {}

  get size(): number {
    return this.columns.cols.length;
  }

  get(col: number): AmountCell | undefined {
    const k = this.columns.positionOf(col);
    return k === undefined ? undefined : this.columns.cellAt(k, this.index);
  }

  has(col: number): boolean {
    return this.columns.positionOf(col) !== undefined;
  }

  kindOf(col: number): AmountCell['kind'] | undefined {
    const k = this.columns.positionOf(col);
    return k === undefined ? undefined : this.columns.kindAt(k, this.index);
  }

  forEachNonFigure(visit: (cell: AmountCell) => void): void {
    for (let k = 0; k < this.columns.cols.length; k++) {
      const a = this.columns.keptAt(k, this.index);
      if (a) visit(a);
    }
  }

  /** Replaces a column's figure (a rounding step aligned with the column's others). */
  replace(col: number, a: AmountCell): void {
    const k = this.columns.positionOf(col);
    if (k === undefined) throw new RangeError(`column ${col} holds no figures in this table`);
    this.columns.replaceAt(k, this.index, a);
  }

  private all(): AmountCell[] {
    const cells: AmountCell[] = [];
    for (let k = 0; k < this.columns.cols.length; k++) {
      const a = this.columns.cellAt(k, this.index);
      if (a) cells.push(a);
    }
    return cells;
  }

  values(): MapIterator<AmountCell> {
    return this.all().values();
  }

  keys(): MapIterator<number> {
    return this.columns.cols.values();
  }

  entries(): MapIterator<[number, AmountCell]> {
    return this.all()
      .map((a): [number, AmountCell] => [a.col, a])
      .values();
  }

  [Symbol.iterator](): MapIterator<[number, AmountCell]> {
    return this.entries();
  }

  forEach(visit: (value: AmountCell, key: number, map: ReadonlyMap<number, AmountCell>) => void): void {
    for (let k = 0; k < this.columns.cols.length; k++) {
      const a = this.columns.cellAt(k, this.index);
      if (a) visit(a, this.columns.cols[k], this);
    }
  }
}
