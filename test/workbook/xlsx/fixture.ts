/**
 * A hand-made Rollup sheet spec, shaped like a panel appendix table: money columns in £m, a variance
 * (minus) and a variance % (percent) per row, sections, subtotals over listed rows, a total over the
 * body, RAG, links to the budget lines, negatives, a footnote, a source line and paragraphs; and a
 * second table whose text is formula-like, to show it lands as text. Every formula's figure is worked
 * out here with Money, as the engine would.
 */
import * as path from 'path';
import { Money } from '../../../src/money/decimal';
import type { SheetSpec, SpecRow, SpecValue, TableSpec } from '../../../src/reports/spec';

export const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');

interface Line {
  readonly area: string;
  readonly budget: string;
  readonly forecast: string;
  readonly budgetRow: number;
}

const PRIORITY_LINES: readonly Line[] = [
  { area: 'Neighbourhood policing', budget: '12345678.91', forecast: '12100000.09', budgetRow: 7 },
  { area: 'Keeping children and young people safe', budget: '8765432.10', forecast: '9000000.55', budgetRow: 8 },
  { area: 'Tackling violence against women and girls', budget: '4500000', forecast: '4250000.25', budgetRow: 9 },
];
const OTHER_LINES: readonly Line[] = [
  { area: 'Criminal justice', budget: '0', forecast: '150000', budgetRow: 12 },
  { area: 'Standards in the police', budget: '-250000.5', forecast: '-300000.75', budgetRow: 13 },
];

export const FORMULA_LIKE_TEXTS = ['=HYPERLINK("http://example.com","click")', '+1', '-2', '@SUM(A1)'] as const;
export const FORMULA_LIKE_LINK_TEXT = '=1+1';

export function ragOf(variancePct: Money | null): string {
  if (variancePct === null) return '';
  const size = variancePct.abs();
  return size.lte(2) ? 'green' : size.lte(5) ? 'amber' : 'red';
}

function percentOf(a: Money, b: Money): Money | null {
  return b.isZero() ? null : a.div(b).times(100);
}

function lineRow(line: Line): SpecRow {
  const budget = new Money(line.budget);
  const forecast = new Money(line.forecast);
  const variance = forecast.minus(budget);
  const pct = percentOf(variance, budget);
  return {
    cells: {
      area: line.area,
      budget,
      forecast,
      variance: { formula: { op: 'minus', a: 'forecast', b: 'budget' }, value: variance },
      variancePct: { formula: { op: 'percent', a: 'variance', b: 'budget' }, value: pct },
      rag: ragOf(pct),
      line: { sheet: 'Budget lines', cell: `B${line.budgetRow}`, text: `Budget lines!B${line.budgetRow}` },
    },
  };
}

function totalRow(label: string, style: 'subtotal' | 'total', lines: readonly Line[], rows: 'body' | number[]): SpecRow {
  const budget = lines.reduce((sum, l) => sum.plus(l.budget), new Money(0));
  const forecast = lines.reduce((sum, l) => sum.plus(l.forecast), new Money(0));
  const variance = forecast.minus(budget);
  const pct = percentOf(variance, budget);
  const cells: Record<string, SpecValue> = {
    area: label,
    budget: { formula: { op: 'sum', rows }, value: budget },
    forecast: { formula: { op: 'sum', rows }, value: forecast },
    variance: { formula: { op: 'minus', a: 'forecast', b: 'budget' }, value: variance },
    variancePct: { formula: { op: 'percent', a: 'variance', b: 'budget' }, value: pct },
    rag: ragOf(pct),
  };
  return { cells, style };
}

export const ROLLUP_TABLE: TableSpec = {
  name: 'CW_TestRollup',
  title: 'Spend by priority area, 2019/20',
  unitNote: '£m, 2019/20. Negative figures in brackets.',
  unit: '£m',
  decimals: 1,
  columns: [
    { key: 'area', header: 'Priority area', type: 'text' },
    { key: 'budget', header: 'Budget', type: 'money' },
    { key: 'forecast', header: 'Forecast', type: 'money' },
    { key: 'variance', header: 'Variance', type: 'money' },
    { key: 'variancePct', header: 'Variance %', type: 'percent' },
    { key: 'rag', header: 'RAG', type: 'rag' },
    { key: 'line', header: 'Budget line', type: 'link', minWidth: 12 },
  ],
  // Body indexes: 0 section, 1-3 priority lines, 4 section, 5-6 other lines.
  rows: [
    { cells: { area: 'Police and Crime Plan priorities' }, style: 'section' },
    ...PRIORITY_LINES.map(lineRow),
    { cells: { area: 'Other commissioning' }, style: 'section' },
    ...OTHER_LINES.map(lineRow),
  ],
  totals: [
    totalRow('Priorities', 'subtotal', PRIORITY_LINES, [1, 2, 3]),
    totalRow('Other', 'subtotal', OTHER_LINES, [5, 6]),
    totalRow('Total', 'total', [...PRIORITY_LINES, ...OTHER_LINES], 'body'),
  ],
  conditionalFormats: [
    { kind: 'rag', column: 'rag' },
    { kind: 'negative', column: 'variance' },
    { kind: 'dataBar', column: 'forecast' },
  ],
  footnotes: ['Figures may not sum due to rounding.'],
  source: 'Source: Budget lines!A1:J32; model: default; generated 22 November 2026',
};

export const NOTES_TABLE: TableSpec = {
  name: 'CW_TestNotes',
  title: 'Notes from the data',
  unitNote: 'Text exactly as found in the workbook.',
  unit: '£m',
  decimals: 1,
  columns: [
    { key: 'note', header: 'Note', type: 'text' },
    { key: 'count', header: 'Lines', type: 'integer' },
    { key: 'due', header: 'Due', type: 'date' },
    { key: 'where', header: 'Where', type: 'link' },
  ],
  rows: [
    ...FORMULA_LIKE_TEXTS.map((note, i) => ({
      cells: { note, count: 1200 + i, due: new Date(Date.UTC(2020, 0, 8 + i)), where: null },
    })),
    { cells: { note: 'A link whose text starts with =', count: 1, due: null, where: { sheet: 'Audit actions', cell: 'A2', text: FORMULA_LIKE_LINK_TEXT } } },
  ],
  totals: [],
  conditionalFormats: [],
  footnotes: [],
  source: 'Source: hand-made test data',
};

export const ROLLUP_SHEET: SheetSpec = {
  name: 'Rollup',
  paragraphs: [
    { text: '3 errors open: not ready for the panel', emphasis: 'warning' },
    { text: 'Forecast against budget by Police and Crime Plan priority area.' },
  ],
  tables: [ROLLUP_TABLE, NOTES_TABLE],
  // Same column as the table's own data bars: they must not be doubled.
  chart: { title: 'Forecast by priority area', table: 'CW_TestRollup', labelColumn: 'area', valueColumn: 'forecast' },
};

/** The figure a formula cell must show, by table, row and column key. */
export function formulaFigures(table: TableSpec): { row: SpecRow; rowIndex: number; inTotals: boolean; key: string; figure: Money | null }[] {
  const found: { row: SpecRow; rowIndex: number; inTotals: boolean; key: string; figure: Money | null }[] = [];
  const visit = (rows: readonly SpecRow[], inTotals: boolean) =>
    rows.forEach((row, rowIndex) => {
      for (const [key, value] of Object.entries(row.cells)) {
        if (value !== null && typeof value === 'object' && 'formula' in value) found.push({ row, rowIndex, inTotals, key, figure: value.value });
      }
    });
  visit(table.rows, false);
  visit(table.totals, true);
  return found;
}
