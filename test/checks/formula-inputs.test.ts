/** formula-missing and formula-among-inputs: a typed figure among formulas, and a formula among typed figures. */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/checks/runner';
import type { Finding } from '../../src/checks/finding';
import { defaultModel } from '../../src/model/json';
import type { CellValue, Grid } from '../../src/sheet/grid';
import { toA1 } from '../../src/sheet/a1';
import { findSheet } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';
import { LAYOUTS } from '../corpus';
import { cloneWorkbook } from '../corpus/sheet';

const TODAY = new Date(Date.UTC(2026, 10, 22));
const RULES = new Set(['formula-missing', 'formula-among-inputs']);

function check(grid: Grid): Finding[] {
  return [...checkWorkbook({ sheets: [grid] }, defaultModel(), { today: TODAY }).findings];
}

function ours(grid: Grid): Finding[] {
  return check(grid).filter((f) => RULES.has(f.rule));
}

type Cell = CellValue | null | { f: string; v?: CellValue | null };
const LABELS = ['Victim services', 'Youth work', 'Advocacy', 'Triage', 'Outreach', 'Mentoring', 'Rescue', 'Refuges'];

/**
 * Budget | Forecast | Variance, header in row 1 and the lines from row 2, a total at the foot. `change(row)`
 * gives each line's Variance cell (row is 1-based); by default =C−B with its value.
 */
function monitoring(budgets: readonly number[], forecasts: readonly number[], change?: (row: number, budget: number, forecast: number) => Cell): Grid {
  const n = budgets.length;
  const rows: Cell[][] = budgets.map((b, i) => {
    const row = i + 2;
    const f = forecasts[i];
    return [LABELS[i], b, f, change ? change(row, b, f) : { f: `C${row}-B${row}`, v: f - b }];
  });
  const sum = (col: string, values: readonly number[]): Cell => ({ f: `SUM(${col}2:${col}${n + 1})`, v: values.reduce((a, b) => a + b, 0) });
  const changes = budgets.map((b, i) => forecasts[i] - b);
  return gridOf('Monitoring', [
    ['Line', 'Budget £', 'Forecast £', 'Variance £'],
    ...rows,
    ['Total', sum('B', budgets), sum('C', forecasts), sum('D', changes)],
  ]);
}

const BUDGETS = [1000, 2000, 1500, 800, 1200, 900];
const FORECASTS = [1100, 1900, 1500, 850, 1200, 1000];

describe('formula-missing', () => {
  it('reports a typed figure that equals what the formula gives as a warning, with the formula moved to its row', () => {
    const grid = monitoring(BUDGETS, FORECASTS, (row, b, f) => (row === 4 ? f - b : { f: `C${row}-B${row}`, v: f - b }));
    const [finding, ...rest] = ours(grid);
    expect(rest).toEqual([]);
    expect([finding.rule, finding.severity, finding.cell, finding.suggestion, finding.expected]).toEqual([
      'formula-missing',
      'warning',
      'D4',
      '=C4-B4',
      undefined,
    ]);
    expect(finding.message).toBe(
      "Variance for “Advocacy” in D4 is typed in as a number, while the column's other 5 lines work it out with a formula (D3 holds =C3-B3). =C4-B4 gives the same figure today, but a typed figure will not change when the row does.",
    );
  });

  it('calls a typed figure a warning where the formula is not a sum of cells, so its figure is not worked out', () => {
    // A row total (Budget + Forecast, a made-up shape no identity rule knows) typed over with a stale figure.
    const grid = monitoring(BUDGETS, FORECASTS, (row, b, f) => (row === 5 ? 999 : { f: `B${row}+C${row}*1`, v: b + f }));
    const [finding] = ours(grid);
    expect([finding.rule, finding.severity, finding.cell, finding.suggestion]).toEqual(['formula-missing', 'warning', 'D5', '=B5+C5*1']);
  });

  it('computes the figure for a sum of cells and calls a difference an error', () => {
    // A running total (the line above's plus this line's spend): no identity across columns, so only this rule sees it.
    const spends = [120, 340, 560, 780, 910, 230, 450];
    let running = 0;
    const rows = spends.map((spend, i) => {
      const row = i + 2;
      running += spend;
      const cumulative: Cell = row === 7 ? 2000 : i === 0 ? { f: 'B2', v: running } : { f: `C${row - 1}+B${row}`, v: running };
      return [LABELS[i], spend, cumulative];
    });
    const [finding, ...rest] = ours(gridOf('Spend', [['Project', 'Spend £', 'Cumulative £'], ...rows]));
    expect(rest).toEqual([]);
    expect([finding.rule, finding.severity, finding.cell, finding.suggestion, finding.expected, finding.actual]).toEqual([
      'formula-missing',
      'error',
      'C7',
      '=C6+B7',
      '2940',
      '2000',
    ]);
    expect(finding.message).toContain('It shows £2,000; =C6+B7 would give £2,940, £940 apart.');
  });

  it('leaves the typed first figure of a running series alone: it is the seed the formulas build on', () => {
    const spends = [120, 340, 560, 780, 910, 230, 450];
    let running = 0;
    const rows = spends.map((spend, i) => {
      running += spend;
      return [LABELS[i], spend, i === 0 ? running : { f: `C${i + 1}+B${i + 2}`, v: running }];
    });
    expect(ours(gridOf('Spend', [['Project', 'Spend £', 'Cumulative £'], ...rows]))).toEqual([]);
  });

  it('leaves a wrong typed variance to variance-mismatch, which reports the same cell', () => {
    const grid = monitoring(BUDGETS, FORECASTS, (row, b, f) => (row === 3 ? 55 : { f: `C${row}-B${row}`, v: f - b }));
    const findings = check(grid);
    expect(findings.filter((f) => RULES.has(f.rule))).toEqual([]);
    expect(findings.some((f) => f.cell === 'D3' && f.rule === 'variance-mismatch')).toBe(true);
  });

  it('does not report a typed total: hardcoded-total does', () => {
    const grid = monitoring(BUDGETS, FORECASTS);
    grid.set(7, 3, 500);
    expect(ours(grid)).toEqual([]);
  });

  it('needs most of the column to be the one formula', () => {
    const grid = monitoring(BUDGETS, FORECASTS, (row, b, f) => (row % 2 === 0 ? f - b : { f: `C${row}-B${row}`, v: f - b }));
    expect(ours(grid)).toEqual([]);
  });
});

describe('formula-among-inputs', () => {
  it('notes one line worked out by a formula among typed figures', () => {
    const grid = monitoring(BUDGETS, FORECASTS, (_row, b, f) => f - b);
    grid.setCell(6, 1, { value: 1320, formula: 'B6*1.1' });
    grid.set(7, 3, 1000 - 1320);
    const [finding, ...rest] = ours(grid);
    expect(rest).toEqual([]);
    expect([finding.rule, finding.severity, finding.cell, finding.suggestion]).toEqual(['formula-among-inputs', 'info', 'B7', undefined]);
    expect(finding.message).toBe(
      "Budget for “Mentoring” in B7 is worked out by a formula, =B6*1.1, while the column's other 5 lines are typed figures: a reviewer should know this figure is derived, and check it is meant to be.",
    );
  });

  it('ignores a formula of constants, and a column with too few typed lines', () => {
    const constants = monitoring(BUDGETS, FORECASTS, (_row, b, f) => f - b);
    constants.setCell(6, 1, { value: 1320, formula: '1200+120' });
    expect(ours(constants)).toEqual([]);
    const short = monitoring(BUDGETS.slice(0, 4), FORECASTS.slice(0, 4), (_row, b, f) => f - b);
    short.setCell(2, 1, { value: 2000, formula: 'B2*2' });
    expect(ours(short)).toEqual([]);
  });
});

describe('clean columns give no formula-missing or formula-among-inputs', () => {
  it.each([
    ['formulas all down the column', monitoring(BUDGETS, FORECASTS)],
    ['typed figures all down the column', monitoring(BUDGETS, FORECASTS, (_row, b, f) => f - b)],
  ])('%s', (_name, grid) => expect(ours(grid)).toEqual([]));
});

const lineFigures = fc.array(fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 })), { minLength: 6, maxLength: 8 });
const ALL_FORMULA_RULES = new Set(['formula-range', 'formula-double-count', 'formula-missing', 'formula-among-inputs']);

describe('formula-missing and formula-among-inputs on generated tables', () => {
  const build = (pairs: readonly (readonly [number, number])[]) =>
    monitoring(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );

  it('find nothing in a clean table', () => {
    fc.assert(
      fc.property(lineFigures, (pairs) => expect(check(build(pairs)).filter((f) => ALL_FORMULA_RULES.has(f.rule))).toEqual([])),
      { numRuns: 60 },
    );
  });

  it('report a variance formula replaced by its value, with the formula for that row', () => {
    fc.assert(
      fc.property(lineFigures, fc.nat(), (pairs, pick) => {
        const grid = build(pairs);
        const row = 1 + (pick % pairs.length);
        grid.set(row, 3, grid.value(row, 3));
        const found = ours(grid);
        expect(found.map((f) => [f.rule, f.severity, f.cell, f.suggestion])).toEqual([
          ['formula-missing', 'warning', toA1(row, 3), `=C${row + 1}-B${row + 1}`],
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('note a budget line turned into a formula among typed budgets', () => {
    fc.assert(
      fc.property(lineFigures, fc.nat(), (pairs, pick) => {
        const grid = build(pairs);
        const row = 1 + (pick % pairs.length);
        const other = row === 1 ? 3 : row;
        grid.setCell(row, 1, { value: grid.value(row, 1), formula: `ROUND(B${other}*1.1,0)` });
        const found = ours(grid);
        expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual([['formula-among-inputs', 'info', toA1(row, 1)]]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('formula-missing and formula-among-inputs on the generated corpus', () => {
  const cases = Object.values(LAYOUTS).flatMap((generate) => [1, 2, 3, 4].map((seed) => generate(seed)));
  const injected = new Set<string>();

  it.each(cases.map((c) => [c.name, c] as const))('%s: nothing when clean; a line formula replaced by its value is reported', (_name, c) => {
    const result = checkWorkbook(c.workbook, defaultModel(), { today: TODAY });
    expect(result.findings.filter((f) => ALL_FORMULA_RULES.has(f.rule))).toEqual([]);
    for (const table of result.tables) {
      const grid = findSheet(c.workbook, table.sheet)!;
      const lines = table.rows.filter((r) => r.kind === 'line');
      for (const col of table.columns.filter((k) => k.kind === 'money')) {
        const withFormula = lines.filter((l) => grid.cell(l.row, col.col)?.formula);
        if (withFormula.length < 4 || withFormula.length < lines.length) continue;
        // Typed over the middle line's formula, with the value it showed.
        const target = withFormula[Math.floor(withFormula.length / 2)];
        const workbook = cloneWorkbook(c.workbook);
        const faulty = findSheet(workbook, table.sheet)!;
        const before = faulty.cell(target.row, col.col)!;
        faulty.setCell(target.row, col.col, { value: before.value, ...(before.numFmt ? { numFmt: before.numFmt } : {}) });
        const found = checkWorkbook(workbook, defaultModel(), { today: TODAY }).findings.filter((f) => f.sheet === table.sheet && f.rule === 'formula-missing');
        expect(found.map((f) => [f.severity, f.cell, f.suggestion])).toEqual([['warning', toA1(target.row, col.col), `=${before.formula}`]]);
        injected.add(c.layout);
        return;
      }
    }
  });

  it('puts the fault into several layouts', () => expect(injected.size).toBeGreaterThanOrEqual(3));
});
