/**
 * Which sheets the product owns, and what a write may replace, decided from what one request read.
 * The marker is the one both writers use (layout/marker.ts): a workbook-level defined name
 * CW_GENERATED_<sheet name, non-alphanumerics as "_"> referring to the sheet's A1, commented
 * OWNER_MARKER. A sheet is ours when any name starting CW_GENERATED_ refers to it; the comment is for
 * people reading Name Manager. Pure: it plans, and refuses before anything is changed.
 */
import { chooseGeneratedSheetNames } from '../layout/sheet-names';
import { GENERATED_SHEET_NAMES } from '../../sheet/reserved-sheet-names';
import { NotOurSheetError, SheetSpecError } from '../layout/errors';
import { isOwnerName, ownerNameFor } from '../layout/marker';

interface ExistingSheet {
  readonly name: string;
  readonly position: number;
}

interface ExistingName {
  readonly name: string;
  /** What Excel reports as the name's value: "'Panel report'!$A$1", "=Rollup!$A$1", "#REF!". */
  readonly value: string;
}

interface ExistingTable {
  readonly name: string;
  readonly sheet: string;
}

export interface WorkbookState {
  readonly sheets: readonly ExistingSheet[];
  readonly names: readonly ExistingName[];
  readonly tables: readonly ExistingTable[];
}

interface MarkerPlan {
  readonly name: string;
  readonly markerName: string;
  /**
   * A name spelled as the new marker that refers to something else (a deleted or renamed sheet): deleted
   * only once the sheet it is to mark exists, just before the new marker is added.
   */
  readonly staleMarker?: string;
}

export type SheetPlan =
  | (MarkerPlan & { readonly kind: 'add' })
  | (MarkerPlan & {
      /** Rewritten in place, so references to it from the user's formulas survive. */
      readonly kind: 'replace';
      /** The sheet's name as the workbook spells it, and its tab position. */
      readonly existingName: string;
      readonly position: number;
      /** Its marker already refers to it and stays as it is. */
      readonly marked: boolean;
    });

interface WritePlan {
  readonly sheets: readonly SheetPlan[];
  /** Broken markers (#REF!) no sheet's marker replaces: deleted last, once every sheet is written. */
  readonly namesToDelete: readonly string[];
}

/** The sheet a defined name's value refers to; undefined for #REF!, constants and other workbooks. */
export function referencedSheet(value: string): string | undefined {
  const reference = value.trim().replace(/^=/, '');
  const bang = reference.lastIndexOf('!');
  if (bang <= 0 || reference.includes('#REF!')) return undefined;
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (sheet.startsWith('[')) return undefined;
  return sheet;
}

/** Sheets (upper case, as Excel compares names) that carry our marker. */
export function ownedSheetKeys(names: readonly ExistingName[]): Set<string> {
  const owned = new Set<string>();
  for (const name of names) {
    const sheet = isOwnerName(name.name) ? referencedSheet(name.value) : undefined;
    if (sheet !== undefined) owned.add(sheet.toUpperCase());
  }
  return owned;
}

/**
 * Plans writing `sheetNames` (with `tableNames`) over the workbook as read.
 * A sheet of a generated name that the product did not make is kept, and the generated one written
 * beside it as "Register (2)".
 * @throws SheetSpecError for a sheet or table named twice, or a table name the workbook already uses.
 */
export function planWrite(state: WorkbookState, sheetNames: readonly string[], tableNames: readonly string[]): WritePlan {
  assertUnique(sheetNames, 'sheet');
  for (const name of sheetNames) {
    if (!(GENERATED_SHEET_NAMES as readonly string[]).includes(name)) {
      throw new SheetSpecError(`"${name}" is not one of the sheets Commissioning Workbench generates`);
    }
  }
  const owned = ownedSheetKeys(state.names);
  // A user's own "Register" is kept: ours is then "Register (2)", as in a report copy.
  const chosen = chooseGeneratedSheetNames(
    sheetNames,
    state.sheets.map((sheet) => sheet.name),
    owned,
  );

  const sheets: SheetPlan[] = chosen.map((name) => {
    const markerName = ownerNameFor(name);
    const holder = state.names.find((n) => n.name.toUpperCase() === markerName.toUpperCase());
    const existing = state.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
    if (!existing) return { kind: 'add', name, markerName, ...(holder ? { staleMarker: holder.name } : {}) };
    // Chosen only where it is ours (chooseGeneratedSheetNames): checked again, since writing over a user's sheet loses their work.
    if (!owned.has(existing.name.toUpperCase())) throw new NotOurSheetError(existing.name);
    const marked = holder !== undefined && referencedSheet(holder.value)?.toUpperCase() === existing.name.toUpperCase();
    return {
      kind: 'replace',
      name,
      markerName,
      existingName: existing.name,
      position: existing.position,
      marked,
      ...(holder && !marked ? { staleMarker: holder.name } : {}),
    };
  });

  const replaced = new Set(sheets.flatMap((s) => (s.kind === 'replace' ? [s.existingName.toUpperCase()] : [])));
  const handled = new Set(sheets.flatMap((s) => (s.staleMarker ? [s.staleMarker.toUpperCase()] : [])));
  const namesToDelete = state.names
    .filter((n) => isOwnerName(n.name) && referencedSheet(n.value) === undefined && !handled.has(n.name.toUpperCase()))
    .map((n) => n.name);

  refuseTableNameClashes(state, tableNames, replaced);
  return { sheets, namesToDelete };
}

/** Excel table names and defined names share one namespace across the workbook. */
function refuseTableNameClashes(state: WorkbookState, tableNames: readonly string[], replaced: ReadonlySet<string>): void {
  const holders = new Map<string, string>();
  for (const table of state.tables) {
    if (!replaced.has(table.sheet.toUpperCase())) holders.set(table.name.toUpperCase(), `a table on sheet "${table.sheet}"`);
  }
  for (const name of state.names) {
    if (!isOwnerName(name.name)) holders.set(name.name.toUpperCase(), 'a defined name');
  }
  const ours = new Set<string>();
  for (const tableName of tableNames) {
    const key = tableName.toUpperCase();
    const holder = holders.get(key);
    if (holder) throw new SheetSpecError(`the workbook already has ${holder} called "${tableName}"; rename it and run again`);
    if (ours.has(key)) throw new SheetSpecError(`two generated tables are both called "${tableName}"`);
    ours.add(key);
  }
}

function assertUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toUpperCase())) throw new SheetSpecError(`the ${what} "${name}" is asked for twice in one write`);
    seen.add(name.toUpperCase());
  }
}
