/** The part of fast-formula-parser (MIT, untyped) the evaluator uses: sheet-relative, 1-based positions. */
declare module 'fast-formula-parser' {
  export interface CellPosition {
    readonly sheet: string;
    readonly row: number;
    readonly col: number;
  }
  export interface RangePosition {
    readonly sheet: string;
    readonly from: { readonly row: number; readonly col: number };
    readonly to: { readonly row: number; readonly col: number };
  }
  /** A function argument as the parser hands it over: a range's value is rows of cells. */
  export interface FunctionArgument {
    readonly value: unknown;
    readonly isArray: boolean;
    readonly isRangeRef?: boolean;
    readonly isCellRef?: boolean;
    readonly omitted?: boolean;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly details?: unknown;
    static readonly VALUE: FormulaError;
    static readonly NA: FormulaError;
    static readonly DIV0: FormulaError;
  }
  export interface ParserConfig {
    onCell(ref: CellPosition): unknown;
    onRange(ref: RangePosition): unknown[][];
    onVariable?(name: string, sheet: string): CellPosition | RangePosition | undefined;
    functions?: Record<string, (...args: never[]) => unknown>;
  }
  export default class FormulaParser {
    constructor(config: ParserConfig);
    parse(formula: string, position: CellPosition, allowReturnArray?: boolean): unknown;
    static readonly FormulaError: typeof FormulaError;
    /** The parser's shared helpers; flattenDeep flattens every range a function reads. */
    static readonly FormulaHelpers: {
      flattenDeep(values: unknown[]): unknown[];
      acceptNumber(value: unknown, isArray?: boolean, allowBoolean?: boolean): unknown;
    };
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
  }
}

/** The parser's operators: the engine replaces its comparison with Excel's (excel-compare.ts). */
declare module 'fast-formula-parser/formulas/operators' {
  export const Infix: {
    compareOp(value1: unknown, infix: string, value2: unknown, isArray1: boolean, isArray2: boolean): unknown;
  };
}

/** The parser's reference functions: the engine wraps its INDEX, which drops the sheet of its answer. */
declare module 'fast-formula-parser/formulas/functions/reference' {
  const ReferenceFunctions: { INDEX(context: unknown, ...args: unknown[]): unknown };
  export default ReferenceFunctions;
}

/** SheetJS's number formatter (SSF), which the parser carries: the engine's TEXT calls it itself. */
declare module 'fast-formula-parser/ssf/ssf' {
  const SSF: { format(format: string, value: number): string };
  export default SSF;
}
