/** Figures that cannot be used as they stand: formula errors, text that is not an amount, blanks, stray negatives. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { AmountCell, Column, Table, TableRow } from '../../sheet/tables/types';
import { isDashPlaceholder } from '../../money/parse';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { inferMissing, measureSets, type MeasureSet } from '../measures';
import { columnTitle, decimalsFor, inUnit, money } from '../present';
import { sumPounds } from '../tolerance';
import { isNegativeFigure, isZeroFigure } from '../../money/pence';
import type { TableRule } from './rule';

const ERROR_MEANINGS: Record<string, string> = {
  '#REF!': 'a formula refers to a cell that was deleted',
  '#DIV/0!': 'a formula divides by zero',
  '#VALUE!': 'a formula uses text where it needs a number',
  '#N/A': 'a lookup found no match',
  '#NAME?': 'a formula uses a name Excel does not know',
  '#NUM!': 'a calculation gives an impossible number',
  '#NULL!': 'a formula refers to ranges that do not meet',
};

function columnName(col: Column): string {
  return columnTitle(col);
}

function rowName(row: TableRow): string {
  return row.label === '' ? `row ${row.row + 1}` : `“${row.label}”`;
}

export const cellRules: TableRule = (table, ctx) => {
  const findings: Finding[] = [];
  const sets = measureSets(table);
  const setOf = new Map<number, MeasureSet>();
  for (const set of sets) for (const c of [set.budget, set.forecast, set.actual, set.variance, set.amount]) if (c) setOf.set(c.col, set);
  const measureCols = table.columns.filter((c) => setOf.has(c.col));

  for (const row of table.rows) {
    if (row.kind === 'note' || row.kind === 'section') continue;
    for (const col of measureCols) {
      const a = row.amounts.get(col.col);
      // Most cells are figures: nothing to report, and no address worth building.
      if (!a || a.kind === 'amount') continue;
      const cell = toA1(a.row, a.col);
      if (a.kind === 'error') {
        const meaning = ERROR_MEANINGS[a.code] ?? 'the formula failed';
        findings.push({
          rule: 'formula-error',
          severity: 'error',
          sheet: table.sheet,
          cell,
          message: `${columnName(col)} for ${rowName(row)} shows ${a.code}: ${meaning}, so this figure is left out of every total.`,
          actual: a.code,
        });
      } else if (a.kind === 'invalid') {
        findings.push({
          rule: 'not-a-number',
          severity: 'error',
          sheet: table.sheet,
          cell,
          message: `${columnName(col)} for ${rowName(row)} is not an amount: ${a.reason}.`,
          actual: a.text,
          unit: col.unit,
        });
      } else if (a.kind === 'missing' && a.formula === undefined && hasFigures(row) && !(row.kind === 'total' && isDashPlaceholder(a.placeholder))) {
        findings.push(missingValue(table, row, col, setOf.get(col.col), a.placeholder, ctx));
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

function missingValue(
  table: Table,
  row: TableRow,
  col: Column,
  set: MeasureSet | undefined,
  placeholder: string,
  ctx: CheckContext,
): Finding {
  const what = placeholder === '' ? 'is blank' : `holds “${placeholder}” instead of a figure`;
  let inferred = set ? inferMissing(row, set, col.col, ctx.model.settings.varianceConvention) : undefined;
  let because = '';
  if (inferred && set) {
    because = `the other figures in the row imply ${money(inferred, col.unit, decimalsFor(col.unit, inferred))}`;
  } else if (row.kind === 'total' && row.sums) {
    const lines = table.rows.filter((r) => row.sums?.includes(r.row));
    const figures = lines.map((l) => l.amounts.get(col.col));
    const amounts = figures.filter((f): f is Extract<typeof f, { kind: 'amount' }> => f?.kind === 'amount');
    if (amounts.length > 0 && amounts.length === figures.length) {
      inferred = sumPounds(amounts);
      because = `its ${lines.length} lines sum to ${money(inferred, col.unit, decimalsFor(col.unit, inferred))}`;
    }
  }
  const base = `${columnName(col)} for ${rowName(row)} ${what} while the row has other figures`;
  return {
    rule: 'missing-value',
    severity: 'warning',
    sheet: table.sheet,
    cell: toA1(row.row, col.col),
    message: inferred ? `${base}; ${because}.` : `${base}; it is left out of totals.`,
    unit: col.unit,
    ...(inferred ? { expected: inUnit(inferred, col.unit), suggestion: inUnit(inferred, col.unit) } : {}),
  };
}

/** A negative budget among positive ones is usually a sign slip; a column that is all negative, a flipped export. */
function negativeAmounts(table: Table, measureCols: readonly Column[]): Finding[] {
  const findings: Finding[] = [];
  const lines = table.rows.filter((r) => r.kind === 'line');
  for (const col of measureCols) {
    if (col.role === 'variance') continue;
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
      if (negatives.length < 2) continue;
      const first = negatives[0];
      findings.push({
        rule: 'negative-amount',
        severity: 'warning',
        sheet: table.sheet,
        cell: toA1(first.row, first.col),
        message: `All ${negatives.length} figures in ${columnName(col)} are negative (from ${toA1(first.row, first.col)}): budgets and forecasts are normally positive, so the signs may have been flipped when the figures were exported.`,
      });
      continue;
    }
    for (const a of negatives) {
      findings.push({
        rule: 'negative-amount',
        severity: 'warning',
        sheet: table.sheet,
        cell: toA1(a.row, a.col),
        message: `${columnName(col)} ${money(a.pounds, col.unit, decimalsFor(col.unit, a.pounds))} is negative while the other figures in the column are positive.`,
        actual: inUnit(a.pounds, col.unit),
        unit: col.unit,
      });
    }
  }
  return findings;
}
