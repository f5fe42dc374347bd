/** "Audit actions": the DARA actions with their latest status, then the January 2020 statuses as history. */
import type ExcelJS from 'exceljs';
import type { AuditActionsSheet } from '../audit-actions';
import { MONTH_FORMAT } from '../seed-amount';
import { sourceLine } from '../seed-source';
import { SheetWriter } from '../sheet-writer';

export function addAuditActionsSheet(workbook: ExcelJS.Workbook, spec: AuditActionsSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.sheet);
  const writer = new SheetWriter(sheet);
  spec.tables.forEach((table, i) => {
    if (i > 0) writer.blank();
    writer.title(table.title);
    writer.header(spec.headers);
    for (const action of table.actions) {
      writer.line([action.ref, action.action, action.raised, action.owner, action.status, action.statusDate, action.update], {
        numFmts: [undefined, undefined, undefined, undefined, undefined, MONTH_FORMAT],
      });
    }
  });
  writer.blank();
  for (const note of spec.notes) writer.note(`Note: ${note}`);
  const seen = new Set<string>();
  for (const table of spec.tables) {
    for (const action of table.actions) {
      const line = sourceLine(action.source, `${action.ref}, ${action.statusDate.getUTCFullYear()}`);
      if (!seen.has(line)) writer.note(line);
      seen.add(line);
    }
  }
  writer.fitColumns({ 1: 45, 2: 36, 3: 30, 4: 18, 5: 11, 6: 70 });
  return sheet;
}
