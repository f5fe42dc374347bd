/**
 * Reads the open workbook into grids through office.js: values (a formula cell's value is its
 * cached result), formulas without "=", number formats, Excel errors, hidden sheets and rows.
 *
 * Requests, whatever the size of the sheets:
 *   1. one sync lists the sheets;
 *   2. one sync loads each sheet's used range: address, size, and whether its rows or columns are hidden;
 *   3. (only when a sheet has some rows hidden and some columns hidden) one sync finds a visible column;
 *   4. one sync loads values, formulas and number formats of every used range, unless that would pass
 *      the cell budget: Excel refuses to read more than 5,000,000 cells of a range at once (and Excel
 *      on the web answers at most 5 MB), so larger ranges are read in row bands, one request per
 *      budget's worth.
 * Hidden rows come from the visible view of one visible column of each band (ExcelApi 1.3).
 */
import { ownedSheetKeys } from './ownership';
import { CellValue, Grid, GridWorkbook, SheetVisibility, errorValue } from '../../sheet/grid';
import { parseA1 } from '../../sheet/a1';
import { area } from './layout';
import type { WorkbookSource } from '../port';
import { excelRun, type ExcelRunner } from './requests';

export interface ReadOptions {
  /**
   * Most cells to read in one request (and so in one range). Default: 5,000,000, Excel's limit per
   * range; 100,000 in Excel on the web, whose 5 MB response limit a request for values, formulas and
   * number formats of more cells could pass.
   */
  readonly maxCellsPerRead?: number;
}

export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;
export const EXCEL_ON_THE_WEB_CELLS_PER_READ = 100_000;

/** The default cell budget for the Excel the add-in runs in. */
export function defaultCellsPerRead(): number {
  const platform = typeof Office !== 'undefined' ? Office.context?.platform : undefined;
  return String(platform) === 'OfficeOnline' ? EXCEL_ON_THE_WEB_CELLS_PER_READ : EXCEL_MAX_CELLS_PER_READ;
}

/** This workbook, read through office.js, as the engine's WorkbookSource. */
export function excelWorkbookSource(run: ExcelRunner = excelRun, options: ReadOptions = {}): WorkbookSource {
  return { label: 'this workbook', readGrids: () => readGridsFromExcel(run, options) };
}

interface UsedArea {
  readonly sheet: number;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Rows to find hidden ones among, and the sheet column whose visible view tells which. */
  readonly probeColumn?: number;
  readonly allRowsHidden: boolean;
}

interface Band {
  readonly used: UsedArea;
  readonly firstRow: number;
  readonly rowCount: number;
}

interface LoadedBand {
  readonly band: Band;
  readonly range: Excel.Range;
  readonly view?: Excel.RangeView;
}

export async function readGridsFromExcel(run: ExcelRunner, options: ReadOptions = {}): Promise<GridWorkbook> {
  const maxCells = options.maxCellsPerRead ?? defaultCellsPerRead();
  if (!(maxCells >= 1)) throw new RangeError(`the cells per read must be at least 1, not ${maxCells}`);
  return run(async (context) => {
    const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
    // In the same sync: the owner names that say which sheets the product generated.
    const names = context.workbook.names.load('items/name,items/value');
    await context.sync();
    const sheets = worksheets.items;
    const generated = ownedSheetKeys(names.items.map((n) => ({ name: n.name, value: String(n.value) })));
    const grids = sheets.map((sheet) => {
      const grid = new Grid(sheet.name);
      grid.visibility = visibilityOf(sheet.visibility);
      grid.generated = generated.has(sheet.name.toUpperCase());
      return grid;
    });

    const usedRanges = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount,rowHidden,columnHidden'));
    await context.sync();
    const used = usedRanges.flatMap((range, sheet) => (range.isNullObject ? [] : [usedArea(range, sheet)]));

    const withProbe = await findProbeColumns(context, sheets, usedRanges, used);
    for (const u of withProbe) if (u.allRowsHidden) addRows(grids[u.sheet].hiddenRows, u.firstRow, u.rowCount);

    for (const group of requestGroups(bands(withProbe, maxCells), maxCells)) {
      const loaded: LoadedBand[] = group.map((band) => {
        const sheet = sheets[band.used.sheet];
        const lastCol = band.used.firstCol + band.used.columnCount - 1;
        const range = sheet.getRange(area(band.firstRow, band.used.firstCol, band.firstRow + band.rowCount - 1, lastCol));
        range.load('values,formulas,numberFormat');
        if (band.used.probeColumn === undefined) return { band, range };
        const probe = sheet.getRange(area(band.firstRow, band.used.probeColumn, band.firstRow + band.rowCount - 1, band.used.probeColumn));
        const view = probe.getVisibleView().load('cellAddresses');
        return { band, range, view };
      });
      // One request per budget's worth of cells: the chunking DESIGN.md allows, not a sync per row or sheet.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { band, range, view } of loaded) {
        const grid = grids[band.used.sheet];
        addCells(grid, band, range.values, range.formulas, range.numberFormat);
        if (view) addHiddenRows(grid, band, view.cellAddresses);
      }
    }
    return { sheets: grids };
  });
}

function usedArea(range: Excel.Range, sheet: number): UsedArea {
  const start = parseA1(range.address.slice(range.address.lastIndexOf('!') + 1).split(':')[0]);
  if (!start) throw new Error(`Excel reported a used range "${range.address}" that is not an address`);
  return {
    sheet,
    firstRow: start.row,
    firstCol: start.col,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    allRowsHidden: range.rowHidden === true,
  };
}

/**
 * Where some rows are hidden (rowHidden is null: mixed), a column that is not hidden tells which: its
 * visible view lists the visible rows. The used range's first column serves unless columns are hidden
 * too; then one request asks each column whether it is hidden.
 */
async function findProbeColumns(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  usedRanges: readonly Excel.Range[],
  used: readonly UsedArea[],
): Promise<UsedArea[]> {
  const mixed = used.filter((u) => usedRanges[u.sheet].rowHidden === null && u.rowCount > 1);
  const needColumns = mixed.filter((u) => usedRanges[u.sheet].columnHidden !== false);
  const columns = new Map<number, Excel.Range[]>();
  for (const u of needColumns) {
    const ranges = Array.from({ length: u.columnCount }, (_, i) =>
      sheets[u.sheet].getRange(area(u.firstRow, u.firstCol + i, u.firstRow, u.firstCol + i)).load('columnHidden'),
    );
    columns.set(u.sheet, ranges);
  }
  if (columns.size > 0) await context.sync();
  return used.map((u) => {
    if (!mixed.includes(u)) return u;
    const ranges = columns.get(u.sheet);
    if (!ranges) return { ...u, probeColumn: u.firstCol };
    const visible = ranges.findIndex((r) => r.columnHidden === false);
    // Every column hidden: nothing of the sheet shows, and no column can say which rows are hidden.
    return visible < 0 ? u : { ...u, probeColumn: u.firstCol + visible };
  });
}

/** Row bands of each used range, none over `maxCells`. */
function bands(used: readonly UsedArea[], maxCells: number): Band[] {
  const result: Band[] = [];
  for (const u of used) {
    const rowsPerBand = Math.max(1, Math.floor(maxCells / u.columnCount));
    for (let offset = 0; offset < u.rowCount; offset += rowsPerBand) {
      result.push({ used: u, firstRow: u.firstRow + offset, rowCount: Math.min(rowsPerBand, u.rowCount - offset) });
    }
  }
  return result;
}

/** Bands gathered into requests of at most `maxCells` cells (a band alone may fill one). */
function requestGroups(all: readonly Band[], maxCells: number): Band[][] {
  const groups: Band[][] = [];
  let cells = 0;
  for (const band of all) {
    const size = band.rowCount * band.used.columnCount;
    const current = groups[groups.length - 1];
    if (current && cells + size <= maxCells) {
      current.push(band);
      cells += size;
    } else {
      groups.push([band]);
      cells = size;
    }
  }
  return groups;
}

type Cells = readonly (readonly unknown[])[];

function addCells(grid: Grid, band: Band, values: Cells, formulas: Cells, numberFormats: Cells): void {
  for (let r = 0; r < band.rowCount; r++) {
    const valueRow = values[r];
    const formulaRow = formulas[r];
    const formatRow = numberFormats[r];
    for (let c = 0; c < band.used.columnCount; c++) {
      const raw = valueRow[c];
      const formulaText = formulaRow[c];
      // A text cell that looks like a formula ("'=x") reads back the same in both arrays; a real formula's
      // result differs from its own text.
      const formula = typeof formulaText === 'string' && formulaText.length > 1 && formulaText.startsWith('=') && formulaText !== raw
        ? formulaText.slice(1)
        : undefined;
      const value = cellValue(raw);
      if (value === null && formula === undefined) continue;
      const numFmt = formatRow[c];
      grid.setCell(band.firstRow + r, band.used.firstCol + c, {
        value,
        ...(formula === undefined ? {} : { formula }),
        ...(typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General' ? { numFmt } : {}),
      });
    }
  }
}

function cellValue(raw: unknown): CellValue | null {
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.startsWith('#') ? (errorValue(raw) ?? raw) : raw;
}

/** Rows of the band missing from the probe column's visible view are hidden. */
function addHiddenRows(grid: Grid, band: Band, cellAddresses: Cells): void {
  const visible = new Set<number>();
  for (const row of cellAddresses) {
    const address = row[0];
    if (typeof address !== 'string') continue;
    const cell = parseA1(address.slice(address.lastIndexOf('!') + 1));
    if (cell) visible.add(cell.row);
  }
  for (let row = band.firstRow; row < band.firstRow + band.rowCount; row++) if (!visible.has(row)) grid.hiddenRows.add(row);
}

function addRows(rows: Set<number>, first: number, count: number): void {
  for (let row = first; row < first + count; row++) rows.add(row);
}

function visibilityOf(visibility: Excel.SheetVisibility | string): SheetVisibility {
  return visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
}
