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
import type { TableRule } from '../rule';
import { additiveConstants, significant, withoutTerms, type AdditiveConstant } from './operand-terms';
import { cellName, constantPounds, figureOf, formulaCells, gridFor, type FormulaCell } from './shape-cells';

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
  const d = decimalsFor(unit, added, ...(stated && without ? [stated, without] : []));
  const what =
    p.constants.length === 1 ? `the ${p.constants[0].text} typed into it` : `the numbers ${p.constants.map((c) => c.text).join(' and ')} typed into it`;
  const s = p.constants.length === 1 ? 's' : '';
  const effect = `${added.isNegative() ? `take${s}` : `add${s}`} ${money(added.abs(), unit, d)} ${added.isNegative() ? 'away from' : 'to'} what its cells give`;
  const outcome = stated && without ? ` Without it the figure would be ${money(without, unit, d)}, not ${money(stated, unit, d)}.` : '';
  const why = alone
    ? `so ${row.kind === 'total' ? 'the total no longer adds up to its lines' : 'the figure no longer is what its label and the other lines’ formulas say'}`
    : 'a fixed adjustment that stays put when the figures change; make sure it is meant and explained';
  return {
    rule: 'formula-constant',
    severity: alone ? 'error' : 'warning',
    sheet: table.sheet,
    cell: p.cell.address,
    message: `${cellName(row, col)} is worked out as =${p.cell.formula}: ${what} ${effect}, ${why}.${outcome}`,
    ...(stated && without ? { expected: inUnit(without, unit), actual: inUnit(stated, unit), unit } : {}),
    suggestion: `=${p.fixed}`,
  };
}
