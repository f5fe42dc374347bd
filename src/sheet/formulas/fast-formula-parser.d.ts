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
  }
  export interface ParserConfig {
    onCell(ref: CellPosition): unknown;
    onRange(ref: RangePosition): unknown[][];
    onVariable?(name: string, sheet: string): CellPosition | RangePosition | undefined;
    functions?: Record<string, (...args: FunctionArgument[]) => unknown>;
  }
  export default class FormulaParser {
    constructor(config: ParserConfig);
    parse(formula: string, position: CellPosition, allowReturnArray?: boolean): unknown;
    static readonly FormulaError: typeof FormulaError;
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
  }
}
