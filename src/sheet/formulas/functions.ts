/**
 * Worksheet functions the parser (fast-formula-parser) lacks or gets wrong for finance, taken from
 * @formulajs/formulajs (MIT, maintained): MIN and MAX, the *IFS family, MATCH, COUNTA, SUBTOTAL, the
 * financial functions, and the ROUND family (the parser rounds 1.005 to 1.00 where Excel shows 1.01).
 * XLOOKUP is in neither library, and the parser hands CHOOSE its own context first: those two, and
 * HYPERLINK (which shows its text), are written here; the parser's INDEX is corrected for other sheets;
 * the *IF(S) family is conditional.ts.
 */
import * as formulajs from '@formulajs/formulajs';
import FormulaParser, { type FunctionArgument } from 'fast-formula-parser';
import ReferenceFunctions from 'fast-formula-parser/formulas/functions/reference';
import SSF from 'fast-formula-parser/ssf/ssf';
import { excelTextAsNumber } from '../../money/parse';
import { CONDITIONAL_FUNCTIONS } from './conditional';
import { cellsOf } from './values';

/** Reviewed one by one: each behaves as Excel's on the arguments finance workbooks give it. */
const FROM_FORMULAJS = [
  'COUNTA',
  'COUNTBLANK',
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
  'MEDIAN',
  'MIN',
  'MINA',
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
  'SWITCH',
  'TEXTJOIN',
  'VALUE',
  'VAR.P',
  'VAR.S',
  'VLOOKUP',
  'HLOOKUP',
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

function lastIndexWhere(list: readonly unknown[], test: (item: unknown) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}

/** XLOOKUP(lookup, lookup_array, return_array, [if_not_found], [match_mode], [search_mode]): exact match, first or last. */
function xlookup(...args: FunctionArgument[]): unknown {
  const [lookup, keys, results, ifNotFound, matchMode, searchMode] = args;
  if (!lookup || !keys || !results) return FormulaParser.FormulaError.VALUE;
  if (matchMode && !matchMode.omitted && matchMode.value !== 0) throw new FormulaParser.FormulaError('#NAME?', 'XLOOKUP match modes other than exact');
  const keyList = cellsOf(keys.value);
  const resultList = cellsOf(results.value);
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

/** CHOOSE(index, value1, value2, …); the parser passes its context first. */
function choose(_context: unknown, index?: FunctionArgument, ...values: FunctionArgument[]): unknown {
  const n = Math.trunc(Number(index?.value));
  if (!Number.isFinite(n) || n < 1 || n > values.length) return FormulaParser.FormulaError.VALUE;
  return values[n - 1].value;
}

/** HYPERLINK(link, [text]) shows its text, or the link where there is none. */
function hyperlink(link?: FunctionArgument, text?: FunctionArgument): unknown {
  return text && !text.omitted ? text.value : link?.value;
}

/** Excel writes a currency sign in a format as itself; SSF knows only $, so the others are quoted for it. */
function quoteCurrencySigns(format: string): string {
  let quoted = false;
  let out = '';
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    out += !quoted && /[£€¥]/.test(ch) ? `"${ch}"` : ch;
  }
  return out;
}

/**
 * TEXT(value, format). The parser's own logs to the console and gives #VALUE! for a format with £ in it
 * ("£###,,"), where Excel shows text. Text that is not a number is shown as it is, as in Excel.
 */
function text(value?: FunctionArgument, format?: FunctionArgument): unknown {
  const v = value?.value ?? 0;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? excelTextAsNumber(v) : v === null ? 0 : undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (n === undefined) return typeof v === 'string' ? v : FormulaParser.FormulaError.VALUE;
  const pattern = format?.value ?? '';
  if (typeof pattern !== 'string' && typeof pattern !== 'number') return FormulaParser.FormulaError.VALUE;
  try {
    return SSF.format(quoteCurrencySigns(String(pattern)), n);
  } catch {
    return FormulaParser.FormulaError.VALUE;
  }
}

interface Reference {
  readonly ref?: { readonly sheet?: string };
}

/** The parser's INDEX answers a cell of another sheet's range without its sheet, which then reads this sheet's cell. */
function index(context: unknown, range?: Reference, ...rest: unknown[]): unknown {
  const result = ReferenceFunctions.INDEX(context, range, ...rest) as Reference | undefined;
  const sheet = range?.ref?.sheet;
  if (sheet === undefined || typeof result !== 'object' || result === null || !result.ref || result.ref.sheet !== undefined) return result;
  return { ...result, ref: { ...result.ref, sheet } };
}

/** The functions handed to the parser, by name; they override its own of the same name. */
export function extraFunctions(): Record<string, (...args: never[]) => unknown> {
  const functions: Record<string, (...args: never[]) => unknown> = {
    ...CONDITIONAL_FUNCTIONS,
    XLOOKUP: xlookup,
    CHOOSE: choose,
    HYPERLINK: hyperlink,
    INDEX: index,
    TEXT: text,
  };
  const library = formulajs as unknown as Record<string, unknown>;
  for (const name of FROM_FORMULAJS) {
    const fn = libraryFunction(library, name);
    if (fn) functions[name] = bridge(fn);
  }
  return functions;
}
