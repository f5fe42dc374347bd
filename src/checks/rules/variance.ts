/** Variances: each must equal forecast − budget (the model's convention), and large ones are flagged by RAG. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { Table, TableRow } from '../../sheet/tables/types';
import { Money } from '../../money/decimal';
import type { VarianceConvention } from '../../model/types';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { amountIn, baseColumn, impliedVariance, impliedVarianceFigure, measureSets, outturnColumn, type MeasureSet } from '../measures';
import { absPence, figuresEqual, isZeroFigure, type Figure } from '../../money/pence';
import { apart, columnTitle, decimalsFor, inUnit, money, roundingClause } from '../present';
import { compareStated, isErrorInPence } from '../../money/tolerance';
import type { TableRule } from './rule';
import { ragForFigures, ragLimits } from '../../analysis/rag';

const HUNDRED = new Money(100);

interface RowCheck {
  readonly row: TableRow;
  readonly stated: Extract<ReturnType<typeof amountIn>, { kind: 'amount' }>;
  readonly base: Extract<ReturnType<typeof amountIn>, { kind: 'amount' }>;
  readonly outturn: Extract<ReturnType<typeof amountIn>, { kind: 'amount' }>;
}

/** Rows with all three figures, one at a time: a large table's checks are never all held at once. */
function* rowsToCheck(table: Table, set: MeasureSet): Generator<RowCheck> {
  const baseCol = baseColumn(set);
  const outturnCol = outturnColumn(set);
  for (const row of table.rows) {
    if (row.kind !== 'line' && row.kind !== 'total') continue;
    const stated = amountIn(row, set.variance);
    const base = amountIn(row, baseCol);
    const outturn = amountIn(row, outturnCol);
    if (stated?.kind === 'amount' && base?.kind === 'amount' && outturn?.kind === 'amount') yield { row, stated, base, outturn };
  }
}

/** True when the stated variance fails under the convention; most rows agree exactly, found without building a comparison. */
function isMismatch(check: RowCheck, convention: VarianceConvention): boolean {
  const computed = impliedVarianceFigure(check.base, check.outturn, convention);
  if (figuresEqual(check.stated, computed)) return false;
  return isErrorInPence(check.stated, computed, [check.stated.step, check.base.step, check.outturn.step]) ?? verdictUnder(check, convention).comparison.verdict === 'error';
}

function verdictUnder(check: RowCheck, convention: VarianceConvention) {
  const computed = impliedVariance(check.base.pounds, check.outturn.pounds, convention);
  return { computed, comparison: compareStated(check.stated, computed, [check.base, check.outturn]) };
}

export const varianceRules: TableRule = (table, ctx) => {
  const findings: Finding[] = [];
  const convention = ctx.model.settings.varianceConvention;
  const opposite: VarianceConvention = convention === 'forecast-minus-budget' ? 'budget-minus-forecast' : 'forecast-minus-budget';
  for (const set of measureSets(table)) {
    const varianceCol = set.variance;
    const baseCol = baseColumn(set);
    const outturnCol = outturnColumn(set);
    if (!varianceCol || !baseCol || !outturnCol) continue;
    const mismatches: RowCheck[] = [];
    const signal: RowCheck[] = [];
    for (const check of rowsToCheck(table, set)) {
      if (isMismatch(check, convention)) mismatches.push(check);
      if (!isZeroFigure(check.stated)) signal.push(check);
    }
    const flipped = mismatches.length >= 1 && signal.length >= 2 && signal.every((c) => !isMismatch(c, opposite));
    const outturnName = set.forecast ? 'forecast' : 'actual';
    const conventionText = convention === 'forecast-minus-budget' ? `${outturnName} − budget` : `budget − ${outturnName}`;
    if (flipped) {
      const headerRow = table.headerRows[table.headerRows.length - 1];
      findings.push({
        rule: 'variance-sign-convention',
        severity: 'warning',
        sheet: table.sheet,
        cell: toA1(headerRow, varianceCol.col),
        message: `${columnTitle(varianceCol)} is worked out the other way round throughout this table (${convention === 'forecast-minus-budget' ? `budget − ${outturnName}` : `${outturnName} − budget`}); the model's convention is ${conventionText}, so every sign here reads reversed.`,
      });
    } else {
      for (const check of mismatches) {
        const { computed, comparison } = verdictUnder(check, convention);
        const unit = varianceCol.unit;
        const d = decimalsFor(unit, check.stated.pounds, computed);
        findings.push({
          rule: 'variance-mismatch',
          severity: 'error',
          sheet: table.sheet,
          cell: toA1(check.row.row, varianceCol.col),
          message:
            `Variance for ${check.row.label ? `“${check.row.label}”` : `row ${check.row.row + 1}`} is ${money(check.stated.pounds, unit, d)}, ` +
            `but ${outturnName} ${money(check.outturn.pounds, unit, d)} − budget ${money(check.base.pounds, unit, d)} is ${money(computed, unit, d)}: ` +
            `${apart(comparison, unit, d)}, ${roundingClause(comparison, unit)}.`,
          expected: inUnit(computed, unit),
          actual: inUnit(check.stated.pounds, unit),
          unit,
        });
      }
    }
    appendAll(findings, thresholdFindings(table, signal, ctx, varianceCol.unit, varianceCol.col));
  }
  return findings;
};

/** |variance| ÷ |budget| × 100 to one decimal place, half up, as text ("12.5", "7"); undefined for a zero budget. */
export function percentToOnePlace(variance: Figure, budget: Figure): string | undefined {
  if (isZeroFigure(budget)) return undefined;
  const size = absPence(variance);
  const budgetSize = absPence(budget);
  if (size === undefined || budgetSize === undefined) {
    return variance.pounds.abs().div(budget.pounds.abs()).times(HUNDRED).toDecimalPlaces(1).toString();
  }
  // Tenths of a percent, rounded half up in integers: floor((2 × 1000 × size + budget) ÷ (2 × budget)).
  const tenths = (2000n * size + budgetSize) / (2n * budgetSize);
  const whole = tenths / 10n;
  const tenth = tenths % 10n;
  return tenth === 0n ? `${whole}` : `${whole}.${tenth}`;
}

function thresholdFindings(table: Table, checks: readonly RowCheck[], ctx: CheckContext, unit: Table['unit'], col: number): Finding[] {
  const findings: Finding[] = [];
  const rag = ctx.model.settings.rag;
  const limits = ragLimits(ctx.model);
  const redText = `${rag.redPct}% or ${money(limits.redAbs, unit, decimalsFor(unit, limits.redAbs))}`;
  const amberText = `${rag.amberPct}% or ${money(limits.amberAbs, unit, decimalsFor(unit, limits.amberAbs))}`;
  for (const check of checks) {
    if (check.row.kind !== 'line') continue;
    const status = ragForFigures(check.stated, check.base, limits);
    if (status === 'green') continue;
    const d = decimalsFor(unit, check.stated, check.base);
    const pct = percentToOnePlace(check.stated, check.base);
    const pctText = pct !== undefined ? `${pct}% of the budget` : 'against a zero budget';
    const thresholdText = status === 'red' ? redText : amberText;
    findings.push({
      rule: 'variance-threshold',
      severity: status === 'red' ? 'warning' : 'info',
      sheet: table.sheet,
      cell: toA1(check.row.row, col),
      message: `${status === 'red' ? 'Red' : 'Amber'}: variance ${money(check.stated, unit, d)} for ${check.row.label ? `“${check.row.label}”` : `row ${check.row.row + 1}`} is ${pctText}, past the ${status} threshold of ${thresholdText}.`,
      actual: inUnit(check.stated, unit),
      unit,
    });
  }
  return findings;
}
