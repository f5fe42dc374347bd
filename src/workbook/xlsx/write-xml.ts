/**
 * Just enough reading of package XML to edit a few known elements in place: attributes of start
 * tags, entity (un)escaping, and the path of each sheet's part. Tags may carry a namespace prefix
 * (x:sheet), as some generators write them.
 */
import type JSZip from 'jszip';

interface XmlElement {
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

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name as 'lt'] ?? '';
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The entry holding part `path`. Part names are compared case-insensitively (Open Packaging
 * Conventions), so a relationship to "worksheets/sheet1.xml" names the entry "xl/worksheets/Sheet1.xml".
 */
export function partEntry(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const exact = zip.file(path);
  if (exact) return exact;
  const key = path.toLowerCase();
  const name = Object.keys(zip.files).find((n) => !zip.files[n].dir && n.toLowerCase() === key);
  return name === undefined ? null : zip.files[name];
}

/** The name the package spells part `path` with, or `path` itself when the package has no such part. */
export function partName(zip: JSZip, path: string): string {
  return partEntry(zip, path)?.name ?? path;
}

/**
 * XML text from a part's bytes, decoded as XML says a parser must: by byte-order mark, then by the
 * pattern of "<?" (UTF-16 without a mark), then by the encoding the declaration names, else UTF-8.
 * SharePoint writes customXml parts in UTF-16 with a byte-order mark. A byte-order mark is dropped.
 * `utf8Text` is the bytes already decoded as UTF-8, used where TextDecoder is missing (jsdom).
 */
export function decodeXml(bytes: Uint8Array, utf8Text?: string): { text: string; utf8: boolean } {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return { text: utf16(bytes, 2, true), utf8: false };
  if (a === 0xfe && b === 0xff) return { text: utf16(bytes, 2, false), utf8: false };
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return { text: utf16(bytes, 0, true), utf8: false };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return { text: utf16(bytes, 0, false), utf8: false };
  const bom = a === 0xef && b === 0xbb && c === 0xbf;
  if (!bom) {
    let head = '';
    for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
    const declared = declaredEncoding(head);
    if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
      if (/^(iso-8859-1|latin1|us-ascii|ascii)$/i.test(declared)) return { text: head.length === bytes.length ? head : latin1(bytes), utf8: false };
      try {
        return { text: new TextDecoder(declared).decode(bytes), utf8: false };
      } catch {
        // A label TextDecoder does not know, or no TextDecoder: read as UTF-8, as before.
      }
    }
  }
  const text = utf8Text ?? new TextDecoder('utf-8').decode(bytes);
  return { text: text.replace(/^\uFEFF/, ''), utf8: true };
}

function declaredEncoding(head: string): string | undefined {
  return /^<\?xml\b[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

function utf16(bytes: Uint8Array, from: number, littleEndian: boolean): string {
  let text = '';
  const units: number[] = [];
  for (let i = from; i + 1 < bytes.length; i += 2) {
    units.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (units.length === 8192) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return (text + String.fromCharCode(...units)).replace(/^\uFEFF/, '');
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/**
 * A part's XML text. Read as UTF-8 (one inflate) unless its first characters show another encoding:
 * a UTF-16 byte-order mark or "<" and "?" in 16-bit units, or a declaration naming one.
 */
export async function readXmlPart(part: JSZip.JSZipObject): Promise<{ text: string; utf8: boolean }> {
  const asUtf8 = await part.async('string');
  const other =
    asUtf8.startsWith('\uFFFD\uFFFD') ||
    asUtf8.startsWith('<\u0000') ||
    asUtf8.startsWith('\u0000<') ||
    !/^(utf-?8)?$/i.test(declaredEncoding(asUtf8.slice(0, 200)) ?? '');
  if (!other) return { text: asUtf8.replace(/^\uFEFF/, ''), utf8: true };
  return decodeXml(await part.async('uint8array'), asUtf8);
}

/** A part's XML as text to edit and write back as UTF-8: a declaration naming another encoding is changed to say UTF-8. */
async function partText(part: JSZip.JSZipObject): Promise<string> {
  const { text, utf8 } = await readXmlPart(part);
  return utf8 ? text : text.replace(/^(<\?xml\b[^>]*?\sencoding\s*=\s*["'])[^"']*/, (_, head: string) => `${head}UTF-8`);
}

export async function readPart(zip: JSZip, path: string): Promise<string> {
  const part = partEntry(zip, path);
  if (!part) throw new Error(`the workbook package has no ${path}`);
  return partText(part);
}

export async function readOptionalPart(zip: JSZip, path: string): Promise<string | undefined> {
  const part = partEntry(zip, path);
  return part ? partText(part) : undefined;
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

interface DefinedNameElement {
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
