import Decimal from 'decimal.js';
import { rollupWorkbook } from '../../../src/analysis/rollup';
import { checkWorkbook } from '../../../src/checks/runner';
import { buildRollupSheet } from '../../../src/reports/builders/rollup';
import { ROUNDING_NOTE } from '../../../src/reports/builders/display';
import type { CommissioningModel } from '../../../src/model/types';
import type { TableSpec } from '../../../src/reports/spec';
import { gridOf } from '../../helpers/grid';
import { displayed, formulaMismatches, isFormula, millions, numberIn, rowLabelled, shown, tableNamed } from './spec-helpers';
import { loadSample, TODAY, withSettings, type Sample } from './sample';

const AREAS = [
  'Keeping Children and Young People Safe',
  'A Better Criminal Justice Service',
  'A Better Policing Service for London',
  'Standing Together Against Hatred, Intolerance and Extremism',
  'Tackling Violence Against Women and Girls',
];

describe('Rollup sheet of the sample workbook, by priority area', () => {
  let sample: Sample;
  let table: TableSpec;
  beforeAll(async () => {
    sample = await loadSample();
    table = tableNamed(buildRollupSheet(sample.rollup, sample.context), 'CW_RollupByPriorityArea');
  });

  it('shows each priority area’s budget in £m to 1 dp: 15.0, 18.1, 2.2, 2.2, 16.3', () => {
    expect(table.unit).toBe('£m');
    expect(table.decimals).toBe(1);
    expect(table.rows.map((r) => r.cells['priority-area'])).toEqual(AREAS);
    expect(table.rows.map((r) => shown(r.cells.budget, table))).toEqual(['15.0', '18.1', '2.2', '2.2', '16.3']);
  });

  it('writes totals and variances as formulas whose values are the engine’s sums, exactly', () => {
    const total = table.totals.find((r) => r.style === 'total')!;
    for (const key of ['budget', 'forecast', 'variance'] as const) {
      const cell = total.cells[key];
      expect(isFormula(cell) && cell.formula).toEqual({ op: 'sum', rows: 'body' });
      expect(numberIn(cell)!.eq(sample.rollup.total[key])).toBe(true);
    }
    sample.rollup.rows.forEach((engine, i) => {
      const cell = table.rows[i].cells.variance;
      expect(isFormula(cell) && cell.formula).toEqual({ op: 'minus', a: 'forecast', b: 'budget' });
      expect(numberIn(cell)!.eq(engine.variance)).toBe(true);
      expect(numberIn(table.rows[i].cells.budget)!.eq(engine.budget)).toBe(true);
    });
    expect(formulaMismatches({ name: 'Rollup', paragraphs: [], tables: [table] })).toEqual([]);
  });

  it('puts the seed’s disagreeing headline figures in footnotes', () => {
    const notes = table.footnotes.join('\n');
    expect(notes).toMatch(/£17\.9m for A Better Criminal Justice Service .*its lines sum to £18\.1m/);
    expect(notes).toMatch(/£2\.3m for A Better Policing Service for London .*its lines sum to £2\.2m/);
    expect(notes).toMatch(/£2\.1m for Standing Together Against Hatred, Intolerance and Extremism .*its lines sum to £2\.2m/);
    // The areas that agree with the model are not footnoted.
    expect(notes).not.toMatch(/for Keeping Children/);
  });

  it('shows the stated figures and RAG, colours RAG and draws data bars on the budget', () => {
    expect(numberIn(rowLabelled(table, 'priority-area', 'A Better Criminal Justice Service').cells.stated)!.eq(millions('17.9'))).toBe(true);
    expect(table.rows.map((r) => r.cells.rag)).toEqual(sample.rollup.rows.map((r) => r.rag ?? ''));
    expect(table.conditionalFormats).toEqual(
      expect.arrayContaining([
        { kind: 'rag', column: 'rag' },
        { kind: 'dataBar', column: 'budget' },
      ]),
    );
  });

  it('names its sources in a footnote and in the source line', () => {
    expect(table.footnotes).toContain('From Budget lines!A1:J32, 31 lines.');
    expect(table.source).toBe('Source: Budget lines!A1:J32; model: default; generated 22 November 2026');
  });

  it('adds the year-on-year table and a chart of spend by priority area', () => {
    const sheet = buildRollupSheet(sample.rollup, sample.context);
    const yoy = tableNamed(sheet, 'CW_RollupYearOnYear');
    expect(yoy.rows.map((r) => [r.cells.year, shown(r.cells.total, yoy)])).toEqual([
      ['2018/19', '46.1'],
      ['2019/20', '53.6'],
      ['2020/21', '62.6'],
    ]);
    expect(shown(yoy.rows[1].cells.change, yoy)).toBe('7.5');
    expect(sheet.chart).toEqual({ title: 'Spend by priority area', table: 'CW_RollupByPriorityArea', labelColumn: 'priority-area', valueColumn: 'budget' });
  });
});

/** A line-level sheet: ref, line, priority area, funding stream, year, budget and forecast in pounds. */
function linesWorkbook(lines: readonly (readonly [string, string, string, number | string, number | string])[]) {
  return {
    sheets: [
      gridOf('Budget lines', [
        ['Ref', 'Line', 'Priority area', 'Funding stream', 'Year', 'Budget £', 'Forecast £'],
        ...lines.map(([ref, area, stream, budget, forecast]) => [ref, `Line ${ref}`, area, stream, '2019/20', budget, forecast]),
      ]),
    ],
  };
}

function rollupSheetOf(lines: Parameters<typeof linesWorkbook>[0], model: CommissioningModel, by: Parameters<typeof rollupWorkbook>[2]) {
  const workbook = linesWorkbook(lines);
  const check = checkWorkbook(workbook, model, { today: TODAY });
  const rollup = rollupWorkbook(workbook, model, by, { tables: check.tables });
  return { rollup, sheet: (m: CommissioningModel) => buildRollupSheet(rollup, { model: m, modelDescription: 'test', today: TODAY }) };
}

describe('rounding in the Rollup sheet', () => {
  // Three areas of £1.04m: shown as 1.0 each, but their £3.12m total shows as 3.1.
  const lines = [
    ['A1', AREAS[0], 'MOPAC core', 1_040_000, 1_040_000],
    ['A2', AREAS[1], 'MOPAC core', 1_040_000, 1_040_000],
    ['A3', AREAS[2], 'MOPAC core', 1_040_000, 1_040_000],
  ] as const;

  it('says "Figures may not sum due to rounding" when the displayed parts do not add up', async () => {
    const { model } = await loadSample();
    const [table] = rollupSheetOf(lines, model, ['priority-area']).sheet(withSettings(model, { roundingPolicy: 'as-stated' })).tables;
    const parts = table.rows.reduce((s, r) => s.plus(displayed(r.cells.budget, table)), new Decimal(0));
    expect(parts.eq(displayed(table.totals[0].cells.budget, table))).toBe(false);
    expect(table.footnotes).toContain(ROUNDING_NOTE);
  });

  it('with largest-remainder rounding, the displayed parts add up to the displayed total and the footnote says which moved', async () => {
    const { model } = await loadSample();
    const [table] = rollupSheetOf(lines, model, ['priority-area']).sheet(withSettings(model, { roundingPolicy: 'largest-remainder' })).tables;
    for (const key of ['budget', 'forecast', 'variance']) {
      const parts = table.rows.reduce((s, r) => s.plus(displayed(r.cells[key], table)), new Decimal(0));
      expect(parts.eq(displayed(table.totals[0].cells[key], table))).toBe(true);
      // The written figures are the rounded ones, so the live total is the displayed total.
      for (const r of table.rows) expect(numberIn(r.cells[key])!.eq(displayed(r.cells[key], table))).toBe(true);
    }
    expect(shown(table.totals[0].cells.budget, table)).toBe('3.1');
    expect(table.footnotes).not.toContain(ROUNDING_NOTE);
    expect(table.footnotes.join('\n')).toMatch(/^Figures rounded so that they add up \(largest remainder\); Budget of .+ moved by £0\.1m/m);
    expect(formulaMismatches({ name: 'Rollup', paragraphs: [], tables: [table] })).toEqual([]);
  });

  it('adds no rounding footnote when the displayed parts do add up', async () => {
    const { model } = await loadSample();
    const exact = [
      ['A1', AREAS[0], 'MOPAC core', 1_000_000, 900_000],
      ['A2', AREAS[1], 'MOPAC core', 2_500_000, 2_500_000],
    ] as const;
    const [table] = rollupSheetOf(exact, model, ['priority-area']).sheet(model).tables;
    expect(table.footnotes).not.toContain(ROUNDING_NOTE);
  });
});

describe('Rollup sheet by two dimensions', () => {
  it('adds a subtotal per priority area that sums exactly its own rows, and a chart table by priority area', async () => {
    const { model } = await loadSample();
    const lines = [
      ['L1', AREAS[0], 'MOPAC core', 100_000, 90_000],
      ['L2', AREAS[0], 'London Crime Prevention Fund', 250_000, 250_000],
      ['L3', AREAS[1], 'MOPAC core', 400_000, 410_000],
      ['L4', AREAS[0], 'MOPAC core', 50_000, 50_000],
    ] as const;
    const built = rollupSheetOf(lines, model, ['priority-area', 'funding-stream']);
    const sheet = built.sheet(model);
    const table = tableNamed(sheet, 'CW_RollupByPriorityAreaFundingStream');
    const subtotals = table.totals.filter((r) => r.style === 'subtotal');
    expect(subtotals.map((r) => r.cells['priority-area'])).toEqual([AREAS[0], AREAS[1]]);
    const first = subtotals[0].cells.budget;
    if (!isFormula(first) || first.formula.op !== 'sum' || first.formula.rows === 'body') throw new Error('subtotal is not a sum over listed rows');
    expect(first.formula.rows.map((i) => table.rows[i].cells['priority-area'])).toEqual([AREAS[0], AREAS[0]]);
    expect(numberIn(first)!.eq(400_000)).toBe(true);
    expect(numberIn(first)!.eq(built.rollup.subtotals[0].budget)).toBe(true);
    expect(numberIn(table.totals.at(-1)!.cells.budget)!.eq(800_000)).toBe(true);
    expect(formulaMismatches(sheet)).toEqual([]);

    const chartTable = tableNamed(sheet, sheet.chart!.table);
    expect(chartTable.rows.map((r) => [r.cells['priority-area'], numberIn(r.cells.budget)!.toNumber()])).toEqual([
      [AREAS[0], 400_000],
      [AREAS[1], 400_000],
    ]);
  });
});

describe('lines left out of the rollup', () => {
  it('are named in a footnote with their cell and reason', async () => {
    const { model } = await loadSample();
    const built = rollupSheetOf(
      [
        ['L1', AREAS[0], 'MOPAC core', 100_000, 100_000],
        ['L2', AREAS[0], 'MOPAC core', 'lots', 100_000],
      ],
      model,
      ['priority-area'],
    );
    expect(built.rollup.excluded).toHaveLength(1);
    const [table] = built.sheet(model).tables;
    expect(table.footnotes.join('\n')).toMatch(/^1 line left out of totals: Budget lines!F3 is not an amount \(“lots”\) in “Line L2”\.$/m);
  });
});
