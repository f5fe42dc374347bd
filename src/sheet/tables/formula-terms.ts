/**
 * Reads the simplest and most telling formulas a finance table holds: sums and differences of cells
 * and ranges on the same sheet (=SUM(C5:C11), =B7+B12, =C4-B4, =SUM(B3:E3)-F3). Such a formula says
 * exactly which figures a total aggregates: the strongest evidence of a table's structure. Anything
 * else (functions, constants, other sheets) is not read as structure.
 */
import { RangeRef, parseRange } from '../a1';

interface FormulaTerm {
  readonly range: RangeRef;
  /** +1 added, −1 taken away. */
  readonly sign: 1 | -1;
}

const TOKEN = /\s*(SUM\(([^()]*)\)|\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)\s*/iy;

/** The terms of a formula that only adds and subtracts same-sheet cells and ranges, else undefined. */
export function formulaTerms(formula: string): FormulaTerm[] | undefined {
  const text = formula.trim().replace(/^=/, '');
  if (text === '' || text.length > 2000 || /!/.test(text)) return undefined;
  const terms: FormulaTerm[] = [];
  let pos = 0;
  let sign: 1 | -1 = 1;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    pos = TOKEN.lastIndex;
    const ranges = m[2] !== undefined ? sumArguments(m[2]) : [parseRange(m[1].replace(/\$/g, ''))];
    if (!ranges || ranges.some((r) => r === undefined)) return undefined;
    for (const range of ranges) terms.push({ range: range as RangeRef, sign });
    if (pos >= text.length) break;
    const op = text[pos];
    if (op !== '+' && op !== '-') return undefined;
    sign = op === '+' ? 1 : -1;
    pos++;
  }
  return terms.length > 0 ? terms : undefined;
}

function sumArguments(args: string): (RangeRef | undefined)[] | undefined {
  const parts = args.split(',').map((p) => p.trim().replace(/\$/g, ''));
  if (parts.some((p) => p === '')) return undefined;
  return parts.map((p) => parseRange(p));
}

/**
 * The rows a formula in column `col` adds and subtracts, when every term lies in that column; the
 * evidence for a total row. Undefined for any other shape.
 */
export function rowsAggregated(formula: string, col: number): { adds: number[]; subtracts: number[] } | undefined {
  const terms = formulaTerms(formula);
  if (!terms) return undefined;
  const adds: number[] = [];
  const subtracts: number[] = [];
  for (const t of terms) {
    if (t.range.start.col !== col || t.range.end.col !== col) return undefined;
    if (t.range.end.row - t.range.start.row > 100_000) return undefined;
    for (let r = t.range.start.row; r <= t.range.end.row; r++) (t.sign === 1 ? adds : subtracts).push(r);
  }
  return adds.length + subtracts.length >= 1 ? { adds, subtracts } : undefined;
}

/** The columns a formula in row `row` adds and subtracts, when every term lies in that row. */
export function columnsAggregated(formula: string, row: number): { adds: number[]; subtracts: number[] } | undefined {
  const terms = formulaTerms(formula);
  if (!terms) return undefined;
  const adds: number[] = [];
  const subtracts: number[] = [];
  for (const t of terms) {
    if (t.range.start.row !== row || t.range.end.row !== row) return undefined;
    for (let c = t.range.start.col; c <= t.range.end.col; c++) (t.sign === 1 ? adds : subtracts).push(c);
  }
  return adds.length + subtracts.length >= 2 ? { adds, subtracts } : undefined;
}
