/**
 * Just enough reading of package XML to edit a few known elements in place: attributes of start
 * tags, entity (un)escaping, and the path of each sheet's part. Tags may carry a namespace prefix
 * (x:sheet), as some generators write them.
 */
import type JSZip from 'jszip';

export interface XmlElement {
  /** The start tag as it appears in the text. */
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Start tags (or empty elements) named `name`, with or without a prefix. */
export function startTags(xml: string, name: string): XmlElement[] {
  return (xml.match(new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`, 'g')) ?? []).map(parseTag);
}

export function parseTag(tag: string): XmlElement {
  const attributes: Record<string, string> = {};
  const body = tag.replace(/^<[^\s/>]+/, '');
  for (const m of body.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  }
  return { tag, attributes };
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name as 'lt'] ?? '';
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export async function readPart(zip: JSZip, path: string): Promise<string> {
  const part = zip.file(path);
  if (!part) throw new Error(`the workbook package has no ${path}`);
  return part.async('string');
}

export async function readOptionalPart(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

export interface DefinedNameElement {
  /** The element as written, start tag to end tag. */
  readonly element: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** What the name refers to ("Rollup!$A$1"), unescaped. */
  readonly reference: string;
}

const DEFINED_NAME = /<(?:[\w.-]+:)?definedName\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;

/** Every <definedName> of a workbook.xml, in order. */
export function definedNameElements(workbookXml: string): DefinedNameElement[] {
  return [...workbookXml.matchAll(DEFINED_NAME)].map((m) => ({
    element: m[0],
    attributes: parseTag(/^<[^>]*>/.exec(m[0])?.[0] ?? m[0]).attributes,
    reference: unescapeXml(m[1] ?? ''),
  }));
}
