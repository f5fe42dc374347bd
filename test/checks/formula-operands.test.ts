import fc from 'fast-check';
import { budgetGrid, findings, formulaFindings, linesArb, put } from './formula-table';
import { gridOf } from '../helpers/grid';

const operands = (g: ReturnType<typeof budgetGrid>) => findings([g], 'formula-blank-or-text');

/** Budget with an assumption cell: an uplift rate in G2, and a Forecast column worked out as =Bn*$G$2. */
function upliftGrid(rate: number | null) {
  const g = budgetGrid();
  put(g, 'F2', undefined, 'Uplift');
  if (rate !== null) put(g, 'G2', undefined, rate);
  for (let r = 2; r <= 7; r++) {
    const budget = g.value(r - 1, 1) as number;
    put(g, `C${r}`, `B${r}*$G$2`, rate === null ? 0 : budget * rate);
  }
  return g;
}

describe('formula-blank-or-text', () => {
  it('reports a total whose SUM passes over a figure typed as text, with the amount left out', () => {
    const g = budgetGrid();
    put(g, 'B4', undefined, '1,200');
    // Excel's SUM skips the text: 120 + 300 + 150 + 210 + 60.
    put(g, 'B8', 'SUM(B2:B7)', 840);
    const [f] = operands(g).filter((x) => x.cell === 'B8');
    expect([f.severity, f.expected, f.actual, f.unit]).toEqual(['error', '2040', '840', '£k']);
    expect(f.message).toBe(
      'Total (Budget) is worked out as =SUM(B2:B7), but a figure is typed as text in B4 (“1,200”): SUM passes over text, so £1,200k is left out. With it the figure would be £2,040k, not £840k. Type it as a number.',
    );
  });

  it('reads text amounts written with a scale', () => {
    const g = budgetGrid();
    put(g, 'B4', undefined, '£0.1m');
    put(g, 'B8', 'SUM(B2:B7)', 840);
    const [f] = operands(g).filter((x) => x.cell === 'B8');
    expect([f.severity, f.expected]).toEqual(['error', '940']);
  });

  it('reports arithmetic over a word, which Excel shows as #VALUE!', () => {
    const g = budgetGrid();
    put(g, 'C4', undefined, 'TBC');
    put(g, 'D4', 'C4-B4', -80);
    const [f] = operands(g).filter((x) => x.cell === 'D4');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('C4 holds the text “TBC”');
  });

  it('leaves a formula already showing an error to formula-error', () => {
    const g = budgetGrid();
    put(g, 'C4', undefined, 'TBC');
    put(g, 'D4', 'C4-B4', { kind: 'error', code: '#VALUE!' });
    expect(operands(g).filter((x) => x.cell === 'D4')).toEqual([]);
  });

  it('warns of a blank assumption cell that multiplies figures', () => {
    const found = operands(upliftGrid(null));
    expect(found.map((f) => [f.cell, f.severity])).toEqual([2, 3, 4, 5, 6, 7].map((r) => [`C${r}`, 'warning']));
    expect(found[0].message).toBe(
      'Forecast for “Youth services” is worked out as =B2*$G$2, but G2 is empty: Excel takes a blank as zero, so the figure comes out as zero. If a figure belongs there, fill it in; if not, take it out of the formula.',
    );
  });

  it('leaves a blank line figure to missing-value', () => {
    const g = budgetGrid();
    put(g, 'B4', undefined, null);
    put(g, 'D4', 'C4-B4', 95);
    expect(operands(g)).toEqual([]);
  });

  it.each([
    ['a clean table', () => budgetGrid()],
    ['a filled-in assumption cell', () => upliftGrid(2)],
    [
      'a blank in a relative reference added in',
      () => {
        const g = budgetGrid();
        put(g, 'D4', 'C4-B4+F4', 15);
        return g;
      },
    ],
    [
      'text that is a heading',
      () => {
        const g = budgetGrid();
        put(g, 'B8', 'SUM(B1:B7)', 920);
        return g;
      },
    ],
  ])('says nothing of %s', (_, make) => {
    expect(operands(make())).toEqual([]);
  });

  it('says nothing of ROUND and scaling formulas', () => {
    const g = budgetGrid();
    put(g, 'D4', 'ROUND(C4*1.2,2)', 114);
    put(g, 'D5', 'C5/1000', 0.15);
    expect(formulaFindings([g]).filter((f) => f.rule !== 'formula-inconsistent')).toEqual([]);
  });
});

describe('formula-blank-or-text on generated tables', () => {
  it('finds a total whose SUM passes over a figure typed as text, and nothing in the clean table', () => {
    fc.assert(
      fc.property(
        linesArb().chain((lines) => fc.tuple(fc.constant(lines), fc.integer({ min: 0, max: lines.length - 1 }))),
        ([lines, i]) => {
          expect(formulaFindings([budgetGrid(lines)])).toEqual([]);
          const g = budgetGrid(lines);
          const total = lines.length + 2;
          const all = lines.reduce((s, l) => s + l.budget, 0);
          put(g, `B${i + 2}`, undefined, lines[i].budget.toLocaleString('en-GB'));
          put(g, `B${total}`, `SUM(B2:B${total - 1})`, all - lines[i].budget);
          const found = formulaFindings([g]);
          expect(found.map((f) => [f.rule, f.cell, f.severity, f.expected])).toEqual([['formula-blank-or-text', `B${total}`, 'error', String(all)]]);
        },
      ),
    );
  });

  it('finds a blank assumption cell in a column of formulas, and nothing once it is filled in', () => {
    fc.assert(
      fc.property(linesArb(), fc.integer({ min: 1, max: 3 }), (lines, rate) => {
        const make = (filled: boolean) => {
          const g = budgetGrid(lines);
          put(g, 'F2', undefined, 'Uplift');
          if (filled) put(g, 'G2', undefined, rate);
          lines.forEach((l, i) => put(g, `C${i + 2}`, `B${i + 2}*$G$2`, filled ? l.budget * rate : 0));
          return g;
        };
        expect(formulaFindings([make(true)])).toEqual([]);
        const found = formulaFindings([make(false)]);
        expect(found.map((f) => [f.rule, f.cell, f.severity])).toEqual(lines.map((_, i) => ['formula-blank-or-text', `C${i + 2}`, 'warning']));
      }),
    );
  });
});

describe('a total that adds a cell of an empty row', () => {
  it('is reported: the figure it meant has gone (a subtotal moved, a row inserted)', () => {
    const g = gridOf('Budget', [
      ['Service', 'Budget £'],
      ['Police', 100],
      ['Youth', 200],
      ['Subtotal A', { f: 'SUM(B2:B3)', v: 300 }],
      [],
      ['Victims', 50],
      ['Refuges', 70],
      ['Subtotal B', { f: 'SUM(B6:B7)', v: 120 }],
      ['Total', { f: 'B4+B5', v: 300 }],
    ]);
    expect(operands(g).map((f) => [f.cell, f.severity])).toEqual([['B9', 'warning']]);
  });

  it('is not reported for a blank line of the table, which has its label', () => {
    const g = gridOf('Budget', [
      ['Service', 'Budget £'],
      ['Police', 100],
      ['Youth', null],
      ['Victims', 50],
      ['Total', { f: 'B2+B3+B4', v: 150 }],
    ]);
    expect(operands(g)).toEqual([]);
  });
});
