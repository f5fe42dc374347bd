/**
 * What was read of a table, as plain data: the structure `commissioning tables` prints, `check --json`
 * carries in `tables`, and the pane shows for a finding's table. Addresses are as Excel shows them.
 */
import { columnLetters, rangeToA1 } from '../a1';
import { ratioText } from './column-ratios';
import type { UnreadRegion } from './detect';
import type { Table, TableRow } from './types';

interface ColumnDescription {
  readonly column: string;
  readonly header: string;
  readonly kind: string;
  readonly role: string;
  readonly unit?: string;
  readonly unitSource?: string;
  readonly displayUnit?: string;
  readonly hidden?: boolean;
  readonly categorical?: boolean;
}

interface TotalDescription {
  /** The total's row (1-based) and label. */
  readonly row: number;
  readonly label: string;
  /** What showed its lines: a formula, the arithmetic, or only its words. */
  readonly evidence: string;
  readonly adds: readonly number[];
  readonly subtracts: readonly number[];
}

interface ColumnTotalDescription {
  readonly column: string;
  readonly evidence: string;
  readonly adds: readonly string[];
  readonly subtracts: readonly string[];
}

interface TableDescription {
  readonly sheet: string;
  readonly range: string;
  readonly title: string | null;
  readonly unit: string;
  readonly unitSource: string;
  readonly kind: string;
  readonly headerRows: readonly number[];
  readonly labelColumn: string | null;
  readonly columns: readonly ColumnDescription[];
  readonly lines: number;
  readonly sections: readonly { readonly row: number; readonly name: string; readonly lines: number }[];
  readonly totals: readonly TotalDescription[];
  readonly columnTotals: readonly ColumnTotalDescription[];
  /** Per-cent columns read as ratios: { column: "E", ratio: "D ÷ B", evidence }. */
  readonly columnRatios: readonly { readonly column: string; readonly ratio: string; readonly evidence: string }[];
  /** Rows read as a header repeated at a page break, and as notes: not lines. */
  readonly repeatedHeaders: readonly number[];
}

export function describeTable(table: Table): TableDescription {
  const rowsOf = (kind: TableRow['kind']): TableRow[] => table.rows.filter((r) => r.kind === kind);
  return {
    sheet: table.sheet,
    range: rangeToA1(table.range),
    title: table.title ?? null,
    unit: table.unit,
    unitSource: table.unitSource,
    kind: table.kind,
    headerRows: table.headerRows.map((r) => r + 1),
    labelColumn: table.labelCol !== undefined ? columnLetters(table.labelCol) : null,
    columns: table.columns.map((c) => ({
      column: columnLetters(c.col),
      header: c.header,
      kind: c.kind,
      role: c.role,
      ...(c.kind === 'money' ? { unit: c.unit, unitSource: c.unitSource } : {}),
      ...(c.displayUnit ? { displayUnit: c.displayUnit } : {}),
      ...(c.hidden ? { hidden: true } : {}),
      ...(c.categorical ? { categorical: true } : {}),
    })),
    lines: rowsOf('line').length,
    sections: table.sections.map((s) => ({ row: s.row + 1, name: s.name, lines: s.lineRows.length })),
    totals: rowsOf('total').map((r) => ({
      row: r.row + 1,
      label: r.label,
      evidence: r.evidence ?? 'words',
      adds: (r.sums ?? []).map((x) => x + 1),
      subtracts: (r.subtracts ?? []).map((x) => x + 1),
    })),
    columnTotals: table.columnTotals.map((t) => ({
      column: columnLetters(t.col),
      evidence: t.evidence,
      adds: t.adds.map(columnLetters),
      subtracts: t.subtracts.map(columnLetters),
    })),
    columnRatios: table.columnRatios.map((r) => ({ column: columnLetters(r.col), ratio: ratioText(r), evidence: r.evidence })),
    repeatedHeaders: rowsOf('header').map((r) => r.row + 1),
  };
}

export function describeUnread(region: UnreadRegion): { sheet: string; range: string; reason: string } {
  return { sheet: region.sheet, range: rangeToA1(region.range), reason: region.reason };
}

/** Rows as people say them: "5–9, 12" rather than every number. */
function rowRuns(rows: readonly number[]): string {
  const runs: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const close = (): void => {
    if (start === undefined || previous === undefined) return;
    runs.push(start === previous ? `${start}` : `${start}–${previous}`);
  };
  for (const r of [...rows].sort((a, b) => a - b)) {
    if (previous !== undefined && r === previous + 1) {
      previous = r;
      continue;
    }
    close();
    start = r;
    previous = r;
  }
  close();
  return runs.join(', ');
}

/** One table as lines of text, for the terminal. */
export function renderTable(d: TableDescription): string[] {
  const lines = [`${d.sheet}!${d.range}${d.title ? `  “${d.title}”` : ''}`];
  lines.push(
    `  ${d.kind} table; money in ${d.unit} (from ${d.unitSource}); header row${d.headerRows.length === 1 ? '' : 's'} ${d.headerRows.join(', ')}; lines named in column ${d.labelColumn ?? '(none)'}`,
  );
  for (const c of d.columns) {
    const unit = c.unit ? ` [${c.unit} from ${c.unitSource}${c.displayUnit ? `, shown in ${c.displayUnit}` : ''}]` : '';
    lines.push(
      `  ${c.column.padEnd(3)} ${c.kind.padEnd(10)} ${c.role.padEnd(12)} ${c.header || '(no header)'}${unit}${c.hidden ? ' [hidden]' : ''}${c.categorical ? ' [categories]' : ''}`,
    );
  }
  lines.push(
    `  ${d.lines} line${d.lines === 1 ? '' : 's'}${d.sections.length > 0 ? `, ${d.sections.length} section${d.sections.length === 1 ? '' : 's'}` : ''}${d.repeatedHeaders.length > 0 ? `; header repeated at row ${rowRuns(d.repeatedHeaders)} (skipped)` : ''}`,
  );
  for (const t of d.totals) {
    const minus = t.subtracts.length > 0 ? ` minus rows ${rowRuns(t.subtracts)}` : '';
    lines.push(`  total row ${t.row} “${t.label}” adds rows ${rowRuns(t.adds) || '(none)'}${minus} (by ${t.evidence})`);
  }
  for (const t of d.columnTotals) {
    lines.push(`  total column ${t.column} = ${t.adds.join(' + ')}${t.subtracts.map((c) => ` − ${c}`).join('')} (by ${t.evidence})`);
  }
  for (const r of d.columnRatios) lines.push(`  per-cent column ${r.column} = ${r.ratio} (by ${r.evidence})`);
  return lines;
}
