/** The look of generated sheets (layout/looks.ts) as ExcelJS styles. */
import type ExcelJS from 'exceljs';
import type { RowStyle, SpecParagraph } from '../../reports/spec';
import * as looks from '../layout/looks';

export function excelFont(look: looks.FontLook): Partial<ExcelJS.Font> {
  return {
    name: looks.FONT_NAME,
    family: 2,
    size: look.size,
    ...(look.bold === undefined ? {} : { bold: look.bold }),
    ...(look.italic === undefined ? {} : { italic: look.italic }),
    ...(look.colour === undefined ? {} : { color: { argb: look.colour } }),
  };
}

function solid(argb: string): ExcelJS.Fill {
  // Both colours: Excel reads a solid fill's fgColor in cells and bgColor in conditional formats.
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

function line(look: looks.LineLook): Partial<ExcelJS.Border> {
  return { style: look.style, color: { argb: look.colour } };
}

export const TITLE_FONT = excelFont(looks.TITLE_FONT);
export const UNIT_NOTE_FONT = excelFont(looks.UNIT_NOTE_FONT);
export const FOOTNOTE_FONT = excelFont(looks.FOOTNOTE_FONT);
export const SOURCE_FONT = excelFont(looks.SOURCE_FONT);
export const BODY_FONT = excelFont(looks.BODY_FONT);
export const HEADER_FONT = excelFont(looks.HEADER_FONT);
export const HEADER_FILL = solid(looks.HEADER_FILL);

interface RowLook {
  readonly bold: boolean;
  readonly fill?: ExcelJS.Fill;
  readonly border: Partial<ExcelJS.Borders>;
}

export function rowLook(style: RowStyle | undefined): RowLook {
  const look = looks.rowLook(style);
  return {
    bold: look.bold,
    ...(look.fill === undefined ? {} : { fill: solid(look.fill) }),
    border: { ...(look.top === undefined ? {} : { top: line(look.top) }), ...(look.bottom === undefined ? {} : { bottom: line(look.bottom) }) },
  };
}

export function paragraphFont(emphasis: SpecParagraph['emphasis']): Partial<ExcelJS.Font> {
  return excelFont(looks.paragraphFont(emphasis));
}

export const RAG_LOOKS = looks.RAG_LOOKS.map((look) => ({ text: look.text, fill: solid(look.fill), font: { color: { argb: look.colour } } }));
export const NEGATIVE_FONT = { color: { argb: looks.NEGATIVE_COLOUR } };
