/**
 * How the product knows its own sheets: a workbook-level defined name
 *
 *     CW_GENERATED_<sheet name, with every character other than a letter, digit or _ as _>
 *
 * referring to cell A1 of the generated sheet, e.g. CW_GENERATED_Panel_report = 'Panel report'!$A$1,
 * with the comment OWNER_MARKER. A sheet is ours when ANY defined name starting CW_GENERATED_
 * (compared case-insensitively, as Excel compares names) refers to a cell on it. The comment is only
 * for people reading Name Manager; the name and its reference decide.
 *
 * Why a defined name rather than a cell: Excel and LibreOffice both keep workbook names through a save
 * and move the reference with the sheet when it is renamed; "Move or Copy" does not copy a workbook
 * name onto the copy; deleting the sheet turns the reference into #REF!, so a new sheet of the same
 * name is not taken for ours; nobody types CW_GENERATED_ by accident. A marker cell would be copied
 * with the sheet and can be pasted anywhere. Worksheet custom properties, the other candidate, are
 * not kept by ExcelJS or LibreOffice. The .xlsx adapter reads and writes the names in the package
 * (xlsx/write-marker.ts); office.js reads the same thing through `workbook.names`.
 */

const OWNER_NAME_PREFIX = 'CW_GENERATED_';

/** The defined name that marks the generated sheet called `sheetName`: "Panel report" → CW_GENERATED_Panel_report. */
export function ownerNameFor(sheetName: string): string {
  return OWNER_NAME_PREFIX + sheetName.replace(/[^A-Za-z0-9_]/g, '_');
}

export function isOwnerName(name: string): boolean {
  return name.toUpperCase().startsWith(OWNER_NAME_PREFIX);
}

/**
 * The sheet a reference such as `'Panel report'!$A$1` or `Rollup!$A$1:$B$2` points at, without
 * quotes; undefined when the reference names no sheet.
 */
export function sheetOfReference(reference: string): string | undefined {
  const bang = reference.lastIndexOf('!');
  if (bang <= 0) return undefined;
  const sheet = reference.slice(0, bang).replace(/^=/, '');
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) return sheet.slice(1, -1).replace(/''/g, "'");
  return sheet;
}
