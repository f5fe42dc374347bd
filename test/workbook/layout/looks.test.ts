/**
 * The look of generated sheets is described once (layout/looks.ts) and drawn by both writers: the .xlsx
 * writer as ExcelJS styles, the office.js writer as range formats. Both must come out the same.
 */
import * as looks from '../../../src/workbook/layout/looks';
import { HEADER_FILL, NEGATIVE_FONT, RAG_LOOKS, excelFont, paragraphFont, rowLook } from '../../../src/workbook/xlsx/write-styles';
import { writeSheetSpecsToExcel } from '../../../src/workbook/office/write';
import { FakeWorkbook } from '../office/fake-excel';
import { registerSheet, rollupSheet } from '../office/specs';

const solid = (argb: string): unknown => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

describe('the .xlsx writer', () => {
  test('draws fonts in Arial with ARGB colours, only the properties a look sets', () => {
    expect(excelFont(looks.TITLE_FONT)).toEqual({ name: 'Arial', family: 2, size: 14, bold: true, color: { argb: 'FF1F3864' } });
    expect(excelFont(looks.FOOTNOTE_FONT)).toEqual({ name: 'Arial', family: 2, size: 8, italic: true, color: { argb: 'FF404040' } });
    expect(paragraphFont(undefined)).toEqual({ name: 'Arial', family: 2, size: 10 });
    expect(paragraphFont('warning')).toEqual({ name: 'Arial', family: 2, size: 10, bold: true, color: { argb: 'FF9C0006' } });
  });

  test('fills solid in both colours (cells read the foreground, conditional formats the background) and rules rows', () => {
    expect(HEADER_FILL).toEqual(solid('FF1F4E78'));
    expect(rowLook('section')).toEqual({ bold: true, fill: solid('FFDDEBF7'), border: { bottom: { style: 'hair', color: { argb: 'FFBFBFBF' } } } });
    expect(rowLook('total')).toEqual({
      bold: true,
      border: { top: { style: 'thin', color: { argb: 'FF000000' } }, bottom: { style: 'double', color: { argb: 'FF000000' } } },
    });
    expect(rowLook(undefined)).toEqual({ bold: false, border: { bottom: { style: 'hair', color: { argb: 'FFBFBFBF' } } } });
    expect(RAG_LOOKS).toEqual(looks.RAG_LOOKS.map((look) => ({ text: look.text, fill: solid(look.fill), font: { color: { argb: look.colour } } })));
    expect(NEGATIVE_FONT).toEqual({ color: { argb: 'FFC00000' } });
  });
});

describe('the office.js writer', () => {
  test('draws the same colours as "#RRGGBB" and the same rules as Excel border styles', async () => {
    const book = new FakeWorkbook();
    await writeSheetSpecsToExcel(book.runner, [rollupSheet(), registerSheet({ rows: 3 })]);
    const rollup = book.sheet('Rollup')!;
    const formats = rollup.formats.map((f) => `${f.path}=${String(f.value)}`);
    expect(formats).toEqual(
      expect.arrayContaining([
        'fill.color=#1F4E78',
        'font.color=#FFFFFF',
        'font.size=14',
        'font.color=#1F3864',
        'borders[EdgeTop].style=Continuous',
        'borders[EdgeTop].weight=Thin',
        'borders[EdgeTop].color=#000000',
        'borders[EdgeBottom].style=Double',
        'borders[InsideHorizontal].weight=Hairline',
        'borders[InsideHorizontal].color=#BFBFBF',
      ]),
    );
    const ragFills = book
      .sheet('Register')!
      .conditionalFormats.filter((f) => f.type === 'Custom')
      .map((f) => [f.props['custom.format.fill.color'], f.props['custom.format.font.color']]);
    expect(ragFills).toEqual(looks.RAG_LOOKS.map((look) => [`#${look.fill.slice(2)}`, `#${look.colour.slice(2)}`]));
  });
});
