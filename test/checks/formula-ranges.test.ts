/** formula-range and formula-double-count: totals whose SUM misses lines of its block, reaches past it, or counts lines twice. */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/checks/runner';
import type { Finding } from '../../src/checks/finding';
import { defaultModel } from '../../src/model/json';
import { toA1 } from '../../src/sheet/a1';
import type { CellValue, Grid } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

const TODAY = new Date(Date.UTC(2026, 10, 22));
const RULES = new Set(['formula-range', 'formula-double-count']);

type Figure = number | string | null | { f: string; v?: CellValue | null };
type Row = readonly [string, Figure] | readonly [string];

function check(grid: Grid): Finding[] {
  return [...checkWorkbook({ sheets: [grid] }, defaultModel(), { today: TODAY }).findings];
}

function ours(grid: Grid): Finding[] {
  return check(grid).filter((f) => RULES.has(f.rule));
}

/** A one-column budget: header in row 1, then the rows as given (an empty array is a blank spacer row). */
function budget(rows: readonly (Row | readonly [])[]): Grid {
  return gridOf('Budget', [['Line', 'Budget £'], ...rows.map((r) => (r.length === 0 ? [] : r.length === 1 ? [r[0]] : [r[0], r[1]]))]);
}

const sum = (range: string, v: number | null): Figure => ({ f: `SUM(${range})`, v });

describe('formula-range', () => {
  it('reports a line left out before the range start, with the corrected SUM and the figures', () => {
    const [f, ...rest] = ours(
      budget([
        ['Police', 100],
        ['Victim services', 12300],
        ['Youth', 300],
        ['Total', sum('B3:B4', 12600)],
      ]),
    );
    expect(rest).toEqual([]);
    expect([f.rule, f.severity, f.cell, f.suggestion, f.expected, f.actual, f.unit]).toEqual([
      'formula-range',
      'error',
      'B5',
      '=SUM(B2:B4)',
      '12700',
      '12600',
      '£',
    ]);
    expect(f.message).toBe(
      'Total (Budget) in B5 adds B3:B4 but the lines of its block start at B2: “Police” in B2 (£100) is left out. It shows £12,600; with it, it would be £12,700.',
    );
  });

  it('reports a blank or zero line left out at the end as a warning: the figure is right today', () => {
    for (const left of [0, '-']) {
      const [f] = ours(
        budget([
          ['A', 100],
          ['B', 200],
          ['Victim services', left],
          ['Total', sum('B2:B3', 300)],
        ]),
      );
      expect([f.rule, f.severity, f.cell, f.suggestion, f.expected]).toEqual(['formula-range', 'warning', 'B5', '=SUM(B2:B4)', undefined]);
      expect(f.message).toContain('adds B2:B3 but the lines of its block run to B4: “Victim services” in B4');
    }
  });

  it('leaves a line left out at the end with a figure to total-mismatch, which already reports it with the fix', () => {
    const findings = check(
      budget([
        ['A', 100],
        ['B', 200],
        ['Victim services', 12300],
        ['Total', sum('B2:B3', 300)],
      ]),
    );
    expect(findings.filter((f) => RULES.has(f.rule))).toEqual([]);
    const [t] = findings.filter((f) => f.rule === 'total-mismatch');
    expect([t.cell, t.suggestion]).toEqual(['B5', '=SUM(B2:B4)']);
  });

  it('reports a range that takes in the header', () => {
    const [f] = ours(
      budget([
        ['A', 100],
        ['B', 200],
        ['Total', sum('B1:B3', 300)],
      ]),
    );
    expect([f.rule, f.severity, f.cell, f.suggestion]).toEqual(['formula-range', 'warning', 'B4', '=SUM(B2:B3)']);
    expect(f.message).toContain('reaches into the header (B1)');
  });

  it('reports a subtotal’s range extended over the subtotal above when the grand total adds both', () => {
    const grid = budget([
      ['A1', 10],
      ['A2', 20],
      ['Subtotal A', sum('B2:B3', 30)],
      ['B1', 40],
      ['B2', 50],
      ['Subtotal B', sum('B4:B6', 120)],
      ['Grand total', { f: 'B4+B7', v: 150 }],
    ]);
    const [f, ...rest] = ours(grid);
    expect(rest).toEqual([]);
    expect([f.rule, f.severity, f.cell, f.suggestion, f.expected, f.actual]).toEqual(['formula-range', 'error', 'B7', '=SUM(B5:B6)', '90', '120']);
    expect(f.message).toContain('takes in “Subtotal A” in B4, the total of another block');
  });

  it('reports a range that runs back across a section heading into the block above', () => {
    const grid = budget([
      ['Safety'],
      ['A1', 10],
      ['A2', 20],
      ['Total safety', sum('B3:B4', 30)],
      ['Justice'],
      ['B1', 40],
      ['B2', 50],
      ['Total justice', sum('B5:B8', 120)],
    ]);
    const [f] = ours(grid);
    expect([f.rule, f.severity, f.cell, f.suggestion]).toEqual(['formula-range', 'error', 'B9', '=SUM(B7:B8)']);
  });

  it('leaves a subtotal plus further lines alone ("Subtotal + contingency = Total")', () => {
    expect(
      ours(
        budget([
          ['A', 10],
          ['B', 20],
          ['Subtotal', sum('B2:B3', 30)],
          ['Contingency', 5],
          ['Total', sum('B4:B5', 35)],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('formula-double-count', () => {
  it('reports a total that adds a subtotal and its lines, suggesting the subtotal alone', () => {
    const grid = budget([
      ['A', 10],
      ['B', 20],
      ['Subtotal', sum('B2:B3', 30)],
      ['Total', sum('B2:B4', 60)],
    ]);
    const [f, ...rest] = ours(grid);
    expect(rest).toEqual([]);
    expect([f.rule, f.severity, f.cell, f.suggestion, f.expected, f.actual]).toEqual(['formula-double-count', 'error', 'B5', '=B4', '30', '60']);
    expect(f.message).toBe(
      'Total (Budget) in B5 adds B2:B4, which counts figures twice: “Subtotal” in B4 already adds B2:B3, and the formula adds those rows as well. It shows £60; counting each figure once, it would be £30. =B4 adds each figure once.',
    );
  });

  it('reports a list that adds a subtotal and one of its lines', () => {
    const [f] = ours(
      budget([
        ['A', 10],
        ['B', 20],
        ['Subtotal', sum('B2:B3', 30)],
        ['Total', { f: 'B4+B2', v: 40 }],
      ]),
    );
    expect([f.rule, f.severity, f.suggestion]).toEqual(['formula-double-count', 'error', '=B4']);
  });

  it('reports a grand total over every row of two blocks, suggesting the subtotals', () => {
    const grid = budget([
      ['A1', 10],
      ['A2', 20],
      ['Sub A', sum('B2:B3', 30)],
      ['B1', 0],
      ['B2', 0],
      ['Sub B', sum('B5:B6', 0)],
      ['Grand total', sum('B2:B7', 30)],
    ]);
    const [f] = ours(grid);
    expect([f.rule, f.severity, f.cell, f.suggestion]).toEqual(['formula-double-count', 'error', 'B8', '=B4+B7']);
  });

  it('calls double counting of blank or zero lines a warning', () => {
    const [f] = ours(
      budget([
        ['A', 0],
        ['B', null],
        ['Subtotal', sum('B2:B3', 0)],
        ['Total', sum('B2:B4', 0)],
      ]),
    );
    expect([f.rule, f.severity, f.suggestion, f.expected]).toEqual(['formula-double-count', 'warning', '=B4', undefined]);
  });
});

describe('clean totals give no formula-range or formula-double-count', () => {
  const clean: Record<string, Grid> = {
    'a total of its lines': budget([
      ['A', 10],
      ['B', 20],
      ['C', 30],
      ['Total', sum('B2:B4', 60)],
    ]),
    'a total over subtotals': budget([
      ['A1', 10],
      ['A2', 20],
      ['Sub A', sum('B2:B3', 30)],
      ['B1', 40],
      ['B2', 50],
      ['Sub B', sum('B5:B6', 90)],
      ['Total', { f: 'B4+B7', v: 120 }],
    ]),
    'a grand total as the SUM of subtotals': budget([
      ['A1', 1],
      ['A2', 2],
      ['Sub A', sum('B2:B3', 3)],
      ['B1', 4],
      ['Sub B', sum('B5:B5', 4)],
      ['Total', { f: 'SUM(B4,B6)', v: 7 }],
    ]),
    'a blank spacer row inside the range': budget([['A', 10], ['B', 20], [], ['C', 30], ['D', 40], ['Total', sum('B2:B6', 100)]]),
    'a blank spacer row before the total': budget([['A', 10], ['B', 20], [], ['Total', sum('B2:B3', 30)]]),
    'a line after a blank gap, outside the range': budget([['A', 10], ['B', 20], [], ['Memo item', 5], ['Total', sum('B2:B3', 30)]]),
    'a typed total': budget([
      ['A', 10],
      ['B', 20],
      ['Total', 30],
    ]),
    'a total above its lines': budget([
      ['Total', sum('B3:B5', 60)],
      ['A', 10],
      ['B', 20],
      ['C', 30],
    ]),
    'sections each with a total': budget([
      ['Safety'],
      ['A1', 10],
      ['A2', 20],
      ['Total safety', sum('B3:B4', 30)],
      ['Justice'],
      ['B1', 40],
      ['Total justice', sum('B7:B7', 40)],
    ]),
  };
  it.each(Object.keys(clean))('%s', (name) => expect(ours(clean[name])).toEqual([]));
});

/**
 * Generated clean tables: blocks of lines, each closed by a SUM subtotal, and a grand total adding the
 * subtotals; two money columns (Budget, Forecast) so the structure does not rest on one. Faults are put
 * into the Budget column with the cached value Excel would show for the faulty formula.
 */
interface Generated {
  readonly grid: Grid;
  /** 0-based rows of each block's lines and its subtotal. */
  readonly blocks: readonly { readonly lines: readonly number[]; readonly total: number }[];
  readonly grand: number;
}

const blockSizes = fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 4 });
const figures = fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 40, maxLength: 40 });

function generate(sizes: readonly number[], values: readonly number[]): Generated {
  const grid = gridOf('Budget', [['Service', 'Budget £', 'Forecast £']]);
  let row = 1;
  let k = 0;
  const blocks: { lines: number[]; total: number }[] = [];
  sizes.forEach((size, b) => {
    const lines: number[] = [];
    for (let i = 0; i < size; i++, row++, k++) {
      grid.set(row, 0, `Service ${b + 1}.${i + 1}`);
      grid.set(row, 1, values[k % values.length]);
      grid.set(row, 2, values[(k + 7) % values.length] + 3);
      lines.push(row);
    }
    grid.set(row, 0, `Total area ${b + 1}`);
    for (const col of [1, 2]) setSum(grid, row, col, lines);
    blocks.push({ lines, total: row++ });
  });
  grid.set(row, 0, 'Grand total');
  for (const col of [1, 2]) setFormula(grid, row, col, blocks.map((bl) => toA1(bl.total, col)).join('+'));
  return { grid, blocks, grand: row };
}

function valueOf(grid: Grid, row: number, col: number): number {
  const v = grid.value(row, col);
  return typeof v === 'number' ? v : 0;
}

function setFormula(grid: Grid, row: number, col: number, formula: string, rows?: readonly number[]): void {
  const refs = rows ?? formula.split('+').map((a) => Number(/\d+$/.exec(a)![0]) - 1);
  grid.setCell(row, col, { value: refs.reduce((t, r) => t + valueOf(grid, r, col), 0), formula });
}

function setSum(grid: Grid, row: number, col: number, rows: readonly number[]): void {
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const covered = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  setFormula(grid, row, col, `SUM(${toA1(first, col)}:${toA1(last, col)})`, covered);
}

/** The grand total's cached value after a fault changed a subtotal's. */
function recalcGrand(g: Generated): void {
  setFormula(g.grid, g.grand, 1, g.blocks.map((bl) => toA1(bl.total, 1)).join('+'));
}

const ALL_FORMULA_RULES = new Set(['formula-range', 'formula-double-count', 'formula-missing', 'formula-among-inputs']);

describe('formula-range and formula-double-count on generated tables', () => {
  it('find nothing in a clean table', () => {
    fc.assert(
      fc.property(blockSizes, figures, (sizes, values) => {
        expect(check(generate(sizes, values).grid).filter((f) => ALL_FORMULA_RULES.has(f.rule))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('report a subtotal whose SUM range is shortened by one line, with the full range as the fix', () => {
    fc.assert(
      fc.property(blockSizes, figures, fc.nat(), fc.boolean(), (sizes, values, pick, atStart) => {
        const g = generate(sizes, values);
        const block = g.blocks[pick % g.blocks.length];
        const kept = atStart ? block.lines.slice(1) : block.lines.slice(0, -1);
        setSum(g.grid, block.total, 1, kept);
        recalcGrand(g);
        const cell = toA1(block.total, 1);
        const fix = `=SUM(${toA1(block.lines[0], 1)}:${toA1(block.lines[block.lines.length - 1], 1)})`;
        const findings = check(g.grid).filter((f) => f.cell === cell);
        // A SUM stopping short of its total is read as adding the line it skips (and a SUM of one cell is not
        // read at all), so total-mismatch reports the omission there; one at the start of a longer block is ours.
        const reported = findings.filter((f) => ['formula-range', 'total-mismatch'].includes(f.rule));
        expect(reported.map((f) => [f.severity, f.suggestion])).toEqual([['error', fix]]);
        if (atStart && block.lines.length >= 3) expect(reported[0].rule).toBe('formula-range');
      }),
      { numRuns: 60 },
    );
  });

  it('report a subtotal whose range is extended over the subtotal above', () => {
    fc.assert(
      fc.property(blockSizes, figures, fc.nat(), (sizes, values, pick) => {
        const g = generate(sizes, values);
        const b = 1 + (pick % (g.blocks.length - 1));
        const block = g.blocks[b];
        setSum(g.grid, block.total, 1, [g.blocks[b - 1].total, ...block.lines]);
        recalcGrand(g);
        const fix = `=SUM(${toA1(block.lines[0], 1)}:${toA1(block.lines[block.lines.length - 1], 1)})`;
        const ours = check(g.grid).filter((f) => RULES.has(f.rule));
        expect(ours.map((f) => [f.rule, f.severity, f.cell, f.suggestion])).toEqual([['formula-range', 'error', toA1(block.total, 1), fix]]);
      }),
      { numRuns: 60 },
    );
  });

  it('report a grand total that adds every row, lines and subtotals, with the subtotals as the fix', () => {
    fc.assert(
      fc.property(blockSizes, figures, (sizes, values) => {
        const g = generate(sizes, values);
        setSum(g.grid, g.grand, 1, [g.blocks[0].lines[0], g.grand - 1]);
        const fix = `=${g.blocks.map((bl) => toA1(bl.total, 1)).join('+')}`;
        const ours = check(g.grid).filter((f) => RULES.has(f.rule));
        expect(ours.map((f) => [f.rule, f.severity, f.cell, f.suggestion])).toEqual([['formula-double-count', 'error', toA1(g.grand, 1), fix]]);
      }),
      { numRuns: 60 },
    );
  });
});
