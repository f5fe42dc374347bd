/** The shape of annotations.json: each workbook, the sheets read by hand, and the faults found there. */
export interface CellNote {
  readonly sheet: string;
  readonly cell: string;
  readonly kind?: string;
  readonly note: string;
}
export interface Annotated {
  readonly file: string;
  readonly review: string;
  readonly reviewed: readonly string[];
  readonly faults: readonly CellNote[];
  readonly ignore: readonly CellNote[];
}
