/**
 * Sheet 1: total commissioning spend per year, spend by priority area (the stated headlines) and the
 * key activities under each priority area as the seed's bullets give them.
 */
import type ExcelJS from 'exceljs';
import type { KeyActivities } from '../key-activities';
import { sectionLabel } from '../key-activities';
import { asObject, stringField, stringList, asArray } from '../json-fields';
import { millionsFormat, parseSeedAmount } from '../seed-amount';
import { readSources } from '../seed-source';
import type { SeedTablesSheet } from '../seed-table';
import { SheetWriter } from '../sheet-writer';
import { tableSources, writeFooter, writeSeedTable } from './seed-tables';
import type { SourceNote } from '../../model/types';

interface SpendByPriorityArea {
  readonly title: string;
  readonly headers: readonly string[];
  readonly totalLabel: string;
  /** Stated total in £m: "53.6". */
  readonly total: string;
  readonly sources: readonly SourceNote[];
}

export function readSpendByPriorityArea(value: unknown, where: string): SpendByPriorityArea {
  const obj = asObject(value, where);
  const headers = asArray(obj.headers, `${where}.headers`);
  return {
    title: stringField(obj, 'title', where),
    headers: stringList(headers[0], `${where}.headers[0]`),
    totalLabel: stringField(obj, 'totalLabel', where),
    total: stringField(obj, 'total', where),
    sources: readSources(obj.sources, `${where}.sources`),
  };
}

function millionsCell(text: string): { value: number; numFmt: string } {
  const amount = parseSeedAmount(text);
  if (amount.kind !== 'number') throw new Error(`"${text}" is not a figure in £m`);
  return { value: Number(amount.decimal), numFmt: millionsFormat(amount.decimals) };
}

export function addSpendSheet(workbook: ExcelJS.Workbook, totals: SeedTablesSheet, byArea: SpendByPriorityArea, activities: KeyActivities): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(totals.sheet);
  const writer = new SheetWriter(sheet);
  if (totals.title !== undefined) {
    writer.title(totals.title, 14);
    writer.blank();
  }
  for (const table of totals.tables) {
    writeSeedTable(writer, table);
    writer.blank();
  }

  writer.title(byArea.title);
  writer.header(byArea.headers, [1]);
  for (const area of activities.priorityAreas) {
    const amount = millionsCell(area.headline);
    writer.line([area.name, amount.value], { numFmts: [undefined, amount.numFmt], rightAligned: [1] });
  }
  const total = millionsCell(byArea.total);
  writer.line([byArea.totalLabel, total.value], { bold: true, ruleAbove: true, numFmts: [undefined, total.numFmt], rightAligned: [1] });
  writer.blank();

  writer.title(activities.title);
  writer.header(activities.headers, [2]);
  for (const area of activities.priorityAreas) {
    writer.line([sectionLabel(area)], { bold: true });
    for (const activity of area.activities) {
      const amount = millionsCell(activity.amountMillions);
      writer.line([activity.label, activity.seedStream ?? null, amount.value], {
        numFmts: [undefined, undefined, amount.numFmt],
        rightAligned: [2],
      });
    }
  }

  writeFooter(
    writer,
    ["Funding stream is shown only where the seed's bullet names it (YLF, EIYF, LCPF); section headlines are as the seed states them."],
    [
      ...totals.tables.flatMap(tableSources),
      ...byArea.sources.map((source) => ({ subject: byArea.title, source })),
      ...activities.sources.map((source) => ({ subject: activities.title, source })),
    ],
  );
  writer.fitColumns({ 0: 70 });
  return sheet;
}
