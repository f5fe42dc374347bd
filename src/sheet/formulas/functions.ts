/**
 * Worksheet functions the parser (fast-formula-parser) lacks or gets wrong for finance, taken from
 * @formulajs/formulajs (MIT, maintained): MIN and MAX, the *IFS family, MATCH, COUNTA, SUBTOTAL, the
 * financial functions, and the ROUND family (the parser rounds 1.005 to 1.00 where Excel shows 1.01).
 * XLOOKUP is in neither library; its exact-match form is written here on top of MATCH's rules.
 */
import * as formulajs from '@formulajs/formulajs';
import FormulaParser, { type FunctionArgument } from 'fast-formula-parser';

/** Reviewed one by one: each behaves as Excel's on the arguments finance workbooks give it. */
const FROM_FORMULAJS = [
  'AVERAGEIFS',
  'CHOOSE',
  'COUNTA',
  'COUNTBLANK',
  'COUNTIFS',
  'DB',
  'DDB',
  'FV',
  'IRR',
  'LARGE',
  'LEN',
  'LOOKUP',
  'MATCH',
  'MAX',
  'MAXA',
  'MAXIFS',
  'MEDIAN',
  'MIN',
  'MINA',
  'MINIFS',
  'NPER',
  'NPV',
  'PMT',
  'PV',
  'RATE',
  'ROUND',
  'ROUNDDOWN',
  'ROUNDUP',
  'SLN',
  'SMALL',
  'STDEV.P',
  'STDEV.S',
  'SUBSTITUTE',
  'SUBTOTAL',
  'SUMIFS',
  'SWITCH',
  'TEXTJOIN',
  'VALUE',
  'VAR.P',
  'VAR.S',
  'XIRR',
  'XNPV',
] as const;

type Fn = (...args: unknown[]) => unknown;
type Bridged = (...args: FunctionArgument[]) => unknown;

/** formulajs reports an Excel error as an Error whose message is its code; the parser wants its own. */
function asParserResult(result: unknown): unknown {
  if (result instanceof FormulaParser.FormulaError) return result;
  if (result instanceof Error) return new FormulaParser.FormulaError(result.message);
  return result;
}

/** Omitted optional arguments reach formulajs as undefined, so its defaults apply. */
function bridge(fn: Fn): Bridged {
  return (...args) => asParserResult(fn(...args.map((a) => (a.omitted ? undefined : a.value))));
}

function flat(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]).flat(Infinity) : [value];
}

function lastIndexWhere(list: readonly unknown[], test: (item: unknown) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}

/** XLOOKUP(lookup, lookup_array, return_array, [if_not_found], [match_mode], [search_mode]): exact match, first or last. */
function xlookup(...args: FunctionArgument[]): unknown {
  const [lookup, keys, results, ifNotFound, matchMode, searchMode] = args;
  if (!lookup || !keys || !results) return FormulaParser.FormulaError.VALUE;
  if (matchMode && !matchMode.omitted && matchMode.value !== 0) throw new FormulaParser.FormulaError('#NAME?', 'XLOOKUP match modes other than exact');
  const keyList = flat(keys.value);
  const resultList = flat(results.value);
  if (keyList.length !== resultList.length) return FormulaParser.FormulaError.VALUE;
  const wanted = typeof lookup.value === 'string' ? lookup.value.toLowerCase() : lookup.value;
  const matches = (k: unknown) => (typeof k === 'string' ? k.toLowerCase() : k) === wanted;
  const fromEnd = searchMode !== undefined && !searchMode.omitted && Number(searchMode.value) < 0;
  const index = fromEnd ? lastIndexWhere(keyList, matches) : keyList.findIndex(matches);
  if (index >= 0) return resultList[index];
  return ifNotFound && !ifNotFound.omitted ? ifNotFound.value : FormulaParser.FormulaError.NA;
}

/** formulajs keeps dotted names as members: STDEV.P is STDEV.P, an object's function. */
function libraryFunction(library: Record<string, unknown>, name: string): Fn | undefined {
  const [head, member] = name.split('.');
  const found = member === undefined ? library[head] : (library[head] as Record<string, unknown> | undefined)?.[member];
  return typeof found === 'function' ? (found as Fn) : undefined;
}

/** The functions handed to the parser, by name; they override its own of the same name. */
export function extraFunctions(): Record<string, Bridged> {
  const functions: Record<string, Bridged> = { XLOOKUP: xlookup };
  const library = formulajs as unknown as Record<string, unknown>;
  for (const name of FROM_FORMULAJS) {
    const fn = libraryFunction(library, name);
    if (fn) functions[name] = bridge(fn);
  }
  return functions;
}
