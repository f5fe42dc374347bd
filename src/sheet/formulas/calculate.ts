/**
 * Calculates a workbook's formulas, as Excel would on opening it, so that a file saved without results
 * (by openpyxl, pandas, report generators: empty <v>, or <calcPr fullCalcOnLoad="1">) is checked on its
 * real figures rather than on zeros. Where the file holds results they are kept and compared with the
 * recalculation: one that disagrees is a stale result (a workbook left in manual calculation). A formula
 * the engine cannot work out leaves its cell unknown, never 0, and is listed.
 *
 * Dependencies are followed with an explicit stack, not recursion: a running balance down 100,000 rows
 * is a chain 100,000 deep. A formula that meets an uncalculated formula cell is tried again once the
 * cells it met are done; one that meets a cell still waiting on it is part of a circular reference.
 */
import { toA1 } from '../a1';
import { forEachCellIn, type Cell, type CellValue, type Grid, type GridWorkbook } from '../grid';
import { isDateFormat } from '../number-format';
import { FormulaEngine, type Outcome } from './engine';
import { NameTable } from './names';
import type { FormulaReport, StaleResult, UnevaluatedFormula } from './report';
import { fromEngineValue, sameResult, toEngineValue } from './values';

/** Their results change from one calculation to the next, so a saved result that differs is not stale. */
const VOLATILE = /\b(?:TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|OFFSET|INDIRECT|CELL|INFO)\s*\(/i;

type Entry =
  | { readonly state: 'waiting' }
  | { readonly state: 'done'; readonly value: CellValue; readonly volatile: boolean }
  | { readonly state: 'unknown'; readonly reason: string };

/** What one evaluation met: uncalculated cells, a cell waiting on it, an unknown cell, a volatile one. */
interface Encounters {
  pending: number[];
  circular: boolean;
  blockedBy: string | undefined;
  problem: string | undefined;
  volatile: boolean;
}

const ROW_FACTOR = 2 ** 14;
const SHEET_FACTOR = 2 ** 34;

export function calculateFormulas(workbook: GridWorkbook): GridWorkbook {
  const calculation = new Calculation(workbook);
  calculation.run();
  return { ...workbook, formulas: calculation.apply() };
}

class Calculation {
  private readonly entries = new Map<number, Entry>();
  private readonly sheetIndex = new Map<string, number>();
  private readonly names: NameTable;
  private readonly engine: FormulaEngine;
  private readonly date1904: boolean;
  private met: Encounters = freshEncounters();

  constructor(private readonly workbook: GridWorkbook) {
    workbook.sheets.forEach((grid, i) => this.sheetIndex.set(grid.name.toLowerCase(), i));
    this.names = new NameTable(workbook.definedNames ?? []);
    this.date1904 = workbook.date1904 === true;
    this.engine = new FormulaEngine({
      cell: (sheet, row, col) => this.cellValue(sheet, row, col),
      range: (sheet, from, to) => this.rangeValues(sheet, from, to),
      name: (name, sheet) => this.names.resolve(name, sheet) ?? this.unresolvedName(name),
    });
  }

  run(): void {
    this.workbook.sheets.forEach((grid, s) => forEachFormula(grid, (_cell, row, col) => this.settle(key(s, row, col))));
  }

  /** Calculates one formula cell and every uncalculated formula it depends on. */
  private settle(start: number): void {
    const stack = [start];
    while (stack.length > 0) {
      const at = stack[stack.length - 1];
      const entry = this.entries.get(at);
      if (entry !== undefined && entry.state !== 'waiting') {
        stack.pop();
        continue;
      }
      this.entries.set(at, { state: 'waiting' });
      const outcome = this.evaluateAt(at);
      if (!this.met.circular && this.met.pending.length > 0) {
        for (const dependency of this.met.pending) stack.push(dependency);
        continue;
      }
      this.entries.set(at, this.entryFor(at, outcome));
      stack.pop();
    }
  }

  private evaluateAt(at: number): Outcome {
    const { grid, row, col } = this.locate(at);
    this.met = freshEncounters();
    return this.engine.evaluate(grid.cell(row, col)?.formula ?? '', grid.name, row, col);
  }

  private entryFor(at: number, outcome: Outcome): Entry {
    const met = this.met;
    if (met.circular) return { state: 'unknown', reason: 'is part of a circular reference' };
    if (met.problem !== undefined) return { state: 'unknown', reason: met.problem };
    if (met.blockedBy !== undefined) return { state: 'unknown', reason: `depends on ${met.blockedBy}, which could not be evaluated` };
    if (!outcome.ok) return { state: 'unknown', reason: outcome.reason };
    const { grid, row, col } = this.locate(at);
    const cell = grid.cell(row, col);
    const value = fromEngineValue(outcome.result, cell?.numFmt !== undefined && isDateFormat(cell.numFmt), this.date1904);
    if (value === undefined) return { state: 'unknown', reason: 'gives a result no cell can hold' };
    return { state: 'done', value, volatile: met.volatile || VOLATILE.test(cell?.formula ?? '') };
  }

  private cellValue(sheet: string, row: number, col: number): unknown {
    const s = this.sheetNamed(sheet);
    if (s === undefined) return null;
    const grid = this.workbook.sheets[s];
    const cell = grid.cell(row, col);
    if (!cell?.formula) return toEngineValue(cell?.value ?? null, this.date1904);
    const at = key(s, row, col);
    const entry = this.entries.get(at);
    if (entry === undefined) {
      this.met.pending.push(at);
      return 0;
    }
    if (entry.state === 'waiting') this.met.circular = true;
    else if (entry.state === 'unknown') this.met.blockedBy ??= `${grid.name}!${toA1(row, col)}`;
    else {
      if (entry.volatile) this.met.volatile = true;
      return toEngineValue(entry.value, this.date1904);
    }
    return 0;
  }

  /** A range's values row by row, clipped to the cells the sheet holds (C:C reaches row 1,048,576). */
  private rangeValues(sheet: string, from: { row: number; col: number }, to: { row: number; col: number }): unknown[][] {
    const s = this.sheetNamed(sheet);
    if (s === undefined) return [[null]];
    const grid = this.workbook.sheets[s];
    const lastRow = Math.min(to.row, Math.max(from.row, grid.rowCount - 1));
    const lastCol = Math.min(to.col, Math.max(from.col, grid.colCount - 1));
    const rows: unknown[][] = [];
    for (let r = from.row; r <= lastRow; r++) {
      const values: unknown[] = [];
      for (let c = from.col; c <= lastCol; c++) values.push(this.cellValue(sheet, r, c));
      rows.push(values);
    }
    return rows;
  }

  private sheetNamed(name: string): number | undefined {
    const s = this.sheetIndex.get(name.toLowerCase()) ?? this.sheetIndex.get(name.replace(/''/g, "'").toLowerCase());
    if (s === undefined) this.met.problem ??= `refers to a sheet named "${name}", which is not in this workbook`;
    return s;
  }

  private unresolvedName(name: string): undefined {
    this.met.problem ??= `uses the name ${name}, which does not stand for cells of this workbook`;
    return undefined;
  }

  private locate(at: number): { grid: Grid; row: number; col: number } {
    const s = Math.floor(at / SHEET_FACTOR);
    const rest = at - s * SHEET_FACTOR;
    const row = Math.floor(rest / ROW_FACTOR);
    return { grid: this.workbook.sheets[s], row, col: rest - row * ROW_FACTOR };
  }

  /** Puts calculated results where the file held none (or asked for recalculation) and reports the rest. */
  apply(): FormulaReport {
    const tally = { formulas: 0, evaluated: 0, recalculated: 0 };
    const notUnderstood: UnevaluatedFormula[] = [];
    const stale: StaleResult[] = [];
    const recalculateAll = this.workbook.fullCalcOnLoad === true;
    this.workbook.sheets.forEach((grid, s) =>
      forEachFormula(grid, (cell, row, col) => {
        tally.formulas++;
        const entry = this.entries.get(key(s, row, col));
        const place = { sheet: grid.name, cell: toA1(row, col), formula: cell.formula ?? '' };
        if (entry?.state !== 'done') {
          if (!grid.generated)
            notUnderstood.push({ ...place, reason: entry?.state === 'unknown' ? entry.reason : 'could not be evaluated', saved: cell.value !== null });
          return;
        }
        if (cell.value === null || recalculateAll) {
          if (cell.value === null) tally.evaluated++;
          else tally.recalculated++;
          grid.setCell(row, col, { ...cell, value: entry.value });
          return;
        }
        tally.recalculated++;
        if (!entry.volatile && !grid.generated && !sameResult(cell.value, entry.value)) stale.push({ ...place, saved: cell.value, computed: entry.value });
      }),
    );
    return { ...tally, fullCalcOnLoad: recalculateAll, notUnderstood, stale };
  }
}

function freshEncounters(): Encounters {
  return { pending: [], circular: false, blockedBy: undefined, problem: undefined, volatile: false };
}

function key(sheet: number, row: number, col: number): number {
  return sheet * SHEET_FACTOR + row * ROW_FACTOR + col;
}

function forEachFormula(grid: Grid, visit: (cell: Cell, row: number, col: number) => void): void {
  for (const row of grid.rowIndexes()) {
    forEachCellIn(grid.row(row), (cell, col) => {
      if (cell.formula) visit(cell, row, col);
    });
  }
}
