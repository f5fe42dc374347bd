/** The same line twice: a repeated ref, or (without refs) the same label with the same dimensions. */
import { toA1 } from '../../sheet/a1';
import { DIMENSION_ROLES } from '../../sheet/tables/types';
import { normaliseName } from '../../model/names';
import type { Finding } from '../finding';
import type { TableRule } from './rule';
import { repeats } from '../repeats';
import type { Grid } from '../../sheet/grid';
import { defineRule } from './meta';

const duplicateLine = defineRule({
  id: 'duplicate-line',
  group: 'names',
  title: 'Line that appears twice',
  checks:
    'A ref used twice in one table, or, in a table without refs, a line whose label and details (section, dimensions, period, codes) are the same as an ' +
    'earlier line’s. Registers are left to register-duplicate-id.',
  why: 'A line pasted in twice is counted twice in every total and rollup, overstating the budget by its amount, and nothing in the arithmetic shows it.',
  fix: 'Compare the two lines: delete the copy, or, if both are real, give them distinct refs or labels that say how they differ.',
  reportedAt: 'the later occurrence',
  severity: 'warning',
  messages: {
    ref: 'Ref “{ref}” is used again here; it first appears at {first}, so one of the two lines may be counted twice.',
    sameDetails: '“{label}” appears again here with the same details as row {firstRow}, so it may be counted twice.',
  },
});

export const duplicateRuleDefinitions = [duplicateLine] as const;

function text(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  return v === null ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? v.code : String(v).trim();
}

/** Refs in rising order cannot repeat, so no index of them is needed (a sorted register of 100,000). */
function strictlyRising(keys: readonly string[]): boolean {
  for (let k = 1; k < keys.length; k++) if (!(keys[k - 1] < keys[k])) return false;
  return true;
}

export const duplicateRules: TableRule = (table, ctx) => {
  if (table.kind === 'register') return []; // registers have their own duplicate-id rule
  const grid = ctx.grids.get(table.sheet);
  if (!grid) return [];
  const findings: Finding[] = [];
  const refCol = table.columns.find((c) => c.role === 'ref');
  const lines = table.rows.filter((r) => r.kind === 'line');
  if (refCol) {
    const refOf = (row: number): string => text(grid, row, refCol.col);
    const keys = lines.map((l) => refOf(l.row).toLowerCase());
    if (strictlyRising(keys)) return findings;
    for (const { item, first } of repeats(keys.keys(), (k) => keys[k])) {
      const row = lines[item].row;
      const ref = refOf(row);
      const place = { sheet: table.sheet, cell: toA1(row, refCol.col), actual: ref };
      findings.push(duplicateLine.report(place, 'ref', { ref, first: toA1(lines[first].row, refCol.col) }));
    }
    return findings;
  }
  // Every column that tells lines apart: dimensions, periods, codes, other text (a "2016/17" down a period
  // column makes lines of different years, not duplicates).
  const dimensionCols = table.columns.filter(
    (c) => c.role !== 'label' && c.role !== 'notes' && (c.kind !== 'money' || (DIMENSION_ROLES as readonly string[]).includes(c.role)),
  );
  // A group name written once above its lines (a region over Exports, Imports, Balance) holds for the
  // lines below it until the next: blanks take the value above.
  const carried = new Map<number, string[]>();
  const groupCols = table.labelCol !== undefined ? [...dimensionCols, { col: table.labelCol }] : dimensionCols;
  const last = groupCols.map(() => '');
  for (const line of lines) {
    carried.set(
      line.row,
      groupCols.map((c, k) => {
        const value = normaliseName(text(grid, line.row, c.col));
        if (value !== '') last[k] = value;
        return last[k];
      }),
    );
  }
  const keyOf = (line: (typeof lines)[number]): string | undefined =>
    line.label === '' || line.labelCol === undefined
      ? undefined
      : [normaliseName(line.label), String(line.section ?? ''), ...(carried.get(line.row) ?? [])].join('|');
  for (const { item, first } of repeats(lines, keyOf)) {
    const place = { sheet: table.sheet, cell: toA1(item.row, item.labelCol ?? table.range.start.col), actual: item.label };
    findings.push(duplicateLine.report(place, 'sameDetails', { label: item.label, firstRow: first.row + 1 }));
  }
  return findings;
};
