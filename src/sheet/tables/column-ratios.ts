/**
 * Per-cent columns read as the ratio they are: variance % = variance ÷ budget, change % =
 * (this year − last year) ÷ last year. Found from the column's formulas (=D5/B5, =(C5-B5)/B5, inside
 * IFERROR or ROUND), else by search: the ratio of money columns the figures equal, as shown, in
 * nearly every row. A row where it breaks is then a finding. Figures stored as points (12.5 under
 * "Change %") are read with a scale of 100.
 */
import { columnLetters, parseA1 } from '../a1';
import type { Cell, Grid } from '../grid';
import { formatDecimals } from './amount-cell';
import { floatValues, type Figure, type RowFigures } from './column-totals';
import { columnsAggregated } from './formula-terms';
import type { Column, ColumnRatio } from './types';

/** Beyond this many rows only formulas are read. */
const SEARCH_ROWS = 5000;
/** Differences as numerators are tried only among this many money columns: beyond, pairs agree by chance. */
const DIFFERENCE_COLUMNS = 8;

interface Candidate {
  readonly adds: readonly number[];
  readonly subtracts: readonly number[];
  readonly denominator: number;
  readonly scale: 1 | 100;
}

export function findColumnRatios(grid: Grid, rows: readonly RowFigures[], columns: readonly Column[], measureCols: readonly Column[]): ColumnRatio[] {
  const percents = columns.filter((c) => c.kind === 'percent' && !c.hidden);
  if (percents.length === 0 || measureCols.length === 0) return [];
  const found: ColumnRatio[] = [];
  for (const p of percents) {
    const fromFormula = formulaRatio(grid, rows, p, measureCols);
    if (fromFormula) {
      found.push({ col: p.col, ...fromFormula, evidence: 'formula' });
      continue;
    }
    if (rows.length > SEARCH_ROWS) continue;
    const searched = searchRatio(grid, rows, p, measureCols);
    if (searched) found.push({ col: p.col, ...searched, evidence: 'arithmetic' });
  }
  return found;
}

/** The ratio most of the column's formulas state. */
function formulaRatio(grid: Grid, rows: readonly RowFigures[], p: Column, measureCols: readonly Column[]): Candidate | undefined {
  const isMeasure = new Set(measureCols.map((c) => c.col));
  const counts = new Map<string, { candidate: Candidate; n: number }>();
  let formulas = 0;
  for (const r of rows) {
    const formula = grid.cell(r.row, p.col)?.formula;
    if (!formula) continue;
    formulas++;
    const candidate = ratioOfFormula(formula, r.row);
    if (!candidate || ![...candidate.adds, ...candidate.subtracts, candidate.denominator].every((c) => isMeasure.has(c))) continue;
    const key = `${candidate.adds.join(',')}-${candidate.subtracts.join(',')}/${candidate.denominator}*${candidate.scale}`;
    const entry = counts.get(key) ?? { candidate, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n * 2 > formulas ? best.candidate : undefined;
}

/** `=D5/B5`, `=(C5-B5)/B5`, `=IFERROR(D5/B5,0)`, `=ROUND(D5/B5*100,1)`: the columns it divides, in row `row`. */
function ratioOfFormula(formula: string, row: number): Candidate | undefined {
  let text = formula.trim().replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '');
  for (let unwrapped = true; unwrapped;) {
    unwrapped = false;
    const wrapper = /^(IFERROR|ROUND)\((.*),[^,()]*\)$/i.exec(text);
    if (wrapper) {
      text = wrapper[2];
      unwrapped = true;
    }
  }
  let scale: 1 | 100 = 1;
  if (/\*100$/.test(text)) {
    scale = 100;
    text = text.slice(0, -4);
  }
  const slash = topLevelSlash(text);
  if (slash < 0) return undefined;
  const numerator = text.slice(0, slash).replace(/^\((.*)\)$/, '$1');
  const denominator = text.slice(slash + 1).replace(/^\((.*)\)$/, '$1');
  const top = /^[A-Z]{1,3}\d+$/i.test(numerator) ? { adds: [cellColumn(numerator, row)], subtracts: [] } : columnsAggregated(`=${numerator}`, row);
  const bottom = /^[A-Z]{1,3}\d+$/i.test(denominator) ? cellColumn(denominator, row) : undefined;
  if (!top || bottom === undefined || top.adds.some((c) => c < 0)) return undefined;
  return { adds: top.adds, subtracts: top.subtracts, denominator: bottom, scale };
}

function topLevelSlash(text: string): number {
  let depth = 0;
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === '/' && depth === 0) {
      if (at >= 0) return -1;
      at = i;
    }
  }
  return at;
}

/** The column of a cell reference in row `row` (0-based), or −1 when it points at another row. */
function cellColumn(ref: string, row: number): number {
  const cell = parseA1(ref);
  return cell && cell.row === row ? cell.col : -1;
}

/** A per-cent figure and how finely it is shown: a figure may be off by half its last shown digit. */
interface Shown {
  readonly value: number;
  readonly half: number;
}

function shownPercent(cell: Cell | undefined): Shown | undefined {
  if (typeof cell?.value !== 'number') return undefined;
  return { value: cell.value, half: 0.5 * 10 ** -shownPlaces(cell.value, cell.numFmt) + 1e-12 };
}

/**
 * Decimal places of the stored figure a per-cent cell shows: a 0.0% format shows the fraction to three
 * places; "12.5" under "Change %" in General, to one (as written).
 */
export function shownPlaces(value: number, numFmt: string | undefined): number {
  const shownDecimals = formatDecimals(numFmt);
  if (shownDecimals !== undefined) return shownDecimals + (numFmt?.includes('%') ? 2 : 0);
  const text = String(value);
  return text.includes('e') ? 15 : Math.min(15, text.split('.')[1]?.length ?? 0);
}

/** The ratio of money columns the per-cent column equals, as shown, in nearly every row. */
function searchRatio(grid: Grid, rows: readonly RowFigures[], p: Column, measureCols: readonly Column[]): Candidate | undefined {
  const shown = rows.map((r) => shownPercent(grid.cell(r.row, p.col)));
  const floats = floatValues(rows, measureCols);
  let best: { candidate: Candidate; breaks: number } | undefined;
  for (const candidate of candidatesFor(measureCols)) {
    const breaks = breaksOf(candidate, shown, floats);
    if (breaks !== undefined && (!best || breaks < best.breaks)) best = { candidate, breaks };
    if (best?.breaks === 0) break;
  }
  return best?.candidate;
}

/** Single columns over another first (variance ÷ budget), then differences over one of their columns. */
function* candidatesFor(measureCols: readonly Column[]): Generator<Candidate> {
  const cols = measureCols.map((c) => c.col);
  for (const scale of [1, 100] as const) {
    for (const a of cols) for (const d of cols) if (a !== d) yield { adds: [a], subtracts: [], denominator: d, scale };
    if (cols.length > DIFFERENCE_COLUMNS) continue;
    for (const a of cols) for (const b of cols) if (a !== b) yield { adds: [a], subtracts: [b], denominator: b, scale };
  }
}

/** How many rows a ratio breaks in; undefined unless it holds in at least three and breaks in at most one in ten. */
function breaksOf(c: Candidate, shown: readonly (Shown | undefined)[], floats: Map<number, (Figure | undefined)[]>): number | undefined {
  let holds = 0;
  let breaks = 0;
  for (let i = 0; i < shown.length; i++) {
    const s = shown[i];
    const ratio = s && ratioAt(c, floats, i);
    if (s === undefined || ratio === undefined) continue;
    if (Math.abs(s.value - ratio) <= s.half) {
      if (s.value !== 0) holds++;
    } else breaks++;
  }
  return holds >= 3 && breaks <= Math.max(1, Math.floor((holds + breaks) / 10)) ? breaks : undefined;
}

function ratioAt(c: Candidate, floats: Map<number, (Figure | undefined)[]>, i: number): number | undefined {
  const den = floats.get(c.denominator)?.[i]?.value;
  if (den === undefined || den === 0) return undefined;
  let num = 0;
  for (const col of c.adds) {
    const v = floats.get(col)?.[i]?.value;
    if (v === undefined) return undefined;
    num += v;
  }
  for (const col of c.subtracts) {
    const v = floats.get(col)?.[i]?.value;
    if (v === undefined) return undefined;
    num -= v;
  }
  return (c.scale * num) / den;
}

/** "D ÷ B", "(C − B) ÷ B": a ratio in column letters, or in the words `name` gives each column. */
export function ratioText(r: Pick<ColumnRatio, 'adds' | 'subtracts' | 'denominator' | 'scale'>, name: (col: number) => string = columnLetters): string {
  const top = [...r.adds.map((c, i) => `${i === 0 ? '' : ' + '}${name(c)}`), ...r.subtracts.map((c) => ` − ${name(c)}`)].join('');
  const numerator = r.adds.length + r.subtracts.length > 1 ? `(${top})` : top;
  return `${numerator} ÷ ${name(r.denominator)}${r.scale === 100 ? ' × 100' : ''}`;
}
