/** Variances: each must equal forecast − budget (the model's convention), and large ones are flagged by RAG. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { Column, Table, TableRow } from '../../sheet/tables/types';
import { Money } from '../../money/decimal';
import type { VarianceConvention } from '../../model/types';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { amountIn, baseColumn, impliedVariance, impliedVarianceFigure, measureSets, outturnColumn, type MeasureSet } from '../../budget/measures';
import { absPence, figuresEqual, isZeroFigure, type Figure } from '../../money/pence';
import { columnTitle, decimalsFor, inUnit, money, rowName } from '../present';
import { compareStated, isErrorInPence } from '../../money/tolerance';
import type { TableRule } from './rule';
import { ragForFigures, ragLimits } from '../../budget/rag';
import { defineRule } from './meta';
import { comparisonData } from './comparison-data';

const varianceMismatch = defineRule({
  id: 'variance-mismatch',
  group: 'variances',
  title: 'Variance that is not forecast − budget',
  checks:
    'A line’s variance that is not its forecast minus its budget (actual minus budget where there is no forecast), under the model’s sign convention, beyond ' +
    'what rounding the figures as shown explains.',
  why:
    'The variance is what a budget monitoring report is read for: a variance that no longer matches its figures (typed over, or left from an earlier ' +
    'forecast) misstates the overspend or underspend, and every RAG rating and total built on it.',
  fix: 'Replace the variance with a formula (forecast − budget) over the same row, or correct whichever of budget or forecast was changed without it.',
  reportedAt: 'the variance cell',
  severity: 'error',
  messages: {
    forecast: 'Variance for {row} is {stated}, but forecast {outturn} − budget {budget} is {computed}: {difference} apart, {rounding}.',
    actual: 'Variance for {row} is {stated}, but actual {outturn} − budget {budget} is {computed}: {difference} apart, {rounding}.',
    // Under the budget − forecast convention the sum is said in that order, so the figures read as worked out.
    budgetLessForecast: 'Variance for {row} is {stated}, but budget {budget} − forecast {outturn} is {computed}: {difference} apart, {rounding}.',
    budgetLessActual: 'Variance for {row} is {stated}, but budget {budget} − actual {outturn} is {computed}: {difference} apart, {rounding}.',
  },
});

const varianceSignConvention = defineRule({
  id: 'variance-sign-convention',
  group: 'variances',
  title: 'Variances worked out the other way round',
  checks:
    'A table whose variances all agree with the opposite sign convention (budget − forecast where the model says forecast − budget, or the reverse); ' +
    'reported once for the table instead of once per line.',
  why: 'With the sign reversed, every overspend reads as an underspend: figures combined with other tables or rolled up cancel out instead of adding up.',
  fix:
    'Either reverse the variance formulas to the model’s convention, or, if the whole organisation uses the other convention, change the variance convention ' +
    'in the model’s settings.',
  reportedAt: 'the variance column’s header',
  severity: 'warning',
  messages: {
    reversed:
      "{column} is worked out the other way round throughout this table ({used}); the model's convention is {convention}, so every sign here reads reversed.",
  },
});

const varianceThreshold = defineRule({
  id: 'variance-threshold',
  group: 'variances',
  title: 'Variance past a RAG threshold',
  checks:
    'A line whose variance, as a share of its budget or in pounds, passes the model’s amber or red threshold. The finding carries that RAG status (red or ' +
    'amber) as a status of its own, beside its severity.',
  why:
    'These are the lines a budget holder is expected to explain at monitoring: a large variance left unexplained is usually a forecast not updated, or a ' +
    'real overspend that needs action.',
  fix:
    'Check the forecast is current; if the variance is real, give the budget holder’s explanation and any recovery action in the commentary. The thresholds ' +
    'are set in the model’s RAG settings.',
  reportedAt: 'the variance cell',
  severity: 'warning',
  otherSeverities: 'info for an amber variance (past the amber threshold, not the red)',
  messages: {
    red: 'Variance {variance} for {row} is {percent}% of the budget, past the red threshold of {thresholdPercent}% or {thresholdAmount}.',
    redZeroBudget: 'Variance {variance} for {row} is against a zero budget, past the red threshold of {thresholdPercent}% or {thresholdAmount}.',
    amber: 'Variance {variance} for {row} is {percent}% of the budget, past the amber threshold of {thresholdPercent}% or {thresholdAmount}.',
  },
});

export const varianceRuleDefinitions = [varianceMismatch, varianceSignConvention, varianceThreshold] as const;

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
  return (
    isErrorInPence(check.stated, computed, [check.stated.step, check.base.step, check.outturn.step]) ??
    verdictUnder(check, convention).comparison.verdict === 'error'
  );
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
    if (flipped) {
      const headerRow = table.headerRows[table.headerRows.length - 1];
      const forecastFirst = `${outturnName} − budget`;
      const budgetFirst = `budget − ${outturnName}`;
      const [ours, theirs] = convention === 'forecast-minus-budget' ? [forecastFirst, budgetFirst] : [budgetFirst, forecastFirst];
      const place = { sheet: table.sheet, cell: toA1(headerRow, varianceCol.col) };
      findings.push(varianceSignConvention.report(place, 'reversed', { column: columnTitle(varianceCol), used: theirs, convention: ours }));
    } else {
      for (const check of mismatches) findings.push(mismatchFinding(table, check, convention, varianceCol, outturnName));
    }
    appendAll(findings, thresholdFindings(table, signal, ctx, varianceCol));
  }
  return findings;
};

function mismatchFinding(table: Table, check: RowCheck, convention: VarianceConvention, varianceCol: Column, outturnName: 'forecast' | 'actual'): Finding {
  const { computed, comparison } = verdictUnder(check, convention);
  const unit = varianceCol.unit;
  const d = decimalsFor(varianceCol, check.stated.pounds, computed, comparison.difference);
  const cell = toA1(check.row.row, varianceCol.col);
  const place = { sheet: table.sheet, cell, expected: inUnit(computed, unit), actual: inUnit(check.stated.pounds, unit), unit, decimals: d };
  const budgetFirst = convention === 'budget-minus-forecast';
  const messageId = outturnName === 'forecast' ? (budgetFirst ? 'budgetLessForecast' : 'forecast') : budgetFirst ? 'budgetLessActual' : 'actual';
  return varianceMismatch.report(place, messageId, {
    row: rowName(check.row),
    stated: money(check.stated.pounds, unit, d),
    outturn: money(check.outturn.pounds, unit, d),
    budget: money(check.base.pounds, unit, d),
    computed: money(computed, unit, d),
    ...comparisonData(comparison, unit, d),
  });
}

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

function thresholdFindings(table: Table, checks: readonly RowCheck[], ctx: CheckContext, varianceCol: Column): Finding[] {
  const findings: Finding[] = [];
  const unit = varianceCol.unit;
  const rag = ctx.model.settings.rag;
  const limits = ragLimits(ctx.model);
  const thresholds = {
    red: { thresholdPercent: rag.redPct, thresholdAmount: money(limits.redAbs, unit, decimalsFor(unit, limits.redAbs)) },
    amber: { thresholdPercent: rag.amberPct, thresholdAmount: money(limits.amberAbs, unit, decimalsFor(unit, limits.amberAbs)) },
  };
  for (const check of checks) {
    if (check.row.kind !== 'line') continue;
    const status = ragForFigures(check.stated, check.base, limits);
    if (status === 'green') continue;
    const d = decimalsFor(varianceCol, check.stated, check.base);
    const severity = status === 'red' ? 'warning' : 'info';
    const cell = toA1(check.row.row, varianceCol.col);
    const place = { sheet: table.sheet, cell, severity, status, actual: inUnit(check.stated, unit), unit, decimals: d } as const;
    const data = { variance: money(check.stated, unit, d), row: rowName(check.row), ...thresholds[status] };
    const percent = percentToOnePlace(check.stated, check.base);
    // Any variance against a zero budget is red: it passes every percentage.
    if (percent === undefined) findings.push(varianceThreshold.report(place, 'redZeroBudget', data));
    else findings.push(varianceThreshold.report(place, status, { ...data, percent }));
  }
  return findings;
}
