/**
 * formula-constant: a number typed into arithmetic over cells (=C7-B7+40, =SUM(C5:C9)-1200). Such a
 * "plug" forces a figure to a wanted answer and stays there, unseen, when the cells change. Numbers that
 * scale (=C7*1.2, =C7/1000) or are a function's setting (ROUND(x, 2)) are not plugs.
 */
import { tokenize } from '../../../sheet/formulas/r1c1';
import type { Grid } from '../../../sheet/grid';
import type { Table } from '../../../sheet/tables/types';
import { ZERO } from '../../../money/decimal';
import { decimalFigure, figureMinus, type Figure } from '../../../money/pence';
import type { Finding } from '../../finding';
import { decimalsFor, inUnit, money } from '../../present';
import { defineRule, formulaFix } from '../meta';
import type { TableRule } from '../rule';
import { additiveConstants, significant, withoutTerms, type AdditiveConstant } from './operand-terms';
import { cellName, constantPounds, figureOf, formulaCells, gridFor, type FormulaCell } from './shape-cells';

const PLUG = '{name} is worked out as ={formula}: the {plugs} typed into it {change} what its cells give';
const WITHOUT_IT = ' Without it the figure would be {without}, not {stated}.';
const IN_TOTAL = ', so the total no longer adds up to its lines.';
const IN_LINE = ', so the figure no longer is what its label and the other lines’ formulas say.';
const ADJUSTMENT = ', a fixed adjustment that stays put when the figures change; make sure it is meant and explained.';

const formulaConstant = defineRule({
  id: 'formula-constant',
  group: 'formulas',
  title: 'Number typed into a formula',
  checks:
    'A number added or taken away inside arithmetic over cells (=C7-B7+40, =SUM(C5:C9)-1200): a plug. Numbers that scale (=C7*1.2, =C7/1000), a ' +
    'function’s settings (ROUND(x, 2)) and a constant every line of the column shares (=I17+1 counters) are not plugs.',
  why:
    'A plug forces a figure to a wanted answer and stays there, unseen, when the cells change: a total no longer adds up to its lines, or a line is no ' +
    'longer what its label says, and the next reader cannot tell.',
  fix:
    'Take the number out of the formula (the suggestion is the formula without it). If an adjustment is meant, put it on a line of its own with a label ' +
    'that explains it.',
  reportedAt: 'the formula cell, with the formula without the number as the suggestion',
  severity: 'error',
  otherSeverities: 'warning on a line whose column has other lines with numbers typed in too: a fixed adjustment to confirm, rather than a lone plug',
  messages: {
    inTotal: `${PLUG}${IN_TOTAL}`,
    inTotalWithFigures: `${PLUG}${IN_TOTAL}${WITHOUT_IT}`,
    inLine: `${PLUG}${IN_LINE}`,
    inLineWithFigures: `${PLUG}${IN_LINE}${WITHOUT_IT}`,
    adjustment: `${PLUG}${ADJUSTMENT}`,
    adjustmentWithFigures: `${PLUG}${ADJUSTMENT}${WITHOUT_IT}`,
  },
});

export const constantRuleDefinitions = [formulaConstant] as const;

interface Plugged {
  readonly cell: FormulaCell;
  readonly constants: readonly AdditiveConstant[];
  readonly fixed: string;
}

const CELL_REFERENCES = /\$?[A-Za-z]{1,3}\$?\d{1,7}/g;

/** The constants a formula adds or takes away, none of them zero, and the formula without them. */
export function plugsIn(formula: string): { constants: AdditiveConstant[]; fixed: string } | undefined {
  // Most formulas hold no number but their cell references (=D7-C7): nothing to read token by token.
  if (!/\d/.test(formula.replace(CELL_REFERENCES, ''))) return undefined;
  const tokens = tokenize(formula);
  if (!tokens) return undefined;
  const meaningful = significant(tokens);
  const constants = additiveConstants(meaningful).filter((c) => !(constantPounds(c.text, '£') ?? ZERO).isZero());
  return constants.length === 0 ? undefined : { constants, fixed: withoutTerms(meaningful, constants) };
}

export const constantRules: TableRule = (table, ctx) => {
  const grid = gridFor(table, ctx);
  if (!grid) return [];
  const plugged: Plugged[] = [];
  const linesWithout = new Map<number, number>();
  for (const cell of formulaCells(table, grid, ['line', 'total'])) {
    const plugs = plugsIn(cell.formula);
    if (plugs) plugged.push({ cell, ...plugs });
    else if (cell.row.kind === 'line') linesWithout.set(cell.col.col, (linesWithout.get(cell.col.col) ?? 0) + 1);
  }
  const linesWith = new Map<number, number>();
  for (const p of plugged) if (p.cell.row.kind === 'line') linesWith.set(p.cell.col.col, (linesWith.get(p.cell.col.col) ?? 0) + 1);
  const series = seriesShapes(plugged);
  return plugged.flatMap((p) => {
    const col = p.cell.col.col;
    // A total, or the one line of a column of clean formulas that differs: its figure is no longer what it says.
    const alone = p.cell.row.kind === 'total' || ((linesWithout.get(col) ?? 0) > 0 && linesWith.get(col) === 1);
    if (!alone && series.has(shapeKey(p))) return [];
    return [plugFinding(table, grid, p, alone)];
  });
};

const SERIES = 3;

/** The formula with its references blanked: =I17+1 and =I30+1 (a step over a blank row) are one series. */
function shapeKey(p: Plugged): string {
  return `${p.cell.col.col}|${p.cell.formula.replace(CELL_REFERENCES, '#')}`;
}

/**
 * Shapes that several lines of a column share, constant included (=I17+1 down a column of counters, a
 * fixed uplift on every line): the column's design, not a plug slipped into one figure.
 */
function seriesShapes(plugged: readonly Plugged[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of plugged) if (p.cell.row.kind === 'line') counts.set(shapeKey(p), (counts.get(shapeKey(p)) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= SERIES).map(([key]) => key));
}

function plugFinding(table: Table, grid: Grid, p: Plugged, alone: boolean): Finding {
  const { row, col } = p.cell;
  const unit = col.unit;
  let added = ZERO;
  for (const c of p.constants) added = added.plus((constantPounds(c.text, unit) ?? ZERO).times(c.sign));
  const value = grid.value(row.row, col.col);
  const stated = typeof value === 'number' ? figureOf(value, unit) : undefined;
  const without: Figure | undefined = stated && figureMinus(stated, decimalFigure(added));
  const d = decimalsFor(col, added, ...(stated && without ? [stated, without] : []));
  const one = p.constants.length === 1;
  const verb = `${added.isNegative() ? 'take' : 'add'}${one ? 's' : ''}`;
  const data = {
    name: cellName(row, col),
    formula: p.cell.formula,
    plugs: one ? p.constants[0].text : `numbers ${p.constants.map((c) => c.text).join(' and ')}`,
    change: `${verb} ${money(added.abs(), unit, d)} ${added.isNegative() ? 'away from' : 'to'}`,
  };
  const kind = alone ? (row.kind === 'total' ? 'inTotal' : 'inLine') : 'adjustment';
  const place = { sheet: table.sheet, cell: p.cell.address, severity: alone ? ('error' as const) : ('warning' as const), ...formulaFix(`=${p.fixed}`) };
  if (!stated || !without) return formulaConstant.report(place, kind, data);
  const figures = { expected: inUnit(without, unit), actual: inUnit(stated, unit), unit, decimals: d };
  return formulaConstant.report({ ...place, ...figures }, `${kind}WithFigures`, { ...data, without: money(without, unit, d), stated: money(stated, unit, d) });
}
