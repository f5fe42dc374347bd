import fc from 'fast-check';
import Decimal from 'decimal.js';
import { DIMENSIONS, type Dimension, type DimensionKey, type Rollup, type RollupRow } from '../../../src/analysis/types';
import type { Rag } from '../../../src/budget/rag';
import { Money, ZERO } from '../../../src/money/decimal';
import { UNIT_IDS } from '../../../src/money/units';
import { buildRollupSheet } from '../../../src/reports/builders/rollup';
import { defaultModel } from '../../../src/model/json';
import { displayed, evaluate, formulaCells, formulaMismatches, numberIn } from './spec-helpers';
import { withSettings } from './sample';

const model = defaultModel();

interface Line {
  readonly key: Record<Dimension, string>;
  readonly budget: Money;
  readonly forecast: Money | undefined;
  readonly actual: Money | undefined;
}

const pounds = fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }).map((pence) => new Money(pence).div(100));
const line = fc.record({
  key: fc.record(Object.fromEntries(DIMENSIONS.map((d) => [d, fc.constantFrom('North', 'South', 'East')])) as Record<Dimension, fc.Arbitrary<string>>),
  budget: pounds,
  forecast: fc.option(pounds, { nil: undefined }),
  actual: fc.option(pounds, { nil: undefined }),
});

/**
 * A rollup as the engine makes one from these lines: a line's variance is its forecast (else actual)
 * minus budget, and nothing for a line with neither, so some rows' variances are no formula of the row.
 */
function rollupOf(lines: readonly Line[], by: readonly Dimension[], stated: boolean, rag: Rag): Rollup {
  const group = (keyOf: (l: Line) => DimensionKey): RollupRow[] => {
    const groups = new Map<string, Line[]>();
    for (const l of lines) {
      const id = JSON.stringify(keyOf(l));
      groups.set(id, [...(groups.get(id) ?? []), l]);
    }
    return [...groups].map(([id, members]) => rowOf(JSON.parse(id) as DimensionKey, members));
  };
  const totalBudget = lines.reduce((s, l) => s.plus(l.budget), ZERO);
  const rowOf = (key: DimensionKey, members: readonly Line[]): RollupRow => {
    const sum = (f: (l: Line) => Money | undefined): Money => members.reduce((s, l) => s.plus(f(l) ?? ZERO), ZERO);
    const budget = sum((l) => l.budget);
    const variance = sum((l) => (l.forecast ?? l.actual)?.minus(l.budget) ?? ZERO);
    return {
      key,
      lines: members.length,
      budget,
      forecast: sum((l) => l.forecast),
      actual: sum((l) => l.actual),
      variance,
      variancePct: budget.isZero() ? null : variance.div(budget.abs()).times(100),
      share: totalBudget.isZero() ? null : budget.div(totalBudget).times(100),
      rag,
      stated: stated ? budget.div(100_000).round().times(100_000) : null,
    };
  };
  const pick = (l: Line, dims: readonly Dimension[]): DimensionKey => Object.fromEntries(dims.map((d) => [d, l.key[d]]));
  return {
    by,
    measures: { budget: true, forecast: lines.some((l) => l.forecast), actual: lines.some((l) => l.actual) },
    baseTitle: 'Budget',
    rows: group((l) => pick(l, by)),
    subtotals: by.length > 1 ? group((l) => pick(l, [by[0]])) : [],
    total: rowOf({}, lines),
    excluded: [],
    sources: [{ sheet: 'Lines', range: 'A1:H9', lines: lines.length }],
    yearOnYear: [],
    disagreements: [],
  };
}

const settings = fc.record({
  displayUnit: fc.constantFrom(...UNIT_IDS),
  displayDecimals: fc.integer({ min: 0, max: 3 }),
  roundingPolicy: fc.constantFrom('as-stated' as const, 'largest-remainder' as const),
  varianceConvention: fc.constantFrom('forecast-minus-budget' as const, 'budget-minus-forecast' as const),
});

const scenario = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 25 }),
  by: fc.shuffledSubarray([...DIMENSIONS], { minLength: 1, maxLength: 3 }),
  stated: fc.boolean(),
  rag: fc.constantFrom<Rag>('green', 'amber', 'red'),
  settings,
});

describe('Rollup sheet formulas, for random rollups', () => {
  it('every formula’s cached value is what the formula computes from the cells it names', () => {
    fc.assert(
      fc.property(scenario, ({ lines, by, stated, rag, settings: s }) => {
        const sheet = buildRollupSheet(rollupOf(lines, by, stated, rag), { model: withSettings(model, s), modelDescription: 'test', today: new Date() });
        expect(formulaMismatches(sheet)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('every sum is over body rows only, a subtotal over exactly the rows of its first dimension, and the total over all', () => {
    fc.assert(
      fc.property(scenario, ({ lines, by, stated, rag, settings: s }) => {
        const rollup = rollupOf(lines, by, stated, rag);
        const [table] = buildRollupSheet(rollup, { model: withSettings(model, s), modelDescription: 'test', today: new Date() }).tables;
        for (const cell of formulaCells(table)) {
          if (cell.formula.op !== 'sum') continue;
          const rows = cell.formula.rows;
          if (cell.row.style === 'total') {
            expect(rows).toBe('body');
            continue;
          }
          expect(cell.row.style).toBe('subtotal');
          if (rows === 'body') throw new Error('a subtotal sums the whole body');
          const first = by[0];
          const expected = table.rows.map((r, i) => (r.cells[first] === cell.row.cells[first] ? i : -1)).filter((i) => i >= 0);
          expect(rows).toEqual(expected);
        }
        if (s.roundingPolicy === 'as-stated') {
          // The written total is the engine's exact total.
          const total = table.totals.at(-1)!;
          expect(numberIn(total.cells.budget)!.eq(rollup.total.budget)).toBe(true);
          expect(evaluate(table, total, 'budget', { op: 'sum', rows: 'body' })!.eq(rollup.total.budget)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with largest-remainder rounding the displayed parts always add up to the displayed total', () => {
    fc.assert(
      fc.property(scenario, ({ lines, by, stated, rag, settings: s }) => {
        const rollup = rollupOf(lines, by, stated, rag);
        const [table] = buildRollupSheet(rollup, {
          model: withSettings(model, { ...s, roundingPolicy: 'largest-remainder' }),
          modelDescription: 'test',
          today: new Date(),
        }).tables;
        const total = table.totals.at(-1)!;
        for (const key of ['budget', 'forecast', 'actual', 'variance']) {
          if (!table.columns.some((c) => c.key === key)) continue;
          const parts = table.rows.reduce((sum, r) => sum.plus(displayed(r.cells[key], table)), new Decimal(0));
          expect([key, parts.toString()]).toEqual([key, displayed(total.cells[key], table).toString()]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
