import fc from 'fast-check';
import { budgetGrid, findings, formulaFindings, linesArb, put } from './formula-table';

const constants = (g: ReturnType<typeof budgetGrid>) => findings([g], 'formula-constant');

describe('formula-constant', () => {
  const invalid: { name: string; cell: string; formula: string; value: number; severity: string; suggestion: string; expected?: string }[] = [
    { name: 'a plug added to one line', cell: 'D4', formula: 'C4-B4+40', value: 55, severity: 'error', suggestion: '=C4-B4', expected: '15' },
    { name: 'a plug taken off a total', cell: 'C8', formula: 'SUM(C2:C7)-1200', value: -250, severity: 'error', suggestion: '=SUM(C2:C7)', expected: '950' },
    { name: 'a plug in front', cell: 'D3', formula: '5+C3-B3', value: -15, severity: 'error', suggestion: '=C3-B3', expected: '-20' },
    {
      name: 'a plug taken away inside brackets that are added',
      cell: 'D5',
      formula: 'C5-(B5+2.5)',
      value: -2.5,
      severity: 'error',
      suggestion: '=C5-(B5)',
      expected: '0',
    },
  ];
  it.each(invalid)('reports $name', ({ cell, formula, value, severity, suggestion, expected }) => {
    const g = budgetGrid();
    put(g, cell, formula, value);
    const [f, ...rest] = constants(g);
    expect(rest).toEqual([]);
    expect([f.cell, f.severity, f.suggestion]).toEqual([cell, severity, suggestion]);
    if (expected !== undefined) expect([f.expected, f.actual, f.unit]).toEqual([expected, String(value), '£k']);
  });

  it('says what the constant does, in the table’s unit', () => {
    const g = budgetGrid();
    put(g, 'D4', 'C4-B4+40', 55);
    expect(constants(g)[0].message).toBe(
      'Variance for “Drug treatment” is worked out as =C4-B4+40: the 40 typed into it adds £40k to what its cells give, so the figure no longer is what its label and the other lines’ formulas say. Without it the figure would be £15k, not £55k. It is also why the total in D8 does not add up to its lines.',
    );
  });

  it('leaves a column whose every line carries the same adjustment alone: that is its design, not a plug', () => {
    const g = budgetGrid();
    for (let r = 2; r <= 7; r++) put(g, `D${r}`, `C${r}-B${r}+1`, 0);
    expect(constants(g)).toEqual([]);
  });

  it('calls it a warning where two lines carry different adjustments and no line is without one', () => {
    const g = budgetGrid();
    for (let r = 2; r <= 7; r++) put(g, `D${r}`, r === 3 ? `C${r}-B${r}+40` : r === 5 ? `C${r}-B${r}-25` : `C${r}-B${r}+1`, 0);
    const found = constants(g);
    expect(found.map((f) => [f.cell, f.severity])).toEqual([
      ['D3', 'warning'],
      ['D5', 'warning'],
    ]);
  });

  it.each(['ROUND(C4*1.2,2)', 'C4/1000', 'C4*100', 'C4-B4+0', 'C4*(1+0.2)', 'IF(C4>100,C4-B4,0)', 'ROUND(C4-B4,0)', '(C4-B4)*1.5', '-C4+B4', '40'])(
    'leaves =%s alone',
    (formula) => {
      const g = budgetGrid();
      put(g, 'D4', formula, 15);
      expect(constants(g)).toEqual([]);
    },
  );

  it('says nothing of a clean table', () => {
    expect(formulaFindings([budgetGrid()])).toEqual([]);
  });
});

describe('formula-constant on generated tables', () => {
  it('finds a constant added to one line, with the formula without it, and nothing in the clean table', () => {
    fc.assert(
      fc.property(
        linesArb().chain((lines) =>
          fc.tuple(
            fc.constant(lines),
            fc.integer({ min: 0, max: lines.length - 1 }),
            fc.integer({ min: -5000, max: 5000 }).filter((k) => k !== 0),
          ),
        ),
        ([lines, i, k]) => {
          expect(formulaFindings([budgetGrid(lines)])).toEqual([]);
          const g = budgetGrid(lines);
          const r = i + 2;
          const variance = lines[i].forecast - lines[i].budget;
          put(g, `D${r}`, `C${r}-B${r}${k > 0 ? '+' : '-'}${Math.abs(k)}`, variance + k);
          const found = formulaFindings([g]);
          expect(found.map((f) => [f.rule, f.cell, f.severity, f.suggestion, f.expected])).toEqual([
            ['formula-constant', `D${r}`, 'error', `=C${r}-B${r}`, String(variance)],
          ]);
        },
      ),
    );
  });
});

describe('a total that is off only because of a plug in one of its lines', () => {
  it('is reported once, at the plug, which says it also explains the total', () => {
    const g = budgetGrid();
    put(g, 'D4', 'C4-B4+40', 55);
    const all = findings([g]);
    const plug = all.find((f) => f.rule === 'formula-constant')!;
    expect(plug.cell).toBe('D4');
    expect(plug.message).toMatch(/It is also why the total in D\d+ does not add up to its lines\.$/);
    expect(all.filter((f) => f.rule === 'total-mismatch')).toEqual([]);
  });
});
