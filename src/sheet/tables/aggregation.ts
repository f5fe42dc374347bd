/**
 * Which rows a total adds up. Evidence, strongest first: a formula (=SUM(C5:C11), =B7+B12), then
 * arithmetic (the row equals the sum of a run of lines, of the lines beneath it, or of sibling
 * subtotals, found by search even where nothing says "Total"), then words ("Total", "Net
 * expenditure"). Totals may come before or after their lines and nest (gross = spend lines; total
 * income = income lines; net = gross + total income). Arithmetic decides between readings, so a
 * figure that breaks one column still leaves the others to show the structure, and the break is
 * reported at its cell. Statistics tables add a headline over the headlines of blocks below it (one
 * figure broken down two ways), breakdowns given only in some periods, and, in wide tables, readings
 * that hold in three columns in four (figures apportioned and rounded).
 */
import { compareWithTotal, TermTotal, type Term } from '../../money/tolerance';
import { screeningFloat } from '../../money/pence';
import type { AmountCell, Column, TotalEvidence } from './types';
import { addsNothing, NOTHING } from './amount-cell';
import { rowsAggregated } from './formula-terms';
import { subsetsSummingTo } from './subset-sums';

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
/** From this many columns checked, a reading may break a quarter of them and still show structure. */
const WIDE_TABLE = 8;
/** The most totals below a row weighed as the headlines it may add up. */
const MAX_SIBLINGS = 8;
/** How many rows below a row its sibling headlines are looked for in. */
const SIBLING_REACH = 240;
/** Columns screening a run on the second pass, where several may break. */
const WIDE_SCREENS = 6;

/**
 * `groupings`: for each column of categories (Region, Class), each row's value in it, by row index. A row
 * may total the other rows of its group wherever they lie: a region over its authorities, listed A to Z.
 */
export function findAggregates(rows: AggregationRow[], measureCols: readonly Column[], more: MoreEvidence = {}): void {
  // A table of counts alone (people, places) has structure too: it is read, never reconciled.
  if (measureCols.length === 0 && !more.counts) return;
  const state = new Aggregation(rows, measureCols, more.counts);
  state.fromFormulas();
  // Group totals are searched for like unlabelled ones: in budgets and summaries, not data tables.
  if (rows.length <= SEARCH_LIMIT) for (const grouping of more.groupings ?? []) state.fromGroups(grouping);
  // Word totals that add up as flat runs of lines settle first: a line that happens to equal the two
  // below it is then not mistaken for a headline. Only what is left is searched for hierarchy.
  state.fromWords('flat');
  if (rows.length <= SEARCH_LIMIT) state.searchUnlabelled();
  state.fromWords('nested');
}

type Verdict = 'holds' | 'breaks' | 'unknown';

/** Each row's value in one column of categories, by row index. */
export type Grouping = readonly (string | undefined)[];

/** Evidence of structure beyond the money columns. */
export interface MoreEvidence {
  readonly groupings?: readonly Grouping[];
  /**
   * Count columns (places, pupils, authorities) and each row's figures in them, by row index. They are
   * never reconciled, but a total adds them up too, so they help show which rows a total aggregates.
   */
  readonly counts?: { readonly cols: readonly Column[]; readonly rows: readonly ReadonlyMap<number, AmountCell>[] } | undefined;
}

class Aggregation {
  /** Rows claimed as parts of an aggregate: hidden inside it when later totals look for their parts. */
  private readonly claimed: Uint8Array;
  /** Each column's figures as floats, built when groups are weighed. */
  private readonly floats = new Map<number, Float64Array>();
  /** Row number → index, built on the first formula read: a table without formulas needs none. */
  private rowIndex: Map<number, number> | undefined;

  /** Money columns, then count columns: every column a total adds up. */
  private readonly cols: readonly Column[];
  private readonly countRows: readonly ReadonlyMap<number, AmountCell>[];

  constructor(
    private readonly rows: AggregationRow[],
    measureCols: readonly Column[],
    counts: MoreEvidence['counts'],
  ) {
    this.claimed = new Uint8Array(rows.length);
    this.cols = counts ? [...measureCols, ...counts.cols] : measureCols;
    this.countRows = counts?.rows ?? [];
  }

  private cellOf(i: number, col: number): AmountCell | undefined {
    return this.rows[i].amounts.get(col) ?? this.countRows[i]?.get(col);
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
      const parts = this.formulaParts(r, i);
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

  /**
   * The rows the row's formulas aggregate, all inside the table. Where the columns' formulas disagree
   * (one SUM range cut short), the reading most of them state wins, so the odd one out is the one
   * reported. A row whose first formula aggregates nothing (=D5+E5 across) is not read further.
   */
  private formulaParts(r: AggregationRow, i: number): Part[] | undefined {
    // Made at the row's first formula: a table of typed figures makes none.
    let readings: Map<string, { parts: Part[]; votes: number }> | undefined;
    for (const col of this.cols) {
      const a = this.cellOf(i, col.col);
      const formula = a && (a.kind === 'amount' || a.kind === 'missing') ? a.formula : undefined;
      if (!formula) continue;
      const parts = this.partsOfFormula(r, formula, col);
      if (!parts) {
        if (!readings) return undefined;
        continue;
      }
      readings ??= new Map();
      const key = parts.map((p) => p.sign * (p.index + 1)).join(',');
      const reading = readings.get(key);
      if (reading) reading.votes++;
      else readings.set(key, { parts, votes: 1 });
    }
    let best: { parts: Part[]; votes: number } | undefined;
    for (const reading of readings?.values() ?? []) if (!best || reading.votes > best.votes) best = reading;
    return best?.parts;
  }

  private partsOfFormula(r: AggregationRow, formula: string, col: Column): Part[] | undefined {
    const refs = rowsAggregated(formula, col.col);
    if (!refs || refs.adds.length + refs.subtracts.length < 2) return undefined;
    const parts: Part[] = [];
    for (const [list, sign] of [
      [refs.adds, 1],
      [refs.subtracts, -1],
    ] as const) {
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

  /**
   * Rows that total the other rows sharing their value in a column of categories. A group's total is
   * the row whose figure is half the group's sum, confirmed exactly in every column. A row already
   * counted in a larger total may still total its own group (a region within England).
   */
  fromGroups(grouping: Grouping): void {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < this.rows.length; i++) {
      const key = grouping[i];
      const r = this.rows[i];
      if (key === undefined || (r.kind !== 'line' && r.kind !== 'total')) continue;
      const members = groups.get(key);
      if (members) members.push(i);
      else groups.set(key, [i]);
    }
    for (const members of groups.values()) if (members.length >= 3) this.settleGroup(members);
  }

  /**
   * The member that is half the group's sum in most columns, at least two, and whose reading then holds
   * exactly in most columns: a fault in one column still leaves the group's total to be checked.
   */
  private settleGroup(members: readonly number[]): void {
    const columns = this.cols.map((c) => this.floatsOf(c.col));
    const sums = columns.map((v) => members.reduce((s, j) => s + (Number.isNaN(v[j]) ? 0 : v[j]), 0));
    // Screened on two columns first (one may hold the wrong figure): only a row at half the group's
    // sum in one of them is weighed in full.
    const screens = sums
      .map((_, k) => k)
      .filter((k) => sums[k] !== 0)
      .slice(0, 2);
    if (screens.length === 0) return;
    const atHalf = (t: number, k: number): boolean => Math.abs(columns[k][t] - sums[k] / 2) <= 0.005 + Math.abs(sums[k]) * 1e-12;
    for (const t of members) {
      if (!screens.some((k) => atHalf(t, k))) continue;
      const r = this.rows[t];
      if (r.kind !== 'line' || r.totalWords !== undefined || !this.halfInMost(t, columns, sums)) continue;
      const parts = members.filter((j) => j !== t && !this.claimed[j]).map((index) => ({ index, sign: 1 as const }));
      const { holds, checked } = this.columnsHolding(t, parts, false);
      if (parts.length >= 2 && holds >= 2 && holds * 2 > checked) {
        this.settle(t, parts, 'arithmetic');
        return;
      }
    }
  }

  /** Whether row t's figure is half the group's sum (so the rest of the group adds to it) in most columns. */
  private halfInMost(t: number, columns: readonly Float64Array[], sums: readonly number[]): boolean {
    let agree = 0;
    let stated = 0;
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k][t];
      if (Number.isNaN(v) || v === 0) continue;
      stated++;
      if (Math.abs(2 * v - sums[k]) <= 0.01 + Math.abs(sums[k]) * 1e-12) agree++;
    }
    return agree >= 2 && agree * 2 > stated;
  }

  /** Every row's figure in a column as a float (NaN where there is none), for screening only. */
  private floatsOf(col: number): Float64Array {
    let values = this.floats.get(col);
    if (!values) {
      values = new Float64Array(this.rows.length);
      for (let i = 0; i < this.rows.length; i++) values[i] = this.floatOf(i, col) ?? Number.NaN;
      this.floats.set(col, values);
    }
    return values;
  }

  /**
   * Lines that equal the sum of the run of lines beneath them (a headline row above its children), or
   * above them (a subtotal with no word for it). Bottom-up, so a nested headline finds its inner
   * headlines as single parts.
   */
  searchUnlabelled(): void {
    const exact = (t: number, parts: readonly Part[]): boolean => this.matchesAllButOne(t, parts);
    // Exact first, and the lines just beneath before the headlines of blocks further down.
    this.searchPass(
      (i) => this.runFrom(i, 1, exact) ?? this.siblingHeadlines(i),
      (i) => this.runFrom(i, -1, exact),
    );
    // A wide table's figures, apportioned and rounded in some periods, may break a few columns of a
    // breakdown: what the exact pass left is weighed again on most columns, screened on more of them.
    // A headline over blocks that add up exactly (all prisoners = remand + sentenced + other, each over
    // its age bands) is then read before the same total by age that misses in a few columns.
    if (this.cols.length < WIDE_TABLE) return;
    const most = (t: number, parts: readonly Part[]): boolean => this.matchesMost(t, parts);
    this.searchPass(
      (i) => this.siblingHeadlines(i) ?? this.runFrom(i, 1, most, WIDE_SCREENS),
      (i) => this.runFrom(i, -1, most, WIDE_SCREENS),
    );
  }

  /** Headlines bottom-up (a nested one finds its inner headlines as single parts), then subtotals top-down. */
  private searchPass(below: (i: number) => Part[] | undefined, above: (i: number) => Part[] | undefined): void {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (!this.isOpenLine(i)) continue;
      const parts = below(i);
      if (parts) this.settle(i, parts, 'arithmetic');
    }
    for (let i = 0; i < this.rows.length; i++) {
      if (!this.isOpenLine(i)) continue;
      const parts = above(i);
      if (parts) this.settle(i, parts, 'arithmetic');
    }
  }

  /**
   * The totals found below row i, none yet inside another, of which some add up to it exactly: a table
   * breaking one total down two ways (by custody type, each by age) states it over each block's headline.
   */
  private siblingHeadlines(i: number): Part[] | undefined {
    const totals: Part[] = [];
    const end = Math.min(this.rows.length, i + 1 + SIBLING_REACH);
    for (let j = i + 1; j < end && totals.length < MAX_SIBLINGS; j++) {
      const r = this.rows[j];
      if (r.kind === 'header' || r.kind === 'note') break;
      if (r.kind === 'total' && !this.claimed[j] && r.evidence === 'arithmetic' && this.isHeadline(r)) totals.push({ index: j, sign: 1 });
    }
    if (totals.length < 2) return undefined;
    // Screened on two columns (one may hold the wrong figure).
    const screens = this.cols.filter((c) => (this.floatOf(i, c.col) ?? 0) !== 0).slice(0, 2);
    const targets = screens.map((c) => this.floatOf(i, c.col) ?? 0);
    const values = screens.map((c) => totals.map((t) => this.floatOf(t.index, c.col) ?? Number.NaN));
    const subsets = subsetsSummingTo(targets, values, totals.length).map((members) => members.map((k) => totals[k]));
    return subsets.find((subset) => this.matchesAllButOne(i, subset));
  }

  /** A total above the lines it adds (a block's headline), not one closing them. */
  private isHeadline(r: AggregationRow): boolean {
    return (r.sums ?? []).every((x) => x > r.row) && (r.subtracts ?? []).every((x) => x > r.row);
  }

  private isOpenLine(i: number): boolean {
    return this.rows[i].kind === 'line' && !this.claimed[i] && this.rows[i].totalWords === undefined;
  }

  /** The shortest run of at least two unclaimed items beside row i (direction ±1) whose sum it is. */
  private runFrom(
    i: number,
    direction: 1 | -1,
    accept = (t: number, parts: readonly Part[]): boolean => this.matchesAllButOne(t, parts),
    screenCount = 2,
  ): Part[] | undefined {
    if (!this.hasNonZeroFigure(i)) return undefined;
    // A running sum of one column screens each longer run; only a run that passes is compared exactly.
    // A second column screens too, so a wrong figure in the first does not hide the row's structure.
    // Columns where the first item beside the row has a figure screen best: a breakdown first given in
    // later years leaves the early columns blank.
    const first = this.firstOpenBeside(i, direction);
    const stating = this.cols.filter((c) => (this.floatOf(i, c.col) ?? 0) !== 0);
    const besideHasFigure = (c: Column): boolean => first !== undefined && this.floatOf(first, c.col) !== undefined;
    const screens = [...stating.filter(besideHasFigure), ...stating.filter((c) => !besideHasFigure(c))].slice(0, screenCount);
    for (const screen of screens) {
      const parts = this.runScreenedBy(i, direction, screen, accept);
      if (parts) return parts;
    }
    return undefined;
  }

  private firstOpenBeside(i: number, direction: 1 | -1): number | undefined {
    for (let j = i + direction; j >= 0 && j < this.rows.length; j += direction) {
      const r = this.rows[j];
      if (r.kind === 'header' || r.kind === 'note') return undefined;
      if (!this.claimed[j] && r.kind !== 'section') return j;
    }
    return undefined;
  }

  private runScreenedBy(i: number, direction: 1 | -1, screenCol: Column, accept: (t: number, parts: readonly Part[]) => boolean): Part[] | undefined {
    const target = this.floatOf(i, screenCol.col) ?? 0;
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
      if (parts.length >= 2 && Math.abs(sum - target) <= 0.01 + Math.abs(target) * 1e-12 && accept(i, parts)) return parts;
    }
    return undefined;
  }

  /** A figure as a float, for screening only (exact comparison follows): whole pence need no decimal. */
  private floatOf(i: number, col: number): number | undefined {
    const a = this.cellOf(i, col);
    if (a?.kind !== 'amount') return undefined;
    return screeningFloat(a);
  }

  private hasNonZeroFigure(i: number): boolean {
    for (const col of this.cols) {
      const a = this.cellOf(i, col.col);
      if (a?.kind === 'amount' && !a.pounds.isZero()) return true;
    }
    return false;
  }

  /**
   * Exact agreement in every column the row has a figure in but at most one (a wrong figure there is
   * then reported), with agreement in at least two columns of different figures other than zero, and at
   * least two parts carrying a figure: one coincidence is not structure.
   */
  private matchesAllButOne(i: number, parts: readonly Part[]): boolean {
    return this.bearsOut(i, parts, () => 1);
  }

  /**
   * Exact agreement in most columns of a wide table (at least eight checked, three in four holding):
   * figures apportioned and rounded, or one period's figures revised, break a few columns of a
   * breakdown that the rest show plainly.
   */
  private matchesMost(i: number, parts: readonly Part[]): boolean {
    return this.bearsOut(i, parts, (checked) => (checked >= WIDE_TABLE ? Math.floor(checked / 4) : 1));
  }

  /**
   * Whether the row is the parts' sum exactly in every column it states a figure in but `allowed`
   * breaks. A column where no part states a figure (a breakdown first given in later years, or withheld
   * before then) shows nothing either way; a part missing among figures leaves the reading unknown.
   */
  private bearsOut(i: number, parts: readonly Part[], maxBreaks: (checked: number) => number): boolean {
    // Columns stating the same figure (a forecast equal to its budget) are one piece of evidence, not two.
    const distinct = new Set<string>();
    let breaks = 0;
    let checked = 0;
    // No more columns can be checked than the table has: past that many breaks, stop weighing.
    const limit = maxBreaks(this.cols.length);
    for (const col of this.cols) {
      const stated = this.cellOf(i, col.col);
      if (stated?.kind !== 'amount' || this.noneStated(parts, col.col)) continue;
      const exact = this.compare(stated, parts, col, false);
      // A total stored to fewer places than its parts (295323.3659 over 43430.8935… + 251892.4723…)
      // agrees to within a float's noise: that holds; a difference a reader could see does not.
      const verdict = exact === 'breaks' && this.agreesToNoise(i, parts, col.col) ? 'holds' : exact;
      if (verdict === 'breaks') breaks++;
      if (verdict === 'unknown' || breaks > limit) return false;
      checked++;
      if (verdict === 'holds' && !stated.pounds.isZero()) distinct.add(stated.pounds.toString());
    }
    if (breaks > maxBreaks(checked)) return false;
    const nonZeroParts = parts.filter((p) => this.hasNonZeroFigure(p.index)).length;
    return nonZeroParts >= 2 && distinct.size >= 2 && distinct.size > breaks;
  }

  /** No part states a figure: all blank or withheld ("x", ".."), so the column cannot show the reading. */
  private noneStated(parts: readonly Part[], col: number): boolean {
    return parts.every((p) => {
      const a = this.cellOf(p.index, col);
      return a === undefined || (a.kind === 'missing' && a.reason !== 'not-applicable' && a.formula === undefined);
    });
  }

  private agreesToNoise(i: number, parts: readonly Part[], col: number): boolean {
    const stated = this.floatOf(i, col);
    if (stated === undefined) return false;
    let sum = 0;
    for (const p of parts) sum += p.sign * (this.floatOf(p.index, col) ?? 0);
    return Math.abs(stated - sum) <= 1e-9 * Math.max(1, Math.abs(stated));
  }

  /** Whether the stated figure equals the parts' sum in a column; rounding counts only where allowed. */
  private compare(stated: Extract<AmountCell, { kind: 'amount' }>, parts: readonly Part[], col: Column, allowRounding: boolean): Verdict {
    const exact = this.compareInPence(stated, parts, col, allowRounding);
    if (exact !== undefined) return exact;
    const total = new TermTotal();
    const negatives = new TermTotal();
    for (const p of parts) {
      const a = this.cellOf(p.index, col.col);
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
   * The same question in whole pence, for figures that are whole pence (most): no decimal is built. An
   * exact sum answers either way; a sum that misses, among rounded figures where rounding is allowed,
   * is left to the decimal comparison, which knows the rounding bound. Undefined then, or where a
   * figure is not whole pence.
   */
  private compareInPence(stated: Extract<AmountCell, { kind: 'amount' }>, parts: readonly Part[], col: Column, allowRounding: boolean): Verdict | undefined {
    if (stated.pence === undefined) return undefined;
    let rounded = !stated.step.isZero();
    let sum = 0n;
    for (const p of parts) {
      const a = this.cellOf(p.index, col.col);
      if (addsNothing(a)) continue;
      if (a?.kind !== 'amount') return 'unknown';
      if (a.pence === undefined) return undefined;
      if (!a.step.isZero()) rounded = true;
      sum += p.sign === 1 ? a.pence : -a.pence;
    }
    if (sum === stated.pence) return 'holds';
    return rounded && allowRounding ? undefined : 'breaks';
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
      // A reading must hold in at least half the columns where it can be checked and the total states a
      // figure other than zero: one column of zeros agreeing shows nothing, a fault in one column still
      // leaves the others to show it, and a column with a figure not available among its parts says nothing.
      const nonZero = this.cols.filter((c) => {
        const a = statedTerm(this.cellOf(i, c.col));
        return a !== undefined && !a.pounds.isZero();
      }).length;
      // A total of dashes (all nil) is borne out by lines that are nil in every column too.
      const needed = nonZero === 0 ? this.cols.filter((c) => statedTerm(this.cellOf(i, c.col)) !== undefined).length : 0;
      for (const parts of candidates) {
        const { holds, checked } = this.columnsHolding(i, parts, nonZero === 0);
        const enough = nonZero === 0 ? needed > 0 && holds === needed : holds > 0 && holds * 2 >= checked;
        // A total equal to one line shows no sum: that reading stands only where it holds in every column.
        if (!enough || (parts.length === 1 && holds < checked)) continue;
        if (!best || holds > best.holds) best = { parts, holds };
      }
      // Else the shortest run just above or below that adds up to it: "Total other sheep" over the two
      // lines before it, not over every line since the last heading.
      const run = best ? undefined : this.wordTotalRun(i);
      if (best) this.settle(i, best.parts, 'arithmetic');
      else if (run) this.settle(i, run, 'arithmetic');
      else if (pass === 'flat') continue;
      // A "Total …" with one figure beside it and no lines of its own is a figure, not a sum of one; so
      // is one a confirmed total already adds ("Total receipts" within "Total resources").
      else if (r.totalWords === 'strong' && candidates.length > 0 && candidates[0].length >= 2 && !this.claimed[i]) this.settleUnconfirmed(i, candidates[0]);
      else r.kind = 'line';
    }
  }

  /**
   * The shortest run just above (else below) a word total that adds up to it. A run that starts with a
   * headline's children, the headline itself left out, is the headline's and is not taken.
   */
  private wordTotalRun(i: number): Part[] | undefined {
    // The words say total: most columns agreeing is enough (figures published rounded after adding
    // may miss by a unit in a few).
    const mostHold = (t: number, parts: readonly Part[]): boolean => {
      const { holds, checked } = this.columnsHolding(t, parts, false);
      return holds >= 2 && holds * 2 > checked;
    };
    for (const direction of [-1, 1] as const) {
      const run = this.runFrom(i, direction, mostHold);
      if (!run) continue;
      const first = Math.min(...run.map((p) => p.index));
      const before = first - 1;
      if (direction === -1 && before >= 0 && this.isOpenLine(before) && this.runFrom(before, 1, mostHold)) continue;
      return run;
    }
    return undefined;
  }

  /**
   * A total whose words name it but whose figures no reading bears out. In one column, the usual reading
   * stands and the difference is reported. Where every one of several columns disagrees, the reading is
   * more likely wrong than every figure, so the total is left unresolved (counted as not checked) unless
   * the difference is exactly one of its lines in every column: a line left out.
   */
  private settleUnconfirmed(i: number, reading: Part[]): void {
    const stated = this.cols.filter((c) => statedTerm(this.cellOf(i, c.col)) !== undefined);
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
        const stated = statedTerm(this.cellOf(i, c.col));
        return stated !== undefined && this.compare(stated, rest, c, false) === 'holds';
      });
    });
  }

  /** In how many columns the reading holds (rounding allowed), of how many it can be checked in. */
  private columnsHolding(i: number, parts: readonly Part[], countZeros: boolean): { holds: number; checked: number } {
    let holds = 0;
    let checked = 0;
    for (const col of this.cols) {
      const stated = statedTerm(this.cellOf(i, col.col));
      if (!stated || (!countZeros && stated.pounds.isZero())) continue;
      const verdict = this.compare(stated, parts, col, true);
      if (verdict === 'unknown') continue;
      checked++;
      if (verdict === 'holds') holds++;
    }
    return { holds, checked };
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
    const siblings = runAbove.length > 0 ? undefined : this.siblingHeadlines(i);
    const first = runAbove.length > 0 ? [runAbove, runBelow] : [runBelow, ...(siblings ? [siblings] : []), runAbove];
    const inSection = this.itemsBetween(this.sectionAbove(i), i);
    // The settled totals above and none of the loose lines between them: a workforce total over its
    // groups' totals that leaves out a line of people not counted in it. A total not yet settled is
    // left to settle first, not taken as a part.
    const totalsAbove = itemsAbove.filter((p) => this.rows[p.index].kind === 'total' && this.rows[p.index].evidence !== undefined);
    return [...first, inSection, itemsAbove, difference, ...this.pairsOfTotalsAbove(i), leavesAbove, totalsAbove];
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
        pairs.push([
          { index: totals[a], sign: 1 },
          { index: totals[b], sign: 1 },
        ]);
        pairs.push([
          { index: totals[a], sign: 1 },
          { index: totals[b], sign: -1 },
        ]);
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
  if (addsNothing(a)) return NOTHING;
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
