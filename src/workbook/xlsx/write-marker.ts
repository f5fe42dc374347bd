/**
 * The owner names that mark the product's sheets (layout/marker.ts), read from and written into an
 * .xlsx: from the package's workbook.xml by the fast reader, through ExcelJS by the others.
 */
import type ExcelJS from 'exceljs';
import { quoteSheetName } from '../../sheet/a1';
import { isOwnerName, ownerNameFor, sheetOfReference } from '../layout/marker';
import { definedNameElements } from './write-xml';

/** Names, read from a workbook.xml: names of the sheets an owner name marks, upper-cased. */
export function markedSheetKeysInXml(workbookXml: string): Set<string> {
  const keys = new Set<string>();
  for (const { attributes, reference } of definedNameElements(workbookXml)) {
    if (!isOwnerName(attributes.name ?? '')) continue;
    const sheet = sheetOfReference(reference);
    if (sheet !== undefined) keys.add(sheet.toUpperCase());
  }
  return keys;
}

/** Names of the sheets (upper-cased, for case-insensitive lookup) that carry an owner name. */
export function markedSheetKeys(workbook: ExcelJS.Workbook): Set<string> {
  const keys = new Set<string>();
  for (const { name, ranges } of workbook.definedNames.model) {
    if (!isOwnerName(name)) continue;
    for (const range of ranges) {
      const sheet = sheetOfReference(range);
      if (sheet !== undefined) keys.add(sheet.toUpperCase());
    }
  }
  return keys;
}

/** Marks `sheetName` as ours: drops owner names that pointed at it (or carried its name) and adds its own. */
export function markSheet(workbook: ExcelJS.Workbook, sheetName: string): void {
  const ownName = ownerNameFor(sheetName).toUpperCase();
  const key = sheetName.toUpperCase();
  const kept = workbook.definedNames.model.filter(
    ({ name, ranges }) => !(isOwnerName(name) && (name.toUpperCase() === ownName || ranges.some((r) => sheetOfReference(r)?.toUpperCase() === key))),
  );
  workbook.definedNames.model = [...kept, { name: ownerNameFor(sheetName), ranges: [`${quoteSheetName(sheetName)}!$A$1`] }];
}
