/** Tiny XML helpers for the SpreadsheetML parts: attributes, text, entities. Not a general XML parser. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf('&') === -1 && text.indexOf('_x') === -1) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The value of attribute `name` in a start tag's text, decoded; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i === -1) return undefined;
  const start = i + name.length + 3;
  const end = tag.indexOf('"', start);
  return end === -1 ? undefined : decodeXml(tag.slice(start, end));
}

/** Every start tag `<name ...>` or `<name .../>` in the text (also prefixed, e.g. x:name), as its raw text. */
export function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:\\w+:)?${name}[\\s/>][^>]*>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) yield m[0];
}

/** The text of every <t> inside a string item, skipping phonetic runs (<rPh>). */
export function stringItemText(si: string): string {
  const withoutPhonetic = si.indexOf('<rPh') === -1 ? si : si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(withoutPhonetic); m; m = re.exec(withoutPhonetic)) text += m[1] === undefined ? '' : decodeXml(m[1]);
  return text;
}
