/**
 * A table's body rows, each with its label and figures, and its kind by words and shape: a header
 * repeated at a page break, a total by its label, a section heading (a label and nothing else, with
 * lines after it), a note (the same, after the last figures), else a line.
 */
import { Cell, Grid, forEachCellIn, isBlankCell } from '../grid';
import type { AggregationRow } from './aggregation';
import { readAmountCell } from './amount-cell';
import type { Block } from './blocks';
import { cellText, isTextCell, looksLikeAmount } from './cell-text';
import { headerSignature } from './header-rows';
import { totalWords } from './header-roles';
import { AmountColumns, type RowAmounts } from './row-amounts';
import { sectionName } from './headline';
import type { ShorthandLegend } from './shorthand';
import type { AmountCell, Column, TableKind } from './types';

/** A body row while the pipeline completes it: its kind, section and what it aggregates. */
export interface DraftRow extends AggregationRow {
  readonly amounts: RowAmounts;
  readonly label: string;
  readonly labelCol: number | undefined;
  section: number | undefined;
}

/** What the table's header and preamble say about its body, and how to read it. */
interface BodyLayout {
  readonly block: Block;
  readonly columns: readonly Column[];
  /** Money columns of budgets, forecasts and the like, not hidden: their cells are the row's figures. */
  readonly measureCols: readonly Column[];
  readonly labelCol: number | undefined;
  readonly kind: TableKind;
  /** The last header row's signature: a body row with the same one is the header repeated. */
  readonly headerSignature: string;
  /** The sheet's own shorthand for missing figures. */
  readonly legend: ShorthandLegend;
  /** True when text names a priority area of the model: such a row heads a section of lines. */
  readonly isPriorityArea?: ((text: string) => boolean) | undefined;
}

/**
 * A heading over figures of another measure: "as a percentage of GDP", "% of total", "per cent of
 * budget", "as a share of". A share or proportion alone names money in council budgets ("Share of
 * business rates"), so it counts only after "as a".
 */
const RATIO_HEADING = /\bas an? (percentage|per ?cent|share|proportion)\b|\b(percentage|per ?cent)s? of\b|%\s*of\b|\bratios?\b/i;

export function classifyRows(grid: Grid, layout: BodyLayout, bodyRows: readonly number[]): DraftRow[] {
  return new BodyRowReader(grid, layout, bodyRows.length).read(bodyRows);
}

/** What one row holds besides its label and figures, as its kind is decided. */
interface RowShape {
  readonly hasFigures: boolean;
  /** Text in a column other than the label's. */
  readonly otherText: boolean;
}

class BodyRowReader {
  private readonly isMeasureCol: boolean[] = [];
  private readonly skipCol: boolean[] = [];
  private readonly countCols: readonly Column[];
  private readonly hasPriorityColumn: boolean;
  private readonly amountColumns: AmountColumns;
  private readonly drafts: DraftRow[] = [];
  /** Rows (by index in drafts) with figures whose label names a priority area. */
  private readonly namesPriorityArea: boolean[] = [];
  /** The index in drafts of the last row with figures: the rows after it are notes. */
  private lastWithFigures = -1;
  // The row being read, as the cell visitor finds it.
  private label = '';
  private rowLabelCol: number | undefined;
  private otherText = false;

  constructor(
    private readonly grid: Grid,
    private readonly layout: BodyLayout,
    rowCount: number,
  ) {
    for (const c of layout.measureCols) this.isMeasureCol[c.col] = true;
    this.countCols = layout.columns.filter((c) => c.kind === 'count' && !c.hidden);
    for (const c of this.countCols) this.isMeasureCol[c.col] = true;
    for (const c of layout.columns) if (c.hidden) this.skipCol[c.col] = true;
    this.hasPriorityColumn = layout.columns.some((c) => c.role === 'priority-area');
    this.amountColumns = new AmountColumns(
      layout.measureCols.map((c) => c.col),
      rowCount,
    );
  }

  read(bodyRows: readonly number[]): DraftRow[] {
    for (const r of bodyRows) this.readRow(r);
    const { drafts } = this;
    // Lone labels after the last figures are notes (sources, footnotes), not sections or lines of nothing.
    // So is a footnote that starts "Total includes …": a total with no figures totals nothing.
    for (let i = this.lastWithFigures + 1; i < drafts.length; i++) if (drafts[i].kind !== 'header') drafts[i].kind = 'note';
    this.endAtRatioHeading();
    this.priorityAreaSections();
    return drafts;
  }

  /** One visitor for every row, rather than a closure made per row: finds the label and any other text. */
  private readonly visit = (cell: Cell, c: number): void => {
    const { block, labelCol } = this.layout;
    if (c < block.firstCol || c > block.lastCol || this.isMeasureCol[c] || this.skipCol[c] || isBlankCell(cell)) return;
    if (this.label === '' && this.rowLabelCol === labelCol && isTextCell(cell) && !looksLikeAmount(cell)) {
      this.label = cellText(cell);
      this.rowLabelCol = c;
      return;
    }
    if (c !== this.rowLabelCol) this.otherText = true;
  };

  private readRow(r: number): void {
    const { layout } = this;
    const cells = this.grid.row(r);
    this.label = layout.labelCol !== undefined ? cellText(cells[layout.labelCol]) : '';
    this.rowLabelCol = layout.labelCol;
    this.otherText = false;
    forEachCellIn(cells, this.visit);
    const figures: AmountCell[] = [];
    let hasFigures = false;
    for (const col of layout.measureCols) {
      const a = readAmountCell(cells[col.col], r, col.col, col.unit, layout.legend);
      if (a.kind !== 'missing' || a.reason !== 'blank') hasFigures = true;
      figures.push(a);
    }
    const amounts = this.amountColumns.addRow(r, figures);
    // Counts are figures too: a table of people has lines, and notes after its last one.
    if (!hasFigures) for (const c of this.countCols) if (looksLikeAmount(cells[c.col])) hasFigures = true;
    const { label, otherText } = this;
    const words = totalWords(label);
    let rowKind = this.kindOf(r, cells, words, { hasFigures, otherText });
    // Where the table has figures, notes are what follows the last of them; a register of text, its last record.
    if (layout.measureCols.length + this.countCols.length > 0 ? hasFigures : otherText) this.lastWithFigures = this.drafts.length;
    if (!hasFigures && !otherText && label.length > 80) rowKind = 'note';
    // One literal of one shape for every row: a large table makes 100,000 of them.
    this.drafts.push({
      row: r,
      kind: rowKind,
      label,
      labelCol: this.rowLabelCol,
      amounts,
      section: undefined,
      totalWords: words === 'strong' || layout.kind !== 'register' ? words : undefined,
    });
  }

  private kindOf(r: number, cells: readonly (Cell | undefined)[], words: ReturnType<typeof totalWords>, shape: RowShape): DraftRow['kind'] {
    const { kind, measureCols } = this.layout;
    const { hasFigures, otherText } = shape;
    const label = this.label;
    // Only a row with text where figures go can be the header repeated (signatures cost a string each).
    if (typeof cells[measureCols[0]?.col ?? -1]?.value === 'string' && headerSignature(this.grid, r, this.layout.block) === this.layout.headerSignature)
      return 'header';
    // "Total borrowing" over lines of its own, with no figures, heads a section.
    if (words === 'strong' && !hasFigures && !otherText && kind === 'budget') return 'section';
    if (words === 'strong' || (words && kind !== 'register')) return words === 'strong' ? 'total' : 'line';
    if (kind === 'budget' && measureCols.length > 0 && label !== '' && !hasFigures && !otherText) return 'section';
    if (kind === 'budget' && !this.hasPriorityColumn && hasFigures && label !== '' && this.layout.isPriorityArea?.(sectionName(label))) {
      this.namesPriorityArea[this.drafts.length] = true;
    }
    return 'line';
  }

  /**
   * A heading that names a ratio ("Balances as a percentage of GDP") ends the money: the rows under it
   * state another measure in the same columns, and are not read as money or added.
   */
  private endAtRatioHeading(): void {
    const { drafts } = this;
    if (this.layout.measureCols.length === 0) return;
    const ratioHeading = drafts.findIndex((d) => d.kind === 'section' && RATIO_HEADING.test(d.label));
    if (ratioHeading > 0) for (let i = ratioHeading; i < drafts.length; i++) drafts[i].kind = 'note';
  }

  /**
   * A row naming a priority area, with figures, heads a section only when ordinary lines follow it, and
   * only in a table that names two or more of them: one name in common with the model is a coincidence.
   */
  private priorityAreaSections(): void {
    const { drafts, namesPriorityArea } = this;
    const isPriorityArea = this.layout.isPriorityArea;
    const named = new Set(drafts.filter((_, i) => namesPriorityArea[i]).map((d) => (isPriorityArea ? sectionName(d.label).toLowerCase() : '')));
    if (named.size < 2) return;
    for (let i = 0; i < drafts.length; i++) {
      if (!namesPriorityArea[i]) continue;
      const next = drafts[i + 1];
      if (next && next.kind === 'line' && !namesPriorityArea[i + 1]) drafts[i].kind = 'section';
    }
  }
}
