/**
 * Just enough of Excel's formula grammar for the formula-audit benchmark: the references a formula
 * names (with where they stand in its text, so one can be rewritten), its shape relative to its own
 * cell (R1C1, to tell a formula from its neighbours), and, for sums and differences of cells and
 * ranges, the coefficient each cell carries (so a seeded change can be carried to the cached values of
 * the cells that depend on it, as Excel's recalculation would).
 */
import { columnIndex, columnLetters } from '../../src/sheet/a1';

export interface RefToken {
  /** The sheet named before '!', unquoted; undefined for the formula's own sheet. */
  readonly sheet?: string;
  /** 0-based, inclusive. A single cell has r1 = r2 and c1 = c2. */
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
  readonly isRange: boolean;
  readonly absRow: readonly [boolean, boolean];
  readonly absCol: readonly [boolean, boolean];
  /** Where the whole reference, sheet prefix included, begins in the formula text. */
  readonly begin: number;
  /** Where the reference (after any sheet prefix) stands in the formula text. */
  readonly start: number;
  readonly end: number;
}

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d+)`;
const REF_RE = new RegExp(String.raw`(?:${SHEET})?${CELL}(?::${CELL})?`, 'y');

/** Spans of string literals, which hold no references. */
function stringSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const start = i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') i += 2;
        else if (text[i] === '"') break;
        else i++;
      }
      spans.push([start, ++i]);
    } else i++;
  }
  return spans;
}

function readRef(text: string, at: number): (RefToken & { length: number }) | undefined {
  // A reference starts where no name or number runs into it.
  if (at > 0 && /[A-Za-z0-9_.$'!:\]]/.test(text[at - 1])) return undefined;
  REF_RE.lastIndex = at;
  const m = REF_RE.exec(text);
  if (!m) return undefined;
  const next = text[at + m[0].length];
  if (next !== undefined && /[A-Za-z0-9_(.![]/.test(next)) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const c1 = columnIndex(m[4]);
  const r1 = Number(m[6]) - 1;
  if (c1 === undefined || r1 < 0) return undefined;
  const isRange = m[8] !== undefined;
  const c2 = isRange ? columnIndex(m[8]) : c1;
  const r2 = isRange ? Number(m[10]) - 1 : r1;
  if (c2 === undefined || r2 < 0) return undefined;
  const prefixLength = m[1] !== undefined ? m[1].length + 3 : m[2] !== undefined ? m[2].length + 1 : 0;
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    r1: Math.min(r1, r2),
    r2: Math.max(r1, r2),
    c1: Math.min(c1, c2),
    c2: Math.max(c1, c2),
    isRange,
    absRow: [m[5] === '$', isRange ? m[9] === '$' : m[5] === '$'],
    absCol: [m[3] === '$', isRange ? m[7] === '$' : m[3] === '$'],
    begin: at,
    start: at + prefixLength,
    end: at + m[0].length,
    length: m[0].length,
  };
}

/** Every cell or range reference in a formula (without its leading '='), in order. */
export function referencesOf(text: string): RefToken[] {
  const refs: RefToken[] = [];
  const strings = stringSpans(text);
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    while (s < strings.length && strings[s][1] <= i) s++;
    if (s < strings.length && strings[s][0] <= i && i < strings[s][1]) {
      i = strings[s][1] - 1;
      continue;
    }
    const ref = readRef(text, i);
    if (ref) {
      const { length, ...token } = ref;
      refs.push(token);
      i += length - 1;
    }
  }
  return refs;
}

/** The A1 text of a reference, keeping its $ marks (no sheet prefix). */
export function refText(ref: Pick<RefToken, 'r1' | 'c1' | 'r2' | 'c2' | 'isRange' | 'absRow' | 'absCol'>): string {
  const one = (r: number, c: number, i: 0 | 1): string => `${ref.absCol[i] ? '$' : ''}${columnLetters(c)}${ref.absRow[i] ? '$' : ''}${r + 1}`;
  return ref.isRange ? `${one(ref.r1, ref.c1, 0)}:${one(ref.r2, ref.c2, 1)}` : one(ref.r1, ref.c1, 0);
}

/** The formula with one reference replaced by another (same sheet prefix). */
export function replaceRef(text: string, ref: RefToken, replacement: Omit<RefToken, 'begin' | 'start' | 'end' | 'sheet'>): string {
  return text.slice(0, ref.start) + refText(replacement) + text.slice(ref.end);
}

/** The formula's shape relative to its own cell, as R1C1 would show it: equal shapes are "the same formula". */
export function shapeOf(text: string, row: number, col: number): string {
  const refs = referencesOf(text);
  let out = '';
  let at = 0;
  for (const ref of refs) {
    const rel = (r: number, c: number, i: 0 | 1): string =>
      `R${ref.absRow[i] ? r + 1 : `[${r - row}]`}C${ref.absCol[i] ? c + 1 : `[${c - col}]`}`;
    out += text.slice(at, ref.start) + (ref.isRange ? `${rel(ref.r1, ref.c1, 0)}:${rel(ref.r2, ref.c2, 1)}` : rel(ref.r1, ref.c1, 0));
    at = ref.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, '');
}

export interface LinearTerm {
  readonly coef: number;
  readonly ref: RefToken;
}

/** A formula that is a sum or difference of numbers, cells, ranges and SUM()s of them. */
export interface Linear {
  readonly constant: number;
  readonly terms: readonly LinearTerm[];
}

/** The formula as a sum of cells and ranges, or undefined when it is anything else (a product, a lookup, IF...). */
export function linearOf(text: string): Linear | undefined {
  const refs = referencesOf(text);
  let i = 0;
  let constant = 0;
  const terms: LinearTerm[] = [];
  const ws = (): void => {
    while (text[i] === ' ') i++;
  };
  const refAt = (): RefToken | undefined => refs.find((r) => r.begin === i);
  const expr = (sign: number, inSum: boolean): boolean => {
    let first = true;
    for (;;) {
      ws();
      let s = sign;
      if (text[i] === '+' || text[i] === '-') {
        if (text[i] === '-') s = -s;
        i++;
        ws();
      } else if (!first) return true;
      if (!atom(s, inSum)) return false;
      first = false;
      ws();
      if (text[i] !== '+' && text[i] !== '-') return true;
    }
  };
  const atom = (sign: number, inSum: boolean): boolean => {
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num && !/[A-Za-z(]/.test(text[i + num[0].length] ?? '')) {
      constant += sign * Number(num[0]);
      i += num[0].length;
      return true;
    }
    if (text[i] === '(') {
      i++;
      if (!expr(sign, inSum)) return false;
      ws();
      if (text[i] !== ')') return false;
      i++;
      return true;
    }
    if (/^SUM\(/i.test(text.slice(i, i + 4))) {
      i += 4;
      for (;;) {
        if (!expr(sign, true)) return false;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== ')') return false;
        i++;
        return true;
      }
    }
    const ref = refAt();
    if (!ref || (ref.isRange && !inSum)) return false;
    terms.push({ coef: sign, ref });
    i = ref.end;
    return true;
  };
  if (!expr(1, false)) return undefined;
  ws();
  return i === text.length && terms.length > 0 ? { constant, terms } : undefined;
}

/** True when the formula has no text joins or comparisons, so `formula+40` adds 40 to its value. */
export function plainArithmetic(text: string): boolean {
  let stripped = text;
  for (const [a, b] of stringSpans(text).reverse()) stripped = stripped.slice(0, a) + stripped.slice(b);
  return !/[&=<>]/.test(stripped) && !/"/.test(text);
}
