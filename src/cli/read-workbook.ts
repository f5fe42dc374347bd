import { inflateRawSync } from 'zlib';
import type { GridWorkbook } from '../sheet/grid';
import { readXlsxFast } from '../workbook/xlsx/fast/read';
import { sniffFile } from '../workbook/xlsx/sniff';
import type { CliIo } from './io';

/**
 * Reads a workbook file: the fast reader first, and ExcelJS (the reference reader, with the clear
 * messages for files that are not workbooks) whenever the fast reader meets anything it does not know.
 */
export async function readWorkbookFile(io: CliIo, filePath: string): Promise<GridWorkbook> {
  return (await readWorkbookBytes(io, filePath)).workbook;
}

/** The file's bytes and its grids: commands that write a copy need both. */
export async function readWorkbookBytes(io: CliIo, filePath: string): Promise<{ bytes: Uint8Array; workbook: GridWorkbook }> {
  const bytes = await io.readFile(filePath);
  if (sniffFile(bytes) === 'zip') {
    try {
      return { bytes, workbook: readXlsxFast(bytes, (data) => inflateRawSync(data)) };
    } catch {
      // fall through to the reference reader, which explains what is wrong if anything is
    }
  }
  // Loaded only when needed: ExcelJS takes a quarter of a second to load, longer than reading most workbooks.
  const { readXlsx } = await import('../workbook/xlsx/read');
  return { bytes, workbook: await readXlsx(bytes, filePath) };
}
