/**
 * A formula's shape: its references written relative to its own cell (R1C1), as Excel compares formulas
 * for "inconsistent formula". =D8-C8 in row 8 and =D9-C9 in row 9 are both =RC[1]-RC; =$B$2 stays R2C2.
 *
 * A small tokenizer does the work, so string literals, function names that look like cells (LOG10(,
 * ATAN2(), defined names and sheet-qualified references are each read for what they are. Anything it
 * cannot read gives undefined: no shape is better than a wrong one.
 */
import { MAX_COLS, MAX_ROWS, columnIndex, columnLetters } from '../a1';
import { EXCEL_ERROR_CODES } from '../grid';

/** One end of a reference: a row, a column or both, each absolute (an index) or relative (an offset). */
interface RefPart {
  readonly row?: { readonly n: number; readonly abs: boolean };
  readonly col?: { readonly n: number; readonly abs: boolean };
}

export type FormulaToken =
  | { readonly kind: 'ref'; readonly text: string; readonly sheet?: string; readonly start: RefPart; readonly end?: RefPart }
  | { readonly kind: 'string' | 'number' | 'bool' | 'error' | 'name' | 'func' | 'op' | 'space'; readonly text: string };

type RefStyle = 'A1' | 'R1C1';

const STRING = /"(?:[^"]|"")*"/y;
const SPACE = /\s+/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
/** 'My sheet'!, Sheet1!, [1]Sheet1!, Jan:Mar! (a 3-D reference). */
const SHEET_PREFIX = /(?:'(?:[^']|'')+'|(?:\[[^\]]*\])?[A-Za-z0-9_.\\]+(?::[A-Za-z0-9_.]+)?)!/y;
const IDENTIFIER = /[A-Za-z_\\][A-Za-z0-9_.?\\]*/y;
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ':', ',', ';', '(', ')', '{', '}', '#', '@'];
/** After a reference, a character that would make it part of a longer name, a function or a sheet. */
const NAME_CHAR = /[A-Za-z0-9_.(!?\\[]/;

const A1_CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const A1_COL = /(\$?)([A-Za-z]{1,3})/y;
const A1_ROW = /(\$?)(\d{1,7})/y;
const R1C1_NAME = /^(?:R(?:\[-?\d+\]|\d+)?)?(?:C(?:\[-?\d+\]|\d+)?)?$/i;
const R1C1_PART = /(?:R(?:\[(-?\d+)\]|(\d+))?)?(?:C(?:\[(-?\d+)\]|(\d+))?)?/iy;

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** One end of an A1 reference at `pos`, of the wanted sort, made relative to (row, col). */
function a1Part(text: string, pos: number, sort: 'cell' | 'col' | 'row', at: { row: number; col: number }): { part: RefPart; length: number } | undefined {
  const m = matchAt(sort === 'cell' ? A1_CELL : sort === 'col' ? A1_COL : A1_ROW, text, pos);
  if (!m) return undefined;
  const rowOf = (abs: string, digits: string) => {
    const r = Number(digits) - 1;
    return r >= 0 && r < MAX_ROWS ? { n: abs ? r : r - at.row, abs: abs !== '' } : undefined;
  };
  const colOf = (abs: string, letters: string) => {
    const c = columnIndex(letters);
    return c === undefined ? undefined : { n: abs ? c : c - at.col, abs: abs !== '' };
  };
  if (sort === 'cell') {
    const row = rowOf(m[3], m[4]);
    const col = colOf(m[1], m[2]);
    return row && col ? { part: { row, col }, length: m[0].length } : undefined;
  }
  if (sort === 'col') {
    const col = colOf(m[1], m[2]);
    return col ? { part: { col }, length: m[0].length } : undefined;
  }
  const row = rowOf(m[1], m[2]);
  return row ? { part: { row }, length: m[0].length } : undefined;
}

/** One end of an R1C1 reference at `pos` (RC[-1], R2C3, R[1], C), or undefined. */
function r1c1Part(text: string, pos: number): { part: RefPart; length: number } | undefined {
  const m = matchAt(R1C1_PART, text, pos);
  if (!m || m[0] === '') return undefined;
  const hasR = /^R/i.test(m[0]);
  const hasC = /C/i.test(m[0].slice(hasR ? 1 : 0));
  const axis = (rel: string | undefined, abs: string | undefined) =>
    abs !== undefined ? { n: Number(abs) - 1, abs: true } : { n: rel === undefined ? 0 : Number(rel), abs: false };
  const part: RefPart = { ...(hasR ? { row: axis(m[1], m[2]) } : {}), ...(hasC ? { col: axis(m[3], m[4]) } : {}) };
  return { part, length: m[0].length };
}

/** A reference (one end, or a range of two ends of the same sort) at `pos`, ending at a name boundary. */
function refAt(text: string, pos: number, style: RefStyle, at: { row: number; col: number }): { start: RefPart; end?: RefPart; length: number } | undefined {
  const sorts = style === 'A1' ? (['cell', 'col', 'row'] as const) : (['any'] as const);
  for (const sort of sorts) {
    const read = (p: number) => (sort === 'any' ? r1c1Part(text, p) : a1Part(text, p, sort, at));
    const first = read(pos);
    if (!first) continue;
    let length = first.length;
    let end: RefPart | undefined;
    if (text[pos + length] === ':') {
      const second = read(pos + length + 1);
      if (second && !NAME_CHAR.test(text[pos + length + 1 + second.length] ?? '')) {
        end = second.part;
        length += 1 + second.length;
      }
    }
    // A whole column or row is only a reference as a range (C:C, 5:5); alone it is a name or a number.
    const lone = end === undefined && (first.part.row === undefined || first.part.col === undefined);
    if (lone || NAME_CHAR.test(text[pos + length] ?? '')) continue;
    return { start: first.part, ...(end ? { end } : {}), length };
  }
  return undefined;
}

/**
 * The tokens of a formula (without its leading "="). References are read in the given style and held
 * relative to (row, col) where relative; undefined when the text cannot be read.
 */
export function tokenize(formula: string, style: RefStyle = 'A1', at: { row: number; col: number } = { row: 0, col: 0 }): FormulaToken[] | undefined {
  return readTokens(formula, style, at);
}

function readTokens(formula: string, style: RefStyle, at: { row: number; col: number }): FormulaToken[] | undefined {
  const tokens: FormulaToken[] = [];
  let pos = 0;
  while (pos < formula.length) {
    const token = tokenAt(formula, pos, style, at);
    if (!token) return undefined;
    tokens.push(token.token);
    pos += token.length;
  }
  return tokens;
}

function tokenAt(text: string, pos: number, style: RefStyle, at: { row: number; col: number }): { token: FormulaToken; length: number } | undefined {
  for (const [re, kind] of [
    [SPACE, 'space'],
    [STRING, 'string'],
  ] as const) {
    const m = matchAt(re, text, pos);
    if (m) return { token: { kind, text: m[0] }, length: m[0].length };
  }
  if (text[pos] === '"') return undefined; // an unterminated string
  const prefix = matchAt(SHEET_PREFIX, text, pos);
  const sheetLength = prefix ? prefix[0].length : 0;
  const ref = refAt(text, pos + sheetLength, style, at);
  if (ref) {
    const length = sheetLength + ref.length;
    const sheet = prefix ? prefix[0].slice(0, -1) : undefined;
    return {
      token: { kind: 'ref', text: text.slice(pos, pos + length), ...(sheet ? { sheet } : {}), start: ref.start, ...(ref.end ? { end: ref.end } : {}) },
      length,
    };
  }
  const error = EXCEL_ERROR_CODES.find((code) => text.slice(pos + sheetLength, pos + sheetLength + code.length).toUpperCase() === code);
  if (error) return { token: { kind: 'error', text: text.slice(pos, pos + sheetLength + error.length) }, length: sheetLength + error.length };
  if (!prefix) {
    const n = matchAt(NUMBER, text, pos);
    if (n) return { token: { kind: 'number', text: n[0] }, length: n[0].length };
  }
  return nameAt(text, pos, sheetLength) ?? operatorAt(text, pos, sheetLength);
}

/** A function (a name before "("), TRUE or FALSE, or a defined or structured name (Table1[Amount]). */
function nameAt(text: string, pos: number, sheetLength: number): { token: FormulaToken; length: number } | undefined {
  const id = matchAt(IDENTIFIER, text, pos + sheetLength);
  let length = sheetLength + (id ? id[0].length : 0);
  if (text[pos + length] === '[') {
    const close = closingBracket(text, pos + length);
    if (close === undefined) return undefined;
    length = close + 1 - pos;
  } else if (!id) return undefined;
  const word = text.slice(pos, pos + length);
  if (sheetLength === 0 && text[pos + length] === '(') return { token: { kind: 'func', text: word.toUpperCase() }, length };
  if (sheetLength === 0 && /^(?:TRUE|FALSE)$/i.test(word)) return { token: { kind: 'bool', text: word.toUpperCase() }, length };
  return { token: { kind: 'name', text: word }, length };
}

/** Index of the "]" closing the "[" at `open`, brackets nested as structured references nest them. */
function closingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return undefined;
}

function operatorAt(text: string, pos: number, sheetLength: number): { token: FormulaToken; length: number } | undefined {
  if (sheetLength > 0) return undefined;
  const op = OPERATORS.find((o) => text.startsWith(o, pos));
  return op ? { token: { kind: 'op', text: op }, length: op.length } : undefined;
}

/** True for a token that ends an operand: two of them with only space between is Excel's intersection. */
function endsOperand(t: FormulaToken | undefined): boolean {
  return t !== undefined && (t.kind === 'ref' || t.kind === 'name' || (t.kind === 'op' && (t.text === ')' || t.text === '}')));
}

function startsOperand(t: FormulaToken | undefined): boolean {
  return t !== undefined && (t.kind === 'ref' || t.kind === 'name' || t.kind === 'func' || (t.kind === 'op' && t.text === '('));
}

/**
 * The tokens written out in a style, references made absolute at (row, col) for A1. Spaces go, but for
 * one between two operands (an intersection), so =D8 - C8 and =D8-C8 have one shape.
 */
function render(tokens: readonly FormulaToken[], style: RefStyle, at: { row: number; col: number }): string | undefined {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'space') {
      if (endsOperand(tokens[i - 1]) && startsOperand(tokens[i + 1])) out += ' ';
      continue;
    }
    if (t.kind !== 'ref') {
      out += t.text;
      continue;
    }
    const start = style === 'A1' ? a1Text(t.start, at) : r1c1Text(t.start);
    const end = t.end === undefined ? '' : style === 'A1' ? a1Text(t.end, at) : r1c1Text(t.end);
    if (start === undefined || end === undefined) return undefined;
    out += `${t.sheet !== undefined ? `${t.sheet}!` : ''}${start}${t.end !== undefined ? `:${end}` : ''}`;
  }
  return out;
}

function r1c1Text(part: RefPart): string {
  const axis = (letter: string, a: { n: number; abs: boolean } | undefined) =>
    a === undefined ? '' : a.abs ? `${letter}${a.n + 1}` : a.n === 0 ? letter : `${letter}[${a.n}]`;
  return axis('R', part.row) + axis('C', part.col);
}

function a1Text(part: RefPart, at: { row: number; col: number }): string | undefined {
  const row = part.row && (part.row.abs ? part.row.n : part.row.n + at.row);
  const col = part.col && (part.col.abs ? part.col.n : part.col.n + at.col);
  if ((row !== undefined && (row < 0 || row >= MAX_ROWS)) || (col !== undefined && (col < 0 || col >= MAX_COLS))) return undefined;
  const colText = part.col && col !== undefined ? `${part.col.abs ? '$' : ''}${columnLetters(col)}` : '';
  const rowText = part.row && row !== undefined ? `${part.row.abs ? '$' : ''}${row + 1}` : '';
  return colText + rowText;
}

/** The formula's shape at (row, col): =D8-C8 at row 8 (index 7), column E is "RC[-1]-RC[-2]". */
export function toR1C1(formula: string, row: number, col: number): string | undefined {
  const tokens = tokenize(formula, 'A1', { row, col });
  // A name Excel would not allow (RC, R1C1) would read back as a reference: no shape rather than a wrong one.
  if (!tokens || tokens.some((t) => t.kind === 'name' && R1C1_NAME.test(t.text))) return undefined;
  return render(tokens, 'R1C1', { row, col });
}

/** A shape written as an A1 formula at (row, col); undefined when a reference would fall off the sheet. */
export function fromR1C1(shape: string, row: number, col: number): string | undefined {
  const tokens = tokenize(shape, 'R1C1', { row, col });
  return tokens && render(tokens, 'A1', { row, col });
}

/** The formula as its shape would write it back: references in capitals, spaces only where they mean something. */
export function normaliseA1(formula: string): string | undefined {
  const tokens = tokenize(formula, 'A1');
  return tokens && render(tokens, 'A1', { row: 0, col: 0 });
}

export type RefToken = Extract<FormulaToken, { kind: 'ref' }>;

/** The rows and columns a reference covers (undefined bounds: every row or every column), for tokens read at (0, 0). */
export interface RefArea {
  readonly sheet?: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** True for one cell. */
  readonly single: boolean;
}

/** What a reference read at (0, 0) covers: there, relative offsets are the indexes themselves. */
export function refArea(token: RefToken): RefArea {
  const end = token.end ?? token.start;
  const rows = [token.start.row?.n, end.row?.n];
  const cols = [token.start.col?.n, end.col?.n];
  const top = rows[0] === undefined ? 0 : Math.min(rows[0], rows[1] ?? rows[0]);
  const bottom = rows[0] === undefined ? MAX_ROWS - 1 : Math.max(rows[0], rows[1] ?? rows[0]);
  const left = cols[0] === undefined ? 0 : Math.min(cols[0], cols[1] ?? cols[0]);
  const right = cols[0] === undefined ? MAX_COLS - 1 : Math.max(cols[0], cols[1] ?? cols[0]);
  const sheet = token.sheet === undefined ? undefined : token.sheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { ...(sheet !== undefined ? { sheet } : {}), top, bottom, left, right, single: top === bottom && left === right };
}
