/**
 * What calculating the workbook's formulas found (sheet/formulas/calculate.ts), as findings at the cells:
 * saved results their formulas contradict (`formula-stale`), and formulas with no saved result that could
 * not be worked out here (`formula-not-evaluated`), whose cells are unknown and so not checked.
 */
import { fromNumber } from '../../money/decimal';
import { isErrorValue, type CellValue } from '../../sheet/grid';
import type { StaleResult, UnevaluatedFormula } from '../../sheet/formulas/report';
import type { Finding } from '../finding';
import { defineRule } from './meta';
import type { WorkbookRule } from './rule';

const formulaStale = defineRule({
  id: 'formula-stale',
  group: 'calculation',
  title: 'Saved result out of date',
  checks:
    'Every formula is worked out again from the figures in the workbook; a result saved in the file that its own formula now contradicts is reported. ' +
    'Volatile functions (TODAY, NOW, RAND, OFFSET, INDIRECT) and what depends on them are never called stale.',
  why:
    'The workbook shows, prints and sends on a figure its formulas no longer give, as happens when a workbook is left in manual calculation: a total or ' +
    'variance a reviewer signs off may be wrong.',
  fix: 'Recalculate the workbook (F9 in Excel, or set calculation to automatic) and save it, then check again.',
  reportedAt: 'the formula cell',
  severity: 'warning',
  messages: {
    stale:
      'Shows {saved}, but its formula ={formula} gives {computed} from the figures now in the workbook: the saved result is out of date, as in a ' +
      'workbook left in manual calculation. Recalculate (F9 in Excel) and save before relying on it.',
  },
});

const formulaNotEvaluated = defineRule({
  id: 'formula-not-evaluated',
  group: 'calculation',
  title: 'Formula without a result',
  checks:
    'A formula the file holds no saved result for, which could not be worked out here (a function not supported, another workbook, a run of sheets, ' +
    'array work, a circular reference).',
  why: "Its cell's figure is unknown, so every check that would use it (totals, variances, the model) passes over it: a wrong figure there goes unseen.",
  fix: 'Open the workbook in Excel or LibreOffice and save it, so the file stores its results, then check again.',
  reportedAt: 'the formula cell',
  severity: 'info',
  messages: {
    notEvaluated:
      "={formula} has no saved result, and it {reason}, so this cell's figure is unknown and was not checked. Open the workbook in Excel or LibreOffice " +
      'and save it to store its results.',
  },
});

export const calculationRuleDefinitions = [formulaStale, formulaNotEvaluated] as const;

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
  return formulaStale.report({ sheet: stale.sheet, cell: stale.cell, ...figures }, 'stale', {
    saved: describeValue(stale.saved),
    formula: stale.formula,
    computed: describeValue(stale.computed),
  });
}

function notEvaluatedFinding(formula: UnevaluatedFormula): Finding {
  return formulaNotEvaluated.report({ sheet: formula.sheet, cell: formula.cell }, 'notEvaluated', { formula: formula.formula, reason: formula.reason });
}

export const calculationRules: WorkbookRule = (ctx) => {
  const report = ctx.formulas;
  if (!report) return [];
  return [...report.stale.map(staleFinding), ...report.notUnderstood.filter((f) => !f.saved).map(notEvaluatedFinding)];
};
