/**
 * What a check covered: how many tables were read, how many totals were found and checked against
 * their lines, and which regions of figures were not understood. "Everything adds up" may be said
 * only of totals that were checked.
 */
import type { UnreadRegion } from '../sheet/tables/detect';
import type { AmountCell, Table } from '../sheet/tables/types';
import type { Finding } from './finding';
import type { FormulaReport } from '../sheet/formulas/report';

export interface Coverage {
  readonly tables: number;
  /** Total rows and total columns found, each counted once per money column it totals. */
  readonly totalsFound: number;
  /** Of those, the ones whose stated figure and lines could all be read, so they were compared. */
  readonly totalsChecked: number;
  /** Of those checked, the ones a finding says do not add up. */
  readonly totalsNotAddingUp: number;
  /** Figures written as not available ("..", "n/a") or suppressed ("[c]"): left out of every total. */
  readonly figuresLeftOut: number;
  readonly regionsNotUnderstood: number;
  /** Formula cells read, and what calculating them found; absent for a workbook read through Excel, which calculates. */
  readonly formulas?: FormulaCoverage;
}

interface FormulaCoverage {
  readonly formulas: number;
  /** Given a result here because the file held none. */
  readonly evaluated: number;
  /** Saved results worked out again and compared. */
  readonly recalculated: number;
  readonly notUnderstood: number;
  readonly stale: number;
  readonly fullCalcOnLoad: boolean;
}

function formulaCoverage(report: FormulaReport): FormulaCoverage {
  const { formulas, evaluated, recalculated, fullCalcOnLoad } = report;
  return { formulas, evaluated, recalculated, notUnderstood: report.notUnderstood.length, stale: report.stale.length, fullCalcOnLoad };
}

const TOTAL_RULES = new Set(['total-mismatch', 'total-rounding']);

export function measureCoverage(tables: readonly Table[], unread: readonly UnreadRegion[], findings: readonly Finding[], formulas?: FormulaReport): Coverage {
  let totalsFound = 0;
  let totalsChecked = 0;
  let figuresLeftOut = 0;
  const countLeftOut = (a: AmountCell): void => {
    if (a.kind === 'missing' && (a.reason === 'not-available' || a.reason === 'suppressed')) figuresLeftOut++;
  };
  for (const table of tables) {
    const measures = table.columns.filter((c) => c.kind === 'money' && c.role !== 'other' && c.role !== 'label');
    // Built on the first total: a data table of 100,000 lines and no totals needs no index of its rows.
    let byRow: Map<number, Table['rows'][number]> | undefined;
    for (const row of table.rows) {
      row.amounts.forEachNonFigure(countLeftOut);
      if (row.kind !== 'total' || !row.sums) continue;
      byRow ??= new Map(table.rows.map((r) => [r.row, r]));
      const index = byRow;
      const parts = [...row.sums, ...(row.subtracts ?? [])].map((r) => index.get(r));
      // A total whose lines could not be told (words, but no reading the figures bear out) is not checked.
      const resolved = parts.length > 0;
      for (const col of measures) {
        const stated = row.amounts.get(col.col);
        if (!stated) continue;
        totalsFound++;
        if (resolved && stated.kind === 'amount' && parts.every((p) => p?.amounts.kindOf(col.col) === 'amount')) totalsChecked++;
      }
    }
    for (const total of table.columnTotals) {
      const parts = [...total.adds, ...total.subtracts];
      for (const row of table.rows) {
        if (row.kind !== 'line' && row.kind !== 'total') continue;
        if (row.amounts.kindOf(total.col) !== 'amount') continue;
        totalsFound++;
        if (parts.every((c) => row.amounts.kindOf(c) === 'amount')) totalsChecked++;
      }
    }
  }
  const notAddingUp = new Set(findings.filter((f) => TOTAL_RULES.has(f.rule)).map((f) => `${f.sheet}!${f.cell}`)).size;
  const coverage = { tables: tables.length, totalsFound, totalsChecked, totalsNotAddingUp: notAddingUp, figuresLeftOut, regionsNotUnderstood: unread.length };
  return formulas && formulas.formulas > 0 ? { ...coverage, formulas: formulaCoverage(formulas) } : coverage;
}

/**
 * The coverage a summary states, in plain English. "Every total adds up" is said only when totals
 * were checked; a check that found none says that it could not check any.
 */
export function coverageLines(c: Coverage, findingCount: number): string[] {
  const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
  const lines = [
    `Read ${plural(c.tables, 'table')}; checked ${plural(c.totalsChecked, 'total')} against the figures they add up${c.totalsFound > c.totalsChecked ? ` (${plural(c.totalsFound - c.totalsChecked, 'more', 'more')} could not be checked: a figure is blank, not available or not a number)` : ''}.`,
  ];
  if (c.figuresLeftOut > 0)
    lines.push(`${plural(c.figuresLeftOut, 'figure')} marked not available or suppressed (.., n/a, [c]) ${c.figuresLeftOut === 1 ? 'was' : 'were'} left out.`);
  if (c.regionsNotUnderstood > 0)
    lines.push(
      `${plural(c.regionsNotUnderstood, 'region')} of figures ${c.regionsNotUnderstood === 1 ? 'was' : 'were'} not understood as a table, so ${c.regionsNotUnderstood === 1 ? 'it was' : 'they were'} not checked.`,
    );
  if (c.formulas) lines.push(formulaLine(c.formulas, plural));
  if (findingCount === 0) {
    lines.push(
      c.totalsChecked > 0
        ? 'Nothing to report: every total checked adds up and every name is known.'
        : 'Nothing to report, but no totals were found to check: nothing here says the figures add up.',
    );
  }
  return lines;
}

/** "Formulas: 1,200 read; 1,180 calculated here (the file holds no results); 3 not understood; 2 stale results." */
function formulaLine(f: FormulaCoverage, plural: (n: number, one: string, many?: string) => string): string {
  const parts = [`${plural(f.formulas, 'formula')} read`];
  if (f.evaluated > 0) parts.push(`${f.evaluated.toLocaleString('en-GB')} calculated here (the file holds no results for them)`);
  const confirmed = f.recalculated - f.stale;
  if (f.fullCalcOnLoad && f.recalculated > 0) parts.push(`${f.recalculated.toLocaleString('en-GB')} recalculated, as the file asks`);
  else if (confirmed > 0) parts.push(`${plural(confirmed, 'saved result')} confirmed by recalculating`);
  if (f.stale > 0) parts.push(`${plural(f.stale, 'stale result')} (recalculating gives another figure)`);
  if (f.notUnderstood > 0) parts.push(`${f.notUnderstood.toLocaleString('en-GB')} not understood by the evaluator`);
  return `Formulas: ${parts.join('; ')}.`;
}
