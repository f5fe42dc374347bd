/** Runs every rule over a workbook's tables: the check a reviewer runs before a sheet goes anywhere. */
import { appendAll } from '../util/append';
import type { CommissioningModel } from '../model/types';
import { parseA1 } from '../sheet/a1';
import type { GridWorkbook } from '../sheet/grid';
import type { UnreadRegion } from '../sheet/tables/detect';
import type { Table } from '../sheet/tables/types';
import type { FormulaReport } from '../sheet/formulas/report';
import { readWorkbookStructure } from '../budget/tables';
import { type CheckContext } from './context';
import { buildModelNames } from '../model/model-names';
import { summarise, type Finding, type FindingSummary } from './finding';
import { measureCoverage, type Coverage } from './coverage';
import { withNegatives } from './present';
import { linkRelated } from './related';
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
  /**
   * Run the table rules only on tables on these sheets (the pane's re-check of sheets changed since the
   * last check); the workbook rules, which compare tables across sheets, still run over every table.
   */
  readonly tableRulesOn?: ReadonlySet<string>;
}

export function checkWorkbook(workbook: GridWorkbook, model: CommissioningModel, options: CheckOptions = {}): CheckResult {
  return withNegatives(model.settings.negatives ?? 'minus', () => runChecks(workbook, model, options));
}

function runChecks(workbook: GridWorkbook, model: CommissioningModel, options: CheckOptions): CheckResult {
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
    if (options.tableRulesOn && !options.tableRulesOn.has(table.sheet)) continue;
    const own: Finding[] = [];
    for (const rule of TABLE_RULES) appendAll(own, rule(table, ctx));
    appendAll(findings, foldTotalsIntoCauses(table, own));
  }
  for (const rule of WORKBOOK_RULES) appendAll(findings, rule(ctx));
  const sheetOrder = new Map(workbook.sheets.map((g, i) => [g.name, i]));
  const coverage = measureCoverage(tables, unread, findings, workbook.formulas);
  const result = { tables, unread, findings: linkRelated(inSheetOrder(findings, sheetOrder)), summary: summarise(findings), coverage };
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
