/**
 * "Budget lines": the key activities as line-level budget in pounds, with live variance formulas and
 * their cached results. Internally consistent by construction, so a checker should find nothing on it
 * beyond what the seed itself states elsewhere.
 */
import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import type { BudgetLine, ForecastAdjustment } from '../budget-lines';
import type { KeyActivities } from '../key-activities';
import { POUNDS_FORMAT } from '../seed-amount';
import { sourceLine } from '../seed-source';
import { SheetWriter } from '../sheet-writer';

const BUDGET_LINES_SHEET = 'Budget lines';
const BUDGET_LINES_HEADERS = [
  'Ref',
  'Line',
  'Priority area',
  'Funding stream',
  'Programme',
  'Borough',
  'Year',
  'Budget £',
  'Forecast £',
  'Variance £',
] as const;

const BUDGET_COLUMN = 'H';
const FORECAST_COLUMN = 'I';
const AMOUNT_COLUMNS = [7, 8, 9];

function refsBy(lines: readonly BudgetLine[], basis: BudgetLine['streamBasis']): string {
  const byStream = new Map<string, string[]>();
  for (const line of lines.filter((l) => l.streamBasis === basis)) {
    byStream.set(line.fundingStream, [...(byStream.get(line.fundingStream) ?? []), line.ref]);
  }
  return [...byStream].map(([stream, refs]) => `${stream} (${refs.join(', ')})`).join('; ');
}

export function addBudgetLinesSheet(
  workbook: ExcelJS.Workbook,
  lines: readonly BudgetLine[],
  activities: KeyActivities,
  adjustments: readonly ForecastAdjustment[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(BUDGET_LINES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const writer = new SheetWriter(sheet);
  writer.header(BUDGET_LINES_HEADERS, AMOUNT_COLUMNS);
  for (const line of lines) {
    const row = writer.row;
    const variance = new Decimal(line.forecast).minus(line.budget);
    writer.line(
      [
        line.ref,
        line.line,
        line.priorityArea,
        line.fundingStream,
        line.programme ?? null,
        null,
        line.year,
        Number(line.budget),
        Number(line.forecast),
        { formula: `${FORECAST_COLUMN}${row}-${BUDGET_COLUMN}${row}`, result: variance.toNumber() },
      ],
      { numFmts: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, POUNDS_FORMAT, POUNDS_FORMAT, POUNDS_FORMAT] },
    );
  }

  const inferred = activities.priorityAreas
    .flatMap((area) => area.activities)
    .filter((a) => a.streamBasis === 'inferred')
    .map((a) => `${a.ref} ${a.fundingStream}: ${a.basisNote ?? ''}`);
  writer.blank();
  writer.note(
    'Note: one line per key activity bullet in the seed (sheet "Spend by priority area"), in pounds; refs follow the priority areas. Funding streams marked below as illustrative are our choice where the seed does not say.',
  );
  writer.note(`Funding stream stated by the seed's bullet: ${refsBy(lines, 'stated')}.`);
  for (const line of inferred) writer.note(`Funding stream inferred from another seed table: ${line}.`);
  writer.note(`Funding stream illustrative (not stated in the seed): ${refsBy(lines, 'illustrative')}.`);
  for (const adjustment of adjustments) {
    writer.note(`Forecast below budget on ${adjustment.refs.join(', ')}: ${adjustment.description}.`);
  }
  writer.note('Variance £ = Forecast £ − Budget £ (live formula). Lines are London-wide, so Borough is blank.');
  for (const source of activities.sources) writer.note(sourceLine(source, 'Lines and budgets'));
  for (const adjustment of adjustments) writer.note(sourceLine(adjustment.source, `Forecast (${adjustment.id})`));
  writer.fitColumns({ 1: 80 });
  return sheet;
}
