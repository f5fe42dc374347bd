import { Grid, type CellValue, type DefinedName, type GridWorkbook } from '../../../src/sheet/grid';
import { calculateFormulas } from '../../../src/sheet/formulas/calculate';
import { parseA1 } from '../../../src/sheet/a1';

type Sheet = Record<string, CellValue | null | { f: string; v?: CellValue | null; numFmt?: string }>;

function workbookOf(sheets: Record<string, Sheet>, extra: Partial<GridWorkbook> = {}): GridWorkbook {
  const grids = Object.entries(sheets).map(([name, cells]) => {
    const grid = new Grid(name);
    for (const [address, content] of Object.entries(cells)) {
      const { row, col } = parseA1(address)!;
      if (content !== null && typeof content === 'object' && 'f' in content) {
        grid.setCell(row, col, { value: content.v ?? null, formula: content.f, ...(content.numFmt ? { numFmt: content.numFmt } : {}) });
      } else grid.set(row, col, content);
    }
    return grid;
  });
  return { sheets: grids, ...extra };
}

function calculated(sheets: Record<string, Sheet>, extra: Partial<GridWorkbook> = {}) {
  const workbook = calculateFormulas(workbookOf(sheets, extra));
  const value = (sheet: string, address: string) => {
    const { row, col } = parseA1(address)!;
    return workbook.sheets.find((g) => g.name === sheet)!.value(row, col);
  };
  return { workbook, report: workbook.formulas!, value };
}

const f = (formula: string, v?: CellValue | null) => ({ f: formula, v: v ?? null });

describe('calculating formulas the file holds no results for', () => {
  it.each<[string, Sheet, CellValue]>([
    ['arithmetic', { A1: 10, A2: 4, B1: f('A1-A2*2+3/3') }, 3],
    ['SUM over a range', { A1: 1, A2: 2, A3: 3, B1: f('SUM(A1:A3)') }, 6],
    ['SUMIF', { A1: 'x', A2: 'y', A3: 'x', B1: 5, B2: 7, B3: 11, C1: f('SUMIF(A1:A3,"x",B1:B3)') }, 16],
    ['SUMIFS', { A1: 'x', A2: 'y', A3: 'x', B1: 5, B2: 7, B3: 11, C1: f('SUMIFS(B1:B3,A1:A3,"x",B1:B3,">6")') }, 11],
    ['SUMPRODUCT', { A1: 2, A2: 3, B1: 5, B2: 7, C1: f('SUMPRODUCT(A1:A2,B1:B2)') }, 31],
    ['ROUND half away from zero as Excel (1.005 to 1.01)', { A1: 1.005, B1: f('ROUND(A1,2)') }, 1.01],
    ['ROUNDUP and ROUNDDOWN', { A1: 2.341, B1: f('ROUNDUP(A1,1)+ROUNDDOWN(A1,1)') }, 4.7],
    ['IF with a blank taken as ""', { A1: null, B1: 4, C1: f('IF(A1="","none",B1-A1)') }, 'none'],
    ['text compared regardless of case', { A1: 'Yes', B1: f('IF(A1="yes",1,0)') }, 1],
    ['IFERROR', { A1: 0, B1: f('IFERROR(10/A1,-1)') }, -1],
    ['AND and OR', { A1: 3, B1: f('IF(AND(A1>1,OR(A1=3,A1=4)),1,0)') }, 1],
    ['MIN, MAX and AVERAGE', { A1: 3, A2: 9, A3: 6, B1: f('MIN(A1:A3)+MAX(A1:A3)+AVERAGE(A1:A3)') }, 18],
    ['VLOOKUP', { A1: 'a', A2: 'b', B1: 10, B2: 20, C1: f('VLOOKUP("b",A1:B2,2,FALSE)') }, 20],
    ['XLOOKUP', { A1: 'a', A2: 'b', B1: 10, B2: 20, C1: f('XLOOKUP("B",A1:A2,B1:B2)') }, 20],
    ['XLOOKUP not found', { A1: 'a', B1: 10, C1: f('XLOOKUP("z",A1:A1,B1:B1,"none")') }, 'none'],
    ['TEXT with a thousands separator', { A1: 1234567, B1: f('TEXT(A1,"#,##0")') }, '1,234,567'],
    ['TEXT with a pound sign, scaled to millions', { A1: 15300000, B1: f('TEXT(A1,"£#,##0.0,,")&"m"') }, '£15.3m'],
    ['TEXT of text that is not a number shows it as it is', { A1: 'n/a', B1: f('TEXT(A1,"0.0")') }, 'n/a'],
    ['TEXT of a number written as text', { A1: '1,200', B1: f('TEXT(A1,"0")') }, '1200'],
    ['TEXT with a format it cannot read is #VALUE!, not a console message', { A1: 5, B1: f('ISERROR(TEXT(A1,"[h"))') }, true],
    ['INDEX and MATCH', { A1: 'a', A2: 'b', B1: 10, B2: 20, C1: f('INDEX(B1:B2,MATCH("b",A1:A2,0))') }, 20],
    ['a whole-column reference', { A1: 1, A2: 2, A5: 4, B1: f('SUM(A:A)') }, 7],
    ['a formula pointing at a blank shows 0', { B1: f('A9') }, 0],
    ['division by zero is #DIV/0!', { A1: 0, B1: f('1/A1') }, { kind: 'error', code: '#DIV/0!' }],
  ])('%s', (_name, sheet, expected) => {
    const result = calculated({ S: sheet });
    const formulaCell = Object.keys(sheet).find((k) => typeof sheet[k] === 'object' && sheet[k] !== null && 'f' in (sheet[k] as object))!;
    expect(result.value('S', formulaCell)).toEqual(expected);
    expect(result.report.evaluated).toBe(1);
    expect(result.report.notUnderstood).toEqual([]);
  });

  it('follows formulas through other formulas and other sheets, in any order', () => {
    const { value, report } = calculated({
      Summary: { A1: f("SUM('Budget lines'!C2:C4)"), A2: f('A1*2') },
      'Budget lines': { C2: f('A2+B2'), A2: 1, B2: 2, C3: 4, C4: f('C2+C3') },
    });
    expect(value('Summary', 'A1')).toBe(14);
    expect(value('Summary', 'A2')).toBe(28);
    expect(report.evaluated).toBe(4);
  });

  it('resolves defined names, a sheet-local one before a global one', () => {
    const names: DefinedName[] = [
      { name: 'Rate', refersTo: 'Inputs!$B$1' },
      { name: 'Rate', sheet: 'Local', refersTo: 'Inputs!$B$2' },
      { name: 'Lines', refersTo: "'Inputs'!$C$1:$C$3" },
    ];
    const { value } = calculated(
      { Inputs: { B1: 0.5, B2: 0.25, C1: 1, C2: 2, C3: 3 }, Global: { A1: f('100*Rate'), A2: f('SUM(Lines)') }, Local: { A1: f('100*Rate') } },
      { definedNames: names },
    );
    expect(value('Global', 'A1')).toBe(50);
    expect(value('Global', 'A2')).toBe(6);
    expect(value('Local', 'A1')).toBe(25);
  });

  it('follows a chain 20,000 formulas deep without running out of stack', () => {
    const sheet: Sheet = { A1: 1 };
    for (let r = 2; r <= 20_000; r++) sheet[`A${r}`] = f(`A${r - 1}+1`);
    // Evaluated from the bottom: each formula meets the uncalculated one above it.
    const { value } = calculated({ S: sheet });
    expect(value('S', 'A20000')).toBe(20_000);
  });

  it('gives a date-formatted result as a date, in either date system', () => {
    expect(calculated({ S: { A1: { f: 'DATE(2020,3,31)', numFmt: 'dd/mm/yyyy' } } }).value('S', 'A1')).toEqual(new Date(Date.UTC(2020, 2, 31)));
    const in1904 = calculated({ S: { A1: new Date(Date.UTC(2020, 2, 31)), B1: { f: 'A1+1', numFmt: 'dd/mm/yyyy' } } }, { date1904: true });
    expect(in1904.value('S', 'B1')).toEqual(new Date(Date.UTC(2020, 3, 1)));
  });
});

describe('formulas the evaluator cannot work out', () => {
  it.each<[string, string, RegExp]>([
    ['an unknown function', 'OFFSET(A1,1,0)+1', /uses OFFSET/],
    ['another workbook', '[1]Sheet1!A1+1', /another workbook/],
    ['a run of sheets', 'SUM(Jan:Dec!B2)', /run of sheets/],
    ['array work', 'SUMPRODUCT((A1:A3>1)*B1:B3)', /array calculation/],
    ['an unknown name', 'Rate*2', /name Rate/],
    ['a missing sheet', 'Gone!A1+1', /sheet named "Gone"/],
  ])('%s leaves the cell unknown, never 0, and lists it', (_name, formula) => {
    const { value, report } = calculated({ S: { A1: 1, A2: 2, B1: 3, C1: f(formula) } });
    expect(value('S', 'C1')).toBeNull();
    expect(report.notUnderstood).toEqual([expect.objectContaining({ sheet: 'S', cell: 'C1', formula, saved: false })]);
  });

  it('gives the reason for each', () => {
    const { report } = calculated({ S: { C1: f('OFFSET(A1,1,0)'), C2: f('Gone!A1') } });
    expect(report.notUnderstood.map((u) => u.reason)).toEqual([
      'uses OFFSET, which the evaluator does not know',
      'refers to a sheet named "Gone", which is not in this workbook',
    ]);
  });

  it('leaves what depends on an unknown cell unknown too', () => {
    const { value, report } = calculated({ S: { A1: f('OFFSET(B1,0,0)'), A2: f('A1+1') } });
    expect(value('S', 'A2')).toBeNull();
    expect(report.notUnderstood[1]).toMatchObject({ cell: 'A2', reason: 'depends on S!A1, which could not be evaluated' });
  });

  it('marks a circular reference instead of looping', () => {
    const { value, report } = calculated({ S: { A1: f('A2+1'), A2: f('A1+1'), A3: f('A3+1') } });
    expect(value('S', 'A1')).toBeNull();
    expect(value('S', 'A3')).toBeNull();
    expect(report.notUnderstood.map((u) => u.cell)).toEqual(['A1', 'A2', 'A3']);
    expect(report.notUnderstood[2].reason).toBe('is part of a circular reference');
  });

  it('keeps a saved result it cannot confirm, and says so', () => {
    const { value, report } = calculated({ S: { A1: f('OFFSET(B1,0,0)', 7) } });
    expect(value('S', 'A1')).toBe(7);
    expect(report.notUnderstood[0].saved).toBe(true);
  });
});

describe('saved results', () => {
  it('are kept and confirmed where recalculation agrees (floating sums differing in the last bits agree)', () => {
    const { value, report } = calculated({ S: { A1: 0.1, A2: 0.2, B1: f('A1+A2', 0.3), B2: f('A1*3', 0.30000000000000004) } });
    expect(value('S', 'B1')).toBe(0.3);
    expect(report).toMatchObject({ recalculated: 2, evaluated: 0, stale: [] });
  });

  it('that recalculation contradicts are stale, and the saved figure is what the workbook shows', () => {
    const { value, report } = calculated({ S: { A1: 5, A2: 7, B1: f('A1+A2', 10) } });
    expect(value('S', 'B1')).toBe(10);
    expect(report.stale).toEqual([{ sheet: 'S', cell: 'B1', formula: 'A1+A2', saved: 10, computed: 12 }]);
  });

  it('of volatile functions are never stale', () => {
    expect(calculated({ S: { A1: f('TODAY()', 1), A2: f('A1+1', 2) } }).report.stale).toEqual([]);
  });

  it('are replaced by calculated ones where the file asks for a full calculation on load', () => {
    const { value, report } = calculated({ S: { A1: 5, A2: 7, B1: f('A1+A2', 10) } }, { fullCalcOnLoad: true });
    expect(value('S', 'B1')).toBe(12);
    expect(report).toMatchObject({ recalculated: 1, stale: [], fullCalcOnLoad: true });
  });

  it('on generated sheets are not reported stale (the product rewrites them)', () => {
    const workbook = workbookOf({ Rollup: { A1: 5, B1: f('A1', 4) } });
    workbook.sheets[0].generated = true;
    expect(calculateFormulas(workbook).formulas!.stale).toEqual([]);
  });
});
