/**
 * Reads the open workbook into grids through office.js: values (a formula cell's value is its
 * cached result), formulas without "=", number formats, Excel errors, hidden sheets, and dates (the
 * serial number of a date-formatted cell becomes a Date, as the .xlsx readers give it).
 *
 * Requests, whatever the size of the sheets:
 *   1. one sync lists the sheets and the owner names;
 *   2. one sync loads each sheet's used range (address and size);
 *   3. then values, formulas and number formats of the used ranges, in requests sized by the bytes
 *      of their answer: Excel on the web answers at most 5 MB
 *      (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 *      so each request asks for about `maxResponseBytes` (3.5 MB) estimated as cells × bytes per cell,
 *      the estimate refined from what each answer actually weighed. Every platform is read the same way.
 *      An answer refused as too large (ResponsePayloadSizeLimitExceeded), or one that comes back without
 *      its arrays, is asked for again in halves.
 */
import { ownedSheetKeys } from './ownership';
import { CellValue, Grid, GridWorkbook, SheetVisibility, errorValue } from '../../sheet/grid';
import { parseA1 } from '../../sheet/a1';
import { excelSerialToDate } from '../../sheet/excel-date';
import { isCalendarDateFormat } from '../../sheet/number-format';
import { area } from './layout';
import { errorCode, jsonBytes, type ExcelRunner } from './requests';

interface ReadOptions {
  /** Largest answer to ask for, in estimated bytes of JSON. Default 3,500,000, well under the 5 MB Excel on the web allows. */
  readonly maxResponseBytes?: number;
  /** Most cells in one request whatever their bytes. Default 5,000,000, what Excel reads of a range at once. */
  readonly maxCellsPerRead?: number;
  /** The bytes per cell assumed until an answer has been weighed. Default 96. */
  readonly initialBytesPerCell?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 3_500_000;
const EXCEL_MAX_CELLS_PER_READ = 5_000_000;
/**
 * A guess on the heavy side until an answer is weighed: a generated budget's cells (figures, some
 * formulas, £m number formats of 50 characters) weigh 50 to 70 bytes each.
 */
const INITIAL_BYTES_PER_CELL = 96;
/** The least a cell weighs in an answer: "" in values and formulas, "General" as its format, with commas. */
const MIN_BYTES_PER_CELL = 16;

/** Office.js's answer was over the payload limit, or lost its arrays near it, even for one row. */
export class ReadTooLargeError extends Error {
  constructor(sheet: string, row: number) {
    super(`row ${row + 1} of sheet "${sheet}" holds more than Excel can send in one answer; shorten its longest cells and check again`);
    this.name = 'ReadTooLargeError';
  }
}

interface UsedArea {
  readonly sheet: number;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface Band {
  readonly used: UsedArea;
  readonly firstRow: number;
  readonly rowCount: number;
}

export async function readGridsFromExcel(run: ExcelRunner, options: ReadOptions = {}): Promise<GridWorkbook> {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxCells = options.maxCellsPerRead ?? EXCEL_MAX_CELLS_PER_READ;
  if (!(maxBytes >= MIN_BYTES_PER_CELL)) throw new RangeError(`the bytes per read must be at least ${MIN_BYTES_PER_CELL}, not ${maxBytes}`);
  if (!(maxCells >= 1)) throw new RangeError(`the cells per read must be at least 1, not ${maxCells}`);
  return run(async (context) => {
    const { sheets, grids } = await emptyGrids(context);
    const pending = await usedBands(context, sheets);
    let bytesPerCell = options.initialBytesPerCell ?? INITIAL_BYTES_PER_CELL;
    let halving = 1;
    // What is left to read, in order: whole used ranges, or the rows of one not yet read.
    while (pending.length > 0) {
      const budget = Math.max(1, Math.min(maxCells, Math.floor(maxBytes / bytesPerCell / halving)));
      const group = takeBands(pending, budget);
      const ranges = group.map((band) => {
        const lastCol = band.used.firstCol + band.used.columnCount - 1;
        const range = sheets[band.used.sheet].getRange(area(band.firstRow, band.used.firstCol, band.firstRow + band.rowCount - 1, lastCol));
        return range.load('values,formulas,numberFormat');
      });
      let failed = false;
      try {
        // One request per budget's worth of bytes: the chunking DESIGN.md allows, not a sync per row or sheet.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
        failed = true;
      }
      // Near the limit Excel on the web has been seen to answer without the arrays: as good as a refusal.
      if (!failed && ranges.some((r) => !Array.isArray(r.values) || !Array.isArray(r.formulas) || !Array.isArray(r.numberFormat))) failed = true;
      if (failed) {
        const cells = group.reduce((n, b) => n + b.rowCount * b.used.columnCount, 0);
        if (group.length === 1 && group[0].rowCount === 1) throw new ReadTooLargeError(sheets[group[0].used.sheet].name, group[0].firstRow);
        pending.unshift(...group);
        // Half of what was asked for, next time.
        halving = (2 * maxBytes) / bytesPerCell / cells;
        continue;
      }
      halving = 1;
      let bytes = 0;
      let cells = 0;
      group.forEach((band, i) => {
        const { values, formulas, numberFormat } = ranges[i];
        addCells(grids[band.used.sheet], band, values, formulas, numberFormat);
        bytes += jsonBytes(values) + jsonBytes(formulas) + jsonBytes(numberFormat);
        cells += band.rowCount * band.used.columnCount;
      });
      bytesPerCell = Math.max(MIN_BYTES_PER_CELL, bytes / cells);
    }
    return { sheets: grids };
  });
}

/** Request 1: the sheets, each as an empty grid that knows whether it is hidden and whether the product made it. */
async function emptyGrids(context: Excel.RequestContext): Promise<{ sheets: Excel.Worksheet[]; grids: Grid[] }> {
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
  return { sheets, grids };
}

/** Request 2: what there is to read, in order: each sheet's used range as one band (none for an empty sheet). */
async function usedBands(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[]): Promise<Band[]> {
  const usedRanges = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount'));
  await context.sync();
  return usedRanges.flatMap((range, sheet) => {
    if (range.isNullObject) return [];
    const used = usedArea(range, sheet);
    return [{ used, firstRow: used.firstRow, rowCount: used.rowCount }];
  });
}

function usedArea(range: Excel.Range, sheet: number): UsedArea {
  const start = parseA1(range.address.slice(range.address.lastIndexOf('!') + 1).split(':')[0]);
  if (!start) throw new Error(`Excel reported a used range "${range.address}" that is not an address`);
  return { sheet, firstRow: start.row, firstCol: start.col, rowCount: range.rowCount, columnCount: range.columnCount };
}

/**
 * Takes up to `budget` cells of row bands off the front of `pending` (whole rows; at least one row),
 * leaving the rest of a part-read range at the front.
 */
function takeBands(queue: Band[], budget: number): Band[] {
  const group: Band[] = [];
  let left = budget;
  while (queue.length > 0) {
    const band = queue[0];
    const columns = band.used.columnCount;
    const rows = Math.min(band.rowCount, Math.floor(left / columns));
    if (rows === 0) {
      if (group.length > 0) break;
      // A row wider than the budget is still read whole: one row is the smallest read.
      queue[0] = { ...band, firstRow: band.firstRow + 1, rowCount: band.rowCount - 1 };
      if (band.rowCount === 1) queue.shift();
      group.push({ ...band, rowCount: 1 });
      break;
    }
    group.push({ ...band, rowCount: rows });
    left -= rows * columns;
    if (rows === band.rowCount) queue.shift();
    else {
      queue[0] = { ...band, firstRow: band.firstRow + rows, rowCount: band.rowCount - rows };
      break;
    }
  }
  return group;
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
      const formula =
        typeof formulaText === 'string' && formulaText.length > 1 && formulaText.startsWith('=') && formulaText !== raw ? formulaText.slice(1) : undefined;
      const numFmt = formatRow[c];
      const value = cellValue(raw, numFmt);
      if (value === null && formula === undefined) continue;
      grid.setCell(band.firstRow + r, band.used.firstCol + c, {
        value,
        ...(formula === undefined ? {} : { formula }),
        ...(typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General' ? { numFmt } : {}),
      });
    }
  }
}

/** Format codes seen, and whether each shows a date: a sheet has few distinct formats and many cells. */
const dateFormats = new Map<string, boolean>();

function isDateFormatted(numFmt: unknown): boolean {
  if (typeof numFmt !== 'string' || numFmt === '' || numFmt === 'General') return false;
  let isDate = dateFormats.get(numFmt);
  if (isDate === undefined) {
    isDate = isCalendarDateFormat(numFmt);
    if (dateFormats.size < 10_000) dateFormats.set(numFmt, isDate);
  }
  return isDate;
}

function cellValue(raw: unknown, numFmt: unknown): CellValue | null {
  if (typeof raw === 'number') return (isDateFormatted(numFmt) && excelSerialToDate(raw)) || raw;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.startsWith('#') ? (errorValue(raw) ?? raw) : raw;
}

function visibilityOf(visibility: Excel.SheetVisibility | string): SheetVisibility {
  return visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
}
