import { criterion } from '../../../src/sheet/formulas/criteria';
import { excelCompare } from '../../../src/sheet/formulas/excel-compare';
import { worksOnArrays } from '../../../src/sheet/formulas/array-work';
import { textAsNumber } from '../../../src/sheet/formulas/text-number';

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

describe('text arithmetic reads as a number, as Excel does', () => {
  it.each<[string, number | undefined]>([
    ['1,200', 1200],
    ['£1,200.50', 1200.5],
    ['(1,200)', -1200],
    ['-3', -3],
    ['12.5%', 0.125],
    ['1.2E3', 1200],
    ['1.2m', undefined],
    ['12,00', undefined],
    ['abc', undefined],
    ['(3', undefined],
  ])('%p is %p', (text, expected) => expect(textAsNumber(text)).toBe(expected));
});
