/**
 * What moves with a generated sheet into the user's package: its XML with every index into shared
 * tables (cell formats, differential formats) moved to the merged tables' numbering, and its text
 * written as inline strings. Inline strings leave the user's string table (xl/sharedStrings.xml) as it
 * was, byte for byte, and a generated sheet replaced on the next run leaves no strings behind in it;
 * Excel moves them into its string table when it next saves the workbook. The sheet XML is ExcelJS's,
 * so the simple patterns here are enough.
 */
import { findList } from './graft-xml';
import type { StyleMerge } from './graft-styles';

/** The content of each string item (<si>) of a shared strings part, in order: runs or a <t>, as written. */
export function sharedStringItems(sharedStringsXml: string | undefined): string[] {
  if (sharedStringsXml === undefined) return [];
  const list = findList(sharedStringsXml, 'sst', 'si');
  return (list?.items ?? []).map((item) => item.replace(/^<(?:[\w.-]+:)?si\b[^>]*?(?:\/>$|>)/, '').replace(/<\/(?:[\w.-]+:)?si>$/, ''));
}

/** A generated sheet's XML renumbered for the merged styles, its shared strings written inline. */
export function renumberSheet(sheetXml: string, styles: StyleMerge, sharedStrings: readonly string[]): string {
  return sheetXml
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_whole, attributes: string, rest: string, body: string | undefined) => {
      const moved = withStyle(attributes, 's', styles);
      if (body === undefined || !/\st="s"/.test(attributes)) return `<c${moved}${rest}`;
      const index = Number(/<v>(\d+)<\/v>/.exec(body)?.[1]);
      const item = sharedStrings[index];
      if (item === undefined) throw new Error(`a generated sheet refers to shared string ${index}, which its string table lacks`);
      return `<c${moved.replace(/\st="s"/, ' t="inlineStr"')}><is>${item}</is></c>`;
    })
    .replace(/<row\b[^>]*>/g, (tag) => `<row${withStyle(tag.slice(4), 's', styles)}`)
    .replace(/<col\b[^>]*>/g, (tag) => `<col${withStyle(tag.slice(4), 'style', styles)}`)
    .replace(/\sdxfId="(\d+)"/g, (_, index: string) => ` dxfId="${styles.dxf(Number(index))}"`);
}

/** A table part of a generated sheet with its workbook-wide id and differential formats renumbered. */
export function renumberTable(tableXml: string, id: number, styles: StyleMerge): string {
  return tableXml
    .replace(/<table\b[^>]*>/, (tag) => tag.replace(/\sid="\d+"/, ` id="${id}"`))
    .replace(/\s(\w*DxfId)="(\d+)"/g, (_, name: string, index: string) => ` ${name}="${styles.dxf(Number(index))}"`);
}

function withStyle(attributes: string, name: string, styles: StyleMerge): string {
  return attributes.replace(new RegExp(`\\s${name}="(\\d+)"`), (_, index: string) => ` ${name}="${styles.xf(Number(index))}"`);
}
