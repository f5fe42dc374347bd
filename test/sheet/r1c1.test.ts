import fc from 'fast-check';
import { columnLetters } from '../../src/sheet/a1';
import { fromR1C1, normaliseA1, refArea, toR1C1, tokenize, type RefToken } from '../../src/sheet/formulas/r1c1';

describe('toR1C1', () => {
  it.each([
    ['D8-C8', 7, 4, 'RC[-1]-RC[-2]'],
    ['D9-C9', 8, 4, 'RC[-1]-RC[-2]'],
    ['$B$2*C5', 4, 3, 'R2C2*RC[-1]'],
    ['B$2+$A5', 4, 3, 'R2C[-2]+RC1'],
    ['SUM(C5:C10)', 10, 2, 'SUM(R[-6]C:R[-1]C)'],
    ['SUM(C:C)+SUM(5:5)', 0, 0, 'SUM(C[2]:C[2])+SUM(R[4]:R[4])'],
    ['SUM($C:$D)', 0, 0, 'SUM(C3:C4)'],
    ['LOG10(A1)+ATAN2(B1,C1)+DAYS360(A1,B1)', 3, 3, 'LOG10(R[-3]C[-3])+ATAN2(R[-3]C[-2],R[-3]C[-1])+DAYS360(R[-3]C[-3],R[-3]C[-2])'],
    ['"A1 and B2"&A1', 1, 1, '"A1 and B2"&R[-1]C[-1]'],
    ['"say ""C3"""&C3', 2, 2, '"say ""C3"""&RC'],
    ["Sheet1!A1+'My sheet'!B$2", 2, 2, "Sheet1!R[-2]C[-2]+'My sheet'!R2C[-1]"],
    ['Data!C5:C9', 0, 0, 'Data!R[4]C[2]:R[8]C[2]'],
    ['Rate*C5+FY_2019+Budget.Total', 4, 4, 'Rate*RC[-2]+FY_2019+Budget.Total'],
    ['IF(A1>0,#N/A,TRUE)', 1, 1, 'IF(R[-1]C[-1]>0,#N/A,TRUE)'],
    ['Table1[Amount]+[@Cost]', 1, 1, 'Table1[Amount]+[@Cost]'],
    ['D8 - C8', 7, 4, 'RC[-1]-RC[-2]'],
    ['d8-c8', 7, 4, 'RC[-1]-RC[-2]'],
    ['C5*1.2E3+10%', 4, 2, 'RC*1.2E3+10%'],
    ['#REF!+A1', 0, 0, '#REF!+RC'],
    ['SUM(Jan:Mar!B5)', 4, 4, 'SUM(Jan:Mar!RC[-3])'],
    ["[1]Sheet1!A1*2+'It''s'!A1", 4, 4, "[1]Sheet1!R[-4]C[-4]*2+'It''s'!R[-4]C[-4]"],
    ['_xlfn.XLOOKUP(A1,B:B,C:C)', 4, 4, '_XLFN.XLOOKUP(R[-4]C[-4],C[-3]:C[-3],C[-2]:C[-2])'],
    ['SUM(A1:B2 B1:C3)', 4, 4, 'SUM(R[-4]C[-4]:R[-3]C[-3] R[-4]C[-3]:R[-2]C[-2])'],
    ['IF(C5>=0,"<>",-C5)', 4, 4, 'IF(RC[-2]>=0,"<>",-RC[-2])'],
  ])('%s at (%i, %i) is %s', (formula, row, col, shape) => {
    expect(toR1C1(formula, row, col)).toBe(shape);
  });

  it('gives one shape to a formula copied down a column, and another to one that is not', () => {
    const shapes = [4, 5, 6, 7].map((r) => toR1C1(`D${r + 1}-C${r + 1}`, r, 4));
    expect(new Set(shapes).size).toBe(1);
    expect(toR1C1('D9-C9', 7, 4)).not.toBe(shapes[0]);
  });

  it('reads a name that looks like a cell only as a function when called', () => {
    const tokens = tokenize('LOG10(2)+LOG10')!;
    expect(tokens.map((t) => t.kind)).toEqual(['func', 'op', 'number', 'op', 'op', 'ref']);
  });

  it('gives no shape to text it cannot read', () => {
    expect(toR1C1('"unterminated', 0, 0)).toBeUndefined();
    expect(toR1C1('A1 ~ B2', 0, 0)).toBeUndefined();
    // Names Excel forbids, which would read back as R1C1 references.
    expect(toR1C1('R1C1+RC', 0, 0)).toBeUndefined();
  });
});

describe('fromR1C1', () => {
  it('writes a shape as the formula at another cell', () => {
    expect(fromR1C1('RC[-1]-RC[-2]', 6, 4)).toBe('D7-C7');
    expect(fromR1C1('R2C2*RC[-1]', 9, 3)).toBe('$B$2*C10');
    expect(fromR1C1('SUM(R[-6]C:R[-1]C)', 20, 5)).toBe('SUM(F15:F20)');
    expect(fromR1C1("'My sheet'!R2C[-1]", 0, 2)).toBe("'My sheet'!B$2");
  });
  it('gives nothing where a reference would fall off the sheet', () => {
    expect(fromR1C1('R[-1]C', 0, 0)).toBeUndefined();
  });
  it('leaves names and functions alone', () => {
    expect(fromR1C1('ROUND(RC[-1]*Rate,2)', 3, 3)).toBe('ROUND(C4*Rate,2)');
  });
});

describe('refArea', () => {
  it('gives the cells a reference covers', () => {
    const [ref] = tokenize("'Q1 data'!$C5:C$9")!.filter((t): t is RefToken => t.kind === 'ref');
    expect(refArea(ref)).toEqual({ sheet: 'Q1 data', top: 4, bottom: 8, left: 2, right: 2, single: false });
  });
});

/** Formulas of references, numbers, names, strings and functions, as finance sheets write them. */
const cellRef = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 60 }), fc.boolean(), fc.integer({ min: 0, max: 200 }))
  .map(([ac, c, ar, r]) => `${ac ? '$' : ''}${columnLetters(c)}${ar ? '$' : ''}${r + 1}`);
const sheet = fc.constantFrom('', 'Sheet1!', "'My sheet'!", 'Data!');
const operand = fc.oneof(
  fc.tuple(sheet, cellRef).map(([s, r]) => s + r),
  fc.tuple(sheet, cellRef, cellRef).map(([s, a, b]) => `${s}${a}:${b}`),
  fc.constantFrom('C:C', '$B:$D', '5:5', '12', '1.5', '"A1"', 'Rate', 'TRUE', '#N/A'),
);
const formula = fc.array(fc.tuple(operand, fc.constantFrom('+', '-', '*', '/', '&')), { minLength: 1, maxLength: 6 }).chain((parts) =>
  fc.constantFrom('', 'SUM', 'ROUND', 'LOG10', 'ATAN2').map((fn) => {
    const body = parts.map(([o, op], i) => (i === 0 ? o : `${op}${o}`)).join('');
    return fn === '' ? body : fn === 'SUM' ? `SUM(${body})` : `${fn}(${body},2)`;
  }),
);

describe('round trip', () => {
  it('A1 → R1C1 → A1 at the same cell gives the formula back', () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 80 }), (f, row, col) => {
        const shape = toR1C1(f, row, col);
        expect(shape).toBeDefined();
        expect(fromR1C1(shape!, row, col)).toBe(normaliseA1(f));
        expect(normaliseA1(f)).toBe(f);
      }),
    );
  });
  it('a formula and its copy one row down share a shape', () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 80 }), (f, row, col) => {
        const shape = toR1C1(f, row, col)!;
        const copied = fromR1C1(shape, row + 1, col);
        expect(copied).toBeDefined();
        expect(toR1C1(copied!, row + 1, col)).toBe(shape);
      }),
    );
  });
});
