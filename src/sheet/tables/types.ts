/**
 * What table detection finds in a grid. Every figure keeps its cell, so each finding and each
 * rollup number can be traced back to the sheet.
 */
import type { Money } from '../../money/decimal';
import type { FiscalYear } from '../../money/fiscal-year';
import type { MissingReason } from '../../money/parse';
import type { UnitId } from '../../money/units';
import type { RangeRef } from '../a1';
import type { ColumnKind } from './column-kinds';
import type { UnitSource } from './table-units';

/** Column roles of budget tables (DESIGN.md "Input the checker understands"). */
export type DimensionRole = 'priority-area' | 'funding-stream' | 'programme' | 'borough' | 'commissioning-model' | 'year';
export type MeasureRole = 'budget' | 'forecast' | 'actual' | 'variance' | 'amount';
/** Register and audit-action columns. */
type RecordRole =
  'recipient' | 'type' | 'award-date' | 'start-date' | 'end-date' | 'funder' | 'procurement-route' | 'status' | 'rag' | 'outcomes' | 'owner' | 'date';
export type ColumnRole = 'label' | 'ref' | 'notes' | 'other' | DimensionRole | MeasureRole | RecordRole;

const MEASURE_ROLES: readonly MeasureRole[] = ['budget', 'forecast', 'actual', 'variance', 'amount'];
export const DIMENSION_ROLES: readonly DimensionRole[] = ['priority-area', 'funding-stream', 'programme', 'borough', 'commissioning-model', 'year'];

export function isDimensionRole(role: ColumnRole): role is DimensionRole {
  return (DIMENSION_ROLES as readonly string[]).includes(role);
}

export function isMeasureRole(role: ColumnRole): role is MeasureRole {
  return (MEASURE_ROLES as readonly string[]).includes(role);
}

export type TableKind = 'budget' | 'register' | 'audit-actions';

export interface Column {
  readonly col: number;
  /** Header text as written (both header rows joined with " / " when there are two). */
  readonly header: string;
  readonly role: ColumnRole;
  /** True when the header itself names the role (not inferred from position or content). */
  readonly declared: boolean;
  /** A fiscal year stated in the header. */
  readonly year?: FiscalYear;
  /** The upper header row's label over this column, such as "Home Office" or "MOPAC". */
  readonly group?: string;
  /** What the column holds: only money columns are added up. */
  readonly kind: ColumnKind;
  /** Unit for amounts in this column, and where it was found. */
  readonly unit: UnitId;
  readonly unitSource: UnitSource;
  /** Where a number format shows pounds scaled (#,##0, as thousands), the unit shown. */
  readonly displayUnit?: UnitId;
  /** Decimal places of `unit` its number format shows (most of its figures' format), where it has one: findings show figures so. */
  readonly shownDecimals?: number;
  /** True for a column hidden in the workbook. */
  readonly hidden?: boolean;
  /** True for a column of a few values repeated down the lines (Region, Class): it sorts them into groups. */
  readonly categorical?: boolean;
}

/** One amount cell as read: its exact value in pounds and how precisely it was written. */
export type AmountCell =
  | {
      readonly kind: 'amount';
      readonly row: number;
      readonly col: number;
      readonly pounds: Money;
      /** The same figure in whole pence, when it is one (money/pence.ts): what sums and comparisons use first. */
      readonly pence?: bigint;
      /** Pounds value of the last written digit; zero for full-precision figures (pounds and pence). */
      readonly step: Money;
      readonly formula?: string;
    }
  | {
      readonly kind: 'missing';
      readonly row: number;
      readonly col: number;
      readonly placeholder: string;
      /** Blank or to come (gaps to fill), or not available or suppressed (left out and listed). */
      readonly reason: MissingReason;
      /** Set when the cell holds a formula whose result the file does not store (never calculated). */
      readonly formula?: string;
    }
  | { readonly kind: 'invalid'; readonly row: number; readonly col: number; readonly text: string; readonly reason: string }
  | { readonly kind: 'error'; readonly row: number; readonly col: number; readonly code: string };

/** A body row: a line, a section heading, a total or subtotal, a note, or a header repeated at a page break. */
type RowKind = 'line' | 'section' | 'total' | 'note' | 'header';

/** What showed a total's lines, strongest first. */
export type TotalEvidence = 'formula' | 'arithmetic' | 'words';

export interface TableRow {
  readonly row: number;
  readonly kind: RowKind;
  /** The row's label, trimmed ('' when it has none). */
  readonly label: string;
  readonly labelCol: number | undefined;
  /** Index into Table.sections of the section the row sits under. */
  readonly section?: number;
  /** For a total row: the rows (TableRow.row) it adds up: lines, or the subtotals it adds. */
  readonly sums?: readonly number[];
  /** For a total row: rows it takes away (net = gross − income, where income is written positive). */
  readonly subtracts?: readonly number[];
  /** For a total row: what showed which rows it aggregates. */
  readonly evidence?: TotalEvidence;
  /** Amount cells by column index, for the table's measure columns. */
  readonly amounts: AmountsByColumn;
}

/**
 * A row's figures by column. Each `get` may make a new cell (figures are kept by column, not as
 * objects), so a rule that only needs a figure's kind asks `kindOf`.
 */
export interface AmountsByColumn extends ReadonlyMap<number, AmountCell> {
  kindOf(col: number): AmountCell['kind'] | undefined;
  /** Visits the cells that are not plain figures (blanks, text, errors, formulas): figures are not made for it. */
  forEachNonFigure(visit: (cell: AmountCell) => void): void;
}

/** A stated figure for a group of lines: "(£15.0m)" in a title or section row, or a section row's own amounts. */
export interface Headline {
  /** Column the figure belongs to (the first measure column when stated in text). */
  readonly col: number;
  readonly cell: { readonly row: number; readonly col: number };
  readonly pounds: Money;
  readonly step: Money;
  /** True when the figure was read from text such as "(£15.0m)" rather than from an amount cell. */
  readonly fromText: boolean;
}

export interface Section {
  readonly row: number;
  /** Label without any stated figure: "A Better Criminal Justice Service". */
  readonly name: string;
  readonly headlines: readonly Headline[];
  /** Rows (TableRow.row) of the lines under it. */
  readonly lineRows: readonly number[];
}

/** A column that adds up (or takes away) other columns of the same row: Total = 2022/23 + 2023/24. */
export interface ColumnTotal {
  readonly col: number;
  readonly adds: readonly number[];
  readonly subtracts: readonly number[];
  readonly evidence: TotalEvidence;
}

/** A per-cent column that is a ratio of money columns in each row: Variance % = Variance ÷ Budget. */
export interface ColumnRatio {
  readonly col: number;
  /** The numerator: columns added and taken away ((this year − last year) for a change). */
  readonly adds: readonly number[];
  readonly subtracts: readonly number[];
  readonly denominator: number;
  /** 100 where the figures are points (12.5 for 12.5%), 1 where they are fractions (0.125 shown as 12.5%). */
  readonly scale: 1 | 100;
  readonly evidence: TotalEvidence;
}

export interface Table {
  readonly sheet: string;
  readonly kind: TableKind;
  /** The whole block, title rows included. */
  readonly range: RangeRef;
  readonly title?: string;
  readonly titleCell?: { readonly row: number; readonly col: number };
  /** A figure stated in the title ("... (£15.0m)"), for all the table's lines. */
  readonly titleHeadlines: readonly Headline[];
  readonly headerRows: readonly number[];
  readonly columns: readonly Column[];
  /** Unit of the table as a whole (the first measure column's unit) and where it was found. */
  readonly unit: UnitId;
  readonly unitSource: UnitSource;
  /** The column whose text names each line. */
  readonly labelCol?: number;
  /** Columns that add up others in each row. */
  readonly columnTotals: readonly ColumnTotal[];
  /** Per-cent columns that are ratios of money columns in each row. */
  readonly columnRatios: readonly ColumnRatio[];
  /** A fiscal year stated in the title, for columns whose header states none. */
  readonly titleYear?: FiscalYear;
  readonly rows: readonly TableRow[];
  readonly sections: readonly Section[];
}
