import { CellValue, Grid } from '../../src/sheet/grid';

type Input = CellValue | null | undefined | { f: string; v?: CellValue | null; fmt?: string };

/** Builds a grid from rows of values; `{ f, v }` is a formula with its cached value. */
export function gridOf(name: string, rows: readonly (readonly Input[])[], at: { row?: number; col?: number } = {}): Grid {
  const grid = new Grid(name);
  addRows(grid, rows, at);
  return grid;
}

export function addRows(grid: Grid, rows: readonly (readonly Input[])[], at: { row?: number; col?: number } = {}): Grid {
  const r0 = at.row ?? 0;
  const c0 = at.col ?? 0;
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === null || v === undefined) return;
      if (typeof v === 'object' && !(v instanceof Date) && 'f' in v) {
        grid.setCell(r0 + r, c0 + c, { value: v.v ?? null, formula: v.f, ...(v.fmt ? { numFmt: v.fmt } : {}) });
      } else {
        grid.set(r0 + r, c0 + c, v);
      }
    }),
  );
  return grid;
}
