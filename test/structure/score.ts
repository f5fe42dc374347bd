/**
 * Scores what the checker read against what a table is expected to be read as: its extent, and each
 * total with the lines it adds up. Totals over subtotals are compared on the lines beneath, so "Grand
 * total = the two subtotals" and "Grand total = every line" are the same reading.
 */
import { columnIndex, parseRange, toA1 } from '../../src/sheet/a1';
import type { Table } from '../../src/sheet/tables/types';
import type { ExpectedTable } from './expected';

export interface TableScore {
  readonly sheet: string;
  readonly expected: string;
  readonly found?: string;
  readonly extentRight: boolean;
  readonly totalsRight: boolean;
  /** What differs, for a failing test's message. */
  readonly problems: readonly string[];
}

/** The extent the checker read: first header row to last row, over the table's columns. */
export function extentOf(table: Table): string {
  return `${toA1(table.headerRows[0], table.range.start.col)}:${toA1(table.range.end.row, table.range.end.col)}`;
}

type Leaves = Map<number, number>;

function addLeaves(into: Leaves, from: Leaves, sign: number): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + sign * v);
}

function key(leaves: Leaves): string {
  return [...leaves.entries()]
    .filter(([, v]) => v !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
}

/** Each total's lines beneath it, with signs, following totals over totals down to lines. */
function expand(direct: Map<number, { adds: readonly number[]; subtracts: readonly number[] }>): Map<number, string> {
  const memo = new Map<number, Leaves>();
  const leavesOf = (row: number, depth: number): Leaves => {
    const known = memo.get(row);
    if (known) return known;
    const total = direct.get(row);
    const leaves: Leaves = new Map();
    if (!total || depth > 20) leaves.set(row, 1);
    else {
      for (const r of total.adds) addLeaves(leaves, leavesOf(r, depth + 1), 1);
      for (const r of total.subtracts) addLeaves(leaves, leavesOf(r, depth + 1), -1);
    }
    memo.set(row, leaves);
    return leaves;
  };
  return new Map([...direct.keys()].map((row) => [row, key(leavesOf(row, 0))]));
}

function foundRowTotals(table: Table): Map<number, string> {
  const direct = new Map<number, { adds: readonly number[]; subtracts: readonly number[] }>();
  for (const r of table.rows)
    if (r.kind === 'total' && r.sums) direct.set(r.row + 1, { adds: r.sums.map((x) => x + 1), subtracts: (r.subtracts ?? []).map((x) => x + 1) });
  // A section heading that states a headline stands for the total of its lines.
  for (const s of table.sections) if (s.headlines.length > 0) direct.set(s.row + 1, { adds: s.lineRows.map((x) => x + 1), subtracts: [] });
  return expand(direct);
}

function expectedRowTotals(e: ExpectedTable): Map<number, string> {
  return expand(new Map((e.rowTotals ?? []).map((t) => [t.row, { adds: t.adds, subtracts: t.subtracts ?? [] }])));
}

function columnKey(adds: readonly number[], subtracts: readonly number[]): string {
  return [...adds.map((c) => `+${c}`), ...subtracts.map((c) => `-${c}`)].sort().join(',');
}

function foundColumnTotals(table: Table): Map<number, string> {
  return new Map(table.columnTotals.map((t) => [t.col, columnKey(t.adds, t.subtracts)]));
}

function expectedColumnTotals(e: ExpectedTable): Map<number, string> {
  const col = (letters: string): number => columnIndex(letters) ?? -1;
  return new Map((e.columnTotals ?? []).map((t) => [col(t.col), columnKey(t.adds.map(col), (t.subtracts ?? []).map(col))]));
}

function compareMaps(what: string, expected: Map<number, string>, found: Map<number, string>, name: (k: number) => string): string[] {
  const problems: string[] = [];
  for (const [k, v] of expected) {
    const f = found.get(k);
    if (f === undefined) problems.push(`${what} ${name(k)} not found`);
    else if (f !== v) problems.push(`${what} ${name(k)} read as adding ${f}, expected ${v}`);
  }
  for (const k of found.keys()) if (!expected.has(k)) problems.push(`${what} ${name(k)} read as a total but is not one`);
  return problems;
}

/** Scores one expected table against the tables found on its sheet. */
export function scoreTable(expected: ExpectedTable, found: readonly Table[]): TableScore {
  const range = parseRange(expected.range);
  const onSheet = found.filter((t) => t.sheet === expected.sheet);
  const match = onSheet.find((t) => extentOf(t) === expected.range) ?? onSheet.find((t) => range && t.headerRows[0] === range.start.row);
  if (!match)
    return {
      sheet: expected.sheet,
      expected: expected.range,
      extentRight: false,
      totalsRight: false,
      problems: [`no table found at ${expected.range} (found ${onSheet.map(extentOf).join(', ') || 'none'})`],
    };
  const extentRight = extentOf(match) === expected.range;
  const problems = [
    ...(extentRight ? [] : [`extent read as ${extentOf(match)}`]),
    ...compareMaps('row', expectedRowTotals(expected), foundRowTotals(match), (k) => String(k)),
    ...compareMaps('column', expectedColumnTotals(expected), foundColumnTotals(match), (k) => toA1(0, k).replace(/\d+$/, '')),
  ];
  return {
    sheet: expected.sheet,
    expected: expected.range,
    found: extentOf(match),
    extentRight,
    totalsRight: problems.length === (extentRight ? 0 : 1),
    problems,
  };
}
