/**
 * What a table is expected to be read as: the shared shape of the generated corpus (test/corpus) and of
 * the labelled set of public workbooks (test/fixtures/public/labels.json). Addresses are as Excel shows
 * them (rows from 1, columns by letter), so a person can label a sheet by looking at it.
 */
export type ExpectedKind = 'money' | 'rate' | 'percent' | 'count' | 'identifier' | 'year' | 'date' | 'text';
export type ExpectedUnit = '£' | '£k' | '£000' | '£m';

export interface ExpectedRowTotal {
  /** The total's row (1-based). */
  readonly row: number;
  /** Rows it adds up: lines, or the subtotals it adds (either way it is scored on the lines beneath). */
  readonly adds: readonly number[];
  /** Rows it takes away (net = gross − income where income is written positive). */
  readonly subtracts?: readonly number[];
}

export interface ExpectedColumnTotal {
  /** The total column's letter ("F"). */
  readonly col: string;
  readonly adds: readonly string[];
  readonly subtracts?: readonly string[];
}

export interface ExpectedTable {
  readonly sheet: string;
  /**
   * The table's extent: its first header row to its last body row (totals and footnote-free), first
   * to last column, in A1 ("A3:F20"). Title, unit and note rows above the header are not part of it.
   */
  readonly range: string;
  /** The unit its money is written in, where the table states or implies one. */
  readonly unit?: ExpectedUnit;
  readonly rowTotals?: readonly ExpectedRowTotal[];
  readonly columnTotals?: readonly ExpectedColumnTotal[];
  /** Kinds of the columns that matter, by letter: { B: 'identifier', D: 'money', E: 'percent' }. */
  readonly kinds?: Readonly<Record<string, ExpectedKind>>;
}

/** A fault put into a clean table, and where the checker must report it. */
export interface InjectedFault {
  readonly sheet: string;
  /** A1 address without the sheet. */
  readonly cell: string;
  /** The rule that must fire there: total-mismatch for arithmetic faults. */
  readonly rule: string;
  /** What was done, for a failing test's message: "C14 (Total income) changed from 120 to 125". */
  readonly description: string;
}
