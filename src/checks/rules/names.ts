/** Names the model does not know, with the closest known name when one is close; and years that are not fiscal years. */
import { appendAll } from '../../util/append';
import { yearAsWritten } from '../../sheet/tables/cell-text';
import { toA1 } from '../../sheet/a1';
import type { Column, DimensionRole, Table } from '../../sheet/tables/types';
import { parseFiscalYear } from '../../money/fiscal-year';
import type { NameIndex } from '../../model/names';
import type { Finding } from '../finding';
import type { CheckContext } from '../context';
import type { ModelNames } from '../../model/model-names';
import { withoutParenthetical } from '../../model/model-names';
import type { TableRule } from './rule';
import type { CellValue, Grid } from '../../sheet/grid';
import { valueFix } from './meta';
import { invalidYear, unknownBorough, unknownFundingStream, unknownPriorityArea, unknownProgramme } from './names.meta';

interface NameRule {
  readonly rule: typeof unknownPriorityArea;
  readonly index: (names: ModelNames) => NameIndex<{ name: string }>;
}

const NAME_RULES: Partial<Record<DimensionRole, NameRule>> = {
  'priority-area': { rule: unknownPriorityArea, index: (n) => n.priorityAreas },
  'funding-stream': { rule: unknownFundingStream, index: (n) => n.fundingStreams },
  programme: { rule: unknownProgramme, index: (n) => n.programmes },
  borough: { rule: unknownBorough, index: (n) => n.boroughs },
};

export const nameRules: TableRule = (table, ctx) => {
  const grid = ctx.grids.get(table.sheet);
  if (!grid) return [];
  const findings: Finding[] = [];
  for (const col of table.columns) {
    if (!col.declared) continue; // only columns whose header names the dimension: never a guess
    if (col.role === 'year') appendAll(findings, yearFindings(table, grid, col));
    const spec = NAME_RULES[col.role as DimensionRole];
    if (spec) appendAll(findings, unknownNames(table, grid, col, spec, ctx));
  }
  return findings;
};

/** A column's distinct names, each judged once: a name column holds a handful over many lines. */
interface NameJudgement {
  readonly known: boolean;
  /** The closest known name, for a name that is not known. */
  readonly suggestion?: string;
}

function judgeName(value: string, index: NameIndex<{ name: string }>): NameJudgement {
  const text = value.trim();
  if (text === '' || index.resolve(text) !== undefined || index.resolve(withoutParenthetical(text)) !== undefined) return { known: true };
  const suggestion = index.closest(text)?.entry.name;
  return suggestion === undefined ? { known: false } : { known: false, suggestion };
}

/**
 * A column is one of the model's dimensions only where most of its names are the model's, or near misses
 * of them. A column of places or organisations that merely shares a header ("Local authority" over every
 * council in England, a handful of them London boroughs) is not questioned name by name.
 */
function isModelDimension(judgements: ReadonlyMap<string, NameJudgement>): boolean {
  let ours = 0;
  let named = 0;
  for (const [value, judgement] of judgements) {
    if (value.trim() === '') continue;
    named++;
    if (judgement.known || judgement.suggestion !== undefined) ours++;
  }
  return named > 0 && ours * 2 > named;
}

function unknownNames(table: Table, grid: Grid, col: Column, spec: NameRule, ctx: CheckContext): Finding[] {
  const index = spec.index(ctx.names);
  const judgements = new Map<string, NameJudgement>();
  const unknownCells: { row: number; value: string }[] = [];
  let lastValue: string | undefined;
  for (const row of table.rows) {
    if (row.kind !== 'line') continue;
    const value = grid.row(row.row)[col.col]?.value;
    // Lines sorted or grouped by a name repeat the same one row after row.
    if (typeof value !== 'string' || value === lastValue) continue;
    let judgement = judgements.get(value);
    if (!judgement) judgements.set(value, (judgement = judgeName(value, index)));
    // Each line with an unknown name is reported at its cell; a run of the same known name is judged once.
    if (judgement.known) lastValue = value;
    else unknownCells.push({ row: row.row, value });
  }
  if (!isModelDimension(judgements)) return [];
  const findings: Finding[] = [];
  for (const { row, value } of unknownCells) {
    const judgement = judgements.get(value) as NameJudgement;
    const text = value.trim();
    const suggestion = judgement.suggestion;
    const place = { sheet: table.sheet, cell: toA1(row, col.col), actual: text };
    if (suggestion) findings.push(spec.rule.report({ ...place, ...valueFix(suggestion) }, 'closest', { name: text, suggestion }));
    else findings.push(spec.rule.report(place, 'noneClose', { name: text }));
  }
  return findings;
}

/** A year without its note references and GSS revised or provisional mark: "2020/21r [Note 16]" → "2020/21". */
function isCalendarYear(value: unknown): boolean {
  return /^(19|20)\d\d$/.test(String(value).trim());
}

/** Which lines are in a run of three or more calendar years, one after another. */
function calendarRuns(calendar: readonly boolean[]): boolean[] {
  const inRun = calendar.map(() => false);
  for (let start = 0; start < calendar.length;) {
    let end = start;
    while (end < calendar.length && calendar[end]) end++;
    if (end - start >= 3) for (let k = start; k < end; k++) inRun[k] = true;
    start = Math.max(end, start + 1);
  }
  return inRun;
}

/** What a year column's value is, judged once per distinct value: a column holds a handful over many lines. */
interface YearJudgement {
  readonly filled: boolean;
  readonly calendar: boolean;
  /** Valid as a fiscal year; parsed when first needed. */
  parsed?: ReturnType<typeof parseFiscalYear>;
}

function judgeYear(v: CellValue | null): YearJudgement {
  return { filled: v !== null && !(typeof v === 'string' && v.trim() === ''), calendar: isCalendarYear(v) };
}

function yearFindings(table: Table, grid: Grid, col: Column): Finding[] {
  const findings: Finding[] = [];
  // A column of calendar years (1981, 1982 … as statistics tables run) is not a column of mistyped fiscal
  // years: a lone year is questioned only where most of the column writes fiscal years.
  // So is a run of calendar years (1974 … 1985, then 1986/87 on, where a series changed basis).
  const lines = table.rows.filter((r) => r.kind === 'line');
  const values: (CellValue | null)[] = [];
  const judgements: YearJudgement[] = [];
  const calendarYears: boolean[] = [];
  let filledCount = 0;
  let calendarCount = 0;
  const judged = new Map<unknown, YearJudgement>();
  for (const r of lines) {
    const v = grid.value(r.row, col.col);
    let judgement = judged.get(v);
    if (!judgement) judged.set(v, (judgement = judgeYear(v)));
    values.push(v);
    judgements.push(judgement);
    calendarYears.push(judgement.calendar);
    if (judgement.filled) filledCount++;
    if (judgement.calendar) calendarCount++;
  }
  const calendar = calendarCount * 2 >= filledCount;
  const inRun = calendarRuns(calendarYears);
  for (let k = 0; k < lines.length; k++) {
    const judgement = judgements[k];
    if (!judgement.filled || ((calendar || inRun[k]) && judgement.calendar)) continue;
    const value = values[k];
    if (judgement.parsed === undefined && (typeof value === 'string' || typeof value === 'number')) {
      judgement.parsed = parseFiscalYear(typeof value === 'string' ? yearAsWritten(value) : value);
    }
    const parsed = judgement.parsed;
    if (parsed?.kind === 'year') continue;
    const row = lines[k];
    const text =
      value instanceof Date ? value.toISOString().slice(0, 10) : String(typeof value === 'object' ? ((value as { code?: string }).code ?? '') : value);
    const place = { sheet: table.sheet, cell: toA1(row.row, col.col), actual: text };
    if (parsed?.kind === 'invalid') findings.push(invalidYear.report(place, 'invalid', { year: text, reason: parsed.reason }));
    else findings.push(invalidYear.report(place, 'notAYear', { year: text }));
  }
  return findings;
}
