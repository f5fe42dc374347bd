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

export interface SheetPart {
  readonly name: string;
  readonly path: string;
}

/** Each sheet of the workbook, in tab order, with the path of its part. */
export async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const workbookXml = await readPart(zip, 'xl/workbook.xml');
  const targets = new Map<string, string>();
  for (const rel of startTags(await readPart(zip, 'xl/_rels/workbook.xml.rels'), 'Relationship')) {
    targets.set(rel.attributes.Id, resolveTarget('xl/', rel.attributes.Target ?? ''));
  }
  const sheets: SheetPart[] = [];
  for (const sheet of startTags(workbookXml, 'sheet')) {
    const rId = Object.entries(sheet.attributes).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const path = rId === undefined ? undefined : targets.get(rId);
    if (path && sheet.attributes.name !== undefined) sheets.push({ name: sheet.attributes.name, path });
  }
  return sheets;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const resolved: string[] = [];
  for (const part of (base + target).split('/')) {
    if (part === '..') resolved.pop();
    else if (part !== '.') resolved.push(part);
  }
  return resolved.join('/');
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}
