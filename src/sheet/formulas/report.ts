/** What calculating a workbook's formulas found: the figures it supplied and the ones it could not. */
import type { CellValue } from '../grid';

/** A formula the evaluator could not work out: where the file holds no result, its cell stays unknown. */
export interface UnevaluatedFormula {
  readonly sheet: string;
  /** A1, without the sheet name. */
  readonly cell: string;
  /** Without the leading "=". */
  readonly formula: string;
  /** Why, in words: "uses OFFSET, which the evaluator does not know". */
  readonly reason: string;
  /** True when the file holds a result for it (kept, but not confirmed). */
  readonly saved: boolean;
}

/** A saved result that its formula, worked out again, contradicts: a workbook left in manual calculation. */
export interface StaleResult {
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string;
  readonly saved: CellValue;
  readonly computed: CellValue;
}

export interface FormulaReport {
  /** Formula cells read. */
  readonly formulas: number;
  /** Cells given a result the file did not hold. */
  readonly evaluated: number;
  /** Saved results worked out again and compared. */
  readonly recalculated: number;
  /** The file asks to be recalculated when opened, so its saved results were replaced by calculated ones. */
  readonly fullCalcOnLoad: boolean;
  readonly notUnderstood: readonly UnevaluatedFormula[];
  readonly stale: readonly StaleResult[];
}
