import { criterion } from '../../../src/sheet/formulas/criteria';
import { excelCompare } from '../../../src/sheet/formulas/excel-compare';
import { worksOnArrays } from '../../../src/sheet/formulas/array-work';

describe('criteria as the *IF(S) functions read them', () => {
  const values = ['North', 'north east', 'South', 5, 12, '12', null, '', true];
  it.each<[unknown, unknown[]]>([
    ['north', ['North']],
    ['N*', ['North', 'north east']],
    ['?outh', ['South']],
    ['<>North', ['north east', 'South', 5, 12, '12', null, '', true]],
    ['>5', [12]],
    ['>=5', [5, 12]],
    ['<=12', [5, 12]],
    [12, [12]],
    ['', [null, '']],
    ['<>', ['North', 'north east', 'South', 5, 12, '12', true]],
    ['TRUE', [true]],
  ])('%p matches %p', (criteria, expected) => {
    expect(values.filter(criterion(criteria))).toEqual(expected);
  });

  it('reads a ~ before * or ? as that character', () => {
    expect(['a*b', 'axb'].filter(criterion('a~*b'))).toEqual(['a*b']);
  });
});

describe("Excel's comparisons", () => {
  it.each<[unknown, string, unknown, boolean]>([
    ['Yes', '=', 'yes', true],
    [null, '=', '', true],
    [null, '=', 0, true],
    [null, '=', false, true],
    [1, '<', 'a', true],
    ['a', '<', true, true],
    ['apple', '<', 'Banana', true],
    [2, '<>', 2, false],
  ])('%p %s %p is %p', (a, op, b, expected) => {
    expect(excelCompare(a, op, b)).toBe(expected);
  });
});

describe('array work, which the engine leaves unevaluated', () => {
  it.each([
    'SUMPRODUCT((A1:A3>1)*(B1:B3))',
    'SUMPRODUCT(--(A1:A3>1),B1:B3)',
    'OR(A3={1,2,3})',
    'SUM(IF(A1:A3>1,B1:B3,0))',
    'SUM(A1:A3*B1:B3)',
    "'My sheet'!C5:C9+1",
  ])('%s is array work', (formula) => expect(worksOnArrays(formula)).toBe(true));

  it.each([
    'SUM(A1:A3)*2',
    'SUM(B:B)-B1',
    'SUMIF(A1:A3,">1",B1:B3)',
    'SUMPRODUCT(A1:A3,B1:B3)',
    '(SUM(A1:A3))*2',
    'VLOOKUP(A1,B:C,2,0)*1.2',
    'INDEX(A1:B3,2,1)+1',
    'C5-C6',
  ])('%s is not', (formula) => expect(worksOnArrays(formula)).toBe(false));
});
