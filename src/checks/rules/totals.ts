/** Totals, subtotals and stated headlines against the sum of their lines, telling rounding from real error. */
import { appendAll } from '../../util/append';
import { columnLetters, toA1 } from '../../sheet/a1';
import { addsNothing, NOTHING } from '../../sheet/tables/amount-cell';
import type { AmountCell, Column, Headline, Table, TableRow } from '../../sheet/tables/types';
import { ZERO } from '../../money/decimal';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import { inferMissing, measureSets, type MeasureSet } from '../../budget/measures';
import { columnTitle, decimalsFor, inUnit, money, plural, rowName } from '../present';
import { compareStated, sumPounds, type Term } from '../../money/tolerance';
import type { TableRule } from './rule';
import { comparisonData } from './comparison-data';
import { about, linesSubject, type Subject } from '../related';
import { sectionHeadlineSubject } from './reconciliation';
import { formulaFix } from './meta';
import { hardcodedTotal, headlineMismatch, totalMismatch, totalRounding } from './totals.meta';

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
    // A figure that does not apply (GSS "z") adds nothing.
    if (addsNothing(a)) {
      terms.push(NOTHING);
      continue;
    }
    // Figures not available or suppressed leave a total that cannot be checked; blanks may be inferred.
    if (a?.kind !== 'missing' || a.reason === 'not-available' || a.reason === 'suppressed' || !set) return undefined;
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

/** A total's stated figure: a figure cell (a dash or "nil" reads as an exact zero). */
function statedFigure(a: AmountCell | undefined): Term | undefined {
  return a?.kind === 'amount' ? a : undefined;
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
    if (total.kind !== 'total' || !total.sums || total.sums.length + (total.subtracts?.length ?? 0) === 0) continue;
    byRow ??= new Map(table.rows.map((r) => [r.row, r]));
    const index = byRow;
    const rowsOf = (list: readonly number[] | undefined): TableRow[] => (list ?? []).map((r) => index.get(r)).filter((r): r is TableRow => r !== undefined);
    const lines = rowsOf(total.sums);
    const takenAway = rowsOf(total.subtracts);
    const scope = describeScope(table, total, lines, takenAway);
    for (const col of measureCols) {
      const stated = statedFigure(total.amounts.get(col.col));
      if (!stated) continue;
      const parts = termsFor(lines, col, setOf.get(col.col), ctx);
      const minus = termsFor(takenAway, col, setOf.get(col.col), ctx);
      if (!parts || !minus) continue;
      const computed = sumPounds(parts.terms).minus(sumPounds(minus.terms));
      const c = compareStated(stated, computed, [...parts.terms, ...minus.terms]);
      const cell = toA1(total.row, col.col);
      if (c.verdict !== 'equal') {
        const d = decimalsFor(col, stated.pounds, computed, c.difference);
        const place = {
          sheet: table.sheet,
          cell,
          expected: inUnit(computed, col.unit),
          actual: inUnit(stated.pounds, col.unit),
          unit: col.unit,
          decimals: d,
          ...(c.verdict === 'error'
            ? formulaFix(
                sumFormula(
                  lines.map((l) => l.row),
                  takenAway.map((l) => l.row),
                  col.col,
                ),
              )
            : {}),
        };
        const amounts = { stated: money(stated.pounds, col.unit, d), computed: money(computed, col.unit, d), ...comparisonData(c, col.unit, d) };
        const figures = { total: totalName(total, col), scope, ...amounts };
        const blanks = parts.inferred + minus.inferred;
        const rule = c.verdict === 'rounding' ? totalRounding : totalMismatch;
        // What the total compares: the sum of its lines, which a headline for the same lines compares too.
        const subject = takenAway.length === 0 ? linesSubject(table.sheet, col.col, total.sums) : undefined;
        if (blanks > 1) findings.push(about(rule.report(place, 'linesFilledIn', { ...figures, blanks }), subject));
        else findings.push(about(rule.report(place, totalMessageId(lines.length + takenAway.length === 1, blanks === 1), figures), subject));
      }
      const hardcoded = hardcodedTotalFinding(table, total, lines, col, cell);
      if (hardcoded && takenAway.length === 0) findings.push(hardcoded);
    }
  }
  appendAll(findings, columnTotalFindings(table));
  appendAll(findings, headlineFindings(table, ctx, setOf));
  return findings;
};

/** The wording for a total over one line or several, with or without one blank filled in from its row. */
function totalMessageId(oneLine: boolean, oneFilledIn: boolean): 'line' | 'lines' | 'lineFilledIn' | 'linesOneFilledIn' {
  if (oneLine) return oneFilledIn ? 'lineFilledIn' : 'line';
  return oneFilledIn ? 'linesOneFilledIn' : 'lines';
}

/** The formula that adds exactly these rows of a column: =SUM(C5:C9), or =C5+C9-C12. */
function sumFormula(adds: readonly number[], subtracts: readonly number[], col: number): string {
  const contiguous = adds.length > 1 && adds.every((r, i) => i === 0 || r === adds[i - 1] + 1);
  const added = contiguous ? `SUM(${toA1(adds[0], col)}:${toA1(adds[adds.length - 1], col)})` : adds.map((r) => toA1(r, col)).join('+');
  const taken = subtracts.map((r) => `-${toA1(r, col)}`).join('');
  return `=${added || '0'}${taken}`;
}

/** Rows where a column that totals others (Total = the years; full year = the quarters) does not. */
function columnTotalFindings(table: Table): Finding[] {
  const findings: Finding[] = [];
  const column = new Map(table.columns.map((c) => [c.col, c]));
  for (const identity of table.columnTotals) {
    const target = column.get(identity.col);
    // A variance that does not match is the variance rule's finding, under the model's sign convention.
    if (!target || target.role === 'variance') continue;
    const names = partNames(identity, column);
    for (const row of table.rows) {
      if (row.kind !== 'line' && row.kind !== 'total') continue;
      const stated = statedFigure(row.amounts.get(identity.col));
      const adds = identity.adds.map((c) => row.amounts.get(c));
      const subtracts = identity.subtracts.map((c) => row.amounts.get(c));
      if (!stated || ![...adds, ...subtracts].every((a) => a?.kind === 'amount')) continue;
      const plus = adds as Term[];
      const minus = subtracts as Term[];
      const computed = sumPounds(plus).minus(sumPounds(minus));
      const c = compareStated(stated, computed, [...plus, ...minus]);
      if (c.verdict === 'equal') continue;
      const d = decimalsFor(target, stated.pounds, computed, c.difference);
      const place = {
        sheet: table.sheet,
        cell: toA1(row.row, identity.col),
        expected: inUnit(computed, target.unit),
        actual: inUnit(stated.pounds, target.unit),
        unit: target.unit,
        decimals: d,
        ...(c.verdict === 'error' ? formulaFix(rowFormula(identity.adds, identity.subtracts, row.row)) : {}),
      };
      const amounts = { stated: money(stated.pounds, target.unit, d), computed: money(computed, target.unit, d), ...comparisonData(c, target.unit, d) };
      const rule = c.verdict === 'rounding' ? totalRounding : totalMismatch;
      findings.push(rule.report(place, 'columns', { column: columnTitle(target), row: rowName(row), parts: names, ...amounts }));
    }
  }
  return findings;
}

/**
 * The columns an identity adds, as a reviewer reads them: up to three by name (without a heading they
 * all share), more by letter ("the 8 columns F to M").
 */
function partNames(
  identity: { readonly col: number; readonly adds: readonly number[]; readonly subtracts: readonly number[] },
  column: ReadonlyMap<number, Column>,
): string {
  const parts = [...identity.adds, ...identity.subtracts];
  if (parts.length > 3) {
    const contiguous = identity.subtracts.length === 0 && identity.adds.every((c, i) => i === 0 || c === identity.adds[i - 1] + 1);
    const letters = contiguous
      ? `${columnLetters(identity.adds[0])} to ${columnLetters(identity.adds[identity.adds.length - 1])}`
      : [...identity.adds.map((c, i) => `${i === 0 ? '' : ' + '}${columnLetters(c)}`), ...identity.subtracts.map((c) => ` − ${columnLetters(c)}`)].join('');
    return `the ${parts.length} columns ${letters}`;
  }
  const groups = new Set([identity.col, ...parts].map((c) => column.get(c)?.group));
  const shared = groups.size === 1 ? [...groups][0] : undefined;
  const title = (c: number): string => {
    const header = column.get(c)?.header ?? '';
    return columnTitle({ header: shared && header.startsWith(`${shared} / `) ? header.slice(shared.length + 3) : header });
  };
  return [...identity.adds.map((c, i) => `${i === 0 ? '' : ' + '}${title(c)}`), ...identity.subtracts.map((c) => ` − ${title(c)}`)].join('');
}

function rowFormula(adds: readonly number[], subtracts: readonly number[], row: number): string {
  const contiguous = adds.length > 1 && adds.every((c, i) => i === 0 || c === adds[i - 1] + 1);
  const added = contiguous ? `SUM(${toA1(row, adds[0])}:${toA1(row, adds[adds.length - 1])})` : adds.map((c) => toA1(row, c)).join('+');
  return `=${added}${subtracts.map((c) => `-${toA1(row, c)}`).join('')}`;
}

function totalName(total: TableRow, col: Column): string {
  const label = total.label === '' ? 'Total' : total.label;
  return `${label} (${columnTitle(col)})`;
}

function describeScope(table: Table, total: TableRow, lines: readonly TableRow[], takenAway: readonly TableRow[]): string {
  if (takenAway.length > 0) {
    const name = (r: TableRow): string => (r.label === '' ? `row ${r.row + 1}` : r.label);
    return `${lines.map(name).join(' + ')} − ${takenAway.map(name).join(' − ')}`;
  }
  const subtotals = lines.filter((l) => l.kind === 'total');
  if (subtotals.length > 0 && subtotals.length === lines.length) return `the ${plural(lines.length, 'subtotal')} it adds`;
  const section = lines[0]?.section;
  const sameSection = section !== undefined && lines.every((l) => l.section === section) && table.sections.length > 1;
  if (sameSection) return `the ${plural(lines.length, 'line')} of ${table.sections[section].name}`.replace(/^the 1 line/, 'the one line');
  const above = lines.every((l) => l.row < total.row);
  const below = lines.every((l) => l.row > total.row);
  const where = above ? ' above' : below ? ' below' : '';
  return lines.length === 1 ? `the one line${where}` : `the ${lines.length} ${subtotals.length > 0 ? 'lines and subtotals' : 'lines'}${where}`;
}

/** A typed-in total goes stale when a line changes; a SUM over its lines cannot. */
function hardcodedTotalFinding(table: Table, total: TableRow, lines: readonly TableRow[], col: Column, cell: string): Finding | undefined {
  const a = total.amounts.get(col.col);
  if (a?.kind !== 'amount' || a.formula !== undefined || lines.length < 2) return undefined;
  const lineCells = lines.map((l) => l.amounts.get(col.col));
  if (!lineCells.every((l) => l?.kind === 'amount' || l?.kind === 'missing')) return undefined;
  const rows = lines.map((l) => l.row);
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  const data = { total: totalName(total, col), count: lines.length };
  if (!contiguous) return hardcodedTotal.report({ sheet: table.sheet, cell }, 'scattered', data);
  const formula = `=SUM(${toA1(rows[0], col.col)}:${toA1(rows[rows.length - 1], col.col)})`;
  return hardcodedTotal.report({ sheet: table.sheet, cell, ...formulaFix(formula) }, 'block', { ...data, formula });
}

function headlineFindings(table: Table, ctx: CheckContext, setOf: Map<number, MeasureSet>): Finding[] {
  const findings: Finding[] = [];
  const lines = table.rows.filter((r) => r.kind === 'line');
  const check = (headline: Headline, name: string, scopeLines: readonly TableRow[], area?: Subject): void => {
    const col = table.columns.find((c) => c.col === headline.col);
    if (!col || scopeLines.length === 0) return;
    const parts = termsFor(scopeLines, col, setOf.get(col.col), ctx);
    if (!parts) return;
    const computed = sumPounds(parts.terms);
    const c = compareStated(headline, computed, parts.terms);
    if (c.verdict === 'equal') return;
    const d = decimalsFor(col, headline.pounds, computed, c.difference);
    const place = {
      sheet: table.sheet,
      cell: toA1(headline.cell.row, headline.cell.col),
      severity: c.verdict === 'rounding' ? 'warning' : 'error',
      expected: inUnit(computed, col.unit),
      actual: inUnit(headline.pounds, col.unit),
      unit: col.unit,
      decimals: d,
    } as const;
    const data = { name, stated: money(headline.pounds, col.unit, d), lines: plural(scopeLines.length, 'line'), computed: money(computed, col.unit, d) };
    const finding = headlineMismatch.report(place, 'lines', { ...data, ...comparisonData(c, col.unit, d) });
    const rows = scopeLines.map((l) => l.row);
    findings.push(about(finding, linesSubject(table.sheet, col.col, rows), area));
  };
  for (const section of table.sections) {
    const inSection = new Set(section.lineRows);
    const sectionLines = lines.filter((l) => inSection.has(l.row));
    for (const headline of section.headlines) check(headline, section.name, sectionLines, sectionHeadlineSubject(table, section, headline.col, ctx));
  }
  for (const headline of table.titleHeadlines) check(headline, table.title ?? 'The table', lines);
  return findings;
}
