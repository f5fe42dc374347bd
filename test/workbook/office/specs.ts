/** Table specs for the adapter tests, built by hand so each figure the sheet must show is known here. */
import { Money } from '../../../src/money/decimal';
import type { SheetSpec, SpecRow, TableSpec } from '../../../src/reports/spec';

export const RAGS = ['green', 'amber', 'red'] as const;

export interface RegisterOptions {
  readonly rows: number;
  readonly name?: SheetSpec['name'];
  readonly tableName?: string;
  /** Text for the "organisation" column of row i (default "Organisation <i>"). */
  readonly organisation?: (i: number) => string;
}

export function budgetOf(i: number): Money {
  return new Money(1_000_000 + i * 1_000).plus('0.25');
}

export function actualOf(i: number): Money {
  return new Money(950_000 + i * 1_500);
}

/** A register-like table: text, money, a variance and a percentage as row formulas, RAG, a link, totals. */
export function registerTable(options: RegisterOptions): TableSpec {
  const rows: SpecRow[] = Array.from({ length: options.rows }, (_, i) => ({
    cells: {
      id: `MOPAC-${String(i + 1).padStart(5, '0')}`,
      organisation: options.organisation ? options.organisation(i) : `Organisation ${i + 1}`,
      budget: budgetOf(i),
      actual: actualOf(i),
      variance: { formula: { op: 'minus', a: 'actual', b: 'budget' }, value: actualOf(i).minus(budgetOf(i)) },
      share: { formula: { op: 'percent', a: 'actual', b: 'budget' }, value: actualOf(i).div(budgetOf(i)).times(100) },
      rag: RAGS[i % 3],
      source: { sheet: 'Budget lines', cell: `C${i + 2}`, text: `Budget lines!C${i + 2}` },
    },
  }));
  const budget = rows.reduce((sum, _, i) => sum.plus(budgetOf(i)), new Money(0));
  const actual = rows.reduce((sum, _, i) => sum.plus(actualOf(i)), new Money(0));
  return {
    name: options.tableName ?? 'CW_Register',
    title: 'Contracts and Grants Register',
    unitNote: '£m, 2019/20. Negative figures in brackets.',
    unit: '£m',
    decimals: 1,
    columns: [
      { key: 'id', header: 'Grant id', type: 'text' },
      { key: 'organisation', header: 'Organisation', type: 'text', minWidth: 24 },
      { key: 'budget', header: 'Budget', type: 'money' },
      { key: 'actual', header: 'Actual', type: 'money' },
      { key: 'variance', header: 'Variance', type: 'money' },
      { key: 'share', header: 'Spent %', type: 'percent' },
      { key: 'rag', header: 'RAG', type: 'rag' },
      { key: 'source', header: 'Source', type: 'link' },
    ],
    rows,
    totals: [
      {
        style: 'total',
        cells: {
          id: 'Total',
          budget: { formula: { op: 'sum', rows: 'body' }, value: budget },
          actual: { formula: { op: 'sum', rows: 'body' }, value: actual },
          variance: { formula: { op: 'minus', a: 'actual', b: 'budget' }, value: actual.minus(budget) },
        },
      },
    ],
    conditionalFormats: [
      { kind: 'rag', column: 'rag' },
      { kind: 'negative', column: 'variance' },
    ],
    footnotes: ['Figures may not sum due to rounding.'],
    source: 'Source: Budget lines!A1:J32; model: default; generated 22 November 2026',
  };
}

export function registerSheet(options: RegisterOptions): SheetSpec {
  return { name: options.name ?? 'Register', paragraphs: [{ text: 'Published Q3 2019/20', emphasis: 'strong' }], tables: [registerTable(options)] };
}

/** A rollup by priority area with a chart of its spend. */
export function rollupSheet(areas: readonly string[] = ['Neighbourhood policing', 'Violence against women and girls', 'Youth']): SheetSpec {
  const spend = (i: number): Money => new Money(2_500_000 * (i + 1));
  const rows: SpecRow[] = areas.map((area, i) => ({ cells: { area, spend: spend(i), rag: RAGS[i % 3] } }));
  const total = areas.reduce((sum, _, i) => sum.plus(spend(i)), new Money(0));
  return {
    name: 'Rollup',
    paragraphs: [],
    tables: [
      {
        name: 'CW_RollupByPriorityArea',
        title: 'Spend by priority area',
        unitNote: '£m, 2019/20',
        unit: '£m',
        decimals: 1,
        columns: [
          { key: 'area', header: 'Priority area', type: 'text' },
          { key: 'spend', header: 'Spend', type: 'money' },
          { key: 'rag', header: 'RAG', type: 'rag' },
        ],
        rows,
        totals: [{ style: 'total', cells: { area: 'Total', spend: { formula: { op: 'sum', rows: 'body' }, value: total } } }],
        conditionalFormats: [{ kind: 'dataBar', column: 'spend' }],
        footnotes: [],
        source: 'Source: Spend by priority area!A1:D9',
      },
    ],
    chart: { title: 'Spend by priority area', table: 'CW_RollupByPriorityArea', labelColumn: 'area', valueColumn: 'spend' },
  };
}
