/**
 * A scanner for a worksheet's <sheetData>: each <row> start tag and each <c> element, found with
 * indexOf rather than a regular expression over the whole part (a large sheet has millions of cells).
 * Element names may carry a namespace prefix ("x:c"). Like the readers around it, it assumes what
 * SpreadsheetML writers do: no ">" inside attribute values of <row> and <c>.
 */

interface SheetDataHandlers {
  /** A <row> start tag's attribute text (everything after the name). */
  row(attributes: string): void;
  /** A <c> element: its attribute text, and its content (undefined for <c .../>). */
  cell(attributes: string, body: string | undefined): void;
}

const SLASH = 47; // "/"
const GT = 62; // ">"
const COLON = 58; // ":"

function isNameEnd(code: number): boolean {
  return code === 32 || code === GT || code === SLASH || code === 9 || code === 10 || code === 13;
}

export function scanSheetData(data: string, handlers: SheetDataHandlers): void {
  let at = 0;
  for (;;) {
    const open = data.indexOf('<', at);
    if (open === -1) return;
    const nameStart = open + 1;
    if (data.charCodeAt(nameStart) === SLASH) {
      // An end tag (</row>): nothing to read.
      const close = data.indexOf('>', nameStart);
      if (close === -1) return;
      at = close + 1;
      continue;
    }
    let nameEnd = nameStart;
    let localStart = nameStart;
    while (nameEnd < data.length && !isNameEnd(data.charCodeAt(nameEnd))) {
      if (data.charCodeAt(nameEnd) === COLON) localStart = nameEnd + 1;
      nameEnd++;
    }
    const tagEnd = data.indexOf('>', nameEnd);
    if (tagEnd === -1) return;
    const selfClosing = data.charCodeAt(tagEnd - 1) === SLASH;
    const attributesEnd = selfClosing ? tagEnd - 1 : tagEnd;
    const localLength = nameEnd - localStart;
    if (localLength === 1 && data.charCodeAt(localStart) === 99 /* c */) {
      if (selfClosing) {
        handlers.cell(data.slice(nameEnd, attributesEnd), undefined);
        at = tagEnd + 1;
        continue;
      }
      const endTag = localStart === nameStart ? '</c>' : `</${data.slice(nameStart, nameEnd)}>`;
      const close = data.indexOf(endTag, tagEnd + 1);
      if (close === -1) return;
      handlers.cell(data.slice(nameEnd, attributesEnd), data.slice(tagEnd + 1, close));
      at = close + endTag.length;
      continue;
    }
    if (localLength === 3 && data.startsWith('row', localStart)) handlers.row(data.slice(nameEnd, attributesEnd));
    at = tagEnd + 1;
  }
}
