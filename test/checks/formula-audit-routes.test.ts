/**
 * Each formula fault the audit knows, planted in a budget of its own, is found at its cell with its fix
 * by every route a workbook takes: an .xlsx saved with results, the same saved without results (so every
 * figure is calculated here), and the workbook open in Excel (the office.js fake); a clean budget gives
 * no formula finding by any route.
 */
import { inflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/app/read-workbook';
import type { Finding } from '../../src/checks/finding';
import { checkWorkbook } from '../../src/checks/runner';
import { neutralModel } from '../../src/model/neutral';
import { isErrorValue, type CellValue, type GridWorkbook } from '../../src/sheet/grid';
import { calculateFormulas } from '../../src/sheet/formulas/calculate';
import { readGridsFromExcel } from '../../src/workbook/office/read';
import { readXlsxFast } from '../../src/workbook/xlsx/fast/read';
import { gridOf } from '../helpers/grid';
import { withoutSavedResults } from '../helpers/strip-results';
import { fakeExcelHolding } from '../taskpane/excel-from-grids';

type Input = CellValue | null | { f: string; v: CellValue };
const f = (formula: string, v: CellValue): Input => ({ f: formula, v });

interface Fault {
  /** The rule expected; a line left out of a total that holds a figure is also a total that does not add up. */
  readonly rule: string | readonly string[];
  readonly cell: string;
  readonly suggestion?: string;
  readonly rows: readonly (readonly Input[])[];
}

const HEADER = ['Service', 'Budget £', 'Forecast £', 'Variance £'];
/** Budget and forecast of five services; variance = forecast − budget. */
const LINES: [string, number, number][] = [
  ['Victim support', 120_000, 118_500],
  ['Youth diversion', 80_000, 86_250],
  ['Domestic abuse advocates', 245_000, 245_000],
  ['Restorative justice', 60_500, 61_000],
  ['Hate crime reporting', 33_000, 29_750],
  ['Neighbourhood watch', 12_000, 12_400],
];
const LAST = LINES.length + 1;

/** The clean budget: variances and totals as formulas (their saved results are settled below). */
function cleanRows(): Input[][] {
  const rows: Input[][] = [HEADER];
  LINES.forEach(([name, budget, forecast], i) => rows.push([name, budget, forecast, f(`C${i + 2}-B${i + 2}`, 0)]));
  rows.push(['Total', ...['B', 'C', 'D'].map((col) => f(`SUM(${col}2:${col}${LAST})`, 0))]);
  return rows;
}

function withCell(rows: Input[][], address: string, value: Input): Input[][] {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return rows.map((r, i) => (i === row ? r.map((v, c) => (c === col ? value : v)) : r));
}

const FAULTS: Fault[] = [
  // The total's range starts a line late: Victim support (£120,000) is left out.
  { rule: ['formula-range', 'total-mismatch'], cell: 'B8', suggestion: '=SUM(B2:B7)', rows: withCell(cleanRows(), 'B8', f('SUM(B3:B7)', 0)) },
  // The same with the left-out line blank: the figure is right today, the formula is not.
  { rule: 'formula-range', cell: 'B8', suggestion: '=SUM(B2:B7)', rows: withCell(withCell(cleanRows(), 'B2', null), 'B8', f('SUM(B3:B7)', 0)) },
  // A variance typed where the rest of the column are formulas.
  { rule: 'formula-missing', cell: 'D3', suggestion: '=C3-B3', rows: withCell(cleanRows(), 'D3', 6_250) },
  // A variance pointing at the row below, among =Cn-Bn.
  { rule: 'formula-inconsistent', cell: 'D4', suggestion: '=C4-B4', rows: withCell(cleanRows(), 'D4', f('C5-B5', 0)) },
  // A constant plugged into one variance.
  { rule: 'formula-constant', cell: 'D5', suggestion: '=C5-B5', rows: withCell(cleanRows(), 'D5', f('C5-B5+40', 0)) },
  // A budget written as text, which the total's SUM passes over.
  { rule: 'formula-blank-or-text', cell: 'B8', rows: withCell(cleanRows(), 'B3', '80,000') },
  // One budget worked out by a formula among typed budgets.
  { rule: 'formula-among-inputs', cell: 'B4', rows: withCell(cleanRows(), 'B4', f('B3*3.0625', 0)) },
];

/** The rows with every formula's saved result as a spreadsheet would save it (calculation itself is tested against LibreOffice). */
function settled(rows: readonly (readonly Input[])[]): Input[][] {
  const grid = calculateFormulas({ sheets: [gridOf('Budget', rows)], fullCalcOnLoad: true }).sheets[0];
  return rows.map((row, r) => row.map((v, c) => (v !== null && typeof v === 'object' && 'f' in v ? f(v.f, grid.value(r, c) as CellValue) : v)));
}

async function xlsxOf(rows: readonly (readonly Input[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Budget');
  const result = (v: CellValue) => (isErrorValue(v) ? { error: v.code } : v);
  for (const row of rows) sheet.addRow(row.map((v) => (v !== null && typeof v === 'object' && 'f' in v ? { formula: v.f, result: result(v.v) } : v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const read = (bytes: Uint8Array) => readWorkbookFile(bytes, 'budget.xlsx', (data) => readXlsxFast(data, (raw) => inflateRawSync(raw)));

/** The workbook by each route: saved with results, saved without, and open in Excel. */
async function routes(unsettled: readonly (readonly Input[])[]): Promise<[string, GridWorkbook][]> {
  const rows = settled(unsettled);
  const saved = await xlsxOf(rows);
  const inExcel = fakeExcelHolding({ sheets: [gridOf('Budget', rows)] });
  return [
    ['.xlsx with results', await read(saved)],
    ['.xlsx without results', await read(await withoutSavedResults(saved))],
    ['Excel', await readGridsFromExcel(inExcel.runner)],
  ];
}

/** Findings about formulas, and the arithmetic ones a formula fault can show as. */
function formulaFindings(workbook: GridWorkbook): Finding[] {
  return checkWorkbook(workbook, neutralModel()).findings.filter((x) => x.rule.startsWith('formula-') || x.rule.endsWith('-mismatch'));
}

it('a clean budget of formulas gives no formula finding by any route', async () => {
  for (const [route, workbook] of await routes(cleanRows())) expect([route, formulaFindings(workbook)]).toEqual([route, []]);
});

it.each(FAULTS.map((fault) => [String(fault.rule), fault] as const))('%s is found at its cell with its fix by every route', async (_rule, fault) => {
  for (const [route, workbook] of await routes(fault.rows)) {
    const rules = typeof fault.rule === 'string' ? [fault.rule] : fault.rule;
    const found = formulaFindings(workbook);
    // At its cell with its fix; the arithmetic it breaks may be reported too (a variance, a total), no other formula finding.
    const atCell = found.filter((x) => x.cell === fault.cell && rules.includes(x.rule)).map((x) => x.suggestion);
    const others = found.filter((x) => x.rule.startsWith('formula-') && !(x.cell === fault.cell && rules.includes(x.rule))).map((x) => `${x.rule} ${x.cell}`);
    expect([route, atCell, others]).toEqual([route, [fault.suggestion], []]);
  }
});
