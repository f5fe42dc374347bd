/**
 * A small budget table for the formula-audit tests: Budget and Forecast typed in, Variance worked out
 * on each line (=Cn-Bn), and a Total row of SUMs. Every formula carries the value Excel would have
 * saved, worked out here in whole units (integers, so no float arithmetic on money).
 */
import fc from 'fast-check';
import { toA1 } from '../../src/sheet/a1';
import { checkWorkbook } from '../../src/checks/runner';
import type { Finding, RuleId } from '../../src/checks/finding';
import { defaultModel } from '../../src/model/json';
import { Grid, type CellValue } from '../../src/sheet/grid';

export interface Line {
  readonly label: string;
  readonly budget: number;
  readonly forecast: number;
}

export const LINES: readonly Line[] = [
  { label: 'Youth services', budget: 120, forecast: 130 },
  { label: 'Victim support', budget: 300, forecast: 280 },
  { label: 'Drug treatment', budget: 80, forecast: 95 },
  { label: 'Community safety', budget: 150, forecast: 150 },
  { label: 'Domestic abuse', budget: 210, forecast: 240 },
  { label: 'Rehabilitation', budget: 60, forecast: 55 },
];

/** Columns: A label, B Budget, C Forecast, D Variance. Row 1 is the header; lines from row 2. */
export function budgetGrid(lines: readonly Line[] = LINES, name = 'Budget'): Grid {
  const grid = new Grid(name);
  ['Service', 'Budget £k', 'Forecast £k', 'Variance £k'].forEach((h, c) => grid.set(0, c, h));
  lines.forEach((l, i) => {
    const r = i + 1;
    grid.set(r, 0, l.label);
    grid.set(r, 1, l.budget);
    grid.set(r, 2, l.forecast);
    grid.setCell(r, 3, { value: l.forecast - l.budget, formula: `${toA1(r, 2)}-${toA1(r, 1)}` });
  });
  const total = lines.length + 1;
  grid.set(total, 0, 'Total');
  const sum = (f: (l: Line) => number) => lines.reduce((s, l) => s + f(l), 0);
  [sum((l) => l.budget), sum((l) => l.forecast), sum((l) => l.forecast - l.budget)].forEach((v, i) =>
    grid.setCell(total, i + 1, { value: v, formula: `SUM(${toA1(1, i + 1)}:${toA1(total - 1, i + 1)})` }),
  );
  return grid;
}

/** Puts a formula (and its saved value) in a cell given in A1. */
export function put(grid: Grid, address: string, formula: string | undefined, value: CellValue | null): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  grid.setCell(Number(m[2]) - 1, col, formula === undefined ? { value } : { value, formula });
}

const TODAY = new Date(Date.UTC(2026, 0, 15));

export function findings(grids: Grid[], rule?: RuleId): Finding[] {
  const all = checkWorkbook({ sheets: grids }, defaultModel(), { today: TODAY }).findings;
  return rule ? all.filter((f) => f.rule === rule) : [...all];
}

export const FORMULA_RULES: readonly RuleId[] = ['formula-inconsistent', 'formula-constant', 'formula-blank-or-text'];

export function formulaFindings(grids: Grid[]): Finding[] {
  return findings(grids).filter((f) => FORMULA_RULES.includes(f.rule));
}

/** Generated clean tables: 4 to 12 lines of whole-£k figures, labelled so no two lines read as duplicates. */
export function linesArb(): fc.Arbitrary<Line[]> {
  return fc
    .array(fc.tuple(fc.integer({ min: 100, max: 99_999 }), fc.integer({ min: 100, max: 99_999 })), { minLength: 4, maxLength: 12 })
    .map((pairs) => pairs.map(([budget, forecast], i): Line => ({ label: `${['North', 'South', 'East', 'West'][i % 4]} area ${i + 1}`, budget, forecast })));
}
