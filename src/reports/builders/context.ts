/** What every builder needs besides its data: the model, how to name it, and the day the report is made. */
import type { CommissioningModel } from '../../model/types';
import type { UnitId } from '../../money/units';

export interface ReportContext {
  readonly model: CommissioningModel;
  /** Short: "default", "the model file m.json", "the Model sheet". Goes into every source line. */
  readonly modelDescription: string;
  readonly today: Date;
}

/** A block of cells a table was built from. */
export interface SourceRange {
  readonly sheet: string;
  /** A1 range without the sheet name: "A1:D36". */
  readonly range: string;
}

export interface MoneyDisplay {
  readonly unit: UnitId;
  readonly decimals: number;
}

export function moneyDisplay(context: ReportContext): MoneyDisplay {
  return { unit: context.model.settings.displayUnit, decimals: context.model.settings.displayDecimals };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export function monthName(monthIndex: number): string {
  return MONTH_NAMES[((monthIndex % 12) + 12) % 12];
}

/** "22 November 2026", read in UTC like every other date the engine handles. */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${monthName(date.getUTCMonth())} ${date.getUTCFullYear()}`;
}

/** "Budget lines!A1:J32; LCPF boroughs!A1:D36, A38:B42": ranges grouped by sheet, in the order given. */
function describeRanges(ranges: readonly SourceRange[]): string {
  const bySheet = new Map<string, string[]>();
  for (const { sheet, range } of ranges) {
    const list = bySheet.get(sheet);
    if (list) {
      if (!list.includes(range)) list.push(range);
    } else bySheet.set(sheet, [range]);
  }
  return [...bySheet].map(([sheet, list]) => `${sheet}!${list.join(', ')}`).join('; ');
}

/**
 * "Source: LCPF boroughs!A1:D36; model: default; generated 22 November 2026". `others` names sources
 * that are not cells of the workbook, such as the model's stated totals.
 */
export function sourceLine(ranges: readonly SourceRange[], context: ReportContext, others: readonly string[] = []): string {
  const parts = [...(ranges.length > 0 ? [describeRanges(ranges)] : []), ...others];
  const where = parts.length > 0 ? parts.join('; ') : 'no tables in the workbook';
  return `Source: ${where}; model: ${context.modelDescription}; generated ${longDate(context.today)}`;
}

/** "£m, 2019/20. Negative figures in brackets." */
export function unitNote(unit: UnitId, year?: string): string {
  return `${unit}${year ? `, ${year}` : ''}. Negative figures in brackets.`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
