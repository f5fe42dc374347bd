/** Figures that cannot be used as they stand: formula errors, text that is not an amount, blanks, stray negatives. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { AmountCell, Column, Table, TableRow } from '../../sheet/tables/types';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { inferMissing, measureSets, type MeasureSet } from '../../budget/measures';
import { columnTitle, decimalsFor, inUnit, money, rowName } from '../present';
import type { Money } from '../../money/decimal';
import { sumPounds } from '../../money/tolerance';
import { isNegativeFigure, isZeroFigure } from '../../money/pence';
import type { TableRule } from './rule';
import { formulaError, missingValue, negativeAmount, notANumber } from './cells.meta';
import { valueFix } from './meta';

const ERROR_MEANINGS: Record<string, string> = {
  '#REF!': 'a formula refers to a cell that was deleted',
  '#DIV/0!': 'a formula divides by zero',
  '#VALUE!': 'a formula uses text where it needs a number',
  '#N/A': 'a lookup found no match',
  '#NAME?': 'a formula uses a name Excel does not know',
  '#NUM!': 'a calculation gives an impossible number',
  '#NULL!': 'a formula refers to ranges that do not meet',
};

export const cellRules: TableRule = (table, ctx) => {
  const findings: Finding[] = [];
  const sets = measureSets(table);
  const setOf = new Map<number, MeasureSet>();
  for (const set of sets) for (const c of [set.budget, set.forecast, set.actual, set.variance, set.amount]) if (c) setOf.set(c.col, set);
  const measureCols = table.columns.filter((c) => setOf.has(c.col));

  for (const row of table.rows) {
    if (row.kind === 'note' || row.kind === 'section' || row.kind === 'header') continue;
    for (const col of measureCols) {
      // Most cells are figures: nothing to report, and no cell or address worth building.
      const kind = row.amounts.kindOf(col.col);
      if (kind === undefined || kind === 'amount') continue;
      const a = row.amounts.get(col.col);
      if (!a || a.kind === 'amount') continue;
      const cell = toA1(a.row, a.col);
      if (a.kind === 'error') {
        const meaning = ERROR_MEANINGS[a.code] ?? 'the formula failed';
        const data = { column: columnTitle(col), row: rowName(row), code: a.code, meaning };
        findings.push(formulaError.report({ sheet: table.sheet, cell, actual: a.code }, 'shows', data));
      } else if (a.kind === 'invalid') {
        const data = { column: columnTitle(col), row: rowName(row), reason: a.reason };
        findings.push(notANumber.report({ sheet: table.sheet, cell, actual: a.text, unit: col.unit }, 'text', data));
      } else if (
        a.kind === 'missing' &&
        (a.reason === 'blank' || a.reason === 'to-come') &&
        a.formula === undefined &&
        table.kind !== 'register' &&
        hasFigures(row)
      ) {
        findings.push(missingValueFinding(table, row, col, setOf.get(col.col), a.placeholder, ctx));
      }
    }
  }
  appendAll(findings, negativeAmounts(table, measureCols));
  return findings;
};

function hasFigures(row: TableRow): boolean {
  for (const a of row.amounts.values()) if (a.kind === 'amount') return true;
  return false;
}

function missingValueFinding(table: Table, row: TableRow, col: Column, set: MeasureSet | undefined, placeholder: string, ctx: CheckContext): Finding {
  const place = { sheet: table.sheet, cell: toA1(row.row, col.col), unit: col.unit };
  const data = { column: columnTitle(col), row: rowName(row), ...(placeholder === '' ? {} : { placeholder }) };
  const form = placeholder === '' ? 'blank' : 'placeholder';
  const implied = set ? inferMissing(row, set, col.col, ctx.model.settings.varianceConvention) : undefined;
  const summed = implied ? undefined : sumOfLines(table, row, col);
  const inferred = implied ?? summed?.amount;
  if (!inferred) return missingValue.report(place, `${form}LeftOut`, data);
  const d = decimalsFor(col, inferred);
  const amount = money(inferred, col.unit, d);
  const figures = { ...place, expected: inUnit(inferred, col.unit), decimals: d, ...valueFix(inUnit(inferred, col.unit)) };
  if (summed) return missingValue.report(figures, `${form}Summed`, { ...data, lines: summed.lines, amount });
  return missingValue.report(figures, `${form}Implied`, { ...data, amount });
}

/** What a blank total's lines add up to, when every one of them is a figure. */
function sumOfLines(table: Table, row: TableRow, col: Column): { amount: Money; lines: number } | undefined {
  if (row.kind !== 'total' || !row.sums) return undefined;
  const lines = table.rows.filter((r) => row.sums?.includes(r.row));
  const figures = lines.map((l) => l.amounts.get(col.col));
  const amounts = figures.filter((f): f is Extract<typeof f, { kind: 'amount' }> => f?.kind === 'amount');
  return amounts.length > 0 && amounts.length === figures.length ? { amount: sumPounds(amounts), lines: lines.length } : undefined;
}

/** Lines and columns that carry either sign by convention: income and credits, changes and variances. */
const EITHER_SIGN_COLUMN =
  /\b(variance|change|changes|movement|difference|diff|net|surplus|deficit|balances?|income|credit|credits|savings?|adjustments?|transfers?|reserves|under|over|increase|decrease|\+\/-)\b/i;
const EITHER_SIGN_LINE =
  /\b(income|grants?|fees|charges|contributions?|recharges?|receipts?|credits?|funding|rents?|sales|reimbursements?|reserves?|transfers?|interest|dividends?|capitalisation|recovery|recoveries|savings?|adjustments?|contingency|surplus|deficit|balances?|less|net|re-?profiling|clawback|repayments?|income)\b/i;

/** Positive figures a column needs before a lone negative in it reads as a stray. */
const MIN_POSITIVES_FOR_STRAY = 5;

function carriesEitherSign(row: TableRow, table: Table, outerHeadings: readonly TableRow[]): boolean {
  if (EITHER_SIGN_LINE.test(row.label)) return true;
  const section = row.section !== undefined ? table.sections[row.section] : undefined;
  if (section !== undefined && EITHER_SIGN_LINE.test(section.name)) return true;
  // The heading over the section's heading ("Balances" over "Trade in goods and services") speaks for it too.
  const outer = nearestAbove(outerHeadings, row.row);
  return outer !== undefined && EITHER_SIGN_LINE.test(outer.label);
}

/** Headings directly followed by another heading: the outer level of two-level headings. */
function outerHeadingsOf(table: Table): TableRow[] {
  return table.rows.filter((r, i) => r.kind === 'section' && table.rows[i + 1]?.kind === 'section');
}

function nearestAbove(rows: readonly TableRow[], row: number): TableRow | undefined {
  let found: TableRow | undefined;
  for (const r of rows) if (r.row < row) found = r;
  return found;
}

/**
 * A negative among positive figures is usually a sign slip, and a column all negative may be a flipped
 * export. Neither is said of a column whose convention allows both signs (changes, variances, net,
 * income), of lines that are income or credits by their name or section, or of a column where the
 * negatives are more than a stray one in ten.
 */
function negativeAmounts(table: Table, measureCols: readonly Column[]): Finding[] {
  const findings: Finding[] = [];
  const incomeTotals = new Set<number>();
  for (const r of table.rows) if (r.kind === 'total' && EITHER_SIGN_LINE.test(r.label)) for (const x of r.sums ?? []) incomeTotals.add(x);
  // Lines whose sign is theirs to choose are set aside once, not once per column.
  const all = table.rows.filter((r) => r.kind === 'line' && !incomeTotals.has(r.row));
  const outerHeadings = outerHeadingsOf(table);
  const lines = all.filter((l) => !carriesEitherSign(l, table, outerHeadings));
  const anyIncomeLine = lines.length < all.length || incomeTotals.size > 0;
  for (const col of measureCols) {
    if (col.role === 'variance' || EITHER_SIGN_COLUMN.test(col.header)) continue;
    let nonZero = 0;
    const negatives: Extract<AmountCell, { kind: 'amount' }>[] = [];
    for (const line of lines) {
      const a = line.amounts.get(col.col);
      if (a?.kind !== 'amount' || isZeroFigure(a)) continue;
      nonZero++;
      if (isNegativeFigure(a)) negatives.push(a);
    }
    if (negatives.length === 0) continue;
    if (negatives.length === nonZero) {
      if (negatives.length < 2 || anyIncomeLine || !['budget', 'forecast', 'actual'].includes(col.role)) continue;
      const first = toA1(negatives[0].row, negatives[0].col);
      findings.push(negativeAmount.report({ sheet: table.sheet, cell: first }, 'allNegative', { count: negatives.length, column: columnTitle(col), first }));
      continue;
    }
    const positives = nonZero - negatives.length;
    // One negative among a handful of figures says nothing about the column's convention.
    if (positives < MIN_POSITIVES_FOR_STRAY || negatives.length > Math.max(1, Math.floor(nonZero / 10))) continue;
    for (const a of negatives) {
      const d = decimalsFor(col, a.pounds);
      const place = { sheet: table.sheet, cell: toA1(a.row, a.col), actual: inUnit(a.pounds, col.unit), unit: col.unit, decimals: d };
      // At least MIN_POSITIVES_FOR_STRAY positives, so "figures … are" always reads right.
      const amount = money(a.pounds, col.unit, d);
      findings.push(negativeAmount.report(place, 'stray', { column: columnTitle(col), amount, positives }));
    }
  }
  return findings;
}
