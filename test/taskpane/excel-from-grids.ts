/** A fake Excel (test/workbook/office/fake-excel.ts) holding a workbook's grids, as Excel would hold the file. */
import type { CellValue, GridWorkbook } from '../../src/sheet/grid';
import { FakeWorkbook, type FakeValue } from '../workbook/office/fake-excel';
import type { FakeRow } from '../workbook/office/fake-office';

/** How Excel hands a cell's value to office.js: dates as serial numbers, errors as their text. */
function excelValue(value: CellValue | null): FakeValue | null {
  if (value === null) return null;
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof value === 'object') return value.code;
  return value;
}

/** Each sheet's rows as the fake takes them: constants, and formulas with their cached results. */
export function fakeRows(workbook: GridWorkbook): { name: string; rows: FakeRow[] }[] {
  return workbook.sheets.map((grid) => {
    const rows: FakeRow[] = [];
    for (const r of grid.rowIndexes()) {
      const row: FakeRow = [];
      grid.row(r).forEach((cell, c) => {
        if (!cell) return;
        const value = excelValue(cell.value);
        row[c] = cell.formula ? { f: cell.formula, ...(value === null ? {} : { v: value }) } : value;
      });
      rows[r] = Array.from(row, (v) => v ?? null);
    }
    return { name: grid.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

export function fakeExcelHolding(workbook: GridWorkbook): FakeWorkbook {
  const excel = new FakeWorkbook();
  for (const { name, rows } of fakeRows(workbook)) excel.addSheet(name, rows);
  return excel;
}
