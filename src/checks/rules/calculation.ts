/**
 * What calculating the workbook's formulas found (sheet/formulas/calculate.ts), as findings at the cells:
 * saved results their formulas contradict (`formula-stale`), and formulas with no saved result that could
 * not be worked out here (`formula-not-evaluated`), whose cells are unknown and so not checked.
 */
import { fromNumber } from '../../money/decimal';
import { isErrorValue, type CellValue } from '../../sheet/grid';
import type { StaleResult, UnevaluatedFormula } from '../../sheet/formulas/report';
import type { Finding } from '../finding';
import type { WorkbookRule } from './rule';

/** A cell's value as a reviewer reads it: 1,234.5, "text", TRUE, #DIV/0!, 2020-03-31. */
export function describeValue(value: CellValue): string {
  if (typeof value === 'number') return value.toLocaleString('en-GB', { maximumFractionDigits: 10 });
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isErrorValue(value)) return value.code;
  return `“${value}”`;
}

function staleFinding(stale: StaleResult): Finding {
  const figures =
    typeof stale.saved === 'number' && typeof stale.computed === 'number'
      ? { expected: fromNumber(stale.computed).toString(), actual: fromNumber(stale.saved).toString() }
      : {};
  return {
    rule: 'formula-stale',
    severity: 'warning',
    sheet: stale.sheet,
    cell: stale.cell,
    message: `Shows ${describeValue(stale.saved)}, but its formula =${stale.formula} gives ${describeValue(stale.computed)} from the figures now in the workbook: the saved result is out of date, as in a workbook left in manual calculation. Recalculate (F9 in Excel) and save before relying on it.`,
    ...figures,
  };
}

function notEvaluatedFinding(formula: UnevaluatedFormula): Finding {
  return {
    rule: 'formula-not-evaluated',
    severity: 'info',
    sheet: formula.sheet,
    cell: formula.cell,
    message: `=${formula.formula} has no saved result, and it ${formula.reason}, so this cell's figure is unknown and was not checked. Open the workbook in Excel or LibreOffice and save it to store its results.`,
  };
}

export const calculationRules: WorkbookRule = (ctx) => {
  const report = ctx.formulas;
  if (!report) return [];
  return [...report.stale.map(staleFinding), ...report.notUnderstood.filter((f) => !f.saved).map(notEvaluatedFinding)];
};
