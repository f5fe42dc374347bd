import type { GridWorkbook } from '../sheet/grid';
import { readXlsx } from '../workbook/xlsx/read';
import type { CliIo } from './io';

export async function readWorkbookFile(io: CliIo, filePath: string): Promise<GridWorkbook> {
  const bytes = await io.readFile(filePath);
  return readXlsx(bytes, filePath);
}
