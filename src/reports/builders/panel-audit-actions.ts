/** The audit actions tracker: each action with its status as the workbook records it, and counts by status. */
import { rangeToA1 } from '../../sheet/a1';
import type { Grid } from '../../sheet/grid';
import type { Table } from '../../sheet/tables/types';
import type { SpecColumn, SpecRow, TableSpec } from '../spec';
import { sourceLine, type ReportContext } from './context';
import { sumOf } from './formulas';
import { cellDateOrText, cellText } from './source-cells';
import type { TableNames } from './table-names';

const NO_STATUS = '(no status)';

function columnKey(index: number): string {
  return `c${index}`;
}

/** Every column of the tracker as the workbook has it; a column holding dates is a date column. */
function trackerColumns(table: Table, grid: Grid | undefined): SpecColumn[] {
  return table.columns.map((c, i) => {
    const holdsDates = table.rows.some((r) => r.kind === 'line' && grid?.value(r.row, c.col) instanceof Date);
    const wide = c.role === 'label' || c.role === 'notes';
    return { key: columnKey(i), header: c.header || `Column ${i + 1}`, type: holdsDates ? 'date' : 'text', minWidth: wide ? 40 : 12 };
  });
}

function statusCounts(table: Table, grid: Grid | undefined): { status: string; actions: number }[] {
  const status = table.columns.find((c) => c.role === 'status');
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    if (row.kind !== 'line') continue;
    const s = cellText(grid, row.row, status?.col) ?? NO_STATUS;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts].map(([s, actions]) => ({ status: s, actions }));
}

function auditActionTables(table: Table, grid: Grid | undefined, names: TableNames, context: ReportContext): TableSpec[] {
  const columns = trackerColumns(table, grid);
  const rows: SpecRow[] = table.rows
    .filter((r) => r.kind === 'line')
    .map((r) => {
      const cells: Record<string, ReturnType<typeof cellDateOrText>> = {};
      table.columns.forEach((c, i) => {
        cells[columnKey(i)] = columns[i].type === 'date' ? cellDateOrText(grid, r.row, c.col) : cellText(grid, r.row, c.col);
      });
      return { cells };
    });
  const title = table.title ?? 'Audit actions';
  const source = sourceLine([{ sheet: table.sheet, range: rangeToA1(table.range) }], context);
  const counts: SpecRow[] = statusCounts(table, grid).map((c) => ({ cells: { status: c.status, actions: c.actions } }));
  return [
    {
      name: names.name('Panel', 'Audit', 'Actions'),
      title,
      unitNote: 'Each action with its latest status, as recorded in the workbook.',
      unit: '£',
      decimals: 0,
      columns,
      rows,
      totals: [],
      conditionalFormats: [],
      footnotes: [],
      source,
    },
    {
      name: names.name('Panel', 'Audit', 'Status'),
      title: `Actions by status: ${title}`,
      unitNote: 'Number of actions.',
      unit: '£',
      decimals: 0,
      columns: [
        { key: 'status', header: 'Status', type: 'text', minWidth: 18 },
        { key: 'actions', header: 'Actions', type: 'integer', minWidth: 8 },
      ],
      rows: counts,
      totals: [{ cells: { status: 'Total', actions: sumOf(counts, 'actions', 'body') }, style: 'total' }],
      conditionalFormats: [],
      footnotes: [],
      source,
    },
  ];
}

export function buildAuditActionTables(tables: readonly Table[], grids: ReadonlyMap<string, Grid>, names: TableNames, context: ReportContext): TableSpec[] {
  return tables.filter((t) => t.kind === 'audit-actions').flatMap((t) => auditActionTables(t, grids.get(t.sheet), names, context));
}
