/**
 * Editing lists in package XML for the graft (write-graft.ts): a container element such as <fonts>
 * or <sst> and the items in it. Works on the text, like write-xml.ts, for the parts Excel and other
 * writers produce: the container may carry a namespace prefix (x:fonts), items do not nest in
 * themselves.
 */

export interface XmlList {
  /** Where the container starts in the text, and its whole length. */
  readonly index: number;
  readonly length: number;
  /** The container's start tag, without its closing ">" or "/>". */
  readonly openTag: string;
  /** The container's namespace prefix with its colon ("x:"), or "". */
  readonly prefix: string;
  /** Each item element, as written. */
  readonly items: string[];
}

/** The container element `name` and its `item` children; undefined when there is none. */
export function findList(xml: string, name: string, item: string): XmlList | undefined {
  const m = new RegExp(`<((?:[\\w.-]+:)?)${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1${name}>)`).exec(xml);
  if (!m) return undefined;
  const prefix = m[1];
  const body = m[3] ?? '';
  const itemPattern = new RegExp(`<${prefix}${item}\\b[^>]*?/>|<${prefix}${item}\\b[^>]*>[\\s\\S]*?</${prefix}${item}>`, 'g');
  return { index: m.index, length: m[0].length, openTag: `<${prefix}${name}${m[2]}`, prefix, items: body.match(itemPattern) ?? [] };
}

/** The list written back with `items`, its count attributes set to `count` (and `uniqueCount`). */
export function writeList(list: Pick<XmlList, 'openTag' | 'prefix'>, name: string, items: readonly string[], counts: Record<string, number>): string {
  let open = list.openTag;
  for (const [attribute, value] of Object.entries(counts)) {
    const pattern = new RegExp(`\\s${attribute}="[^"]*"`);
    open = pattern.test(open) ? open.replace(pattern, ` ${attribute}="${value}"`) : `${open} ${attribute}="${value}"`;
  }
  return `${open}>${items.join('')}</${list.prefix}${name}>`;
}

/** `xml` with `list`'s text replaced by `replacement`. */
export function replaceList(xml: string, list: XmlList, replacement: string): string {
  return xml.slice(0, list.index) + replacement + xml.slice(list.index + list.length);
}

/** Element names in `fragment` given `prefix`, for a target part that writes its namespace with one. */
export function withPrefix(fragment: string, prefix: string): string {
  return prefix === '' ? fragment : fragment.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, `<$1${prefix}$2`);
}

/** The value of attribute `name` in a start tag, raw (not unescaped); undefined when absent. */
export function rawAttribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The start tag with attribute `name` set to `value` (added when absent). */
export function setAttribute(tag: string, name: string, value: string): string {
  // Replacement functions, not strings: a value may hold "$", which a replacement string would expand.
  const pattern = new RegExp(`(\\s${name}=)"[^"]*"`);
  if (pattern.test(tag)) return tag.replace(pattern, (_, head: string) => `${head}"${value}"`);
  return tag.replace(/(\s*\/?>)$/, (end: string) => ` ${name}="${value}"${end}`);
}
