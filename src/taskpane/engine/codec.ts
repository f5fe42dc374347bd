/**
 * What crosses between the pane and the engine's Web Worker. postMessage copies by structured clone,
 * which refuses decimal.js values (they carry their constructor) and drops the Grid class, so money
 * travels as exact decimal strings and grids as plain cell lists, rebuilt on the other side.
 */
import { Money } from '../../money/decimal';
import { Cell, Grid, type GridWorkbook, type SheetVisibility } from '../../sheet/grid';
import type { RangeRef } from '../../sheet/a1';

/** A Money value on the wire: its exact decimal text. */
interface EncodedMoney {
  readonly $money: string;
}

/** Replaces every Money inside a value with its exact text; Dates and plain data pass through. */
export function encodeMoney<T>(value: T): unknown {
  return encodeValue(value);
}

/** Dates and binary data pass as they are; checked by tag, since a clone may come from another realm. */
function passesAsIs(value: object): boolean {
  return ArrayBuffer.isView(value) || ['[object Date]', '[object ArrayBuffer]'].includes(Object.prototype.toString.call(value));
}

function encodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Money.isDecimal(value)) return { $money: value.toString() } satisfies EncodedMoney;
  if (passesAsIs(value)) return value;
  if (Array.isArray(value)) return value.map(encodeValue);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = encodeValue(child);
  return out;
}

/** The inverse of encodeMoney: the caller names the type the value had before encoding. */
export function decodeMoney<T>(value: unknown): T {
  return decodeValue(value) as T;
}

function isEncodedMoney(value: object): value is EncodedMoney {
  return typeof (value as { $money?: unknown }).$money === 'string' && Object.keys(value).length === 1;
}

function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (passesAsIs(value)) return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  if (isEncodedMoney(value)) return new Money(value.$money);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = decodeValue(child);
  return out;
}

/** One non-empty cell: row, column (0-based) and the cell as the grid holds it. */
type EncodedCell = readonly [row: number, col: number, cell: Cell];

export interface EncodedGrid {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly cells: readonly EncodedCell[];
  readonly merges: readonly RangeRef[];
  readonly hiddenRows: readonly number[];
  /** A sheet the product made (its owner name marks it): not checked, and the one decisions are read from. */
  readonly generated?: boolean;
}

export function encodeGrid(grid: Grid): EncodedGrid {
  const cells: EncodedCell[] = [];
  for (const row of grid.rowIndexes()) {
    grid.row(row).forEach((cell, col) => {
      if (cell) cells.push([row, col, cell]);
    });
  }
  return {
    name: grid.name,
    visibility: grid.visibility,
    cells,
    merges: [...grid.merges],
    hiddenRows: [...grid.hiddenRows],
    ...(grid.generated ? { generated: true } : {}),
  };
}

export function decodeGrid(encoded: EncodedGrid): Grid {
  const grid = new Grid(encoded.name);
  grid.visibility = encoded.visibility;
  grid.generated = encoded.generated === true;
  for (const [row, col, cell] of encoded.cells) grid.setCell(row, col, cell);
  grid.merges.push(...encoded.merges);
  for (const row of encoded.hiddenRows) grid.hiddenRows.add(row);
  return grid;
}

export function encodeWorkbook(workbook: GridWorkbook): EncodedGrid[] {
  return workbook.sheets.map(encodeGrid);
}

export function decodeWorkbook(sheets: readonly EncodedGrid[]): GridWorkbook {
  return { sheets: sheets.map(decodeGrid) };
}
