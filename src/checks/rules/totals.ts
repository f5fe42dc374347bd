/** Totals, subtotals and stated headlines against the sum of their lines, telling rounding from real error. */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { AmountCell, Column, Headline, Table, TableRow } from '../../sheet/tables/types';
import { isDashPlaceholder } from '../../money/parse';
import { ZERO } from '../../money/decimal';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { inferMissing, measureSets, type MeasureSet } from '../measures';
import { apart, columnTitle, decimalsFor, inUnit, money, plural, roundingClause } from '../present';
import { compareStated, sumPounds, type Term } from '../tolerance';
import type { TableRule } from './rule';

interface LineTerms {
  readonly terms: Term[];
  /** How many blanks were filled from the rest of their row. */
  readonly inferred: number;
}

/** The column's figures for the given lines, blanks inferred where their row determines them; undefined if any cannot be used. */
function termsFor(lines: readonly TableRow[], col: Column, set: MeasureSet | undefined, ctx: CheckContext): LineTerms | undefined {
  const terms: Term[] = [];
  let inferred = 0;
  for (const line of lines) {
    const a = line.amounts.get(col.col);
    if (a?.kind === 'amount') {
      terms.push(a);
      continue;
    }
    if (a?.kind !== 'missing' || !set) return undefined;
    const value = inferMissing(line, set, col.col, ctx.model.settings.varianceConvention);
    if (!value) return undefined;
    terms.push({ pounds: value, step: stepOfRow(line, set) });
    inferred++;
  }
  return { terms, inferred };
}

/** An inferred figure is as precise as the figures it came from. */
function stepOfRow(row: TableRow, set: MeasureSet): Term['step'] {
  let step = ZERO;
  for (const c of [set.budget, set.forecast, set.actual, set.variance, set.amount]) {
    const a = c ? row.amounts.get(c.col) : undefined;
    if (a?.kind === 'amount' && a.step.gt(step)) step = a.step;
  }
  return step;
}

function statedFigure(a: AmountCell | undefined, isTotalRow: boolean): Term | undefined {
  if (a?.kind === 'amount') return a;
  // A lone dash in a total row states zero (DESIGN.md "Amounts").
  if (a?.kind === 'missing' && isTotalRow && isDashPlaceholder(a.placeholder)) return { pounds: ZERO, step: ZERO };
  return undefined;
}

function setsByColumn(table: Table): Map<number, MeasureSet> {
  const map = new Map<number, MeasureSet>();
  for (const set of measureSets(table)) for (const c of [set.budget, set.forecast, set.actual, set.variance, set.amount]) if (c) map.set(c.col, set);
  return map;
}

export const totalRules: TableRule = (table, ctx) => {
  const findings: Finding[] = [];
  const setOf = setsByColumn(table);
  // Built on the first total row: a table of lines alone needs no index of them.
  let byRow: Map<number, TableRow> | undefined;
  const measureCols = table.columns.filter((c) => setOf.has(c.col));
  for (const total of table.rows) {
    if (total.kind !== 'total' || !total.sums || total.sums.length === 0) continue;
    byRow ??= new Map(table.rows.map((r) => [r.row, r]));
    const index = byRow;
    const lines = total.sums.map((r) => index.get(r)).filter((r): r is TableRow => r !== undefined);
    const scope = describeScope(table, total, lines);
    for (const col of measureCols) {
      const stated = statedFigure(total.amounts.get(col.col), true);
      if (!stated) continue;
      const parts = termsFor(lines, col, setOf.get(col.col), ctx);
      if (!parts) continue;
      const computed = sumPounds(parts.terms);
      const c = compareStated(stated, computed, parts.terms);
      const cell = toA1(total.row, col.col);
      if (c.verdict !== 'equal') {
        const d = decimalsFor(col.unit, stated.pounds, computed, c.difference);
        const inferredNote = parts.inferred > 0 ? ` (with ${plural(parts.inferred, 'blank')} filled in from ${parts.inferred === 1 ? 'its row' : 'their rows'})` : '';
        findings.push({
          rule: c.verdict === 'rounding' ? 'total-rounding' : 'total-mismatch',
          severity: c.verdict === 'rounding' ? 'warning' : 'error',
          sheet: table.sheet,
          cell,
          message:
            `${totalName(total, col)} ${money(stated.pounds, col.unit, d)}, but ${scope} sum to ${money(computed, col.unit, d)}${inferredNote}: ` +
            `${apart(c, col.unit, d)}, ${roundingClause(c, col.unit)}.`,
          expected: inUnit(computed, col.unit),
          actual: inUnit(stated.pounds, col.unit),
          unit: col.unit,
        });
      }
      const hardcoded = hardcodedTotal(table, total, lines, col, cell);
      if (hardcoded) findings.push(hardcoded);
    }
  }
  appendAll(findings, headlineFindings(table, ctx, setOf));
  return findings;
};

function totalName(total: TableRow, col: Column): string {
  const label = total.label === '' ? 'Total' : total.label;
  return `${label} (${columnTitle(col)})`;
}

function describeScope(table: Table, total: TableRow, lines: readonly TableRow[]): string {
  const section = lines[0]?.section;
  const sameSection = section !== undefined && lines.every((l) => l.section === section) && table.sections.length > 1;
  if (sameSection) return `the ${plural(lines.length, 'line')} of ${table.sections[section].name}`.replace(/^the 1 line/, 'the one line');
  const above = lines.every((l) => l.row < total.row);
  return lines.length === 1 ? `the one line${above ? ' above' : ''}` : `the ${lines.length} lines${above ? ' above' : ''}`;
}

/** A typed-in total goes stale when a line changes; a SUM over its lines cannot. */
function hardcodedTotal(table: Table, total: TableRow, lines: readonly TableRow[], col: Column, cell: string): Finding | undefined {
  const a = total.amounts.get(col.col);
  if (a?.kind !== 'amount' || a.formula !== undefined || lines.length < 2) return undefined;
  const lineCells = lines.map((l) => l.amounts.get(col.col));
  if (!lineCells.every((l) => l?.kind === 'amount' || l?.kind === 'missing')) return undefined;
  const rows = lines.map((l) => l.row);
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  const formula = contiguous ? `=SUM(${toA1(rows[0], col.col)}:${toA1(rows[rows.length - 1], col.col)})` : 'a SUM of its lines';
  return {
    rule: 'hardcoded-total',
    severity: 'info',
    sheet: table.sheet,
    cell,
    message: `${totalName(total, col)} is typed in as a number; ${formula} would keep it in step with its ${lines.length} lines.`,
    suggestion: contiguous ? formula : undefined,
  };
}

function headlineFindings(table: Table, ctx: CheckContext, setOf: Map<number, MeasureSet>): Finding[] {
  const findings: Finding[] = [];
  const lines = table.rows.filter((r) => r.kind === 'line');
  const check = (headline: Headline, name: string, scopeLines: readonly TableRow[]): void => {
    const col = table.columns.find((c) => c.col === headline.col);
    if (!col || scopeLines.length === 0) return;
    const parts = termsFor(scopeLines, col, setOf.get(col.col), ctx);
    if (!parts) return;
    const computed = sumPounds(parts.terms);
    const c = compareStated(headline, computed, parts.terms);
    if (c.verdict === 'equal') return;
    const d = decimalsFor(col.unit, headline.pounds, computed, c.difference);
    findings.push({
      rule: 'headline-mismatch',
      severity: c.verdict === 'rounding' ? 'warning' : 'error',
      sheet: table.sheet,
      cell: toA1(headline.cell.row, headline.cell.col),
      message:
        `${name} is stated as ${money(headline.pounds, col.unit, d)}, but its ${plural(scopeLines.length, 'line')} sum to ${money(computed, col.unit, d)}: ` +
        `${apart(c, col.unit, d)}, ${roundingClause(c, col.unit)}.`,
      expected: inUnit(computed, col.unit),
      actual: inUnit(headline.pounds, col.unit),
      unit: col.unit,
    });
  };
  for (const section of table.sections) {
    const inSection = new Set(section.lineRows);
    const sectionLines = lines.filter((l) => inSection.has(l.row));
    for (const headline of section.headlines) check(headline, section.name, sectionLines);
  }
  for (const headline of table.titleHeadlines) check(headline, table.title ?? 'The table', lines);
  return findings;
}
