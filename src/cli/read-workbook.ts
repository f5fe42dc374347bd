import { inflateRawSync } from 'zlib';
import { readWorkbookFile as readWorkbookPackage } from '../app/read-workbook';
import type { GridWorkbook } from '../sheet/grid';
import { readXlsxFast } from '../workbook/xlsx/fast/read';
import type { CliIo } from './io';

/** Reads a workbook file the application's way (app/read-workbook.ts), inflating with Node's zlib. */
export async function readWorkbookFile(io: CliIo, filePath: string): Promise<GridWorkbook> {
  return (await readWorkbookBytes(io, filePath)).workbook;
}

/** The file's bytes and its grids: commands that write a copy need both. */
export async function readWorkbookBytes(io: CliIo, filePath: string): Promise<{ bytes: Uint8Array; workbook: GridWorkbook }> {
  const bytes = await io.readFile(filePath);
  return { bytes, workbook: await readWorkbookPackage(bytes, filePath, (data) => readXlsxFast(data, (raw) => inflateRawSync(raw))) };
}
