/** Reads an .xlsx file into grids with ExcelJS: values, formulas with cached results, number formats, errors, merges. */
import ExcelJS from 'exceljs';
import { Cell, CellValue, DefinedName, Grid, GridWorkbook, errorValue } from '../../sheet/grid';
import { parseRange } from '../../sheet/a1';
import { UnreadableWorkbookError } from './errors';
import { sniffFile } from './sniff';
import { markedSheetKeys } from './write-marker';
import { isDateFormat } from '../../sheet/number-format';

/** Reads workbook bytes; throws UnreadableWorkbookError (one sentence) for anything that is not a readable .xlsx. */
export async function readXlsx(bytes: Uint8Array, label = 'the file'): Promise<GridWorkbook> {
  const workbook = await loadExcelJs(bytes, label);
  const generated = markedSheetKeys(workbook);
  const sheets: Grid[] = [];
  workbook.eachSheet((worksheet) => {
    const grid = worksheetToGrid(worksheet);
    grid.generated = generated.has(worksheet.name.toUpperCase());
    sheets.push(grid);
  });
  return {
    sheets,
    date1904: workbook.properties?.date1904 === true,
    fullCalcOnLoad: workbook.calcProperties?.fullCalcOnLoad === true,
    definedNames: definedNamesOf(workbook),
  };
}

/** ExcelJS keeps the names that stand for ranges (one entry per range); others it drops. */
function definedNamesOf(workbook: ExcelJS.Workbook): DefinedName[] {
  const model = (workbook.definedNames as unknown as { model?: { name?: unknown; ranges?: unknown }[] }).model ?? [];
  const names: DefinedName[] = [];
  for (const entry of model) {
    if (typeof entry.name !== 'string' || !Array.isArray(entry.ranges) || entry.ranges.length !== 1) continue;
    if (typeof entry.ranges[0] === 'string') names.push({ name: entry.name, refersTo: entry.ranges[0] });
  }
  return names;
}

/**
 * Throws UnreadableWorkbookError (one sentence) unless `bytes` look like an .xlsx package: not empty,
 * not an encrypted or old binary file, a zip holding xl/workbook.xml.
 */
export function assertWorkbookPackage(bytes: Uint8Array, label: string): void {
  switch (sniffFile(bytes)) {
    case 'empty':
      throw new UnreadableWorkbookError(`${label} is empty (0 bytes), so there is no workbook to read.`);
    case 'ole2':
      throw new UnreadableWorkbookError(
        `${label} is password-protected, encrypted or an old .xls file: open it in Excel and save it as .xlsx without a password.`,
      );
    case 'other':
      throw new UnreadableWorkbookError(`${label} is not an Excel workbook (.xlsx): its contents are not a workbook package.`);
    case 'zip':
      break;
  }
  if (!containsEntryName(bytes, 'xl/workbook.xml')) {
    throw new UnreadableWorkbookError(`${label} is a zip file but not an Excel workbook: it has no xl/workbook.xml part.`);
  }
}

export async function loadExcelJs(bytes: Uint8Array, label: string): Promise<ExcelJS.Workbook> {
  assertWorkbookPackage(bytes, label);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; a Uint8Array view over the same memory is what it reads.
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (err) {
    throw new UnreadableWorkbookError(`${label} could not be read as an .xlsx workbook (${describeLoadError(err)}).`);
  }
  return workbook;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Zip entry names are stored as plain bytes in the central directory, so a byte search finds a part. */
function containsEntryName(bytes: Uint8Array, name: string): boolean {
  const needle = Array.from(name, (ch) => ch.charCodeAt(0));
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function describeLoadError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/corrupted zip|end of data|invalid signature|end of central directory/i.test(text)) return 'the zip structure is damaged';
  if (/xml|unexpected close tag|invalid character|non-whitespace/i.test(text)) return 'its XML is damaged';
  return text.split('\n')[0].slice(0, 160);
}

function worksheetToGrid(worksheet: ExcelJS.Worksheet): Grid {
  const grid = new Grid(worksheet.name);
  grid.visibility = worksheet.state ?? 'visible';
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) grid.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (excelCell, colNumber) => {
      const cell = toCell(excelCell);
      if (cell) grid.setCell(rowNumber - 1, colNumber - 1, cell);
    });
  });
  for (const range of mergedRanges(worksheet)) {
    const parsed = parseRange(range);
    if (parsed) grid.merges.push(parsed);
  }
  return grid;
}

function mergedRanges(worksheet: ExcelJS.Worksheet): string[] {
  const merges = (worksheet.model as { merges?: string[] }).merges;
  return Array.isArray(merges) ? merges : [];
}

function toCell(excelCell: ExcelJS.Cell): Cell | undefined {
  // The covered cells of a merge repeat the master's value in ExcelJS; the sheet itself holds nothing there.
  if (excelCell.type === ExcelJS.ValueType.Merge) return undefined;
  const numFmt = excelCell.numFmt && excelCell.numFmt !== 'General' ? excelCell.numFmt : undefined;
  const raw = excelCell.value;
  let value: CellValue | null;
  let formula: string | undefined;
  if (excelCell.type === ExcelJS.ValueType.Formula) {
    formula = excelCell.formula;
    // `cell.result`, not `value.result`: ExcelJS drops a cached result of 0 from the value object.
    value = plainValue(excelCell.result ?? (raw as ExcelJS.CellFormulaValue).result ?? null);
  } else {
    value = plainValue(raw);
  }
  // ExcelJS takes an escaped letter as a date code (LibreOffice saves £m as \£#,##0.0,,\m), so a
  // number under such a format comes back as a Date; turn it back into the number it is.
  if (value instanceof Date && numFmt !== undefined && !isDateFormat(numFmt)) value = serialOf(value);
  if (value === null && formula === undefined) return undefined;
  const cell: { value: CellValue | null; formula?: string; numFmt?: string } = { value };
  if (formula !== undefined) cell.formula = formula;
  if (numFmt !== undefined) cell.numFmt = numFmt;
  return cell;
}

/** The Excel serial number ExcelJS made a Date from (1900 system), to the precision a millisecond allows. */
function serialOf(date: Date): number {
  return Number((date.getTime() / 86_400_000 + 25569).toFixed(8));
}

function plainValue(raw: unknown): CellValue | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw === 'object') {
    const obj = raw as Record<string, unknown>;
    if (typeof obj.error === 'string') return errorValue(obj.error) ?? obj.error;
    if (Array.isArray(obj.richText)) {
      return (obj.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
    }
    if (typeof obj.text === 'string') return obj.text; // hyperlink
    if ('result' in obj) return plainValue(obj.result);
  }
  return null;
}
