/**
 * The formula engine: fast-formula-parser (MIT) parses and evaluates Excel formulas, with functions it
 * lacks from @formulajs/formulajs (functions.ts). This module is the only one that knows either library;
 * the calculation (calculate.ts) hands it cells and ranges and gets back a result or a reason.
 */
import FormulaParser, { type CellPosition, type RangePosition } from 'fast-formula-parser';
import { Infix } from 'fast-formula-parser/formulas/operators';
import { worksOnArrays } from './array-work';
import { excelCompare } from './excel-compare';
import { extraFunctions } from './functions';
import { excelTextAsNumber } from '../../money/parse';

// Corrections to the parser, made once on its shared objects, which it looks up at every use:
// Excel's comparisons (arrays never reach them: array-work.ts), and a flattening that is linear (the
// parser's concatenates as it goes, so a SUM over 100,000 rows took a minute).
Infix.compareOp = (value1, infix, value2) => excelCompare(value1, infix, value2);
FormulaParser.FormulaHelpers.flattenDeep = (values) => values.flat(Infinity);
// And text read as a number as Excel reads it ("1,200", "£1,200", "(1,200)"), where the parser takes only JavaScript's numbers.
const parserNumber = FormulaParser.FormulaHelpers.acceptNumber.bind(FormulaParser.FormulaHelpers);
FormulaParser.FormulaHelpers.acceptNumber = (value, isArray, allowBoolean) =>
  (typeof value === 'string' ? excelTextAsNumber(value) : undefined) ?? parserNumber(value, isArray, allowBoolean);

/** Where a formula's figures come from; rows and columns 0-based, as the grid counts them. */
interface FormulaSources {
  cell(sheet: string, row: number, col: number): unknown;
  range(sheet: string, from: { row: number; col: number }, to: { row: number; col: number }): unknown[][];
  /** A defined name as the cell or range it stands for (1-based, as the parser wants), or undefined. */
  name(name: string, sheet: string): CellPosition | RangePosition | undefined;
}

export type Outcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly reason: string };

/** Outside string literals: a bracket is another workbook ([1]Sheet1!A1) or a table's column (Table1[Amount]). */
const BRACKET = /\[/;
/** Sheet1:Sheet3!A1, a reference through a run of sheets. */
const THREE_D = /(?:'[^']+:[^']+'|[A-Za-z_][\w.]*:[A-Za-z_][\w.]*)!/;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;

/** Why a formula is beyond the engine before it is tried, or undefined. */
function beyondTheEngine(formula: string): string | undefined {
  const code = formula.replace(STRING_LITERAL, '""');
  if (BRACKET.test(code)) return 'refers to another workbook or to a table by name';
  if (THREE_D.test(code)) return 'refers to a run of sheets';
  if (worksOnArrays(code)) return 'works on whole ranges at once (an array calculation), which the evaluator does not do as Excel does';
  return undefined;
}

function reasonFor(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /Function (\S+) is not implemented/.exec(message);
  if (missing) return `uses ${missing[1]}, which the evaluator does not know`;
  if (error instanceof FormulaParser.FormulaError) return 'could not be read as a formula';
  return 'could not be evaluated';
}

export class FormulaEngine {
  private readonly parser: FormulaParser;

  constructor(sources: FormulaSources) {
    this.parser = new FormulaParser({
      onCell: (ref) => sources.cell(ref.sheet, ref.row - 1, ref.col - 1),
      onRange: (ref) => sources.range(ref.sheet, { row: ref.from.row - 1, col: ref.from.col - 1 }, { row: ref.to.row - 1, col: ref.to.col - 1 }),
      onVariable: (name, sheet) => sources.name(name, sheet),
      functions: extraFunctions(),
    });
  }

  /** The formula's result at a cell (0-based), or why it could not be worked out. */
  evaluate(formula: string, sheet: string, row: number, col: number): Outcome {
    const beyond = beyondTheEngine(formula);
    if (beyond) return { ok: false, reason: beyond };
    try {
      return { ok: true, result: this.parser.parse(formula, { sheet, row: row + 1, col: col + 1 }) };
    } catch (error) {
      return { ok: false, reason: reasonFor(error) };
    }
  }
}

/** The parser's largest row and column, which a whole-column (C:C) or whole-row (5:5) reference reaches. */
export const MAX_ROW = FormulaParser.MAX_ROW;
export const MAX_COLUMN = FormulaParser.MAX_COLUMN;
