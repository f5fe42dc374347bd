import { Grid } from '../../src/sheet/grid';
import fc from 'fast-check';
import { budgetGrid, findings, formulaFindings, LINES, linesArb, put } from './formula-table';

const shapes = (g: ReturnType<typeof budgetGrid>) => findings([g], 'formula-inconsistent');

describe('formula-inconsistent', () => {
  it('says nothing of a clean table: a column of =Cn-Bn and a total of SUMs', () => {
    expect(formulaFindings([budgetGrid()])).toEqual([]);
  });

  it('says nothing of a total row whose formula differs from its lines', () => {
    // The total row's =SUM(D2:D7) is unlike every line's =Cn-Bn, and meant to be.
    expect(shapes(budgetGrid())).toEqual([]);
  });

  const invalid: { name: string; cell: string; formula: string; value: number; severity: string; suggestion: string; expected?: string }[] = [
    // Row 4 reads the row below: 95 is row 5's forecast... 150 − 150 = 0, not 15.
    { name: 'a reference shifted to the row below', cell: 'D4', formula: 'C5-B5', value: 0, severity: 'error', suggestion: '=C4-B4', expected: '15' },
    { name: 'the operands swapped', cell: 'D3', formula: 'B3-C3', value: 20, severity: 'error', suggestion: '=C3-B3', expected: '-20' },
    { name: 'a slip that gives the same figure today', cell: 'D5', formula: 'C5-C5', value: 0, severity: 'warning', suggestion: '=C5-B5' },
    { name: 'a formula beyond additive arithmetic', cell: 'D6', formula: 'ROUND(C6-B6,0)', value: 30, severity: 'warning', suggestion: '=C6-B6' },
  ];
  it.each(invalid)('reports $name', ({ cell, formula, value, severity, suggestion, expected }) => {
    const g = budgetGrid();
    put(g, cell, formula, value);
    const [f, ...rest] = shapes(g);
    expect(rest).toEqual([]);
    expect([f.cell, f.severity, f.suggestion]).toEqual([cell, severity, suggestion]);
    if (expected !== undefined) expect([f.expected, f.actual, f.unit]).toEqual([expected, String(value), '£k']);
  });

  it('states the row, the formula, the pattern and the effect', () => {
    const g = budgetGrid();
    put(g, 'D4', 'C5-B5', 0);
    const [f] = shapes(g);
    expect(f.message).toBe(
      'Variance for “Drug treatment” is worked out as =C5-B5, unlike the 5 lines around it in this column, which follow the pattern that would be =C4-B4 here. That formula gives £15k, not the £0k shown: £15k apart. It is also why the total in D8 does not add up to its lines.',
    );
  });

  it('needs a clear majority: three alike, three quarters of the run', () => {
    const three = budgetGrid(LINES.slice(0, 3));
    put(three, 'D3', 'B3-C3', 20);
    expect(shapes(three)).toEqual([]);
    const four = budgetGrid(LINES.slice(0, 4));
    put(four, 'D3', 'B3-C3', 20);
    expect(shapes(four).map((f) => f.cell)).toEqual(['D3']);
  });

  it('leaves a column that alternates alone', () => {
    const g = budgetGrid();
    for (const r of [3, 5, 7]) put(g, `D${r}`, `B${r}-C${r}`, 0);
    expect(shapes(g)).toEqual([]);
  });

  it('leaves two cells that share an odd shape alone: a pattern, not a slip', () => {
    const g = budgetGrid();
    put(g, 'D3', 'B3-C3', 20);
    put(g, 'D6', 'B6-C6', -30);
    expect(shapes(g)).toEqual([]);
  });

  it('leaves a constant added on top of the pattern to formula-constant', () => {
    const g = budgetGrid();
    put(g, 'D4', 'C4-B4+40', 55);
    expect(shapes(g)).toEqual([]);
    expect(findings([g], 'formula-constant').map((f) => f.cell)).toEqual(['D4']);
  });

  it('compares a total row across its columns', () => {
    const g = new Grid('Quarters');
    ['Service', 'Q1 £k', 'Q2 £k', 'Q3 £k', 'Q4 £k'].forEach((h, c) => g.set(0, c, h));
    LINES.forEach((l, i) => {
      g.set(i + 1, 0, l.label);
      [1, 2, 3, 4].forEach((c) => g.set(i + 1, c, l.budget + c));
    });
    g.set(7, 0, 'Total');
    const total = (c: number, last: number) => LINES.slice(0, last - 1).reduce((s, l) => s + l.budget + c, 0);
    ['B', 'C', 'D', 'E'].forEach((letter, i) => put(g, `${letter}8`, `SUM(${letter}2:${letter}7)`, total(i + 1, 7)));
    expect(shapes(g)).toEqual([]);
    put(g, 'D8', 'SUM(D2:D6)', total(3, 6));
    const f = shapes(g).find((x) => x.cell === 'D8');
    expect([f?.severity, f?.suggestion, f?.expected]).toEqual(['error', '=SUM(D2:D7)', String(total(3, 7))]);
    expect(f?.message).toContain('unlike the 3 totals beside it in this row');
  });
});

describe('formula-inconsistent on generated tables', () => {
  it('finds a reference shifted to the row below, and nothing in the clean table', () => {
    fc.assert(
      fc.property(
        linesArb().chain((lines) => fc.tuple(fc.constant(lines), fc.integer({ min: 0, max: lines.length - 2 }))),
        ([lines, i]) => {
          expect(formulaFindings([budgetGrid(lines)])).toEqual([]);
          const g = budgetGrid(lines);
          const r = i + 2;
          const below = lines[i + 1];
          put(g, `D${r}`, `C${r + 1}-B${r + 1}`, below.forecast - below.budget);
          const found = findings([g], 'formula-inconsistent');
          expect(found.map((f) => [f.cell, f.suggestion])).toEqual([[`D${r}`, `=C${r}-B${r}`]]);
          const changes = below.forecast - below.budget !== lines[i].forecast - lines[i].budget;
          expect(found[0].severity).toBe(changes ? 'error' : 'warning');
        },
      ),
    );
  });
});
