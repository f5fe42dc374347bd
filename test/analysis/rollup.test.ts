import fc from 'fast-check';
import { promises as fs } from 'fs';
import { rollupLines, rollupWorkbook } from '../../src/analysis/rollup';
import { extractLines } from '../../src/analysis/lines';
import type { BudgetLine, Dimension, LineSet } from '../../src/analysis/types';
import { Money, ZERO } from '../../src/money/decimal';
import { defaultModel } from '../../src/model/json';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { gridOf } from '../helpers/grid';
import { SAMPLE } from '../helpers/cli';

const model = defaultModel();
const m = (text: string): Money => new Money(text);

describe('rollup of the sample workbook by priority area', () => {
  it('reproduces the seed’s 2019/20 split from the line-level budget, and says where the seed disagrees', async () => {
    const workbook = await readXlsx(await fs.readFile(SAMPLE));
    const rollup = rollupWorkbook(workbook, model, ['priority-area']);
    expect(rollup.rows.map((r) => [r.key['priority-area'], r.budget.toString(), r.stated?.toString()])).toEqual([
      ['Keeping Children and Young People Safe', '15000000', '15000000'],
      ['A Better Criminal Justice Service', '18100000', '17900000'],
      ['A Better Policing Service for London', '2200000', '2300000'],
      ['Standing Together Against Hatred, Intolerance and Extremism', '2200000', '2100000'],
      ['Tackling Violence Against Women and Girls', '16300000', '16300000'],
    ]);
    expect(rollup.total.budget.toString()).toBe('53800000');
    expect(rollup.total.stated?.toString()).toBe('53600000');
    expect(rollup.disagreements.map((d) => d.key['priority-area'])).toEqual([
      'A Better Criminal Justice Service',
      'A Better Policing Service for London',
      'Standing Together Against Hatred, Intolerance and Extremism',
    ]);
    // The summary and panel tables describe the same spend: counted once, from the line-level sheet.
    expect(rollup.sources.map((s) => s.sheet)).toEqual(['Budget lines']);
    expect(rollup.yearOnYear.map((y) => [y.year, y.total.toString()])).toEqual([
      ['2018/19', '46100000'],
      ['2019/20', '53600000'],
      ['2020/21', '62600000'],
    ]);
    expect(rollup.yearOnYear[1].change?.toString()).toBe('7500000');
  });
});

describe('lines', () => {
  it('takes panel lines under priority-area sections when no line-level table covers them', () => {
    const grid = gridOf('Panel', [
      ['Key activities 2019/20'],
      ['Key activity', '2019/20 £m'],
      ['A Better Policing Service for London (£2.3m)'],
      ['Public engagement', 0.4],
      ['Police training', 0.3],
    ]);
    const { lines } = extractLines({ sheets: [grid] }, model);
    expect(lines.map((l) => [l.label, l.dims['priority-area'], l.dims.year, l.budget?.toString()])).toEqual([
      ['Public engagement', 'A Better Policing Service for London', '2019/20', '400000'],
      ['Police training', 'A Better Policing Service for London', '2019/20', '300000'],
    ]);
  });

  it('leaves out lines whose figures cannot be used, and counts them', () => {
    const grid = gridOf('Lines', [
      ['Ref', 'Line', 'Borough', 'Budget £', 'Forecast £'],
      ['A', 'Youth work', 'Lambeth', 100, 90],
      ['B', 'Advocacy', 'Hammersmith & Fulham', 'approx 5', 5],
      ['C', 'Triage', 'Barnet', { f: 'X1/0', v: { kind: 'error', code: '#DIV/0!' } }, 5],
    ]);
    const set = extractLines({ sheets: [grid] }, model);
    expect(set.lines.map((l) => l.label)).toEqual(['Youth work']);
    expect(set.excluded.map((e) => [e.cell, e.reason])).toEqual([
      ['D3', 'D3 is not an amount (“approx 5”)'],
      ['D4', 'D4 shows #DIV/0!'],
    ]);
    const rollup = rollupLines(set, model, ['borough']);
    expect(rollup.excluded).toHaveLength(2);
    expect(rollup.rows[0]).toMatchObject({ key: { borough: 'Lambeth' }, lines: 1 });
    expect(rollup.rows[0].variance.toString()).toBe('-10');
  });

  it('canonicalises names, so "Hammersmith & Fulham" and "Hammersmith and Fulham" are one borough', () => {
    const grid = gridOf('Lines', [
      ['Ref', 'Line', 'Borough', 'Budget £'],
      ['A', 'Youth work', 'Hammersmith & Fulham', 100],
      ['B', 'Advocacy', 'hammersmith and fulham', 50],
    ]);
    const rollup = rollupWorkbook({ sheets: [grid] }, model, ['borough']);
    expect(rollup.rows.map((r) => [r.key.borough, r.budget.toString()])).toEqual([['Hammersmith and Fulham', '150']]);
  });
});

const DIMS: Dimension[] = ['priority-area', 'funding-stream', 'borough', 'year'];
const pence = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((p) => new Money(p).div(100));
const lineArb: fc.Arbitrary<BudgetLine> = fc
  .record({
    area: fc.constantFrom(...model.priorityAreas.map((p) => p.name)),
    stream: fc.constantFrom('LCPF', 'MOPAC core', 'YLF'),
    borough: fc.option(fc.constantFrom('Lambeth', 'Barnet', 'Merton'), { nil: undefined }),
    year: fc.constantFrom('2018/19', '2019/20'),
    budget: pence,
    forecast: fc.option(pence, { nil: undefined }),
  })
  .map((r) => ({
    sheet: 'S',
    row: 0,
    label: 'line',
    dims: { 'priority-area': r.area, 'funding-stream': r.stream, ...(r.borough ? { borough: r.borough } : {}), year: r.year },
    budget: r.budget,
    ...(r.forecast ? { forecast: r.forecast, variance: r.forecast.minus(r.budget) } : {}),
    cells: {},
  }));
const lineSetOf = (lines: BudgetLine[]): LineSet => ({ lines, excluded: [], sources: [] });
const byArb = fc.subarray(DIMS, { minLength: 1, maxLength: 3 });

describe('rollup properties', () => {
  it('group totals sum exactly to the grand total, and subtotals to their groups', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), byArb, (lines, by) => {
        const rollup = rollupLines(lineSetOf(lines), model, by);
        for (const field of ['budget', 'forecast', 'variance'] as const) {
          const sum = rollup.rows.reduce((s, r) => s.plus(r[field]), ZERO);
          expect(sum.eq(rollup.total[field])).toBe(true);
          if (by.length > 1) expect(rollup.subtotals.reduce((s, r) => s.plus(r[field]), ZERO).eq(rollup.total[field])).toBe(true);
        }
        const exact = lines.reduce((s, l) => s.plus(l.budget ?? ZERO), ZERO);
        expect(rollup.total.budget.eq(exact)).toBe(true);
        expect(rollup.rows.reduce((n, r) => n + r.lines, 0)).toBe(lines.length);
      }),
    );
  });

  it('the rollup of a shuffled table equals the rollup of the original', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), byArb, fc.integer(), (lines, by, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), { numRuns: 1, seed })[0];
        const a = rollupLines(lineSetOf(lines), model, by);
        const b = rollupLines(lineSetOf(shuffled), model, by);
        const view = (r: typeof a) => JSON.stringify({ rows: r.rows, total: r.total, subtotals: r.subtotals });
        expect(view(b)).toBe(view(a));
      }),
    );
  });
});

describe('variance percentage, share and RAG', () => {
  it('are computed from the exact sums', () => {
    const lines: BudgetLine[] = [
      { sheet: 'S', row: 1, label: 'a', dims: { borough: 'Lambeth' }, budget: m('1000'), forecast: m('1200'), variance: m('200'), cells: {} },
      { sheet: 'S', row: 2, label: 'b', dims: { borough: 'Barnet' }, budget: m('3000'), forecast: m('3000'), variance: m('0'), cells: {} },
    ];
    const rollup = rollupLines(lineSetOf(lines), model, ['borough']);
    const lambeth = rollup.rows.find((r) => r.key.borough === 'Lambeth');
    expect(lambeth?.variancePct?.toString()).toBe('20');
    expect(lambeth?.share?.toString()).toBe('25');
    expect(lambeth?.rag).toBe('red');
    expect(rollup.rows.find((r) => r.key.borough === 'Barnet')?.rag).toBe('green');
  });
});
