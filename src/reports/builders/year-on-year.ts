/** Total commissioning spend by year, with the change on the year before (Rollup sheet and panel report). */
import type { YearOnYear } from '../../analysis/types';
import { citeSource } from '../../model/documents';
import type { CommissioningModel } from '../../model/types';
import type { SpecColumn, SpecRow, TableSpec } from '../spec';
import { listInWords, moneyDisplay, sourceLine, unitNote, type ReportContext, type SourceRange } from './context';

const COLUMNS: readonly SpecColumn[] = [
  { key: 'year', header: 'Year', type: 'text', minWidth: 8 },
  { key: 'total', header: 'Total', type: 'money', minWidth: 10 },
  { key: 'change', header: 'Change', type: 'money', minWidth: 10 },
  { key: 'changePct', header: 'Change %', type: 'percent', minWidth: 9 },
  { key: 'from', header: 'From', type: 'text', minWidth: 10 },
];

/** Where the model's stated totals come from, by the document's title: "January 2020 panel report, para 1.1". */
function modelTotalSources(model: CommissioningModel, years: readonly string[]): string[] {
  const notes: string[] = [];
  for (const t of model.totals) {
    if (!years.includes(t.year)) continue;
    const note = citeSource(model, t.source);
    if (!notes.includes(note)) notes.push(note);
  }
  return notes;
}

export function yearOnYearTable(
  entries: readonly YearOnYear[],
  name: string,
  title: string,
  workbookSources: readonly SourceRange[],
  context: ReportContext,
): TableSpec {
  const display = moneyDisplay(context);
  const rows: SpecRow[] = entries.map((e) => ({
    cells: {
      year: e.year,
      total: e.total,
      change: e.change,
      changePct: e.changePct,
      from: e.source === 'model' ? 'Model' : 'Workbook',
    },
  }));
  const fromModel = entries.filter((e) => e.source === 'model').map((e) => e.year);
  const fromWorkbook = entries.filter((e) => e.source === 'workbook').map((e) => e.year);
  const footnotes: string[] = ['Change is against the year before.'];
  if (fromModel.length > 0) footnotes.push(`${listInWords(fromModel)}: the total the model states (the panel's published figure).`);
  if (fromWorkbook.length > 0) footnotes.push(`${listInWords(fromWorkbook)}: the sum of the workbook's lines, as the model states no total.`);
  const modelNotes = fromModel.length > 0 ? [`model totals (${modelTotalSources(context.model, fromModel).join('; ')})`] : [];
  return {
    name,
    title,
    unitNote: unitNote(display.unit),
    unit: display.unit,
    decimals: display.decimals,
    columns: COLUMNS,
    rows,
    totals: [],
    conditionalFormats: [{ kind: 'negative', column: 'change' }],
    footnotes,
    source: sourceLine(fromWorkbook.length > 0 ? workbookSources : [], context, modelNotes),
  };
}
