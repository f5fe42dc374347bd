/** Sheets that hold seed tables as published: every figure, blank and dash exactly where the seed has it. */
import type ExcelJS from 'exceljs';
import type { SourceNote } from '../../model/types';
import { millionsFormat, parseSeedAmount } from '../seed-amount';
import { sourceLine } from '../seed-source';
import type { SeedTable, SeedTablesSheet } from '../seed-table';
import { CellInput, SheetWriter } from '../sheet-writer';
import { stripHtml } from '../strip-html';

/** One seed cell as the workbook holds it, with the number format that shows it as the seed wrote it. */
function seedCell(text: string, isAmount: boolean): { value: CellInput; numFmt?: string } {
  if (!isAmount) {
    const plain = stripHtml(text);
    return { value: plain === '' ? null : plain };
  }
  const amount = parseSeedAmount(text);
  switch (amount.kind) {
    case 'blank':
      return { value: null };
    case 'placeholder':
      return { value: amount.text };
    case 'number':
      return { value: Number(amount.decimal), numFmt: millionsFormat(amount.decimals, amount.poundsMillionsStyle) };
  }
}

export function writeSeedTable(writer: SheetWriter, table: SeedTable): void {
  writer.title(table.title);
  for (const header of table.headers) writer.header(header, table.amountColumns);
  for (const row of table.rows) {
    const cells = row.cells.map((text, column) => seedCell(text, table.amountColumns.includes(column)));
    writer.line(
      cells.map((c) => c.value),
      {
        bold: row.kind !== 'line',
        ruleAbove: row.kind === 'total',
        numFmts: cells.map((c) => c.numFmt),
        rightAligned: table.amountColumns,
      },
    );
  }
}

/** Notes, then one source line per table, after a blank row at the foot of the sheet. */
export function writeFooter(
  writer: SheetWriter,
  notes: readonly string[],
  sources: readonly { readonly subject?: string; readonly source: SourceNote }[],
): void {
  writer.blank();
  for (const note of notes) writer.note(note);
  for (const { subject, source } of sources) writer.note(sourceLine(source, subject));
}

export function tableSources(table: SeedTable): { subject: string; source: SourceNote }[] {
  return table.sources.map((source) => ({ subject: table.title, source }));
}

export function addSeedTablesSheet(workbook: ExcelJS.Workbook, spec: SeedTablesSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.sheet);
  const writer = new SheetWriter(sheet);
  if (spec.title !== undefined) {
    writer.title(spec.title, 14);
    writer.blank();
  }
  spec.tables.forEach((table, i) => {
    if (i > 0) writer.blank();
    writeSeedTable(writer, table);
  });
  writeFooter(writer, spec.notes, [...spec.tables.flatMap(tableSources), ...spec.noteSources.map((source) => ({ subject: 'note', source }))]);
  writer.fitColumns();
  return sheet;
}
