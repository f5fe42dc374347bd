/** The register in brief for the panel: records and amounts by type, and how many are rated red, amber or green. */
import type { RegisterRecord } from '../register-records';
import type { SpecRow, TableSpec } from '../spec';
import { sourceLine, type ReportContext, type SourceRange } from './context';
import { sumOf } from './formulas';
import { ragWord, totalsByType } from './register';
import type { TableNames } from './table-names';

const NOT_RATED = '(not rated)';
const RAG_ORDER = ['red', 'amber', 'green'];

function ragCounts(records: readonly RegisterRecord[]): { rating: string; records: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    const rating = ragWord(r.rag) || NOT_RATED;
    counts.set(rating, (counts.get(rating) ?? 0) + 1);
  }
  const rank = (rating: string): number => (RAG_ORDER.includes(rating) ? RAG_ORDER.indexOf(rating) : rating === NOT_RATED ? 4 : 3);
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([rating, n]) => ({ rating, records: n }));
}

export function registerSummaryTables(
  records: readonly RegisterRecord[],
  sources: readonly SourceRange[],
  names: TableNames,
  context: ReportContext,
): TableSpec[] {
  const source = sourceLine(sources, context);
  const byType: SpecRow[] = totalsByType(records).map((t) => ({ cells: { type: t.type, records: t.records, amount: t.amount } }));
  const byRag: SpecRow[] = ragCounts(records).map((c) => ({ cells: { rating: c.rating, records: c.records } }));
  const decimals = records.some((r) => r.amount !== undefined && !r.amount.isInteger()) ? 2 : 0;
  return [
    {
      name: names.name('Panel', 'Register', 'By', 'Type'),
      title: 'Contracts and grants register: records by type',
      unitNote: '£. Negative figures in brackets.',
      unit: '£',
      decimals,
      columns: [
        { key: 'type', header: 'Type', type: 'text', minWidth: 12 },
        { key: 'records', header: 'Records', type: 'integer', minWidth: 8 },
        { key: 'amount', header: 'Amount', type: 'money', minWidth: 14 },
      ],
      rows: byType,
      totals: [{ cells: { type: 'Total', records: sumOf(byType, 'records', 'body'), amount: sumOf(byType, 'amount', 'body') }, style: 'total' }],
      conditionalFormats: [],
      footnotes: ['The full register is on the Register sheet.'],
      source,
    },
    {
      name: names.name('Panel', 'Register', 'By', 'Performance'),
      title: 'Contracts and grants register: performance',
      unitNote: 'Number of contracts and grants by their latest performance rating (RAG).',
      unit: '£',
      decimals: 0,
      columns: [
        { key: 'rating', header: 'Performance (RAG)', type: 'rag', minWidth: 12 },
        { key: 'records', header: 'Records', type: 'integer', minWidth: 8 },
      ],
      rows: byRag,
      totals: [{ cells: { rating: 'Total', records: sumOf(byRag, 'records', 'body') }, style: 'total' }],
      conditionalFormats: [{ kind: 'rag', column: 'rating' }],
      footnotes: [],
      source,
    },
  ];
}
