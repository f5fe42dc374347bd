/**
 * The command line's text rollup and the Rollup sheet show the same figures: rows, subtotals and total,
 * rounded the same way, for two dimensions as for one.
 */
import type { Dimension } from '../../src/analysis/types';
import { rollUp } from '../../src/app/report';
import { checkWorkbook } from '../../src/checks/runner';
import { renderRollup } from '../../src/cli/commands/rollup';
import { defaultModel } from '../../src/model/json';
import type { ModelInEffect, RoundingPolicy } from '../../src/model/types';
import { Money, ZERO } from '../../src/money/decimal';
import { formatAmount } from '../../src/money/format';
import { numericValue } from '../../src/reports/builders/formulas';
import { buildRollupSheet } from '../../src/reports/builders/rollup';
import type { SpecRow, TableSpec } from '../../src/reports/spec';
import { gridOf } from '../helpers/grid';

const TODAY = new Date(Date.UTC(2026, 10, 22));
const CHILDREN = 'Keeping Children and Young People Safe';
const JUSTICE = 'A Better Criminal Justice Service';
const POLICING = 'A Better Policing Service for London';

// Five lines of £1.04m: each shows as £1.0m, their £5.2m total does not, so largest remainder moves two.
const workbook = {
  sheets: [
    gridOf('Budget lines', [
      ['Ref', 'Line', 'Priority area', 'Funding stream', 'Year', 'Budget £', 'Forecast £'],
      ['A1', 'Line A1', CHILDREN, 'MOPAC core', '2019/20', 1_040_000, 1_030_000],
      ['A2', 'Line A2', CHILDREN, 'London Crime Prevention Fund', '2019/20', 1_040_000, 1_060_000],
      ['A3', 'Line A3', JUSTICE, 'MOPAC core', '2019/20', 1_040_000, 1_000_000],
      ['A4', 'Line A4', JUSTICE, 'London Crime Prevention Fund', '2019/20', 1_040_000, 1_050_000],
      ['A5', 'Line A5', POLICING, 'MOPAC core', '2019/20', 1_040_000, 1_040_000],
    ]),
  ],
};
const inEffect: ModelInEffect = { model: defaultModel(), origin: { kind: 'default' } };
const { tables } = checkWorkbook(workbook, inEffect.model, { today: TODAY });

function both(by: readonly Dimension[], rounding: RoundingPolicy): { text: string; table: TableSpec } {
  const rollup = rollUp(workbook, inEffect, by, tables);
  const [table] = buildRollupSheet(rollup, { model: inEffect.model, modelDescription: 'default', today: TODAY }, { rounding }).tables;
  return { text: renderRollup('budget.xlsx', inEffect, rollup, rounding), table: table };
}

/** The text table's lines: from the headings to the blank line after the total. */
function tableLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Priority area'));
  return lines.slice(start + 1, lines.indexOf('', start));
}

/** The figures of a text line, in order: money and per cents. */
function figuresOf(line: string): string[] {
  return line.match(/\(?£[\d,.]+m\)?|-?\d+\.\d%/g) ?? [];
}

/** The same figures of a sheet row, shown as the sheet's number formats show them. */
function sheetFigures(row: SpecRow, table: TableSpec): string[] {
  const shown: string[] = [];
  for (const column of table.columns) {
    const value = numericValue(row.cells[column.key] ?? null);
    if (value === null) continue;
    if (column.type === 'money') shown.push(formatAmount(value, { unit: table.unit, decimals: table.decimals }));
    if (column.type === 'percent') shown.push(`${value.toDecimalPlaces(1).toFixed(1)}%`);
  }
  return shown;
}

/** A row's name in the first dimension's column: always text in a rollup sheet. */
function nameIn(row: SpecRow, first: string): string {
  const name = row.cells[first];
  if (typeof name !== 'string') throw new Error(`expected a name in column ${first}, found ${JSON.stringify(name)}`);
  return name;
}

/** The sheet's rows in the text's order: each subtotal under its rows, then the total. */
function sheetInTextOrder(table: TableSpec, first: string): { label: string; row: SpecRow }[] {
  const out: { label: string; row: SpecRow }[] = [];
  for (const sub of table.totals.filter((r) => r.style === 'subtotal')) {
    for (const row of table.rows.filter((r) => r.cells[first] === sub.cells[first])) out.push({ label: nameIn(row, first), row });
    out.push({ label: `Subtotal ${nameIn(sub, first)}`, row: sub });
  }
  if (out.length === 0) for (const row of table.rows) out.push({ label: nameIn(row, first), row });
  out.push({ label: 'Total', row: table.totals.find((r) => r.style === 'total')! });
  return out;
}

describe.each<[string, Dimension[]]>([
  ['one dimension', ['priority-area']],
  ['two dimensions', ['priority-area', 'funding-stream']],
])('the text rollup and the Rollup sheet, by %s', (_, by) => {
  it.each<RoundingPolicy>(['as-stated', 'largest-remainder'])('show the same figures on every row, subtotal and total (%s)', (rounding) => {
    const { text, table } = both(by, rounding);
    const lines = tableLines(text);
    const expected = sheetInTextOrder(table, by[0]);
    expect(lines).toHaveLength(expected.length);
    expected.forEach(({ label, row }, i) => {
      expect(lines[i].startsWith(label)).toBe(true);
      expect(figuresOf(lines[i])).toEqual(sheetFigures(row, table));
    });
    // The rounding notes are the sheet's.
    for (const note of table.footnotes.filter((n) => /rounded|may not sum/.test(n))) expect(text).toContain(note);
  });
});

describe('largest-remainder rounding by two dimensions', () => {
  it('rounds every row so that the budgets shown add up to each subtotal and to the total shown', () => {
    const { text } = both(['priority-area', 'funding-stream'], 'largest-remainder');
    const lines = tableLines(text);
    const budgetOf = (line: string): Money => new Money(figuresOf(line)[0].replace(/[£m,()]/g, ''));
    let group = ZERO;
    let all = ZERO;
    for (const line of lines) {
      if (line.startsWith('Subtotal')) {
        expect(budgetOf(line).eq(group)).toBe(true);
        group = ZERO;
      } else if (line.startsWith('Total')) {
        expect(budgetOf(line).toString()).toBe('5.2');
        expect(all.toString()).toBe('5.2');
      } else {
        group = group.plus(budgetOf(line));
        all = all.plus(budgetOf(line));
      }
    }
    // Rounded figure by figure, as the text did before, the five lines show £5.0m against a total of £5.2m.
    expect(text).toMatch(/Figures rounded so that they add up \(largest remainder\); .+ moved by £0\.1m\./);
  });
});
