/**
 * Checking again only what changed: the sheets the user edited since the last check, and the sheets whose
 * formulas refer to them (Excel recalculates those without reporting a change on them). Their findings
 * are replaced; findings on other sheets are kept.
 *
 * Findings that span sheets cannot be re-checked a sheet at a time: reconciliation compares a figure with
 * another table's (often on another sheet), and the formula results rules follow formulas across sheets.
 * So the re-check still reads every table, runs those rules over the whole workbook, and replaces all of
 * their findings; only the rules that look at one table at a time are limited to the changed sheets.
 */
import type { Finding, RuleId } from '../../checks/finding';
import { parseA1 } from '../../sheet/a1';
import type { Grid, GridWorkbook } from '../../sheet/grid';

/** Rules whose findings compare figures across tables and sheets: always re-checked over the whole workbook. */
export const CROSS_SHEET_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['reconciliation-mismatch', 'formula-stale', 'formula-not-evaluated']);

/** 'Budget lines'!B7 or Summary!B7 in a formula: the sheet named before the "!". */
const SHEET_REFERENCE = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/g;

/** The sheets (upper case) a grid's formulas refer to. */
function referencedSheets(grid: Grid): Set<string> {
  const found = new Set<string>();
  for (const row of grid.rowIndexes()) {
    for (const cell of grid.row(row)) {
      const formula = cell?.formula;
      if (!formula || !formula.includes('!')) continue;
      for (const match of formula.matchAll(SHEET_REFERENCE)) found.add((match[1]?.replace(/''/g, "'") ?? match[2]).toUpperCase());
    }
  }
  return found;
}

/**
 * The sheets to check again, in tab order: those `changed` that the workbook still has, and every sheet
 * whose formulas refer (directly or through another) to one of them.
 */
export function recheckScope(workbook: GridWorkbook, changed: readonly string[]): string[] {
  const wanted = new Set(changed.map((name) => name.trim().toUpperCase()));
  const inScope = new Set(workbook.sheets.filter((g) => wanted.has(g.name.trim().toUpperCase())).map((g) => g.name.toUpperCase()));
  const references = new Map(workbook.sheets.map((g) => [g, referencedSheets(g)]));
  for (let grew = inScope.size > 0; grew;) {
    grew = false;
    for (const [grid, refers] of references) {
      if (inScope.has(grid.name.toUpperCase()) || ![...refers].some((name) => inScope.has(name))) continue;
      inScope.add(grid.name.toUpperCase());
      grew = true;
    }
  }
  return workbook.sheets.filter((g) => inScope.has(g.name.toUpperCase())).map((g) => g.name);
}

/**
 * The findings after a re-check: the fresh ones (the re-checked sheets' own, and every cross-sheet
 * finding), and the earlier ones on the other sheets the workbook still has. By sheet, then row and column.
 */
export function mergeFindings(previous: readonly Finding[], fresh: readonly Finding[], scope: readonly string[], sheets: readonly string[]): Finding[] {
  const rechecked = new Set(scope.map((name) => name.toUpperCase()));
  const order = new Map(sheets.map((name, i) => [name.toUpperCase(), i]));
  const kept = previous.filter((f) => order.has(f.sheet.toUpperCase()) && !rechecked.has(f.sheet.toUpperCase()) && !CROSS_SHEET_RULES.has(f.rule));
  const place = (f: Finding) => ({ sheet: order.get(f.sheet.toUpperCase()) ?? 0, at: parseA1(f.cell) ?? { row: -1, col: -1 } });
  return [...kept, ...fresh]
    .map((finding) => ({ finding, ...place(finding) }))
    .sort((a, b) => a.sheet - b.sheet || a.at.row - b.at.row || a.at.col - b.at.col)
    .map((k) => k.finding);
}
