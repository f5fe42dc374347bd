/** Conditional formats of a written table (RAG fills, red negatives, data bars) and the .xlsx stand-in for a chart. */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../sheet/a1';
import { isFormulaValue, type ConditionalFormat } from '../../reports/spec';
import { isMoney } from '../layout/cells';
import { SheetSpecError } from '../layout/errors';
import type { SheetPlan, TablePlan } from '../layout/plan';
import { DATA_BAR_COLOUR } from '../layout/looks';
import { NEGATIVE_FONT, RAG_LOOKS } from './write-styles';

/**
 * The table's formats, plus RAG colours for every RAG column that has none. RAG and negatives cover
 * the body and total rows; data bars only the body, where a total would dwarf the bars.
 */
export function addConditionalFormats(worksheet: ExcelJS.Worksheet, table: TablePlan, nextPriority: () => number): void {
  const { spec } = table;
  const formats: ConditionalFormat[] = [...spec.conditionalFormats];
  for (const column of spec.columns) {
    if (column.type === 'rag' && !formats.some((f) => f.kind === 'rag' && f.column === column.key)) {
      formats.push({ kind: 'rag', column: column.key });
    }
  }
  const firstBody = table.headerRow + 1;
  const lastBody = table.headerRow + table.tableDataRows;
  const lastWithTotals = Math.max(lastBody, ...table.totalRows);
  const done = new Set<string>();
  for (const format of formats) {
    const key = `${format.kind}:${format.column}`;
    if (done.has(key)) continue;
    done.add(key);
    const index = table.columnOf.get(format.column);
    if (index === undefined) {
      throw new SheetSpecError(`a conditional format in table "${spec.name}" names "${format.column}", which is not one of its columns`);
    }
    const letter = columnLetters(index);
    switch (format.kind) {
      case 'rag':
        worksheet.addConditionalFormatting({
          ref: `${letter}${firstBody + 1}:${letter}${lastWithTotals + 1}`,
          rules: RAG_LOOKS.map((look) => ({
            type: 'expression',
            priority: nextPriority(),
            formulae: [`$${letter}${firstBody + 1}="${look.text}"`],
            style: { fill: look.fill, font: look.font },
          })),
        });
        break;
      case 'negative':
        worksheet.addConditionalFormatting({
          ref: `${letter}${firstBody + 1}:${letter}${lastWithTotals + 1}`,
          rules: [{ type: 'cellIs', priority: nextPriority(), operator: 'lessThan', formulae: ['0'], style: { font: NEGATIVE_FONT } }],
        });
        break;
      case 'dataBar':
        worksheet.addConditionalFormatting({
          ref: `${letter}${firstBody + 1}:${letter}${lastBody + 1}`,
          rules: [
            {
              type: 'dataBar',
              priority: nextPriority(),
              // gradient: a plain Excel 2007 data bar, which every reader draws (no x14 extension).
              gradient: true,
              // Bars measured from zero, as a bar chart's are, unless there are negatives to show.
              cfvo: [hasNegative(table, format.column) ? { type: 'min' } : { type: 'num', value: 0 }, { type: 'max' }],
              color: { argb: DATA_BAR_COLOUR },
            } as ExcelJS.DataBarRuleType,
          ],
        });
        break;
    }
  }
}

function hasNegative(table: TablePlan, key: string): boolean {
  return table.spec.rows.some((row) => {
    const value = row.cells[key] ?? null;
    const amount = isFormulaValue(value) ? value.value : value;
    return isMoney(amount) ? amount.isNegative() && !amount.isZero() : typeof amount === 'number' && amount < 0;
  });
}

/** Adds the chart's stand-in to its table's conditional formats: data bars on the value column. */
export function withChartDataBars(plan: SheetPlan): SheetPlan {
  const chart = plan.spec.chart;
  if (!chart) return plan;
  const target = plan.tables.find((t) => t.spec.name === chart.table);
  if (!target) throw new SheetSpecError(`the chart "${chart.title}" plots table "${chart.table}", which is not on sheet "${plan.spec.name}"`);
  if (!target.columnOf.has(chart.valueColumn)) {
    throw new SheetSpecError(`the chart "${chart.title}" plots "${chart.valueColumn}", which is not a column of table "${chart.table}"`);
  }
  if (target.spec.conditionalFormats.some((f) => f.kind === 'dataBar' && f.column === chart.valueColumn)) return plan;
  const spec = { ...target.spec, conditionalFormats: [...target.spec.conditionalFormats, { kind: 'dataBar' as const, column: chart.valueColumn }] };
  return { ...plan, tables: plan.tables.map((t) => (t === target ? { ...t, spec } : t)) };
}
