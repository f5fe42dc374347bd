/**
 * Self-consistency of the generated corpus: clean cases hold every identity they claim, their
 * expected ranges and kinds match the cells, formulas agree with their cached values, and every
 * injected fault breaks exactly the identity it records, by more than rounding could explain.
 * It does not run the checker: it makes sure the corpus is right before the checker is scored on it.
 */
import { columnIndex, parseA1, parseRange, toA1 } from '../../src/sheet/a1';
import { findSheet, forEachCellIn, Grid, GridWorkbook, isBlankCell } from '../../src/sheet/grid';
import type { ExpectedTable } from '../structure/expected';
import { FaultKind, injectFault, supportedFaults } from './faults';
import { caseIdentities, holds, Identity, tableRange } from './identities';
import { corpus, LAYOUTS } from './index';
import { abs, Amount, decimalsOf, parseAmount } from './money';
import { stepFor } from './random';
import { letter } from './sheet';
import type { CorpusCase } from './types';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 11, 17, 29, 42];
const FAULT_SEEDS = [1, 2, 3, 4, 5];
const ALL_FAULT_KINDS: readonly FaultKind[] = [
  'total-figure',
  'first-total',
  'headline-row',
  'nested-total',
  'section-headline',
  'line-figure',
  'omitted-line',
  'column-total',
];

function sheetOf(workbook: GridWorkbook, table: ExpectedTable): Grid {
  const grid = findSheet(workbook, table.sheet);
  if (!grid) throw new Error(`no sheet ${table.sheet}`);
  return grid;
}

function rowBlank(grid: Grid, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (!isBlankCell(grid.cell(row, c))) return false;
  return true;
}

function colBlank(grid: Grid, col: number, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) if (!isBlankCell(grid.cell(r, col))) return false;
  return true;
}

function broken(identities: readonly Identity[]): string[] {
  return identities.filter((i) => !holds(i)).map((i) => `${i.sheet}!${i.cell} ${i.kind}: stated ${i.stated}, computed ${i.computed}`);
}

/** Every cell of a workbook as text, to compare two workbooks cell by cell. */
function cellMap(workbook: GridWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const grid of workbook.sheets) {
    for (const r of grid.rowIndexes()) {
      forEachCellIn(grid.row(r), (cell, c) => {
        const value = cell.value instanceof Date ? cell.value.toISOString() : JSON.stringify(cell.value);
        out.set(`${grid.name}!${toA1(r, c)}`, `${value}|${cell.formula ?? ''}|${cell.numFmt ?? ''}`);
      });
    }
  }
  return out;
}

function differingCells(a: GridWorkbook, b: GridWorkbook): string[] {
  const ma = cellMap(a);
  const mb = cellMap(b);
  const keys = new Set([...ma.keys(), ...mb.keys()]);
  return [...keys].filter((k) => ma.get(k) !== mb.get(k));
}

/**
 * Evaluates the formulas the corpus writes (SUM over a range or a list, a chain of + and −, and one
 * division) from the other cells, exactly; a division comes back as the double Excel would compute.
 */
function evaluate(grid: Grid, formula: string): { amount: Amount } | { ratio: number | null } {
  const cellAmount = (ref: string): Amount => {
    const at = parseA1(ref);
    if (!at) throw new Error(`bad reference ${ref} in ${formula}`);
    const a = parseAmount(grid.value(at.row, at.col));
    return typeof a === 'bigint' ? a : 0n;
  };
  const division = /^([A-Z]+\d+)\/([A-Z]+\d+)$/.exec(formula);
  if (division) {
    const d = cellAmount(division[2]);
    return { ratio: d === 0n ? null : Number(cellAmount(division[1])) / Number(d) };
  }
  const sumRange = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(formula);
  if (sumRange) {
    const range = parseRange(`${sumRange[1]}:${sumRange[2]}`)!;
    let total = 0n;
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) total += cellAmount(toA1(r, c));
    }
    return { amount: total };
  }
  const terms = /^([A-Z]+\d+)((?:[+-][A-Z]+\d+)*)$/.exec(formula);
  if (!terms) throw new Error(`the corpus does not write formulas like ${formula}`);
  let total = cellAmount(terms[1]);
  for (const m of (terms[2] ?? '').matchAll(/([+-])([A-Z]+\d+)/g)) total += (m[1] === '-' ? -1n : 1n) * cellAmount(m[2]);
  return { amount: total };
}

function checkKinds(grid: Grid, table: ExpectedTable): string[] {
  const range = tableRange(table);
  const problems: string[] = [];
  // A total row's label may sit in any column (a register's "Total" under its identifiers).
  const totalRows = new Set((table.rowTotals ?? []).map((t) => t.row - 1));
  for (let c = range.start.col; c <= range.end.col; c++) {
    const kind = table.kinds?.[letter(c)];
    if (!kind) {
      problems.push(`column ${letter(c)} has no kind`);
      continue;
    }
    const values = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const cell = grid.cell(r, c);
      if (!isBlankCell(cell) && (kind === 'money' || !totalRows.has(r))) values.push({ r, cell: cell! });
    }
    const at = (r: number) => `${table.sheet}!${toA1(r, c)}`;
    switch (kind) {
      case 'money': {
        // parseAmount throws for a number with more than two decimals: money here is always exact.
        const amounts = values.filter((v) => typeof parseAmount(v.cell.value) === 'bigint');
        if (amounts.length * 2 < values.length) problems.push(`money column ${letter(c)} holds more else than amounts`);
        break;
      }
      case 'percent':
        for (const v of values.filter((x) => typeof x.cell.value === 'number')) {
          if (!v.cell.numFmt?.includes('%')) problems.push(`${at(v.r)} is a per cent without a % format`);
          if (Math.abs(v.cell.value as number) >= 10) problems.push(`${at(v.r)} is not a fraction`);
        }
        if (!values.some((x) => typeof x.cell.value === 'number')) problems.push(`percent column ${letter(c)} holds no figure`);
        break;
      case 'date':
        if (!values.slice(1).every((v) => v.cell.value instanceof Date)) problems.push(`date column ${letter(c)} holds a non-date`);
        break;
      case 'count':
        for (const v of values.filter((x) => typeof x.cell.value === 'number')) {
          if ((v.cell.value as number) < 0) problems.push(`${at(v.r)} is a negative count`);
        }
        break;
      case 'identifier': {
        // Codes and references: whole numbers, or one word of capitals, digits and hyphens.
        const body = values.slice(1).map((v) => v.cell.value);
        if (body.length === 0) problems.push(`identifier column ${letter(c)} is empty`);
        const odd = body.filter((v) => !(typeof v === 'number' ? Number.isInteger(v) : typeof v === 'string' && /^[A-Z0-9][A-Z0-9-]*$/.test(v)));
        if (odd.length > 0) problems.push(`identifier column ${letter(c)} holds ${JSON.stringify(odd[0])}`);
        break;
      }
      case 'year':
        if (!values.slice(1).every((v) => typeof v.cell.value === 'string' && /^\d{4}\/\d{2}$/.test(v.cell.value))) {
          problems.push(`year column ${letter(c)} holds something other than years`);
        }
        break;
      case 'text': {
        // Below the header: labels and names, never a figure or a date.
        const body = values.slice(1).map((v) => v.cell.value);
        if (!body.some((v) => typeof v === 'string')) problems.push(`text column ${letter(c)} holds no text`);
        if (body.some((v) => typeof v !== 'string')) problems.push(`text column ${letter(c)} holds something other than text`);
        break;
      }
    }
  }
  return problems;
}

function checkRange(grid: Grid, table: ExpectedTable): string[] {
  const range = tableRange(table);
  const { start, end } = range;
  const problems: string[] = [];
  if (end.row >= grid.rowCount || end.col >= grid.colCount) problems.push(`${table.range} runs past the sheet's cells`);
  if (rowBlank(grid, start.row, start.col, end.col)) problems.push(`first row of ${table.range} is blank`);
  if (rowBlank(grid, end.row, start.col, end.col)) problems.push(`last row of ${table.range} is blank`);
  if (colBlank(grid, start.col, start.row, end.row)) problems.push(`first column of ${table.range} is blank`);
  if (colBlank(grid, end.col, start.row, end.row)) problems.push(`last column of ${table.range} is blank`);
  // Nothing touches the table below or beside it: the range is not cut short.
  if (!rowBlank(grid, end.row + 1, start.col, end.col)) problems.push(`the row under ${table.range} is not blank`);
  if (start.col > 0 && !colBlank(grid, start.col - 1, start.row, end.row)) problems.push(`the column left of ${table.range} is not blank`);
  if (!colBlank(grid, end.col + 1, start.row, end.row)) problems.push(`the column right of ${table.range} is not blank`);
  // Inside, never two blank rows running or a blank column: those would end a table.
  for (let r = start.row; r < end.row; r++) {
    if (rowBlank(grid, r, start.col, end.col) && rowBlank(grid, r + 1, start.col, end.col)) problems.push(`two blank rows at ${r + 1} in ${table.range}`);
  }
  for (let c = start.col; c <= end.col; c++) if (colBlank(grid, c, start.row, end.row)) problems.push(`blank column ${letter(c)} in ${table.range}`);
  for (const total of table.rowTotals ?? []) {
    for (const row of [total.row, ...total.adds, ...(total.subtracts ?? [])]) {
      if (row - 1 < start.row || row - 1 > end.row) problems.push(`row ${row} of a total lies outside ${table.range}`);
    }
    if (total.adds.includes(total.row) || (total.subtracts ?? []).includes(total.row)) problems.push(`row ${total.row} adds itself`);
  }
  for (const total of table.columnTotals ?? []) {
    for (const l of [total.col, ...total.adds, ...(total.subtracts ?? [])]) {
      const c = columnIndex(l);
      if (c === undefined || c < start.col || c > end.col) problems.push(`column ${l} of a column total lies outside ${table.range}`);
      else if (table.kinds?.[l] !== 'money') problems.push(`column total over ${l}, which is not money`);
    }
  }
  return problems;
}

describe.each(Object.keys(LAYOUTS))('corpus layout %s', (layout) => {
  const generate = LAYOUTS[layout];
  const cases = SEEDS.map((seed) => generate(seed));

  it('is the same workbook for the same seed, and varies with the seed', () => {
    for (const [i, seed] of SEEDS.entries()) expect(differingCells(generate(seed).workbook, cases[i].workbook)).toEqual([]);
    const distinct = new Set(cases.map((c) => JSON.stringify([...cellMap(c.workbook)])));
    expect(distinct.size).toBe(cases.length);
    for (const c of cases) expect(c.layout).toBe(layout);
  });

  it('holds every total it claims, exactly, whether subtotals are read as cells or by their lines', () => {
    for (const c of cases) {
      const byLines = caseIdentities(c, 'leaves');
      expect({ case: c.name, broken: broken(byLines) }).toEqual({ case: c.name, broken: [] });
      expect({ case: c.name, broken: broken(caseIdentities(c, 'cells')) }).toEqual({ case: c.name, broken: [] });
      const claimed = c.tables.reduce((n, t) => n + (t.rowTotals?.length ?? 0) + (t.columnTotals?.length ?? 0), 0);
      // Each claimed total is checked at least once (a row total per money column, a column total per row).
      if (claimed > 0) expect(byLines.length).toBeGreaterThanOrEqual(claimed);
    }
  });

  it('states ranges that fit the filled cells, with totals inside them', () => {
    for (const c of cases) {
      expect(c.tables.length).toBeGreaterThan(0);
      for (const table of c.tables) {
        expect({ case: c.name, table: table.range, problems: checkRange(sheetOf(c.workbook, table), table) }).toEqual({
          case: c.name,
          table: table.range,
          problems: [],
        });
      }
    }
  });

  it('gives every column a kind that its cells bear out', () => {
    for (const c of cases) {
      for (const table of c.tables) {
        expect({ case: c.name, problems: checkKinds(sheetOf(c.workbook, table), table) }).toEqual({ case: c.name, problems: [] });
        expect(Object.values(table.kinds ?? {})).toContain('money');
        expect(table.unit).toBeDefined();
      }
    }
  });

  it('caches in every formula cell the value its formula computes', () => {
    for (const c of cases) {
      for (const grid of c.workbook.sheets) {
        for (const r of grid.rowIndexes()) {
          forEachCellIn(grid.row(r), (cell, col) => {
            if (!cell.formula) return;
            expect(cell.formula.startsWith('=')).toBe(false);
            const result = evaluate(grid, cell.formula);
            const where = `${c.name} ${grid.name}!${toA1(r, col)} ${cell.formula}`;
            if ('ratio' in result) expect({ where, value: cell.value }).toEqual({ where, value: result.ratio });
            else expect({ where, value: parseAmount(cell.value) }).toEqual({ where, value: result.amount });
          });
        }
      }
    }
  });

  it('takes a fault that breaks the identity it records, beyond rounding, changing one cell', () => {
    for (const c of cases) {
      const before = cellMap(c.workbook);
      const kinds = supportedFaults(c);
      if (kinds.length === 0) {
        expect(() => injectFault(c, 1)).toThrow(/no total/);
        continue;
      }
      for (const seed of FAULT_SEEDS) {
        const { case: faulted, fault } = injectFault(c, seed);
        expect(injectFault(c, seed).fault).toEqual(fault);
        expect(['total-mismatch', 'headline-mismatch']).toContain(fault.rule);
        expect(findSheet(faulted.workbook, fault.sheet)).toBeDefined();
        const changed = differingCells(c.workbook, faulted.workbook);
        expect(changed).toHaveLength(1);
        // A total whose SUM was shortened (a line left out) caches what its new formula computes.
        const [sheetName, address] = changed[0].split('!') as [string, string];
        const changedGrid = findSheet(faulted.workbook, sheetName)!;
        const ref = parseA1(address)!;
        const after = changedGrid.cell(ref.row, ref.col)!;
        if (after.formula && after.formula !== findSheet(c.workbook, sheetName)!.cell(ref.row, ref.col)?.formula) {
          expect(evaluate(changedGrid, after.formula)).toEqual({ amount: parseAmount(after.value) });
        }

        const clean = caseIdentities(c).find((i) => i.sheet === fault.sheet && i.cell === fault.cell && i.rule === fault.rule);
        const now = caseIdentities(faulted).find((i) => i.sheet === fault.sheet && i.cell === fault.cell && i.rule === fault.rule);
        expect(clean && holds(clean)).toBe(true);
        expect(now).toBeDefined();
        const gap = abs(now!.stated - now!.computed);
        const context = `${faulted.name}: ${fault.description}`;
        expect({ context, holds: holds(now!) }).toEqual({ context, holds: false });
        // Clearly not rounding: at least 1% of the total and more than half a step per figure involved.
        const grid = findSheet(faulted.workbook, fault.sheet)!;
        const termValues = now!.terms.map((t) => parseAmount(grid.value(parseA1(t)!.row, parseA1(t)!.col)) ?? 0n);
        const values = [clean!.stated, now!.stated, ...termValues.filter((a): a is Amount => typeof a === 'bigint')];
        const step = stepFor(values.reduce<0 | 1 | 2>((d, a) => (decimalsOf(a) > d ? decimalsOf(a) : d), 0));
        expect({ context, onePercent: gap * 100n >= abs(clean!.stated) }).toEqual({ context, onePercent: true });
        expect({ context, beyondRounding: gap * 2n > BigInt(now!.terms.length + 1) * step }).toEqual({ context, beyondRounding: true });
        expect(fault.description).toContain(fault.cell);
      }
      // The clean case is untouched.
      expect(cellMap(c.workbook)).toEqual(before);
    }
  });
});

describe('the corpus as a whole', () => {
  const all = corpus(SEEDS);

  it('has one case per layout and seed, uniquely named', () => {
    expect(all).toHaveLength(Object.keys(LAYOUTS).length * SEEDS.length);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  it('offers, and injects, every kind of fault somewhere', () => {
    const offered = new Set(all.flatMap(supportedFaults));
    expect([...offered].sort()).toEqual([...ALL_FAULT_KINDS].sort());
    const injected = new Set(
      all.filter((c) => supportedFaults(c).length > 0).flatMap((c) => FAULT_SEEDS.map((s) => injectFault(c, s).case.name.split('+')[1])),
    );
    expect([...injected].sort()).toEqual([...ALL_FAULT_KINDS].sort());
  });

  it('holds both typed totals and formula totals, and stale cached values after some faults', () => {
    const withFormulas = all.filter((c) => c.workbook.sheets.some((g) => [...cellMap({ sheets: [g] }).values()].some((v) => v.split('|')[1] !== '')));
    expect(withFormulas.length).toBeGreaterThan(all.length / 5);
    expect(withFormulas.length).toBeLessThan(all.length);
  });
});

describe('layout features the corpus is meant to exercise', () => {
  const byLayout = (layout: string) => SEEDS.map((s) => LAYOUTS[layout](s));
  const cellsOf = (c: CorpusCase) => c.workbook.sheets.flatMap((g) => [...cellMap({ sheets: [g] }).values()]);

  it('town council accounts: amounts are text, with brackets, dashes and the header again mid-table', () => {
    const cases = byLayout('town-council-accounts');
    for (const c of cases) {
      const [table] = c.tables;
      const grid = sheetOf(c.workbook, table);
      const range = tableRange(table);
      for (const total of table.rowTotals ?? []) expect(typeof grid.value(total.row - 1, 1)).toBe('string');
      const headerText = grid.value(range.start.row, 1);
      let repeats = 0;
      for (let r = range.start.row + 1; r <= range.end.row; r++) if (grid.value(r, 1) === headerText) repeats++;
      expect(repeats).toBe(1);
    }
    const texts = cases.flatMap(cellsOf).join('\n');
    expect(texts).toMatch(/"\(\d{1,3}(,\d{3})*\)"/);
    expect(texts).toMatch(/"-"/);
  });

  it('payments: pence, and hundreds of rows for some seeds', () => {
    const cases = byLayout('payments-over-500');
    const rows = cases.map((c) => {
      const range = parseRange(c.tables[0].range)!;
      return range.end.row - range.start.row;
    });
    expect(Math.max(...rows)).toBeGreaterThanOrEqual(200);
    expect(cases.every((c) => (c.tables[0].rowTotals ?? []).length === 0)).toBe(true);
  });

  it('budget book: the grand total comes first and headline rows stand above their children', () => {
    for (const c of byLayout('budget-book')) {
      const totals = c.tables[0].rowTotals!;
      expect(totals.every((t) => t.row < Math.min(...t.adds))).toBe(true);
      const range = parseRange(c.tables[0].range)!;
      expect(Math.min(...totals.map((t) => t.row))).toBeLessThanOrEqual(range.start.row + 3);
    }
  });

  it('service analysis: Education is a headline row above its children, and the Total adds top-level rows only', () => {
    for (const c of byLayout('service-analysis')) {
      const totals = c.tables[0].rowTotals!;
      const grid = sheetOf(c.workbook, c.tables[0]);
      const education = totals[0];
      expect(grid.value(education.row - 1, 0)).toEqual(expect.stringMatching(/^Education/));
      expect(education.row).toBeLessThan(Math.min(...education.adds));
      const grand = totals[totals.length - 1];
      expect(grand.adds).toContain(education.row);
      for (const child of education.adds) expect(grand.adds).not.toContain(child);
    }
  });

  it('side by side: two tables on one sheet at least two blank columns apart', () => {
    for (const c of byLayout('side-by-side')) {
      const [left, right] = c.tables.map((t) => parseRange(t.range)!);
      expect(c.tables[0].sheet).toBe(c.tables[1].sheet);
      expect(right.start.col - left.end.col - 1).toBeGreaterThanOrEqual(2);
    }
  });

  it('stacked: tables on one sheet at least two blank rows apart, each under its own title', () => {
    for (const c of byLayout('stacked')) {
      const ranges = c.tables.map((t) => parseRange(t.range)!);
      expect(ranges.length).toBeGreaterThanOrEqual(2);
      const grid = sheetOf(c.workbook, c.tables[0]);
      for (let i = 1; i < ranges.length; i++) {
        const gap = ranges[i].start.row - ranges[i - 1].end.row - 1;
        expect(gap).toBeGreaterThanOrEqual(3); // two blank rows and the title
        expect(typeof grid.value(ranges[i].start.row - 1, 0)).toBe('string');
      }
    }
  });

  it('blank-row groups: single blank rows inside the table, and a total that adds across them', () => {
    for (const c of byLayout('blank-row-groups')) {
      const table = c.tables[0];
      const grid = sheetOf(c.workbook, table);
      const range = tableRange(table);
      let blanks = 0;
      for (let r = range.start.row; r <= range.end.row; r++) if (rowBlank(grid, r, range.start.col, range.end.col)) blanks++;
      expect(blanks).toBeGreaterThanOrEqual(2);
    }
  });

  it('outturn form: the code column is numeric and never part of a total', () => {
    for (const c of byLayout('outturn-form')) {
      const table = c.tables[0];
      const codeLetter = Object.entries(table.kinds!).find(([, k]) => k === 'identifier')![0];
      const grid = sheetOf(c.workbook, table);
      const codeCol = columnIndex(codeLetter)!;
      const range = tableRange(table);
      const codes: number[] = [];
      for (let r = range.start.row; r <= range.end.row; r++) {
        const code = grid.value(r, codeCol);
        if (typeof code === 'number') codes.push(code);
      }
      expect(codes.length).toBeGreaterThan(5);
      expect(codes.every((code) => code >= 1000 && code < 1900)).toBe(true);
      for (const i of caseIdentities(c)) expect(i.terms.some((t) => t.startsWith(codeLetter) && /^\d/.test(t.slice(codeLetter.length)))).toBe(false);
    }
  });

  it('MOPAC: section rows state their headline in £m, and those headlines are checked', () => {
    for (const c of byLayout('mopac-priorities')) {
      const headlines = caseIdentities(c).filter((i) => i.kind === 'section headline');
      expect(headlines.length).toBeGreaterThanOrEqual(3);
      const grid = c.workbook.sheets[0];
      for (const h of headlines) {
        const at = parseA1(h.cell)!;
        expect(grid.value(at.row, at.col)).toEqual(expect.stringMatching(/\(£\d+\.\dm\)$/));
      }
    }
  });
});
