/** Runs every rule over a workbook's tables: the check a reviewer runs before a sheet goes anywhere. */
import { appendAll } from '../util/append';
import type { CommissioningModel } from '../model/types';
import { parseA1 } from '../sheet/a1';
import type { GridWorkbook } from '../sheet/grid';
import { readSheet, type UnreadRegion } from '../sheet/tables/detect';
import type { Table } from '../sheet/tables/types';
import type { FormulaReport } from '../sheet/formulas/report';
import { buildModelNames, resolvePriorityArea, type CheckContext } from './context';
import { summarise, type Finding, type FindingSummary } from './finding';
import { measureCoverage, type Coverage } from './coverage';
import { calculationRules } from './rules/calculation';
import { cellRules } from './rules/cells';
import { duplicateRules } from './rules/duplicates';
import { formulaRules } from './rules/formulas';
import { foldTotalsIntoCauses } from './rules/formulas/explained';
import { nameRules } from './rules/names';
import { reconciliationRules } from './rules/reconciliation';
import { registerRules } from './rules/register';
import type { TableRule, WorkbookRule } from './rules/rule';
import { ratioRules } from './rules/ratios';
import { totalRules } from './rules/totals';
import { varianceRules } from './rules/variance';

const TABLE_RULES: readonly TableRule[] = [cellRules, totalRules, ratioRules, varianceRules, nameRules, duplicateRules, registerRules, formulaRules];
const WORKBOOK_RULES: readonly WorkbookRule[] = [reconciliationRules, calculationRules];

/** The Model sheet holds the model itself, read as such (model/model-sheet.ts), not figures to check. */
export const MODEL_SHEET = 'Model';

export interface CheckResult {
  readonly tables: readonly Table[];
  /** Regions of figures no table was read from: nothing in them was checked. */
  readonly unread: readonly UnreadRegion[];
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  readonly coverage: Coverage;
  /** What calculating the formulas found, for a workbook read from a file. */
  readonly formulas?: FormulaReport;
}

export interface CheckOptions {
  readonly today?: Date;
}

export function findTables(workbook: GridWorkbook, model: CommissioningModel, names = buildModelNames(model)): Table[] {
  return readWorkbookStructure(workbook, model, names).tables;
}

/** Every table of every sheet the user made, and the regions of figures no table was read from. */
export function readWorkbookStructure(workbook: GridWorkbook, model: CommissioningModel, names = buildModelNames(model)): { tables: Table[]; unread: UnreadRegion[] } {
  const tables: Table[] = [];
  const unread: UnreadRegion[] = [];
  for (const grid of workbook.sheets) {
    // Sheets the product generated are derived from the rest; a user's own sheet of the same name is checked.
    if (grid.generated || grid.name.trim().toLowerCase() === MODEL_SHEET.toLowerCase()) continue;
    const sheet = readSheet(grid, { isPriorityArea: (text) => resolvePriorityArea(names, text) !== undefined });
    appendAll(tables, sheet.tables);
    appendAll(unread, sheet.unread);
  }
  return { tables, unread };
}

export function checkWorkbook(workbook: GridWorkbook, model: CommissioningModel, options: CheckOptions = {}): CheckResult {
  const names = buildModelNames(model);
  const { tables, unread } = readWorkbookStructure(workbook, model, names);
  const ctx: CheckContext = {
    model,
    names,
    tables,
    grids: new Map(workbook.sheets.map((g) => [g.name, g])),
    today: options.today ?? new Date(),
    ...(workbook.formulas ? { formulas: workbook.formulas } : {}),
  };
  const findings: Finding[] = [];
  for (const table of tables) {
    const own: Finding[] = [];
    for (const rule of TABLE_RULES) appendAll(own, rule(table, ctx));
    appendAll(findings, foldTotalsIntoCauses(table, own));
  }
  for (const rule of WORKBOOK_RULES) appendAll(findings, rule(ctx));
  const sheetOrder = new Map(workbook.sheets.map((g, i) => [g.name, i]));
  const coverage = measureCoverage(tables, unread, findings, workbook.formulas);
  const result = { tables, unread, findings: inSheetOrder(findings, sheetOrder), summary: summarise(findings), coverage };
  return workbook.formulas ? { ...result, formulas: workbook.formulas } : result;
}

const BEFORE_CELLS = { row: -1, col: -1 };

/** Findings by sheet, then row, then column: each address is read once, not once per comparison. */
function inSheetOrder(findings: readonly Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  // A range or anything but a single cell sorts before the sheet's cells.
  const keyed = findings.map((finding) => ({ finding, sheet: sheetOrder.get(finding.sheet) ?? 0, ...(parseA1(finding.cell) ?? BEFORE_CELLS) }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  return keyed.map((k) => k.finding);
}
