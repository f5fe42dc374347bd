/**
 * A fast .xlsx reader for the command line: reads the package's XML directly instead of building
 * ExcelJS's object model, which is what makes `commissioning check` quick on large workbooks.
 * It reads what the engine needs (values, cached formula results, formulas, number formats, errors,
 * merges, hidden sheets and rows) and refuses anything unusual by throwing, so the caller can fall
 * back to ExcelJS (read.ts), the reference reader this one is tested against.
 */
import { parseRange } from '../../../sheet/a1';
import { serialToDate } from '../../../sheet/excel-date';
import { CellValue, DefinedName, Grid, GridWorkbook, SheetVisibility, errorValue } from '../../../sheet/grid';
import { BUILTIN_NUMBER_FORMATS } from './number-formats';
import { isDateFormat } from '../../../sheet/number-format';
import { shiftFormula } from '../../../sheet/formulas/shift';
import { attr, decodeXml, stringItemText, tags } from './xml';
import { markedSheetKeysInXml } from '../write-marker';
import { scanSheetData } from './scan';
import { resolvePartTarget } from '../package-parts';
import { InflateRaw, UnsupportedPackageError, ZipEntry, readZipDirectory, readZipEntry } from './zip';

interface Style {
  readonly numFmt?: string | undefined;
  readonly isDate: boolean;
}

/** Made on first use: a module-level TextDecoder would fail to load where there is none (jsdom). */
let decoder: { decode(bytes: Uint8Array): string } | undefined;
function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8');
  return decoder.decode(bytes);
}

export function readXlsxFast(bytes: Uint8Array, inflateRaw: InflateRaw): GridWorkbook {
  const entries = readZipDirectory(bytes);
  return readPackage((name) => {
    const entry: ZipEntry | undefined = entries.get(name);
    return entry ? readZipEntry(bytes, entry, inflateRaw) : undefined;
  });
}

/**
 * The same, for a browser, whose inflater (DecompressionStream) is asynchronous: every XML part under
 * xl/ is inflated first, then read as readXlsxFast reads it.
 */
export async function readXlsxFastAsync(bytes: Uint8Array, inflateRaw: (data: Uint8Array) => Promise<Uint8Array>): Promise<GridWorkbook> {
  const entries = readZipDirectory(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries.values()) {
    if (!entry.name.startsWith('xl/') || !/\.(xml|rels)$/.test(entry.name)) continue;
    // Stored parts need no inflating; deflated ones go through the asynchronous inflater.
    const compressed = readZipEntry(bytes, entry, (data) => data);
    parts.set(entry.name, entry.method === 8 ? await inflateRaw(compressed) : compressed);
  }
  return readPackage((name) => parts.get(name));
}

/** Reads a workbook from its parts, given by name as inflated bytes. */
function readPackage(part: (name: string) => Uint8Array | undefined): GridWorkbook {
  const text = (name: string): string | undefined => {
    const bytes = part(name);
    return bytes ? decodeUtf8(bytes) : undefined;
  };
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === undefined) throw new UnsupportedPackageError('no xl/workbook.xml');
  const rels = new Map<string, { target: string; type: string }>();
  for (const tag of tags(text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) rels.set(id, { target: resolvePartTarget('xl/workbook.xml', target), type: attr(tag, 'Type') ?? '' });
  }
  const sharedStringsPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const stylesPath = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
  const sharedStrings = readSharedStrings(text(sharedStringsPath) ?? '');
  const styles = readStyles(text(stylesPath) ?? '');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);

  const generated = markedSheetKeysInXml(workbookXml);
  const sheets: Grid[] = [];
  for (const tag of tags(workbookXml, 'sheet')) {
    const name = attr(tag, 'name');
    const relId = attr(tag, 'r:id') ?? attr(tag, 'id');
    const rel = relId ? rels.get(relId) : undefined;
    if (name === undefined || !rel) throw new UnsupportedPackageError('sheet without a part');
    if (!rel.type.endsWith('/worksheet')) continue; // chart sheets and dialog sheets hold no cells
    const xml = text(rel.target);
    if (xml === undefined) throw new UnsupportedPackageError(`missing part ${rel.target}`);
    const grid = new Grid(name);
    grid.visibility = (attr(tag, 'state') as SheetVisibility | undefined) ?? 'visible';
    grid.generated = generated.has(name.toUpperCase());
    readSheetData(xml, grid, sharedStrings, styles, date1904);
    sheets.push(grid);
  }
  const fullCalcOnLoad = /<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad="(1|true)"/.test(workbookXml);
  return { sheets, date1904, fullCalcOnLoad, definedNames: readDefinedNames(workbookXml, sheets) };
}

/** <definedName name="Rate" localSheetId="0">Inputs!$B$2</definedName>: a local name's index is its sheet's. */
function readDefinedNames(workbookXml: string, sheets: readonly Grid[]): DefinedName[] {
  const names: DefinedName[] = [];
  const re = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) {
    const name = attr(m[1], 'name');
    if (name === undefined) continue;
    const local = attr(m[1], 'localSheetId');
    const sheet = local === undefined ? undefined : sheets[Number(local)]?.name;
    names.push(sheet === undefined ? { name, refersTo: decodeXml(m[2]) } : { name, sheet, refersTo: decodeXml(m[2]) });
  }
  return names;
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const re = /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const body = m[1] ?? '';
    // The common case, a single plain <t>, without the general run-and-phonetic walk.
    const simple = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(body);
    strings.push(simple ? decodeXml(simple[1]) : stringItemText(body));
  }
  return strings;
}

function readStyles(xml: string): Style[] {
  const formats = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const styles: Style[] = [];
  for (const tag of tags(cellXfs, 'xf')) {
    const id = Number(attr(tag, 'numFmtId') ?? '0');
    const code = formats.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
    const numFmt = code === undefined || code === 'General' ? undefined : code;
    styles.push({ numFmt, isDate: numFmt !== undefined && isDateFormat(numFmt) });
  }
  return styles;
}

/** Column and row (0-based) of a cell reference such as "AB12"; row is -1 when the reference has no digits. */
function cellPosition(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  return { col: col - 1, row: i > digitsFrom ? row - 1 : -1 };
}

/**
 * An attribute of a <c> tag given as ` name="`: r, t and s are plain tokens (a reference, a type code,
 * a style number), so no entity decoding. This runs three times per cell.
 */
function tokenAttribute(tag: string, marker: string): string | undefined {
  const i = tag.indexOf(marker);
  if (i === -1) return undefined;
  const start = i + marker.length;
  const end = tag.indexOf('"', start);
  return end === -1 ? undefined : tag.slice(start, end);
}

/** The text of a cell's <v>, the common unprefixed form found without a regular expression. */
function valueText(body: string): string | undefined {
  const start = body.indexOf('<v>');
  if (start === -1) {
    // <v/> is an empty value: how Excel saves a formula whose result is "" (=IF(K8>0,"Error","")).
    if (EMPTY_VALUE.test(body)) return '';
    return body.indexOf(':v>') === -1 ? undefined : VALUE.exec(body)?.[1];
  }
  const end = body.indexOf('</v>', start + 3);
  return end === -1 ? undefined : body.slice(start + 3, end);
}

const VALUE = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
const EMPTY_VALUE = /<(?:\w+:)?v\s*\/>/;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

function readSheetData(xml: string, grid: Grid, sharedStrings: readonly string[], styles: readonly Style[], date1904: boolean): void {
  const start = xml.indexOf('<sheetData');
  const end = xml.lastIndexOf('</sheetData>');
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  if (start !== -1 && end !== -1) {
    scanSheetData(xml.slice(start, end), {
      row(rowTag) {
        const r = attr(rowTag, 'r');
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        if (/\bhidden="(1|true)"/.test(rowTag)) grid.hiddenRows.add(row);
      },
      cell(cellTag, body) {
        const ref = tokenAttribute(cellTag, ' r="');
        if (ref) {
          const position = cellPosition(ref);
          col = position.col;
          if (position.row !== -1) row = position.row;
        } else {
          col++;
        }
        if (body === undefined || body === '') return;
        const style = styleOf(tokenAttribute(cellTag, ' s="'), styles);
        const formula = readFormula(body, row, col, shared);
        const value = cellValue(tokenAttribute(cellTag, ' t="') ?? 'n', body, style, sharedStrings, date1904);
        if (value === null && formula === undefined) return;
        const numFmt = style?.numFmt;
        grid.setCell(row, col, formula === undefined ? (numFmt ? { value, numFmt } : { value }) : numFmt ? { value, formula, numFmt } : { value, formula });
      },
    });
  }
  // Merged cells follow the sheet data: search only the tail, not every cell again.
  for (const tag of tags(end === -1 ? xml : xml.slice(end), 'mergeCell')) {
    const range = parseRange(attr(tag, 'ref') ?? '');
    if (range) grid.merges.push(range);
  }
}

function styleOf(styleIndex: string | undefined, styles: readonly Style[]): Style | undefined {
  return styleIndex !== undefined ? styles[Number(styleIndex)] : undefined;
}

/** A cell's value from its type code and content, as ExcelJS would give it. */
function cellValue(type: string, body: string, style: Style | undefined, sharedStrings: readonly string[], date1904: boolean): CellValue | null {
  const raw = valueText(body);
  switch (type) {
    case 's':
      return raw === undefined || raw === '' ? null : (sharedStrings[Number(raw)] ?? null);
    case 'str':
      return raw === undefined ? null : decodeXml(raw);
    case 'inlineStr': {
      const is = INLINE.exec(body)?.[1];
      return is === undefined ? null : stringItemText(is);
    }
    case 'b':
      return raw === undefined || raw === '' ? null : raw === '1' || raw === 'true';
    case 'e':
      return raw === undefined || raw === '' ? null : (errorValue(decodeXml(raw)) ?? decodeXml(raw));
    case 'd':
      return raw === undefined ? null : new Date(raw);
    default: {
      // An empty <v></v> (openpyxl's uncalculated formula) holds no figure, not a zero.
      if (raw === undefined || raw === '') return null;
      const n = Number(raw);
      return Number.isNaN(n) ? raw : style?.isDate ? serialToDate(n, date1904) : n;
    }
  }
}

function readFormula(body: string, row: number, col: number, shared: Map<string, { formula: string; row: number; col: number }>): string | undefined {
  // A formula comes first in a cell (<f> before <v>), so a body that opens with its value has none.
  if (body.startsWith('<v>') || (body.indexOf('<f') === -1 && body.indexOf(':f') === -1)) return undefined;
  const m = FORMULA.exec(body);
  if (!m) return undefined;
  const formulaTag = m[1];
  const formula = m[2] === undefined ? undefined : decodeXml(m[2]);
  if (attr(formulaTag, 't') === 'shared') {
    const si = attr(formulaTag, 'si') ?? '';
    if (formula !== undefined && formula !== '') {
      shared.set(si, { formula, row, col });
      return formula;
    }
    const master = shared.get(si);
    return master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
  }
  return formula === '' ? undefined : formula;
}
