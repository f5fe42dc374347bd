import fc from 'fast-check';
import { Money } from '../../../src/money/decimal';
import type { SheetSpec, SpecRow, TableSpec } from '../../../src/reports/spec';
import { planSheet, renderFormula, lastRowOf, linkLocation } from '../../../src/workbook/layout/plan';
import { SheetSpecError } from '../../../src/workbook/layout/errors';

function table(rows: readonly SpecRow[], extra: Partial<TableSpec> = {}): TableSpec {
  return {
    name: 'CW_T',
    title: 'T',
    unitNote: '£m',
    unit: '£m',
    decimals: 1,
    columns: [
      { key: 'label', header: 'Label', type: 'text' },
      { key: 'amount', header: 'Amount', type: 'money' },
    ],
    rows,
    totals: [],
    conditionalFormats: [],
    footnotes: [],
    source: '',
    ...extra,
  };
}

const sheet = (...tables: TableSpec[]): SheetSpec => ({ name: 'Findings', paragraphs: [], tables });
const body = (n: number): SpecRow[] => Array.from({ length: n }, (_, i) => ({ cells: { label: `r${i}`, amount: new Money(i) } }));

/** The 1-based sheet rows a SUM(...) formula covers, ranges expanded. */
function rowsCovered(formula: string): number[] {
  const rows: number[] = [];
  for (const m of formula.matchAll(/B(\d+)(?::B(\d+))?/g)) {
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    for (let r = from; r <= to; r++) rows.push(r);
  }
  return rows;
}

describe('planSheet', () => {
  it('stacks paragraphs, then each table with a blank row between blocks', () => {
    const plan = planSheet({
      name: 'Panel report',
      paragraphs: [{ text: 'No errors open', emphasis: 'good' }],
      tables: [table(body(2), { footnotes: ['n'], source: 's' }), table(body(1), { name: 'CW_U' })],
    });
    const [first, second] = plan.tables;
    expect(plan.paragraphs.map((p) => p.row)).toEqual([0]);
    expect([first.titleRow, first.unitRow, first.headerRow, ...first.bodyRows]).toEqual([2, 3, 4, 5, 6]);
    expect([...first.footnoteRows, first.sourceRow]).toEqual([8, 9]);
    expect(lastRowOf(first)).toBe(9);
    expect(second.titleRow).toBe(11);
    expect(plan.frozenRows).toBe(5);
  });

  it('keeps one blank data row for an empty table, since Excel tables need one', () => {
    const plan = planSheet(sheet(table([], { totals: [{ cells: { label: 'Total' }, style: 'total' }] })));
    const t = plan.tables[0];
    expect(t.tableDataRows).toBe(1);
    expect(t.totalRows).toEqual([t.headerRow + 2]);
    expect(renderFormula({ op: 'sum', rows: 'body' }, t, 'amount', t.totalRows[0])).toBe(`SUM(B${t.headerRow + 2})`);
  });

  it('makes headers single-line, non-empty and unique without regard to case', () => {
    const t = table(body(1), {
      columns: [
        { key: 'a', header: 'Budget\n£m', type: 'money' },
        { key: 'b', header: '  ', type: 'text' },
        { key: 'c', header: 'budget £m', type: 'money' },
      ],
      rows: [],
    });
    expect(planSheet(sheet(t)).tables[0].headers).toEqual(['Budget £m', 'Column 2', 'budget £m (2)']);
  });

  it('freezes nothing when the first header is far down the sheet', () => {
    const paragraphs = Array.from({ length: 25 }, (_, i) => ({ text: `p${i}` }));
    expect(planSheet({ name: 'Panel report', paragraphs, tables: [table(body(1))] }).frozenRows).toBe(0);
  });

  it('refuses cells for columns the table does not have', () => {
    expect(() => planSheet(sheet(table([{ cells: { nope: 'x' } }])))).toThrow(SheetSpecError);
  });
});

describe('renderFormula', () => {
  it('sums the listed body rows as ranges of consecutive rows', () => {
    const t = planSheet(sheet(table(body(8)))).tables[0];
    const first = t.bodyRows[0] + 1;
    expect(renderFormula({ op: 'sum', rows: [0, 1, 2, 5, 7] }, t, 'amount', 99)).toBe(`SUM(B${first}:B${first + 2},B${first + 5},B${first + 7})`);
  });

  it('leaves subtotal and total rows inside the body out of a body sum', () => {
    const rows = [...body(2), { cells: { label: 'Sub' }, style: 'subtotal' as const }, ...body(2)];
    const t = planSheet(sheet(table(rows))).tables[0];
    const first = t.bodyRows[0] + 1;
    expect(renderFormula({ op: 'sum', rows: 'body' }, t, 'amount', 99)).toBe(`SUM(B${first}:B${first + 1},B${first + 3}:B${first + 4})`);
  });

  it('writes minus and percent against the same row, a percent blank when the base is zero', () => {
    const t = planSheet(sheet(table(body(1)))).tables[0];
    expect(renderFormula({ op: 'minus', a: 'amount', b: 'label' }, t, 'amount', 6)).toBe('B7-A7');
    expect(renderFormula({ op: 'percent', a: 'label', b: 'amount' }, t, 'amount', 6)).toBe('IF(B7=0,"",A7/B7*100)');
  });

  it('covers exactly the listed rows, however they are spread, within Excel limits', () => {
    const t = planSheet(sheet(table(body(1200)))).tables[0];
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1199 }), { minLength: 1, maxLength: 700 }), (indexes) => {
        const formula = renderFormula({ op: 'sum', rows: indexes }, t, 'amount', 0);
        expect(rowsCovered(formula).sort((a, b) => a - b)).toEqual(indexes.map((i) => t.bodyRows[i] + 1).sort((a, b) => a - b));
        expect(formula.length).toBeLessThanOrEqual(8192);
        for (const m of formula.matchAll(/SUM\(([^()]*)\)/g)) expect(m[1].split(',').length).toBeLessThanOrEqual(255);
      }),
      { numRuns: 60 },
    );
  });

  it('names a missing column or body row in its message', () => {
    const t = planSheet(sheet(table(body(2)))).tables[0];
    expect(() => renderFormula({ op: 'minus', a: 'amount', b: 'budget' }, t, 'amount', 0)).toThrow('refers to "budget"');
    expect(() => renderFormula({ op: 'sum', rows: [2] }, t, 'amount', 0)).toThrow('sums body row 2');
  });
});

describe('linkLocation', () => {
  it('quotes sheet names that need it and refuses a cell that is not an address', () => {
    expect(linkLocation('Budget lines', '$B$7')).toBe("'Budget lines'!B7");
    expect(linkLocation('Rollup', 'c3')).toBe('Rollup!C3');
    expect(linkLocation("O'Brien's", 'A1')).toBe("'O''Brien''s'!A1");
    expect(() => linkLocation('Rollup', 'B7:C9')).toThrow(SheetSpecError);
  });
});
