/**
 * What seeding needs of a formula, read with the checker's own tokenizer (src/sheet/formulas/r1c1.ts):
 * its cell and range references, with where each stands in the text (so one can be rewritten), and, for
 * sums and differences of cells and ranges, the coefficient each cell carries (so a seeded change can be
 * carried to the cached values of the cells that depend on it, as Excel's recalculation would).
 */
import { columnLetters } from '../../src/sheet/a1';
import { refArea, tokenize, type FormulaToken, type RefToken as RefTokenOfR1C1 } from '../../src/sheet/formulas/r1c1';

/** A reference to cells of this workbook, placed in its formula's text. */
export interface PlacedRef {
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
  /** Where the reference (after any sheet prefix) stands in the formula text. */
  readonly start: number;
  readonly end: number;
}

/** A token with where it stands in the formula, and for a reference to cells of this workbook, that reference. */
interface Placed {
  readonly token: FormulaToken;
  readonly ref?: PlacedRef;
}

/** Cells and ranges of cells only: whole rows or columns, other workbooks and runs of sheets are not sums seeding can follow. */
function placedRef(token: RefTokenOfR1C1, at: number): PlacedRef | undefined {
  const end = token.end ?? token.start;
  const external = token.sheet !== undefined && !token.sheet.startsWith("'") && /[[:]/.test(token.sheet);
  if (external || [token.start, end].some((p) => p.row === undefined || p.col === undefined)) return undefined;
  const area = refArea(token);
  return {
    ...(area.sheet !== undefined ? { sheet: area.sheet } : {}),
    r1: area.top,
    r2: area.bottom,
    c1: area.left,
    c2: area.right,
    isRange: token.end !== undefined,
    absRow: [token.start.row?.abs === true, end.row?.abs === true],
    absCol: [token.start.col?.abs === true, end.col?.abs === true],
    start: at + (token.sheet !== undefined ? token.sheet.length + 1 : 0),
    end: at + token.text.length,
  };
}

/** The formula's tokens (spaces left out) with their references placed; undefined when it cannot be read. */
function placedTokens(text: string): Placed[] | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  const placed: Placed[] = [];
  let at = 0;
  for (const token of tokens) {
    const ref = token.kind === 'ref' ? placedRef(token, at) : undefined;
    if (token.kind !== 'space') placed.push(ref ? { token, ref } : { token });
    at += token.text.length;
  }
  return placed;
}

/** Every cell or range reference in a formula (without its leading '='), in order. */
export function referencesOf(text: string): PlacedRef[] {
  return (placedTokens(text) ?? []).flatMap((p) => (p.ref ? [p.ref] : []));
}

/** The A1 text of a reference, keeping its $ marks (no sheet prefix). */
function refText(ref: Pick<PlacedRef, 'r1' | 'c1' | 'r2' | 'c2' | 'isRange' | 'absRow' | 'absCol'>): string {
  const one = (r: number, c: number, i: 0 | 1): string => `${ref.absCol[i] ? '$' : ''}${columnLetters(c)}${ref.absRow[i] ? '$' : ''}${r + 1}`;
  return ref.isRange ? `${one(ref.r1, ref.c1, 0)}:${one(ref.r2, ref.c2, 1)}` : one(ref.r1, ref.c1, 0);
}

/** The formula with one reference replaced by another (same sheet prefix). */
export function replaceRef(text: string, ref: PlacedRef, replacement: Omit<PlacedRef, 'start' | 'end' | 'sheet'>): string {
  return text.slice(0, ref.start) + refText(replacement) + text.slice(ref.end);
}

export interface LinearTerm {
  readonly coef: number;
  readonly ref: PlacedRef;
}

/** A formula that is a sum or difference of numbers, cells, ranges and SUM()s of them. */
export interface Linear {
  readonly constant: number;
  readonly terms: readonly LinearTerm[];
}

/** Reads a sum or difference token by token; `fail` is set on anything else (a product, a lookup, IF…). */
class LinearReader {
  private i = 0;
  constant = 0;
  readonly terms: LinearTerm[] = [];

  constructor(private readonly tokens: readonly Placed[]) {}

  get done(): boolean {
    return this.i === this.tokens.length;
  }

  private is(kind: FormulaToken['kind'], text?: string): boolean {
    const t = this.tokens[this.i]?.token;
    return t !== undefined && t.kind === kind && (text === undefined || t.text === text);
  }

  expr(sign: number, inSum: boolean): boolean {
    for (let first = true; ; first = false) {
      let s = sign;
      if (this.is('op', '+') || this.is('op', '-')) {
        if (this.is('op', '-')) s = -s;
        this.i++;
      } else if (!first) return true;
      if (!this.atom(s, inSum)) return false;
      if (!this.is('op', '+') && !this.is('op', '-')) return true;
    }
  }

  private atom(sign: number, inSum: boolean): boolean {
    const here = this.tokens[this.i];
    if (here?.token.kind === 'number') {
      this.constant += sign * Number(here.token.text);
      this.i++;
      return true;
    }
    if (this.is('op', '(')) {
      this.i++;
      if (!this.expr(sign, inSum) || !this.is('op', ')')) return false;
      this.i++;
      return true;
    }
    if (this.is('func', 'SUM')) return this.sum(sign);
    if (!here?.ref || (here.ref.isRange && !inSum)) return false;
    this.terms.push({ coef: sign, ref: here.ref });
    this.i++;
    return true;
  }

  private sum(sign: number): boolean {
    this.i++;
    if (!this.is('op', '(')) return false;
    this.i++;
    for (;;) {
      if (!this.expr(sign, true)) return false;
      if (this.is('op', ',')) this.i++;
      else if (this.is('op', ')')) {
        this.i++;
        return true;
      } else return false;
    }
  }
}

/** The formula as a sum of cells and ranges, or undefined when it is anything else (a product, a lookup, IF...). */
export function linearOf(text: string): Linear | undefined {
  const tokens = placedTokens(text);
  if (!tokens) return undefined;
  const reader = new LinearReader(tokens);
  if (!reader.expr(1, false) || !reader.done || reader.terms.length === 0) return undefined;
  return { constant: reader.constant, terms: reader.terms };
}

/** True when the formula has no text and no joins or comparisons, so `formula+40` adds 40 to its value. */
export function plainArithmetic(text: string): boolean {
  const tokens = tokenize(text);
  return tokens !== undefined && !tokens.some((t) => t.kind === 'string' || (t.kind === 'op' && /[&=<>]/.test(t.text)));
}
