/**
 * The look of generated sheets: a panel appendix. Table cells are formatted directly (header fill,
 * section fill, total borders) rather than only through the table style, because LibreOffice does not
 * draw Excel table styles, and the sheet should read the same wherever it is opened or printed.
 */
import type ExcelJS from 'exceljs';
import type { RowStyle, SpecParagraph } from '../../reports/spec';

export const TABLE_STYLE = 'TableStyleLight9';
export const TAB_COLOUR = 'FF1F4E78';

/** Arial: LibreOffice draws it with Liberation Sans, which has the same metrics, so fitted widths hold in both. */
const FONT_NAME = 'Arial';

function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, family: 2, size: 10, ...extra };
}

function solid(argb: string): ExcelJS.Fill {
  // Both colours: Excel reads a solid fill's fgColor in cells and bgColor in conditional formats.
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export const TITLE_FONT = font({ size: 14, bold: true, color: { argb: 'FF1F3864' } });
export const UNIT_NOTE_FONT = font({ size: 9, italic: true, color: { argb: 'FF595959' } });
export const FOOTNOTE_FONT = font({ size: 8, italic: true, color: { argb: 'FF404040' } });
export const SOURCE_FONT = font({ size: 8, italic: true, color: { argb: 'FF7F7F7F' } });
export const BODY_FONT = font();
export const LINK_COLOUR = 'FF0563C1';

export const HEADER_FONT = font({ bold: true, color: { argb: 'FFFFFFFF' } });
export const HEADER_FILL = solid('FF1F4E78');

const SECTION_FILL = solid('FFDDEBF7');
const RULE_GREY = { style: 'hair', color: { argb: 'FFBFBFBF' } } as const;
const RULE_THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const RULE_DOUBLE = { style: 'double', color: { argb: 'FF000000' } } as const;

export interface RowLook {
  readonly bold: boolean;
  readonly fill?: ExcelJS.Fill;
  readonly border: Partial<ExcelJS.Borders>;
}

export function rowLook(style: RowStyle | undefined): RowLook {
  switch (style) {
    case 'section':
      return { bold: true, fill: SECTION_FILL, border: { bottom: RULE_GREY } };
    case 'subtotal':
      return { bold: true, border: { top: RULE_THIN, bottom: RULE_GREY } };
    case 'total':
      return { bold: true, border: { top: RULE_THIN, bottom: RULE_DOUBLE } };
    default:
      return { bold: false, border: { bottom: RULE_GREY } };
  }
}

export function paragraphFont(emphasis: SpecParagraph['emphasis']): Partial<ExcelJS.Font> {
  switch (emphasis) {
    case 'strong':
      return font({ bold: true });
    case 'warning':
      return font({ bold: true, color: { argb: 'FF9C0006' } });
    case 'good':
      return font({ bold: true, color: { argb: 'FF006100' } });
    default:
      return font();
  }
}

/** Conditional-format looks: Excel's own Good / Neutral / Bad colours. */
export const RAG_LOOKS = [
  { text: 'green', fill: solid('FFC6EFCE'), font: { color: { argb: 'FF006100' } } },
  { text: 'amber', fill: solid('FFFFEB9C'), font: { color: { argb: 'FF9C5700' } } },
  { text: 'red', fill: solid('FFFFC7CE'), font: { color: { argb: 'FF9C0006' } } },
] as const;
export const NEGATIVE_FONT = { color: { argb: 'FFC00000' } };
export const DATA_BAR_COLOUR = 'FF638EC6';
