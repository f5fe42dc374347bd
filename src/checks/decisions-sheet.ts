/**
 * Reading decisions from the workbook: the hidden "Workbench decisions" sheet the product writes
 * (reports/builders/decisions.ts lays it out). One row per decision under a header row
 *
 *     Rule | Sheet | Cell | Decision | Reason | Date | Expected | Actual
 *
 * readable by a person who unhides it. Only a sheet the product marked as its own is read; a sheet of
 * that name without the marker, a missing header or a row that cannot be a decision is reported in
 * words, never dropped silently. Pure: grids in, decisions and problems out.
 */
import { excelSerialToDate } from '../sheet/excel-date';
import { parseA1, toA1 } from '../sheet/a1';
import { isErrorValue, type CellValue, type Grid, type GridWorkbook } from '../sheet/grid';
import { DECISIONS_SHEET_NAME } from '../sheet/reserved-sheet-names';
import { decisionKey, type Decision } from './decisions';
import { RULE_IDS, type DecisionKind, type RuleId } from './finding';

/** The columns of the decisions table, in order: their headers are how the reader finds them. */
export const DECISION_COLUMNS = [
  { key: 'rule', header: 'Rule' },
  { key: 'sheet', header: 'Sheet' },
  { key: 'cell', header: 'Cell' },
  { key: 'decision', header: 'Decision' },
  { key: 'reason', header: 'Reason' },
  { key: 'date', header: 'Date' },
  { key: 'expected', header: 'Expected' },
  { key: 'actual', header: 'Actual' },
] as const;
type ColumnKey = (typeof DECISION_COLUMNS)[number]['key'];

/** Columns a decision cannot do without. */
const REQUIRED: readonly ColumnKey[] = ['rule', 'sheet', 'cell', 'decision', 'date'];

export interface DecisionsRead {
  /** The sheet read, as the workbook names it; undefined when the workbook has none of ours. */
  readonly sheet?: string;
  readonly decisions: readonly Decision[];
  /** What could not be read, each with its cell and what was done: "Workbench decisions!A9: …". */
  readonly problems: readonly string[];
}

const OURS = new RegExp(`^${DECISIONS_SHEET_NAME}( \\(\\d+\\))?$`, 'i');

export function readDecisions(workbook: GridWorkbook): DecisionsRead {
  const grid = workbook.sheets.find((g) => g.generated && OURS.test(g.name.trim()));
  const impostor = workbook.sheets.find((g) => !g.generated && g.name.trim().toLowerCase() === DECISIONS_SHEET_NAME.toLowerCase());
  const problems: string[] = [];
  if (impostor) {
    problems.push(
      `The sheet "${impostor.name}" was not made by Commissioning Workbench (it lacks the product's CW_GENERATED_ name), so its rows are not read as decisions.`,
    );
  }
  if (!grid) return { decisions: [], problems };
  const read = readDecisionsSheet(grid);
  return { sheet: grid.name, decisions: read.decisions, problems: [...problems, ...read.problems] };
}

function readDecisionsSheet(grid: Grid): { decisions: Decision[]; problems: string[] } {
  const header = findHeader(grid);
  if (!header) {
    const wanted = REQUIRED.map((key) => DECISION_COLUMNS.find((c) => c.key === key)!.header).join(', ');
    return { decisions: [], problems: [`The "${grid.name}" sheet has no header row with ${wanted}: none of its rows is read as a decision.`] };
  }
  const byKey = new Map<string, Decision>();
  const problems: string[] = [];
  for (const row of grid.rowIndexes()) {
    if (row <= header.row) continue;
    const text = (key: ColumnKey): string => cellText(grid, row, header.columns.get(key));
    if (DECISION_COLUMNS.every((c) => text(c.key) === '')) continue;
    const parsed = parseRow(text, grid.value(row, header.columns.get('date') ?? -1));
    if (typeof parsed === 'string') problems.push(`${grid.name}!${toA1(row, header.columns.get('rule') ?? 0)}: ${parsed}; the row is not used.`);
    // A later row about the same finding replaces an earlier one, as deciding again in the pane does.
    else byKey.set(decisionKey(parsed), parsed);
  }
  return { decisions: [...byKey.values()], problems };
}

/** The first row holding every required header, with the column of each header found. */
function findHeader(grid: Grid): { row: number; columns: Map<ColumnKey, number> } | undefined {
  for (const row of grid.rowIndexes()) {
    const columns = new Map<ColumnKey, number>();
    grid.row(row).forEach((cell, col) => {
      const text = typeof cell?.value === 'string' ? cell.value.trim().toLowerCase() : '';
      const column = DECISION_COLUMNS.find((c) => c.header.toLowerCase() === text);
      if (column && !columns.has(column.key)) columns.set(column.key, col);
    });
    if (REQUIRED.every((key) => columns.has(key))) return { row, columns };
  }
  return undefined;
}

/** A decision, or why the row is not one. */
function parseRow(text: (key: ColumnKey) => string, dateValue: CellValue | null): Decision | string {
  const rule = text('rule');
  if (!(RULE_IDS as readonly string[]).includes(rule)) return rule === '' ? 'no rule is named' : `"${rule}" is not a rule the product checks`;
  const sheet = text('sheet');
  if (sheet === '') return 'no sheet is named';
  const cell = text('cell').toUpperCase().replace(/\$/g, '');
  if (!parseA1(cell)) return `"${text('cell')}" is not a cell address such as B7`;
  const kind = decisionKind(text('decision'));
  if (!kind) return `"${text('decision')}" is not a decision: write Accepted or Ignored`;
  const date = isoDate(dateValue);
  if (!date) return `"${text('date')}" is not a date such as 2020-01-08`;
  const reason = text('reason');
  if (kind === 'accepted' && reason === '') return 'an accepted finding needs a reason';
  const expected = text('expected');
  const actual = text('actual');
  return {
    rule: rule as RuleId,
    sheet,
    cell,
    kind,
    reason,
    date,
    ...(expected !== '' ? { expected } : {}),
    ...(actual !== '' ? { actual } : {}),
  };
}

function decisionKind(text: string): DecisionKind | undefined {
  const word = text.trim().toLowerCase();
  return word === 'accepted' ? 'accepted' : word === 'ignored' ? 'ignored' : undefined;
}

/** YYYY-MM-DD from the text written, or from a date Excel made of it when someone edited the cell. */
function isoDate(value: CellValue | null): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'number' ? excelSerialToDate(value) : undefined;
  if (date) return date.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(value);
  if (!match) return undefined;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === `${match[1]}-${match[2]}-${match[3]}` ? day.toISOString().slice(0, 10) : undefined;
}

function cellText(grid: Grid, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const value = grid.value(row, col);
  if (value === null || isErrorValue(value)) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
