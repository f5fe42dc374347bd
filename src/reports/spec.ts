/**
 * Table specs: what the product writes into a workbook, independent of how it is written. The
 * builders (findings, rollup, register, panel report) produce SheetSpecs; the adapters (office.js
 * inside Excel, ExcelJS for .xlsx files) lay them out the same way:
 *
 *   title row (bold, larger)
 *   unit note row ("£m, 2019/20; negatives in brackets")
 *   header row (a real Excel table: named, styled, filterable, header frozen when first on the sheet)
 *   body rows
 *   total rows (live formulas)
 *   blank row, footnotes, source line
 *   blank row, next table
 *
 * Money is exact (Money, pounds) here; adapters write it as a number of pounds with the column's
 * display format (for example £m to 1 dp via excelNumberFormat), so formulas sum pounds.
 */
import type { Money } from '../money/decimal';
import type { UnitId } from '../money/units';
import type { GeneratedSheetName } from '../sheet/reserved-sheet-names';

/**
 * The comment of the workbook-level defined name CW_GENERATED_<sheet> that marks each generated sheet
 * (see workbook/layout/marker.ts, shared by both writers and both readers).
 */
export const OWNER_MARKER = 'commissioning-workbench:generated';

export type ColumnType =
  | 'text'
  | 'money' // Money in pounds, shown in the table's display unit
  | 'percent' // Money holding a percentage (12.5 means 12.5%)
  | 'integer'
  | 'date'
  | 'rag' // "green" | "amber" | "red" (or ""), coloured by conditional formatting
  | 'link'; // a hyperlink to a cell of the workbook

export interface SpecColumn {
  /** Key into SpecRow.cells. */
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
  /** Character width hint; adapters fit columns to content and never go below it. */
  readonly minWidth?: number;
}

/** A formula in terms of the table's own columns and rows, rendered to A1 by the adapter. */
export type SpecFormula =
  /** Sum of this column over the given body rows (indexes into TableSpec.rows), or all body rows. */
  | { readonly op: 'sum'; readonly rows: 'body' | readonly number[] }
  /** This row's column a minus column b. */
  | { readonly op: 'minus'; readonly a: string; readonly b: string }
  /** This row's column a divided by column b, times 100 (a percentage); blank when b is zero. */
  | { readonly op: 'percent'; readonly a: string; readonly b: string };

interface LinkValue {
  readonly sheet: string;
  /** A1 address on that sheet. */
  readonly cell: string;
  readonly text: string;
}

export type SpecValue =
  | null
  | string
  | number // counts and other non-money numbers only
  | Money
  | Date
  | LinkValue
  /** A live formula and the engine's own figure for it (written as the cached result). */
  | { readonly formula: SpecFormula; readonly value: Money | null };

export type RowStyle = 'body' | 'section' | 'subtotal' | 'total';

export interface SpecRow {
  readonly cells: Readonly<Record<string, SpecValue>>;
  readonly style?: RowStyle;
}

export type ConditionalFormat =
  /** Fill green, amber or red by the cell's text. */
  | { readonly kind: 'rag'; readonly column: string }
  /** Data bars over a money column (the .xlsx stand-in for a chart). */
  | { readonly kind: 'dataBar'; readonly column: string }
  /** Red text for negative figures. */
  | { readonly kind: 'negative'; readonly column: string };

export interface TableSpec {
  /** Excel table name: letters, digits and underscores, unique in the workbook, e.g. "CW_RollupByPriorityArea". */
  readonly name: string;
  readonly title: string;
  /** "£m, 2019/20. Negative figures in brackets." */
  readonly unitNote: string;
  /** Display unit and decimals for money columns. */
  readonly unit: UnitId;
  readonly decimals: number;
  readonly columns: readonly SpecColumn[];
  readonly rows: readonly SpecRow[];
  /** Subtotal and total rows, after the body. */
  readonly totals: readonly SpecRow[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  /** "Figures may not sum due to rounding", notes about excluded lines, ... */
  readonly footnotes: readonly string[];
  /** "Source: Budget lines!A1:J32; model: default; generated 22 November 2026". */
  readonly source: string;
}

/** A line of text above the tables, such as the panel report's readiness line. */
export interface SpecParagraph {
  readonly text: string;
  readonly emphasis?: 'strong' | 'warning' | 'good';
}

export interface ChartSpec {
  readonly title: string;
  /** Table (by name) and the label and value columns it plots. */
  readonly table: string;
  readonly labelColumn: string;
  readonly valueColumn: string;
}

export interface SheetSpec {
  readonly name: GeneratedSheetName;
  readonly paragraphs: readonly SpecParagraph[];
  readonly tables: readonly TableSpec[];
  readonly chart?: ChartSpec;
  /** Written hidden (not very hidden: a reader can unhide it), as the decisions sheet is. */
  readonly hidden?: boolean;
}

export function isFormulaValue(v: SpecValue): v is { readonly formula: SpecFormula; readonly value: Money | null } {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

export function isLinkValue(v: SpecValue): v is LinkValue {
  return typeof v === 'object' && v !== null && 'sheet' in v && 'cell' in v && 'text' in v;
}

/** Text that a spreadsheet would take as a formula: written as text, never as a formula (formula injection). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
