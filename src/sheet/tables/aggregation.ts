/**
 * Which rows a total adds up. Evidence, strongest first: a formula (=SUM(C5:C11), =B7+B12), then
 * arithmetic (the row equals the sum of a run of lines, of the lines beneath it, or of sibling
 * subtotals, found by search even where nothing says "Total"), then words ("Total", "Net
 * expenditure"). Totals may come before or after their lines and nest (gross = spend lines; total
 * income = income lines; net = gross + total income). Arithmetic decides between readings, so a
 * figure that breaks one column still leaves the others to show the structure, and the break is
 * reported at its cell.
 */
import { compareWithTotal, TermTotal, type Term } from '../../money/tolerance';
import type { AmountCell, Column, TotalEvidence } from './types';
import { rowsAggregated } from './formula-terms';

/** A body row as aggregation sees it; `kind`, `sums` and `subtracts` are filled in here. */
export interface AggregationRow {
  readonly row: number;
  kind: 'line' | 'section' | 'total' | 'note' | 'header';
  /** How strongly the label says "total": strong ("Total", "Sub-total"), weak ("Net …", "Gross …", "All …"). */
  readonly totalWords?: 'strong' | 'weak' | undefined;
  readonly amounts: ReadonlyMap<number, AmountCell>;
  sums?: number[];
  subtracts?: number[];
  evidence?: TotalEvidence;
}

interface Part {
  readonly index: number;
  readonly sign: 1 | -1;
}

/** Beyond this many body rows the search for unlabelled totals is skipped: data tables, not budgets. */
const SEARCH_LIMIT = 5000;
/** The most lines a headline row or unlabelled subtotal is looked for over. */
const MAX_RUN = 60;

export function findAggregates(rows: AggregationRow[], measureCols: readonly Column[]): void {
  if (measureCols.length === 0) return;
  const state = new Aggregation(rows, measureCols);
  state.fromFormulas();
  // Word totals that add up as flat runs of lines settle first: a line that happens to equal the two
  // below it is then not mistaken for a headline. Only what is left is searched for hierarchy.
  state.fromWords('flat');
  if (rows.length <= SEARCH_LIMIT) state.searchUnlabelled();
  state.fromWords('nested');
}

type Verdict = 'holds' | 'breaks' | 'unknown';

class Aggregation {
  /** Rows claimed as parts of an aggregate: hidden inside it when later totals look for their parts. */
  private readonly claimed: Uint8Array;
  /** Row number → index, built on the first formula read: a table without formulas needs none. */
  private rowIndex: Map<number, number> | undefined;

  constructor(
    private readonly rows: AggregationRow[],
    private readonly measureCols: readonly Column[],
  ) {
    this.claimed = new Uint8Array(rows.length);
  }

  private indexOfRow(row: number): number | undefined {
    if (!this.rowIndex) {
      this.rowIndex = new Map();
      for (let i = 0; i < this.rows.length; i++) this.rowIndex.set(this.rows[i].row, i);
    }
    return this.rowIndex.get(row);
  }

  fromFormulas(): void {
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (r.kind !== 'line' && r.kind !== 'total') continue;
      const parts = this.formulaParts(r);
      if (parts) this.settle(i, this.withLinesSkipped(i, parts), 'formula');
    }
  }

  /**
   * A SUM that stops short of its total (=SUM(C5:C18) in row 20, with a line in row 19) leaves that line
   * out: the total is read as adding it too, so the figure it misses shows as a mismatch.
   */
  private withLinesSkipped(i: number, parts: readonly Part[]): Part[] {
    if (parts.some((p) => p.sign === -1)) return [...parts];
    const indexes = parts.map((p) => p.index).sort((a, b) => a - b);
    const contiguous = indexes.every((x, k) => k === 0 || x === indexes[k - 1] + 1);
    if (!contiguous) return [...parts];
    const first = indexes[0];
    const last = indexes[indexes.length - 1];
    const gap = last < i ? this.range(last + 1, i) : first > i ? this.range(i + 1, first) : [];
    if (gap.length === 0 || !gap.every((j) => this.rows[j].kind === 'line' && !this.claimed[j] && this.rows[j].totalWords === undefined)) return [...parts];
    return [...parts, ...gap.map((index) => ({ index, sign: 1 as const }))].sort((a, b) => a.index - b.index);
  }

  private range(from: number, to: number): number[] {
    const out: number[] = [];
    for (let j = from; j < to; j++) out.push(j);
    return out;
  }

  /** The rows a formula in the row's first measure cell that has one aggregates, all inside the table. */
  private formulaParts(r: AggregationRow): Part[] | undefined {
    for (const col of this.measureCols) {
      const a = r.amounts.get(col.col);
      const formula = a && (a.kind === 'amount' || a.kind === 'missing') ? a.formula : undefined;
      if (!formula) continue;
      const refs = rowsAggregated(formula, col.col);
      if (!refs || refs.adds.length + refs.subtracts.length < 2) return undefined;
      const parts: Part[] = [];
      for (const [list, sign] of [[refs.adds, 1], [refs.subtracts, -1]] as const) {
        for (const row of list) {
          const index = this.indexOfRow(row);
          // Blank rows and headings inside a SUM range hold nothing; rows outside the table are not ours.
          if (index === undefined || this.rows[index].kind === 'section' || this.rows[index].kind === 'note' || this.rows[index].kind === 'header') continue;
          if (index === this.indexOfRow(r.row)) return undefined;
          parts.push({ index, sign });
        }
      }
      return parts.length > 0 ? parts : undefined;
    }
    return undefined;
  }

  /**
   * Lines that equal the sum of the run of lines beneath them (a headline row above its children), or
   * above them (a subtotal with no word for it). Bottom-up, so a nested headline finds its inner
   * headlines as single parts.
   */
  searchUnlabelled(): void {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (!this.isOpenLine(i)) continue;
      const below = this.runFrom(i, 1);
      if (below) {
        this.settle(i, below, 'arithmetic');
        continue;
      }
    }
    for (let i = 0; i < this.rows.length; i++) {
      if (!this.isOpenLine(i)) continue;
      const above = this.runFrom(i, -1);
      if (above) this.settle(i, above, 'arithmetic');
    }
  }

  private isOpenLine(i: number): boolean {
    return this.rows[i].kind === 'line' && !this.claimed[i] && this.rows[i].totalWords === undefined;
  }

  /** The shortest run of at least two unclaimed items beside row i (direction ±1) whose sum it is. */
  private runFrom(i: number, direction: 1 | -1): Part[] | undefined {
    const stated = this.rows[i];
    if (!this.hasNonZeroFigure(stated)) return undefined;
    // A running sum of one column screens each longer run; only a run that passes is compared exactly.
    const screenCol = this.measureCols.find((c) => stated.amounts.get(c.col)?.kind === 'amount');
    const target = screenCol ? this.floatOf(i, screenCol.col) : undefined;
    if (!screenCol || target === undefined) return undefined;
    let sum = 0;
    const parts: Part[] = [];
    for (let j = i + direction; j >= 0 && j < this.rows.length && parts.length < MAX_RUN; j += direction) {
      const r = this.rows[j];
      if (r.kind === 'header' || r.kind === 'note') break;
      // Headings between sibling subtotals do not end the run; exact agreement in two columns decides.
      if (this.claimed[j] || r.kind === 'section') continue;
      // Sibling subtotals count as one part each ("Current balance" = the three totals above it).
      if (r.totalWords !== undefined && r.kind !== 'total') break;
      const v = this.floatOf(j, screenCol.col);
      if (v === undefined) return undefined;
      sum += v;
      parts.push({ index: j, sign: 1 });
      if (parts.length >= 2 && Math.abs(sum - target) <= 0.01 + Math.abs(target) * 1e-12 && this.matchesEverywhere(i, parts)) return parts;
    }
    return undefined;
  }

  /** A figure as a float, for screening only (exact comparison follows): whole pence need no decimal. */
  private floatOf(i: number, col: number): number | undefined {
    const a = this.rows[i].amounts.get(col);
    if (a?.kind !== 'amount') return undefined;
    return a.pence !== undefined ? Number(a.pence) / 100 : a.pounds.toNumber();
  }

  private hasNonZeroFigure(r: AggregationRow): boolean {
    for (const col of this.measureCols) {
      const a = r.amounts.get(col.col);
      if (a?.kind === 'amount' && !a.pounds.isZero()) return true;
    }
    return false;
  }

  /**
   * Exact agreement in every measure column the row has a figure in, with at least two parts carrying a
   * figure other than zero, in at least two columns of different figures: one coincidence is not structure.
   */
  private matchesEverywhere(i: number, parts: readonly Part[]): boolean {
    // Columns stating the same figure (a forecast equal to its budget) are one piece of evidence, not two.
    const distinct = new Set<string>();
    for (const col of this.measureCols) {
      const stated = this.rows[i].amounts.get(col.col);
      if (stated?.kind !== 'amount') continue;
      const verdict = this.compare(stated, parts, col, false);
      if (verdict !== 'holds') return false;
      if (!stated.pounds.isZero()) distinct.add(stated.pounds.toString());
    }
    const nonZeroParts = parts.filter((p) => this.hasNonZeroFigure(this.rows[p.index])).length;
    return nonZeroParts >= 2 && distinct.size >= 2;
  }

  /** Whether the stated figure equals the parts' sum in a column; rounding counts only where allowed. */
  private compare(stated: Extract<AmountCell, { kind: 'amount' }>, parts: readonly Part[], col: Column, allowRounding: boolean): Verdict {
    const exact = this.compareInPence(stated, parts, col);
    if (exact !== undefined) return exact;
    const total = new TermTotal();
    const negatives = new TermTotal();
    for (const p of parts) {
      const a = this.rows[p.index].amounts.get(col.col);
      const term = termOf(a);
      if (!term) return 'unknown';
      if (p.sign === 1) total.add(term);
      else negatives.add(term);
    }
    const computed = negatives.count === 0 ? total.pounds : total.pounds.minus(negatives.pounds);
    if (negatives.count > 0) total.merge(stepsOnly(negatives));
    const c = compareWithTotal(stated, computed, total);
    if (c.verdict === 'equal') return 'holds';
    return allowRounding && c.verdict === 'rounding' ? 'holds' : 'breaks';
  }

  /**
   * The same question in whole pence, for figures stored in full (most budgets): no decimal is built.
   * Undefined where a figure is rounded or not whole pence; then the decimal comparison answers.
   */
  private compareInPence(stated: Extract<AmountCell, { kind: 'amount' }>, parts: readonly Part[], col: Column): Verdict | undefined {
    if (stated.pence === undefined || !stated.step.isZero()) return undefined;
    let sum = 0n;
    for (const p of parts) {
      const a = this.rows[p.index].amounts.get(col.col);
      if (a?.kind !== 'amount') return 'unknown';
      if (a.pence === undefined || !a.step.isZero()) return undefined;
      sum += p.sign === 1 ? a.pence : -a.pence;
    }
    return sum === stated.pence ? 'holds' : 'breaks';
  }

  /**
   * Totals named by words, top to bottom: the reading of their parts that the arithmetic bears out.
   * On the flat pass only a reading that holds settles a total; on the nested pass a strong word
   * settles it on the most usual reading, and a weak one that nothing bears out is a line.
   */
  fromWords(pass: 'flat' | 'nested'): void {
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (r.totalWords === undefined || r.evidence !== undefined || (r.kind !== 'total' && r.kind !== 'line')) continue;
      // In a data table of thousands of lines, "Net …" or "All …" begins a line: weighing every reading
      // of each such row would cost the whole table every time.
      if (r.totalWords === 'weak' && this.rows.length > SEARCH_LIMIT) {
        r.kind = 'line';
        continue;
      }
      const candidates = this.candidates(i).filter((c) => c.length > 0);
      let best: { parts: Part[]; holds: number } | undefined;
      // A reading must hold in at least half the columns stating a figure other than zero: one column of
      // zeros agreeing shows nothing, and a fault in one column still leaves the others to show it.
      const informative = this.measureCols.filter((c) => {
        const a = statedTerm(r.amounts.get(c.col));
        return a !== undefined && !a.pounds.isZero();
      }).length;
      // A total of dashes (all nil) is borne out by lines that are nil in every column too.
      const needed = informative === 0 ? this.measureCols.filter((c) => statedTerm(r.amounts.get(c.col)) !== undefined).length : 0;
      for (const parts of candidates) {
        const holds = informative === 0 ? this.columnsHolding(i, parts, true) : this.columnsHolding(i, parts);
        const enough = informative === 0 ? needed > 0 && holds === needed : holds > 0 && holds * 2 >= informative;
        if (enough && (!best || holds > best.holds)) best = { parts, holds };
      }
      if (best) this.settle(i, best.parts, 'arithmetic');
      else if (pass === 'flat') continue;
      else if (r.totalWords === 'strong' && candidates.length > 0) this.settleUnconfirmed(i, candidates[0]);
      else r.kind = 'line';
    }
  }

  /**
   * A total whose words name it but whose figures no reading bears out. In one column, the usual reading
   * stands and the difference is reported. Where every one of several columns disagrees, the reading is
   * more likely wrong than every figure, so the total is left unresolved (counted as not checked) unless
   * the difference is exactly one of its lines in every column: a line left out.
   */
  private settleUnconfirmed(i: number, reading: Part[]): void {
    const stated = this.measureCols.filter((c) => statedTerm(this.rows[i].amounts.get(c.col)) !== undefined);
    if (stated.length < 2 || this.leavesOutOneLine(i, reading, stated)) {
      this.settle(i, reading, 'words');
      return;
    }
    const r = this.rows[i];
    r.kind = 'total';
    r.evidence = 'words';
    r.sums = [];
  }

  /** Whether the total is exactly its reading less one of its lines, in every column: a line left out. */
  private leavesOutOneLine(i: number, reading: readonly Part[], cols: readonly Column[]): boolean {
    return reading.some((left) => {
      const rest = reading.filter((p) => p !== left);
      return cols.every((c) => {
        const stated = statedTerm(this.rows[i].amounts.get(c.col));
        return stated !== undefined && this.compare(stated, rest, c, false) === 'holds';
      });
    });
  }


  private columnsHolding(i: number, parts: readonly Part[], countZeros = false): number {
    let holds = 0;
    for (const col of this.measureCols) {
      const stated = statedTerm(this.rows[i].amounts.get(col.col));
      if (stated && (countZeros || !stated.pounds.isZero()) && this.compare(stated, parts, col, true) === 'holds') holds++;
    }
    return holds;
  }

  /** Readings of a total's parts, most usual first. */
  private candidates(i: number): Part[][] {
    const runAbove = this.itemsBetween(this.boundaryAbove(i), i);
    const runBelow = this.itemsBetween(i, this.boundaryBelow(i));
    const itemsAbove = this.itemsBetween(-1, i);
    const previousTotals = itemsAbove.filter((p) => this.rows[p.index].kind === 'total').slice(-2);
    const difference = previousTotals.length === 2 ? [previousTotals[0], { index: previousTotals[1].index, sign: -1 as const }] : [];
    const leavesAbove: Part[] = [];
    for (let j = 0; j < i; j++) if (this.rows[j].kind === 'line') leavesAbove.push({ index: j, sign: 1 });
    const first = runAbove.length > 0 ? [runAbove, runBelow] : [runBelow, runAbove];
    const inSection = this.itemsBetween(this.sectionAbove(i), i);
    return [...first, inSection, itemsAbove, difference, ...this.pairsOfTotalsAbove(i), leavesAbove];
  }

  /**
   * Two earlier totals added or one taken from the other, claimed or not: "Total borrowing" = the
   * short-term total + the longer-term total of the sections above. Only the nearest few are paired.
   */
  private pairsOfTotalsAbove(i: number): Part[][] {
    const totals: number[] = [];
    for (let j = i - 1; j >= 0 && totals.length < 8; j--) if (this.rows[j].kind === 'total') totals.push(j);
    const pairs: Part[][] = [];
    for (let a = totals.length - 1; a >= 0; a--) {
      for (let b = a - 1; b >= 0; b--) {
        pairs.push([{ index: totals[a], sign: 1 }, { index: totals[b], sign: 1 }]);
        pairs.push([{ index: totals[a], sign: 1 }, { index: totals[b], sign: -1 }]);
      }
    }
    return pairs;
  }

  /** Unclaimed lines and totals strictly between two row indexes. */
  private itemsBetween(from: number, to: number): Part[] {
    const parts: Part[] = [];
    for (let j = from + 1; j < to; j++) {
      const r = this.rows[j];
      if (this.claimed[j] || (r.kind !== 'line' && r.kind !== 'total')) continue;
      parts.push({ index: j, sign: 1 });
    }
    return parts;
  }

  /** The nearest section heading or settled total above row i (-1 for the top of the table). */
  private boundaryAbove(i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const r = this.rows[j];
      if (r.kind === 'section' || (r.kind === 'total' && r.evidence !== 'arithmetic') || r.totalWords !== undefined) return j;
    }
    return -1;
  }

  /** The nearest section heading above row i (-1 for the top of the table): a total may close its section. */
  private sectionAbove(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (this.rows[j].kind === 'section') return j;
    return -1;
  }

  /** The nearest section heading or word total below row i (the row count for the end of the table). */
  private boundaryBelow(i: number): number {
    for (let j = i + 1; j < this.rows.length; j++) {
      const r = this.rows[j];
      if (r.kind === 'section' || r.totalWords !== undefined) return j;
    }
    return this.rows.length;
  }

  private settle(i: number, parts: readonly Part[], evidence: TotalEvidence): void {
    const r = this.rows[i];
    r.kind = 'total';
    r.evidence = evidence;
    r.sums = parts.filter((p) => p.sign === 1).map((p) => this.rows[p.index].row);
    const subtracts = parts.filter((p) => p.sign === -1).map((p) => this.rows[p.index].row);
    if (subtracts.length > 0) r.subtracts = subtracts;
    for (const p of parts) this.claimed[p.index] = 1;
  }
}

function termOf(a: AmountCell | undefined): Term | undefined {
  return a?.kind === 'amount' ? a : undefined;
}

/** A total row's stated figure: a figure cell (a dash or "nil" reads as zero). */
function statedTerm(a: AmountCell | undefined): Extract<AmountCell, { kind: 'amount' }> | undefined {
  return a?.kind === 'amount' ? a : undefined;
}

/** The rounding steps of a total, without its sum: subtracted figures widen the bound as added ones do. */
function stepsOnly(total: TermTotal): TermTotal {
  const steps = new TermTotal();
  steps.halfSteps = total.halfSteps;
  steps.roundedTerms = total.roundedTerms;
  if (total.commonStep) steps.commonStep = total.commonStep;
  steps.mixedSteps = total.mixedSteps;
  return steps;
}
