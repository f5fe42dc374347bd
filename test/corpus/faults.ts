/**
 * Puts ONE arithmetic fault into a clean case and records where the checker must report it.
 *
 * Where a fault is reported: at the stated figure of the identity it breaks. Changing a total's (or a
 * headline's) own figure is reported at that figure. Changing a line is reported at the innermost
 * total over the line in that column (the one over the fewest lines); the outer totals over it, and
 * any column total along the line's row, break as well and are listed in the description. Totals over
 * subtotals are scored on the lines beneath (ExpectedRowTotal), so a wrong subtotal does not make its
 * outer total wrong.
 *
 * Size: the figure moves by at least ten steps of its column (its last written digit), at least 1% of
 * the total reported, and at least twice the rounding bound (half a step per figure) of every identity
 * the cell is in, so no fault can pass for rounding.
 */
import { columnIndex, parseA1, toA1 } from '../../src/sheet/a1';
import { Cell, Grid, GridWorkbook } from '../../src/sheet/grid';
import type { ExpectedRowTotal, ExpectedTable, InjectedFault } from '../structure/expected';
import { caseIdentities, holds, Identity, labelCell, moneyColumns, sheetOf, tableIdentities, tableRange, termsOf } from './identities';
import { abs, Amount, decimalsOf, decimalText, parseAmount, toNumber, toText } from './money';
import { Random, stepFor } from './random';
import { cloneWorkbook } from './sheet';
import type { CorpusCase } from './types';

export type FaultKind =
  /** A total below its lines: its own figure changed. */
  | 'total-figure'
  /** A total written above its lines (a "Total" row under the header): its figure changed. */
  | 'first-total'
  /** A headline row above its children (not labelled as a total): its figure changed. */
  | 'headline-row'
  /** A subtotal that an outer total adds: its figure changed. */
  | 'nested-total'
  /** The figure a section label states, "(£15.0m)", changed. */
  | 'section-headline'
  /** A line's figure changed: reported at the innermost total over it. */
  | 'line-figure'
  /** A total that leaves out its last line (its SUM range shortened where it has one). */
  | 'omitted-line'
  /** A line's figure in a column that totals others (Total column, full-year forecast, net). */
  | 'column-total';

interface Target {
  readonly kind: FaultKind;
  readonly table: ExpectedTable;
  /** The cell whose figure changes (for a section headline, the label cell). */
  readonly changed: { readonly row: number; readonly col: number };
  /** The identity whose stated figure the checker must report. */
  readonly report: Identity;
  /** For an omitted line: the row (0-based) the total leaves out. */
  readonly omitted?: number;
}

const TOTAL_WORD = /\btotal\b/i;
const HEADLINE_IN_LABEL = /\(£(\d[\d,]*(?:\.\d+)?)m\)/;

function at(address: string): { row: number; col: number } {
  const ref = parseA1(address);
  if (!ref) throw new Error(`bad address ${address}`);
  return ref;
}

/** The step of a money column: its finest written digit among the table's figures. */
function columnStep(grid: Grid, table: ExpectedTable, col: number): Amount {
  const range = tableRange(table);
  let decimals: 0 | 1 | 2 = 0;
  for (let r = range.start.row; r <= range.end.row; r++) {
    const a = parseAmount(grid.value(r, col));
    if (a !== null && a !== undefined && decimalsOf(a) > decimals) decimals = decimalsOf(a);
  }
  return stepFor(decimals);
}

function amountAt(grid: Grid, row: number, col: number): Amount {
  const a = parseAmount(grid.value(row, col));
  if (a === undefined) throw new Error(`${grid.name}!${toA1(row, col)} is not an amount`);
  return a ?? 0n;
}

function rowTotalKind(total: ExpectedRowTotal, all: readonly ExpectedRowTotal[], label: string): FaultKind {
  const parts = [...total.adds, ...(total.subtracts ?? [])];
  if (total.row < Math.min(...parts)) return TOTAL_WORD.test(label) ? 'first-total' : 'headline-row';
  const nested = all.some((t) => t !== total && [...t.adds, ...(t.subtracts ?? [])].includes(total.row));
  return nested ? 'nested-total' : 'total-figure';
}

/** Every fault the table supports, each with the cell it changes and the identity that must break. */
function targetsIn(workbook: GridWorkbook, table: ExpectedTable): Target[] {
  const grid = sheetOf(workbook, table);
  const range = tableRange(table);
  const identities = tableIdentities(workbook, table, 'leaves');
  const totals = table.rowTotals ?? [];
  const totalRows = new Set(totals.map((t) => t.row - 1));
  const byRow = new Map(totals.map((t) => [t.row, t]));
  const targets: Target[] = [];

  for (const identity of identities) {
    const cell = at(identity.cell);
    if (identity.kind === 'section headline') {
      targets.push({ kind: 'section-headline', table, changed: cell, report: identity });
      continue;
    }
    if (identity.kind === 'column total') {
      if (!totalRows.has(cell.row)) targets.push({ kind: 'column-total', table, changed: cell, report: identity });
      continue;
    }
    const total = byRow.get(cell.row + 1)!;
    const label = labelCell(grid, cell.row, range)?.text ?? '';
    targets.push({ kind: rowTotalKind(total, totals, label), table, changed: cell, report: identity });
    if (total.adds.length >= 2) {
      const omitted = total.adds[total.adds.length - 1] - 1;
      if (amountAt(grid, omitted, cell.col) !== 0n) targets.push({ kind: 'omitted-line', table, changed: cell, report: identity, omitted });
    }
  }

  // Lines: every figure a row total is scored on, reported at the innermost identity over it.
  // A figure in a Total column is a column-total fault instead: that cell itself is the one that is wrong.
  const lineRows = new Set(totals.flatMap((t) => termsOf(t, byRow, 'leaves').map((x) => x.row)));
  const rowIdentities = identities.filter((i) => i.kind !== 'column total');
  const columnTotalCols = new Set((table.columnTotals ?? []).map((t) => columnIndex(t.col)));
  for (const row of lineRows) {
    if (totalRows.has(row)) continue;
    for (const col of moneyColumns(table).filter((c) => !columnTotalCols.has(c))) {
      if (parseAmount(grid.value(row, col)) === null) continue;
      const address = toA1(row, col);
      const over = rowIdentities.filter((i) => i.terms.includes(address)).sort((a, b) => a.terms.length - b.terms.length);
      if (over[0]) targets.push({ kind: 'line-figure', table, changed: { row, col }, report: over[0] });
    }
  }
  return targets;
}

function allTargets(c: CorpusCase): Target[] {
  return c.tables.flatMap((t) => targetsIn(c.workbook, t));
}

/** Fault kinds this case can take; empty for a case with no totals (a payments file). */
export function supportedFaults(c: CorpusCase): FaultKind[] {
  return [...new Set(allTargets(c).map((t) => t.kind))];
}

/** Rounds a magnitude up to a whole number of steps. */
function ceilToStep(value: Amount, step: Amount): Amount {
  return ((value + step - 1n) / step) * step;
}

/** How far the fault moves the figure, or undefined when an omitted line is too small to be clearly wrong. */
function faultDelta(rng: Random, workbook: GridWorkbook, target: Target): Amount | undefined {
  const grid = sheetOf(workbook, target.table);
  const step =
    target.kind === 'section-headline'
      ? stepFor(1)
      : columnStep(grid, target.table, target.kind === 'line-figure' || target.kind === 'column-total' ? target.changed.col : at(target.report.cell).col);
  const changed = toA1(target.changed.row, target.changed.col);
  const touched = tableIdentities(workbook, target.table, 'leaves').filter((i) => i.cell === changed || i.terms.includes(changed));
  const bound = [target.report, ...touched].reduce((m, i) => (BigInt(i.terms.length + 1) * step > m ? BigInt(i.terms.length + 1) * step : m), 0n);
  const onePercent = (abs(target.report.stated) + 99n) / 100n;
  const least = [10n * step, onePercent, bound].reduce((a, b) => (a > b ? a : b));

  if (target.kind === 'omitted-line') {
    const left = amountAt(grid, target.omitted!, target.changed.col);
    return abs(left) >= least ? -left : undefined;
  }
  const magnitude = ceilToStep((least * BigInt(rng.int(100, 300))) / 100n, step);
  const current = target.kind === 'section-headline' ? target.report.stated : amountAt(grid, target.changed.row, target.changed.col);
  // Keep the figure's sign: a fault that flips a line negative would also be a sign finding.
  const down = rng.chance(0.5) && (current === 0n || (current > 0n ? current - magnitude > 0n : true));
  const up = current < 0n ? current + magnitude < 0n : true;
  return down || !up ? -magnitude : magnitude;
}

function writeAmount(grid: Grid, row: number, col: number, value: Amount): void {
  const cell = grid.cell(row, col) as Cell;
  if (typeof cell.value === 'string') {
    const written = cell.value.trim();
    const decimals = /\.(\d+)/.exec(written)?.[1]?.length ?? 0;
    grid.setCell(row, col, { ...cell, value: toText(value, { decimals: Math.min(decimals, 2) as 0 | 1 | 2, nil: '-' }) });
  } else {
    // A formula keeps its text; its cached value goes stale, as when a workbook is saved uncalculated.
    grid.setCell(row, col, { ...cell, value: toNumber(value) });
  }
}

/** A SUM over rows that ends at the omitted row ends one line earlier; a list of cells drops it. */
function formulaWithout(formula: string, omitted: number, previous: number): string {
  const sumRange = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (sumRange && Number(sumRange[4]) === omitted + 1) return `SUM(${sumRange[1]}${sumRange[2]}:${sumRange[3]}${previous + 1})`;
  const term = new RegExp(`\\+\\$?([A-Z]+)\\$?${omitted + 1}(?![0-9])`);
  return term.test(formula) ? formula.replace(term, '') : formula;
}

function shown(a: Amount): string {
  const d = decimalsOf(a);
  const text = decimalText(a);
  return d === 0 ? text.slice(0, -3) : d === 1 ? text.slice(0, -1) : text;
}

function headerOf(grid: Grid, table: ExpectedTable, col: number): string {
  const range = tableRange(table);
  const texts: string[] = [];
  for (let r = range.start.row; r <= Math.min(range.start.row + 2, range.end.row); r++) {
    const v = grid.value(r, col);
    if (typeof v === 'string' && v.trim() !== '' && parseAmount(v) === undefined) texts.push(v.trim());
    else if (texts.length > 0) break;
  }
  return texts.join(' / ');
}

function rowLabel(grid: Grid, table: ExpectedTable, row: number): string {
  const label = labelCell(grid, row, tableRange(table));
  return label === undefined ? `row ${row + 1}` : label.text.trim();
}

/**
 * Changes one figure of a clean case so that an identity breaks. The seed picks the kind of fault
 * (among those the case supports) and where; cells without formulas are preferred. The input case is
 * left as it was. Throws for a case with no totals to break.
 */
export function injectFault(c: CorpusCase, seed: number): { case: CorpusCase; fault: InjectedFault } {
  const rng = new Random(seed, `fault:${c.name}`);
  const targets = allTargets(c);
  if (targets.length === 0) throw new Error(`${c.name} has no total to break`);

  const kinds = [...new Set(targets.map((t) => t.kind))];
  const attempts = rng.shuffle(kinds).flatMap((kind) => {
    const ofKind = targets.filter((t) => t.kind === kind);
    const typed = ofKind.filter((t) => !sheetOf(c.workbook, t.table).cell(t.changed.row, t.changed.col)?.formula);
    return rng.shuffle(typed.length > 0 ? typed : ofKind);
  });
  for (const target of attempts) {
    const delta = faultDelta(rng, c.workbook, target);
    if (delta === undefined) continue;
    return apply(c, target, delta);
  }
  throw new Error(`${c.name}: no fault large enough to be clearly wrong`);
}

function apply(c: CorpusCase, target: Target, delta: Amount): { case: CorpusCase; fault: InjectedFault } {
  const workbook = cloneWorkbook(c.workbook);
  const grid = sheetOf(workbook, target.table);
  const { row, col } = target.changed;
  let what: string;

  if (target.kind === 'section-headline') {
    const label = grid.value(row, col);
    if (typeof label !== 'string') throw new Error(`${grid.name}!${toA1(row, col)}: a section headline's label is not text`);
    const next = target.report.stated + delta;
    const nextLabel = label.replace(HEADLINE_IN_LABEL, `(£${toText(next, { decimals: 1 })}m)`);
    grid.setCell(row, col, { ...grid.cell(row, col), value: nextLabel });
    what = `${toA1(row, col)} headline "${label}" changed to "${nextLabel}"`;
  } else {
    const before = amountAt(grid, row, col);
    const after = before + delta;
    writeAmount(grid, row, col, after);
    const where = `${toA1(row, col)} (${rowLabel(grid, target.table, row)}, ${headerOf(grid, target.table, col)})`;
    if (target.kind === 'omitted-line') {
      const total = (target.table.rowTotals ?? []).find((t) => t.row === row + 1)!;
      const previous = total.adds[total.adds.length - 2] - 1;
      const cell = grid.cell(row, col)!;
      if (cell.formula) grid.setCell(row, col, { ...cell, formula: formulaWithout(cell.formula, target.omitted!, previous) });
      what = `${where} leaves out its last line, row ${target.omitted! + 1}: ${shown(before)} became ${shown(after)}${cell.formula ? ` (formula now ${grid.cell(row, col)!.formula})` : ''}`;
    } else {
      const formula = grid.cell(row, col)?.formula;
      what = `${where} changed from ${shown(before)} to ${shown(after)}${formula ? ` (formula ${formula} kept, its cached value now stale)` : ''}`;
    }
  }

  const faulted: CorpusCase = { ...c, name: `${c.name}+${target.kind}`, workbook };
  const broken = caseIdentities(faulted).filter((i) => !holds(i));
  const reported = broken.find((i) => i.sheet === target.report.sheet && i.cell === target.report.cell && i.rule === target.report.rule);
  if (!reported) throw new Error(`${faulted.name}: ${what}, but ${target.report.cell} still holds`);
  const others = broken.filter((i) => i !== reported).map((i) => `${i.cell} (${i.kind})`);
  const description =
    `[${target.kind}] ${what}. Report ${reported.rule} at ${reported.cell} (${reported.kind}): stated ${shown(reported.stated)}, ` +
    `its ${reported.terms.length} parts come to ${shown(reported.computed)}.` +
    (others.length > 0 ? ` Also no longer holds: ${others.join(', ')}.` : '');
  return {
    case: faulted,
    fault: { sheet: reported.sheet, cell: reported.cell, rule: reported.rule, description },
  };
}
