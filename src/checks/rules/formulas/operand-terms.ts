/**
 * Reading a formula's tokens as arithmetic: which numbers are added or taken away as terms of their own
 * (=C7-B7+40), and in what context each reference is used (inside SUM, or straight in + - * arithmetic).
 */
import type { FormulaToken, RefToken } from '../../../sheet/formulas/r1c1';

/** The tokens that carry meaning: spaces go (an intersection is not arithmetic these rules read). */
export function significant(tokens: readonly FormulaToken[]): FormulaToken[] {
  return tokens.filter((t) => t.kind !== 'space');
}

function isOp(t: FormulaToken | undefined, ...ops: string[]): boolean {
  return t !== undefined && t.kind === 'op' && ops.includes(t.text);
}

/** True for a token after which + or − is binary (adds or takes away), not a sign. */
function endsOperand(t: FormulaToken | undefined): boolean {
  if (t === undefined) return false;
  if (t.kind === 'op') return t.text === ')' || t.text === '}' || t.text === '%' || t.text === '#';
  return t.kind !== 'func';
}

/** Index of the bracket closing the one at `open`. */
function closing(tokens: readonly FormulaToken[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isOp(tokens[i], '(', '{')) depth++;
    else if (isOp(tokens[i], ')', '}') && --depth === 0) return i;
  }
  return undefined;
}

interface Span {
  readonly start: number;
  /** One past the last token. */
  readonly end: number;
  /** Index of the + or − before the term, when it is not the group's first. */
  readonly op?: number;
  readonly sign: 1 | -1;
}

/** The additive terms of tokens[from, to); undefined where the group compares, joins text or lists arguments. */
function additiveTerms(tokens: readonly FormulaToken[], from: number, to: number): Span[] | undefined {
  const terms: Span[] = [];
  let depth = 0;
  let start = from;
  let op: number | undefined;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (isOp(t, '(', '{')) depth++;
    else if (isOp(t, ')', '}')) depth--;
    else if (depth === 0 && isOp(t, '=', '<', '>', '<>', '<=', '>=', '&', ',', ';', ':')) return undefined;
    else if (depth === 0 && isOp(t, '+', '-') && i > start && endsOperand(tokens[i - 1])) {
      terms.push({ start, end: i, ...(op !== undefined ? { op } : {}), sign: op !== undefined && isOp(tokens[op], '-') ? -1 : 1 });
      op = i;
      start = i + 1;
    }
  }
  if (depth !== 0 || start >= to) return undefined;
  terms.push({ start, end: to, ...(op !== undefined ? { op } : {}), sign: op !== undefined && isOp(tokens[op], '-') ? -1 : 1 });
  return terms;
}

export interface AdditiveConstant extends Span {
  /** The number as written. */
  readonly text: string;
}

/**
 * Numbers added or taken away as terms of their own, at the top of the formula or in brackets that are
 * themselves added (=C7-(B7+40)), where the same group also adds a cell. Numbers multiplied, divided,
 * compared or passed to a function (ROUND(x, 2)) are not terms. Their sign counts the signs before them.
 */
export function additiveConstants(tokens: readonly FormulaToken[]): AdditiveConstant[] {
  const found: AdditiveConstant[] = [];
  collect(tokens, 0, tokens.length, 1, found);
  return found;
}

function collect(tokens: readonly FormulaToken[], from: number, to: number, sign: 1 | -1, found: AdditiveConstant[]): boolean {
  const terms = additiveTerms(tokens, from, to);
  if (!terms) return false;
  const constants: AdditiveConstant[] = [];
  let cells = false;
  for (const term of terms) {
    let s = term.start;
    let termSign = (term.sign * sign) as 1 | -1;
    for (; s < term.end - 1 && isOp(tokens[s], '+', '-'); s++) if (isOp(tokens[s], '-')) termSign = -termSign as 1 | -1;
    const first = tokens[s];
    if (s === term.end - 1 && first.kind === 'number') constants.push({ ...term, sign: termSign, text: first.text });
    else if (isOp(first, '(') && closing(tokens, s) === term.end - 1) cells = collect(tokens, s + 1, term.end - 1, termSign, found) || cells;
    else if (tokens.slice(s, term.end).some((t) => t.kind === 'ref')) cells = true;
  }
  // A group of numbers alone ((1+0.2)) is a figure worked out, not a plug on top of cells.
  if (cells) for (const c of constants) found.push(c);
  return cells;
}

/** The formula without the given terms: each goes with the + or − before it (or the + after it, when first). */
export function withoutTerms(tokens: readonly FormulaToken[], terms: readonly Span[]): string {
  const drop = new Set<number>();
  for (const term of terms) {
    for (let i = term.start; i < term.end; i++) drop.add(i);
    if (term.op !== undefined) drop.add(term.op);
    else if (isOp(tokens[term.end], '+')) drop.add(term.end);
  }
  return tokens
    .filter((_, i) => !drop.has(i))
    .map((t) => t.text)
    .join('');
}

export interface RefUse {
  readonly token: RefToken;
  readonly index: number;
  /** The innermost function whose arguments hold the reference, if any (brackets of plain arithmetic aside). */
  readonly func?: string;
  /** True when no function holds it: it is used in the formula's own arithmetic. */
  readonly bare: boolean;
  /** The operators either side of it ('' at the formula's start or end, or next to a bracket). */
  readonly before: string;
  readonly after: string;
}

/** Each reference of the formula with what it is used in. */
export function referenceUses(tokens: readonly FormulaToken[]): RefUse[] {
  const uses: RefUse[] = [];
  const stack: (string | undefined)[] = [];
  tokens.forEach((t, i) => {
    if (isOp(t, '(')) stack.push(tokens[i - 1]?.kind === 'func' ? tokens[i - 1].text : undefined);
    else if (isOp(t, ')')) stack.pop();
    if (t.kind !== 'ref') return;
    const func = [...stack].reverse().find((f) => f !== undefined);
    const side = (n: FormulaToken | undefined) => (n === undefined || isOp(n, '(', ')') ? '' : n.kind === 'op' ? n.text : '?');
    uses.push({
      token: t,
      index: i,
      ...(func !== undefined ? { func } : {}),
      bare: func === undefined,
      before: side(tokens[i - 1]),
      after: side(tokens[i + 1]),
    });
  });
  return uses;
}
