/**
 * percent-mismatch: a per-cent figure that is not the ratio its column states (Variance % = Variance ÷
 * Budget), beyond what showing it to its last digit explains. The ratio comes from the table
 * structure (formulas, else the arithmetic most rows agree on); this rule only reads the cells.
 */
import { type Money, ZERO } from '../../money/decimal';
import { toA1 } from '../../sheet/a1';
import type { Cell } from '../../sheet/grid';
import { ratioText, shownPlaces } from '../../sheet/tables/column-ratios';
import type { AmountCell, Column, ColumnRatio, Table, TableRow } from '../../sheet/tables/types';
import type { Finding } from '../finding';
import { columnTitle, decimalsFor, money, rowName } from '../present';
import type { TableRule } from './rule';
import { defineRule, formulaFix } from './meta';

const percentMismatch = defineRule({
  id: 'percent-mismatch',
  group: 'totals',
  title: 'Percentage that does not match its figures',
  checks:
    'A percentage column (Variance %, change on last year) whose figure in a row is not the ratio its column states, worked out from the same row’s figures, ' +
    'beyond what showing it to its last digit explains.',
  why:
    'Percentages are what readers compare across services and what RAG ratings rest on, so a percentage left over from an earlier version of the figures ' +
    'flags the wrong lines or hides the right ones.',
  fix: 'Replace the typed or stale percentage with the formula `suggestion` holds, so it follows its figures.',
  reportedAt: 'the percentage cell',
  severity: 'error',
  messages: {
    ratio: '{column} for {row} is {stated}, but {ratio} in the same row is {computed} ({numerator} ÷ {denominator}).',
  },
});

export const ratioRuleDefinitions = [percentMismatch] as const;

export const ratioRules: TableRule = (table, ctx) => {
  const grid = ctx.grids.get(table.sheet);
  if (!grid || table.columnRatios.length === 0) return [];
  const column = new Map(table.columns.map((c) => [c.col, c]));
  const findings: Finding[] = [];
  for (const ratio of table.columnRatios) {
    for (const row of table.rows) {
      if (row.kind !== 'line' && row.kind !== 'total') continue;
      const finding = checkRow(table, row, ratio, grid.cell(row.row, ratio.col), column);
      if (finding) findings.push(finding);
    }
  }
  return findings;
};

function checkRow(table: Table, row: TableRow, ratio: ColumnRatio, cell: Cell | undefined, column: ReadonlyMap<number, Column>): Finding | undefined {
  if (typeof cell?.value !== 'number') return undefined;
  const top = figures(row, ratio.adds);
  const less = figures(row, ratio.subtracts);
  const bottom = figures(row, [ratio.denominator]);
  if (!top || !less || !bottom || bottom[0].isZero()) return undefined;
  const numerator = sum(top).minus(sum(less));
  const expected = numerator.times(ratio.scale).div(bottom[0]).toNumber();
  const places = shownPlaces(cell.value, cell.numFmt);
  if (Math.abs(cell.value - expected) <= 0.5 * 10 ** -places + 1e-12) return undefined;
  const percent = (v: number): string => `${(ratio.scale === 100 ? v : v * 100).toFixed(Math.max(1, places - (ratio.scale === 100 ? 0 : 2)))}%`;
  const target = column.get(ratio.col);
  const den = column.get(ratio.denominator);
  const unit = den?.unit ?? '£';
  const fix = formulaFix(`=${ratioFormula(ratio, row.row)}`);
  const place = { sheet: table.sheet, cell: toA1(row.row, ratio.col), expected: String(expected), actual: String(cell.value), ...fix };
  return percentMismatch.report(place, 'ratio', {
    column: columnTitle(target ?? { header: '' }),
    row: rowName(row),
    stated: percent(cell.value),
    ratio: ratioNames(ratio, column),
    computed: percent(expected),
    numerator: money(numerator, unit, decimalsFor(unit, numerator)),
    denominator: money(bottom[0], unit, decimalsFor(unit, bottom[0])),
  });
}

/** "Variance ÷ Budget", "(2023/24 − 2022/23) ÷ 2022/23": the ratio in the columns' own words. */
function ratioNames(ratio: ColumnRatio, column: ReadonlyMap<number, Column>): string {
  const parts = [...ratio.adds, ...ratio.subtracts, ratio.denominator];
  if (parts.some((c) => (column.get(c)?.header ?? '') === '')) return ratioText(ratio);
  return ratioText(ratio, (c) => columnTitle(column.get(c) ?? { header: '' }));
}

function figures(row: TableRow, cols: readonly number[]): Money[] | undefined {
  const out: Money[] = [];
  for (const c of cols) {
    const p = poundsOf(row.amounts.get(c));
    if (!p) return undefined;
    out.push(p);
  }
  return out;
}

function poundsOf(a: AmountCell | undefined): Money | undefined {
  return a?.kind === 'amount' ? a.pounds : undefined;
}

function sum(values: readonly Money[]): Money {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

function ratioFormula(ratio: ColumnRatio, row: number): string {
  const a1 = (c: number): string => toA1(row, c);
  const top = [...ratio.adds.map((c, i) => `${i === 0 ? '' : '+'}${a1(c)}`), ...ratio.subtracts.map((c) => `-${a1(c)}`)].join('');
  const numerator = ratio.adds.length + ratio.subtracts.length > 1 ? `(${top})` : top;
  return `${numerator}/${a1(ratio.denominator)}${ratio.scale === 100 ? '*100' : ''}`;
}
