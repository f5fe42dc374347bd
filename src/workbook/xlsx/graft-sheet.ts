/**
 * What moves with a generated sheet into the user's package: its shared strings, appended to the
 * user's string table, and its XML with every index into shared tables (strings, cell formats,
 * differential formats) moved to the merged tables' numbering. The sheet XML is ExcelJS's, so the
 * simple patterns here are enough.
 */
import { findList, replaceList, withPrefix, writeList, type XmlList } from './graft-xml';
import type { StyleMerge } from './graft-styles';

export interface StringMerge {
  /** The merged xl/sharedStrings.xml. */
  readonly sharedStringsXml: string;
  /** Added to each generated shared-string index. */
  readonly offset: number;
}

const EMPTY_STRING_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';

/** The user's string table with the generated sheets' strings after its own. */
export function mergeSharedStrings(userXml: string | undefined, generatedXml: string | undefined): StringMerge {
  const base = userXml ?? EMPTY_STRING_TABLE;
  const user = findList(base, 'sst', 'si');
  if (!user) throw new Error('the workbook\'s shared strings part has no <sst> element');
  const generated = generatedXml === undefined ? undefined : findList(generatedXml, 'sst', 'si');
  const added = (generated?.items ?? []).map((item) => withPrefix(item, user.prefix));
  const items = [...user.items, ...added];
  // count is how many cells use a string, uniqueCount how many strings there are.
  const countOf = (list: XmlList | undefined, itemCount: number): number => Math.max(Number(/\scount="(\d+)"/.exec(list?.openTag ?? '')?.[1] ?? 0), itemCount);
  const count = countOf(user, user.items.length) + countOf(generated, added.length);
  const merged = writeList(user, 'sst', items, { count, uniqueCount: items.length });
  return { sharedStringsXml: replaceList(base, user, merged), offset: user.items.length };
}

/** A generated sheet's XML renumbered for the merged strings and styles. */
export function renumberSheet(sheetXml: string, styles: StyleMerge, stringOffset: number): string {
  return sheetXml
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_whole, attributes: string, rest: string, body: string | undefined) => {
      const moved = withStyle(attributes, 's', styles);
      if (body === undefined || !/\st="s"/.test(attributes)) return `<c${moved}${rest}`;
      return `<c${moved}>${body.replace(/<v>(\d+)<\/v>/, (_, index: string) => `<v>${Number(index) + stringOffset}</v>`)}</c>`;
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
