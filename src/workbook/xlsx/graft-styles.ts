/**
 * Merges the cell formats of the generated sheets (written by ExcelJS in a workbook of their own) into
 * the user's xl/styles.xml: the generated fonts, fills, borders, cell formats and differential formats
 * that the user's lack are appended after the user's, so every index the user's cells hold keeps its
 * meaning; one identical to a user's entry (as written, after renumbering) is reused, so a re-run on
 * the copy adds none. Number formats are matched by their code.
 */
import { XmlList, findList, rawAttribute, replaceList, setAttribute, withPrefix, writeList } from './graft-xml';

export interface StyleMerge {
  readonly stylesXml: string;
  /** A generated sheet's cell format index (s="…") in the merged styles. */
  xf(index: number): number;
  /** A generated sheet's differential format index (dxfId="…") in the merged styles. */
  dxf(index: number): number;
}

/** Style sheet children, in the order the schema requires. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const FIRST_CUSTOM_NUMBER_FORMAT = 164;

export function mergeStyles(userXml: string | undefined, generatedXml: string): StyleMerge {
  if (userXml === undefined) return { stylesXml: generatedXml, xf: (i) => i, dxf: (i) => i };
  const prefix = /<([\w.-]+:)?styleSheet\b/.exec(userXml)?.[1] ?? '';
  const section = (xml: string, name: string, item: string): XmlList | undefined => findList(xml, name, item);
  let xml = userXml;

  const numberFormat = mergeNumberFormats(section(xml, 'numFmts', 'numFmt'), section(generatedXml, 'numFmts', 'numFmt')?.items ?? [], prefix);
  xml = putSection(xml, 'numFmts', numberFormat.items, prefix);

  // Fonts, fills, borders: a generated one identical to one the user's styles hold is reused.
  const moved: Record<string, (index: number) => number> = {};
  for (const [name, item, id] of [
    ['fonts', 'font', 'fontId'],
    ['fills', 'fill', 'fillId'],
    ['borders', 'border', 'borderId'],
  ] as const) {
    const merged = appendNew(
      section(xml, name, item)?.items ?? [],
      (section(generatedXml, name, item)?.items ?? []).map((element) => withPrefix(element, prefix)),
    );
    moved[id] = merged.index;
    xml = putSection(xml, name, merged.items, prefix);
  }

  const userXfs = section(xml, 'cellXfs', 'xf')?.items ?? [];
  const generatedXfs = (section(generatedXml, 'cellXfs', 'xf')?.items ?? []).map((element) => {
    let tag = element;
    for (const id of ['fontId', 'fillId', 'borderId'] as const) {
      const value = rawAttribute(tag, id);
      if (value !== undefined) tag = setFirstTagAttribute(tag, id, String(moved[id](Number(value))));
    }
    const numFmtId = rawAttribute(tag, 'numFmtId');
    if (numFmtId !== undefined) tag = setFirstTagAttribute(tag, 'numFmtId', String(numberFormat.id(Number(numFmtId))));
    // Generated formats take the user's Normal style as their parent.
    return withPrefix(setFirstTagAttribute(tag, 'xfId', '0'), prefix);
  });
  // A style sheet without cell formats still has Excel's default one at index 0.
  const baseXfs = userXfs.length > 0 ? userXfs : [withPrefix('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', prefix)];
  const xfs = appendNew(baseXfs, generatedXfs);
  xml = putSection(xml, 'cellXfs', xfs.items, prefix);

  const userDxfs = section(xml, 'dxfs', 'dxf')?.items ?? [];
  const generatedDxfs = (section(generatedXml, 'dxfs', 'dxf')?.items ?? []).map((element) =>
    withPrefix(
      element.replace(/(<numFmt\b[^>]*\snumFmtId=")(\d+)"/, (_, head: string, id: string) => `${head}${numberFormat.id(Number(id))}"`),
      prefix,
    ),
  );
  const dxfs = appendNew(userDxfs, generatedDxfs);
  if (dxfs.items.length > userDxfs.length) xml = putSection(xml, 'dxfs', dxfs.items, prefix);

  // Unchanged when nothing was added, so that the part keeps its bytes.
  return { stylesXml: xml === userXml ? userXml : xml, xf: xfs.index, dxf: dxfs.index };
}

/**
 * `mine` with each of `theirs` that it lacks appended (compared as written), and where each of
 * `theirs` is in the result. Reusing identical entries keeps a re-run on the copy from adding
 * duplicates of the formats the previous run added.
 */
function appendNew(mine: readonly string[], theirs: readonly string[]): { items: string[]; index: (theirIndex: number) => number } {
  const items = [...mine];
  const at = new Map<string, number>();
  items.forEach((item, i) => {
    if (!at.has(item)) at.set(item, i);
  });
  const indexes = theirs.map((item) => {
    let found = at.get(item);
    if (found === undefined) {
      found = items.length;
      items.push(item);
      at.set(item, found);
    }
    return found;
  });
  return { items, index: (i) => indexes[i] ?? i + mine.length };
}

/** The user's number formats plus the generated ones whose code the user's lack, under new ids. */
function mergeNumberFormats(user: XmlList | undefined, generated: readonly string[], prefix: string): { items: string[]; id: (generatedId: number) => number } {
  const items = [...(user?.items ?? [])];
  const idByCode = new Map<string, number>();
  let highest = FIRST_CUSTOM_NUMBER_FORMAT - 1;
  for (const element of items) {
    const id = Number(rawAttribute(element, 'numFmtId'));
    idByCode.set(rawAttribute(element, 'formatCode') ?? '', id);
    highest = Math.max(highest, id);
  }
  const moved = new Map<number, number>();
  for (const element of generated) {
    const id = Number(rawAttribute(element, 'numFmtId'));
    const code = rawAttribute(element, 'formatCode') ?? '';
    let target = idByCode.get(code);
    if (target === undefined) {
      target = ++highest;
      idByCode.set(code, target);
      items.push(withPrefix(setFirstTagAttribute(element, 'numFmtId', String(target)), prefix));
    }
    moved.set(id, target);
  }
  // Built-in formats (below 164) mean the same in every workbook.
  return { items, id: (generatedId) => moved.get(generatedId) ?? generatedId };
}

/** Sets an attribute on an element's first (own) start tag only, not on its children. */
function setFirstTagAttribute(element: string, name: string, value: string): string {
  const end = element.indexOf('>') + 1;
  return setAttribute(element.slice(0, end), name, value) + element.slice(end);
}

/** The style sheet with section `name` holding `items`, inserted in schema order when it had none. */
function putSection(xml: string, name: string, items: readonly string[], prefix: string): string {
  const item = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' }[name] ?? name;
  const existing = findList(xml, name, item);
  if (existing) return replaceList(xml, existing, writeList(existing, name, items, { count: items.length }));
  if (items.length === 0) return xml;
  const written = writeList({ openTag: `<${prefix}${name}`, prefix }, name, items, { count: items.length });
  for (const later of SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)) {
    const at = xml.search(new RegExp(`<${prefix}${later}\\b`));
    if (at !== -1) return xml.slice(0, at) + written + xml.slice(at);
  }
  const close = xml.lastIndexOf(`</${prefix}styleSheet>`);
  return xml.slice(0, close) + written + xml.slice(close);
}
