/** "Contracts and grants": a register of the services the seeds name, one row per contract or grant. */
import type ExcelJS from 'exceljs';
import type { RegisterSheet } from '../register';
import { DATE_FORMAT, POUNDS_FORMAT } from '../seed-amount';
import { sourceLine } from '../seed-source';
import { SheetWriter } from '../sheet-writer';

export function addRegisterSheet(workbook: ExcelJS.Workbook, spec: RegisterSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const writer = new SheetWriter(sheet);
  writer.header(spec.headers, [4]);
  const formats = [undefined, undefined, undefined, undefined, POUNDS_FORMAT, DATE_FORMAT, DATE_FORMAT, DATE_FORMAT];
  for (const record of spec.records) {
    writer.line(
      [
        record.ref,
        record.title,
        record.recipient,
        record.type,
        Number(record.amountPounds),
        record.awardDate,
        record.startDate,
        record.endDate,
        spec.funder,
        record.priorityArea,
        record.fundingStream,
        record.borough ?? null,
        record.procurementRoute,
        record.status,
        record.performanceRag,
        record.outcomes,
      ],
      { numFmts: formats },
    );
  }
  writer.blank();
  for (const note of spec.notes) writer.note(`Note: ${note}`);
  for (const source of spec.sources) writer.note(sourceLine(source));
  writer.fitColumns({ 1: 50, 2: 40, 5: 12, 6: 12, 7: 12, 8: 36, 9: 56, 12: 40, 15: 60 });
  return sheet;
}
