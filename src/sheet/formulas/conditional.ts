/**
 * The *IF(S) family on Excel's criteria (criteria.ts): SUMIF(S), COUNTIF(S), AVERAGEIF(S), MAXIFS and
 * MINIFS. Only numbers are added, averaged or compared; text and logicals in the figures are skipped.
 * The parser hands SUMIF and AVERAGEIF its context and unread references; the rest come as values.
 */
import FormulaParser, { type FunctionArgument } from 'fast-formula-parser';
import { criterion } from './criteria';
import { cellsOf } from './values';

interface ParserContext {
  readonly utils: { extractRefValue(ref: unknown): { val: unknown } };
}

/** Index of each cell of the first range that meets every (range, criteria) pair, or an error for ranges of unlike size. */
function matching(pairs: readonly (readonly [unknown, unknown])[]): number[] | Error {
  const ranges = pairs.map(([range, criteria]) => ({ values: cellsOf(range), test: criterion(criteria) }));
  const size = ranges[0]?.values.length ?? 0;
  if (ranges.some((r) => r.values.length !== size)) return FormulaParser.FormulaError.VALUE;
  const found: number[] = [];
  for (let i = 0; i < size; i++) if (ranges.every((r) => r.test(r.values[i]))) found.push(i);
  return found;
}

function pairsOf(args: readonly unknown[]): [unknown, unknown][] | undefined {
  if (args.length < 2 || args.length % 2 !== 0) return undefined;
  const pairs: [unknown, unknown][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([args[i], args[i + 1]]);
  return pairs;
}

type Aggregate = (figures: number[]) => unknown;

const sum: Aggregate = (figures) => figures.reduce((a, b) => a + b, 0);
const average: Aggregate = (figures) => (figures.length === 0 ? FormulaParser.FormulaError.DIV0 : (sum(figures) as number) / figures.length);
const max: Aggregate = (figures) => (figures.length === 0 ? 0 : figures.reduce((a, b) => Math.max(a, b)));
const min: Aggregate = (figures) => (figures.length === 0 ? 0 : figures.reduce((a, b) => Math.min(a, b)));

/** The aggregate of the figures at the cells meeting every criterion. */
function over(figuresRange: unknown, pairs: [unknown, unknown][] | undefined, aggregate: Aggregate): unknown {
  if (!pairs) return FormulaParser.FormulaError.VALUE;
  const found = matching(pairs);
  if (found instanceof Error) return found;
  const figures = cellsOf(figuresRange);
  if (figures.length !== cellsOf(pairs[0][0]).length) return FormulaParser.FormulaError.VALUE;
  return aggregate(found.map((i) => figures[i]).filter((v): v is number => typeof v === 'number'));
}

const values = (args: readonly FunctionArgument[]): unknown[] => args.map((a) => (a.omitted ? null : a.value));

function ifOf(aggregate: Aggregate) {
  return (context: ParserContext, range?: unknown, criteria?: unknown, figures?: unknown): unknown => {
    const read = (ref: unknown) => context.utils.extractRefValue(ref).val;
    const rangeValues = read(range);
    return over(figures === undefined || figures === null ? rangeValues : read(figures), [[rangeValues, read(criteria)]], aggregate);
  };
}

function ifsOf(aggregate: Aggregate) {
  return (...args: FunctionArgument[]): unknown => {
    const [figures, ...rest] = values(args);
    return over(figures, pairsOf(rest), aggregate);
  };
}

export const CONDITIONAL_FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  SUMIF: ifOf(sum),
  AVERAGEIF: ifOf(average),
  COUNTIF: (range?: FunctionArgument, criteria?: FunctionArgument) =>
    range && criteria ? matchingCount([[range.value, criteria.value]]) : FormulaParser.FormulaError.VALUE,
  COUNTIFS: (...args: FunctionArgument[]) => matchingCount(pairsOf(values(args))),
  SUMIFS: ifsOf(sum),
  AVERAGEIFS: ifsOf(average),
  MAXIFS: ifsOf(max),
  MINIFS: ifsOf(min),
};

function matchingCount(pairs: [unknown, unknown][] | undefined): unknown {
  if (!pairs) return FormulaParser.FormulaError.VALUE;
  const found = matching(pairs);
  return found instanceof Error ? found : found.length;
}
