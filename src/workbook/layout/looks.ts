/**
 * The look of generated sheets: a panel appendix. Both writers take it from here, the .xlsx writer as
 * ExcelJS styles (xlsx/write-styles.ts) and the office.js writer as range formats, so a report looks
 * the same whichever way it was made. Table cells are formatted directly (header fill, section fill,
 * total borders) rather than only through the table style, because LibreOffice does not draw Excel
 * table styles, and the sheet should read the same wherever it is opened or printed.
 *
 * Colours are ARGB hex, as in the file format: "FF1F4E78".
 */
import type { RowStyle, SpecParagraph } from '../../reports/spec';

export const TABLE_STYLE = 'TableStyleLight9';
export const TAB_COLOUR = 'FF1F4E78';

/** Arial: LibreOffice draws it with Liberation Sans, which has the same metrics, so fitted widths hold in both. */
export const FONT_NAME = 'Arial';

export interface FontLook {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly colour?: string;
}

export interface LineLook {
  readonly style: 'hair' | 'thin' | 'double';
  readonly colour: string;
}

export interface RowLook {
  readonly bold: boolean;
  /** A solid fill's colour. */
  readonly fill?: string;
  readonly top?: LineLook;
  readonly bottom?: LineLook;
}

export const TITLE_FONT: FontLook = { size: 14, bold: true, colour: 'FF1F3864' };
export const UNIT_NOTE_FONT: FontLook = { size: 9, italic: true, colour: 'FF595959' };
export const FOOTNOTE_FONT: FontLook = { size: 8, italic: true, colour: 'FF404040' };
export const SOURCE_FONT: FontLook = { size: 8, italic: true, colour: 'FF7F7F7F' };
export const BODY_FONT: FontLook = { size: 10 };
export const LINK_COLOUR = 'FF0563C1';

export const HEADER_FONT: FontLook = { size: 10, bold: true, colour: 'FFFFFFFF' };
export const HEADER_FILL = 'FF1F4E78';

const SECTION_FILL = 'FFDDEBF7';
const RULE_GREY: LineLook = { style: 'hair', colour: 'FFBFBFBF' };
const RULE_THIN: LineLook = { style: 'thin', colour: 'FF000000' };
const RULE_DOUBLE: LineLook = { style: 'double', colour: 'FF000000' };

export function rowLook(style: RowStyle | undefined): RowLook {
  switch (style) {
    case 'section':
      return { bold: true, fill: SECTION_FILL, bottom: RULE_GREY };
    case 'subtotal':
      return { bold: true, top: RULE_THIN, bottom: RULE_GREY };
    case 'total':
      return { bold: true, top: RULE_THIN, bottom: RULE_DOUBLE };
    default:
      return { bold: false, bottom: RULE_GREY };
  }
}

export function paragraphFont(emphasis: SpecParagraph['emphasis']): FontLook {
  switch (emphasis) {
    case 'strong':
      return { size: 10, bold: true };
    case 'warning':
      return { size: 10, bold: true, colour: 'FF9C0006' };
    case 'good':
      return { size: 10, bold: true, colour: 'FF006100' };
    default:
      return BODY_FONT;
  }
}

/** Conditional-format looks: Excel's own Good / Neutral / Bad colours, a fill and a font colour for each status. */
export const RAG_LOOKS = [
  { text: 'green', fill: 'FFC6EFCE', colour: 'FF006100' },
  { text: 'amber', fill: 'FFFFEB9C', colour: 'FF9C5700' },
  { text: 'red', fill: 'FFFFC7CE', colour: 'FF9C0006' },
] as const;
export const NEGATIVE_COLOUR = 'FFC00000';
export const DATA_BAR_COLOUR = 'FF638EC6';
