import { millionsFormat, parseSeedAmount } from '../../src/samples/seed-amount';
import { stripHtml } from '../../src/samples/strip-html';

describe('parseSeedAmount', () => {
  it('keeps the figure and the decimals the seed wrote', () => {
    expect(parseSeedAmount('0.64')).toEqual({ kind: 'number', decimal: '0.64', decimals: 2, poundsMillionsStyle: false });
    expect(parseSeedAmount('0')).toEqual({ kind: 'number', decimal: '0', decimals: 0, poundsMillionsStyle: false });
    expect(parseSeedAmount('-1.0')).toEqual({ kind: 'number', decimal: '-1.0', decimals: 1, poundsMillionsStyle: false });
    expect(parseSeedAmount('-0.36')).toEqual({ kind: 'number', decimal: '-0.36', decimals: 2, poundsMillionsStyle: false });
  });

  it('reads the VRU table style £0.35m and remembers it', () => {
    expect(parseSeedAmount('£0.35m')).toEqual({ kind: 'number', decimal: '0.35', decimals: 2, poundsMillionsStyle: true });
    expect(parseSeedAmount('£1.1m')).toEqual({ kind: 'number', decimal: '1.1', decimals: 1, poundsMillionsStyle: true });
  });

  it('tells blanks from the seed dashes', () => {
    expect(parseSeedAmount('')).toEqual({ kind: 'blank' });
    expect(parseSeedAmount('  ')).toEqual({ kind: 'blank' });
    expect(parseSeedAmount('-')).toEqual({ kind: 'placeholder', text: '-' });
  });

  it('refuses text that is no amount, saying what it expected', () => {
    expect(() => parseSeedAmount('1,4x')).toThrow(/"1,4x" is not an amount .*expected 1\.4, -0\.36, £0\.35m/);
    expect(() => parseSeedAmount('£0.35')).toThrow(/not an amount/);
  });
});

describe('millionsFormat', () => {
  it('shows the given decimals with a minus for negatives', () => {
    expect(millionsFormat(0)).toBe('#,##0;-#,##0');
    expect(millionsFormat(1)).toBe('#,##0.0;-#,##0.0');
    expect(millionsFormat(2)).toBe('#,##0.00;-#,##0.00');
  });

  it('wraps the figure in £ and m for the VRU style', () => {
    expect(millionsFormat(2, true)).toBe('"£"#,##0.00"m";-"£"#,##0.00"m"');
  });
});

describe('stripHtml', () => {
  it('turns the seed list markup into plain text and decodes entities', () => {
    expect(stripHtml('<ul> <li>Extension of embedded youth work provision in London Major Trauma Centres and A&amp;Es</li> </ul>')).toBe(
      'Extension of embedded youth work provision in London Major Trauma Centres and A&Es',
    );
  });

  it('leaves a bare ampersand alone', () => {
    expect(stripHtml("Children & Young People's")).toBe("Children & Young People's");
  });
});
