/**
 * formula-blank-or-text: arithmetic over cells that hold no figure. SUM passes over text, so a figure
 * typed as text ("1,200") is silently left out; + and − over words give #VALUE! when recalculated; and a
 * blank cell in arithmetic is taken as zero. Each reads as a figure on the sheet that is not what it says.
 * Conservative by design: a false alarm costs a reviewer's trust more than a missed finding.
 */
import { parseA1, toA1 } from '../../../sheet/a1';
import { isBlankCell, isErrorValue, type Grid } from '../../../sheet/grid';
import { refArea, tokenize } from '../../../sheet/formulas/r1c1';
import type { Table, TableRow } from '../../../sheet/tables/types';
import { ZERO, type Money } from '../../../money/decimal';
import { decimalFigure, ExactSum } from '../../../money/pence';
import { parseAmount } from '../../../money/parse';
import type { CheckContext } from '../../context';
import type { Finding } from '../../finding';
import { decimalsFor, inUnit, money } from '../../present';
import { defineRule } from '../meta';
import type { TableRule } from '../rule';
import { referenceUses, significant, type RefUse } from './operand-terms';
import { cellName, figureOf, forEachCellIn, formulaCells, gridFor, sheetNamed, type FormulaCell } from './shape-cells';

const WORKED_OUT = '{name} is worked out as ={formula}, but';
const ONE_AS_TEXT = `${WORKED_OUT} a figure is typed as text in {cells}: SUM passes over text, so {leftOut} is left out.`;
const SOME_AS_TEXT = `${WORKED_OUT} {count} figures are typed as text in {cells}: SUM passes over text, so {leftOut} is left out.`;
const BLANK = `${WORKED_OUT} {ref} is empty: Excel takes a blank as zero, so`;
const FILL_IN = 'If a figure belongs there, fill it in; if not, take it out of the formula.';

const formulaBlankOrText = defineRule({
  id: 'formula-blank-or-text',
  group: 'formulas',
  title: 'Arithmetic over blanks or text',
  checks:
    'Formulas over cells that hold no figure: a SUM over a figure typed as text ("1,200"), which SUM passes over; + − × ÷ over words (TBC, n/a), which ' +
    'give #VALUE! when the sheet recalculates; a blank cell multiplied in, or a blank assumption cell or empty row added in.',
  why:
    'Each shows a figure on the sheet that is not what it says: an amount typed as text is silently left out of its total, words in arithmetic break ' +
    'every total above them on the next recalculation, and a blank taken as zero hides a missing input.',
  fix: 'Type amounts as numbers; replace words with a figure (or 0) or take them out of the arithmetic; fill in the blank cell, or take it out of the formula.',
  reportedAt: 'the formula cell',
  severity: 'error',
  otherSeverities: 'warning for a blank cell taken as zero',
  messages: {
    oneAsText: `${ONE_AS_TEXT} Type it as a number.`,
    oneAsTextWithFigures: `${ONE_AS_TEXT} With it the figure would be {corrected}, not {stated}. Type it as a number.`,
    someAsText: `${SOME_AS_TEXT} Type them as numbers.`,
    someAsTextWithFigures: `${SOME_AS_TEXT} With them the figure would be {corrected}, not {stated}. Type them as numbers.`,
    wordsInArithmetic:
      `${WORKED_OUT} {ref} holds the text “{text}”, not a figure: Excel cannot do arithmetic with words, so this cell shows #VALUE! once the sheet ` +
      `recalculates, and so does every total over it.`,
    blankMultiplied: `${BLANK} the figure comes out as zero. ${FILL_IN}`,
    blankAdded: `${BLANK} it adds nothing. ${FILL_IN}`,
  },
});

export const operandRuleDefinitions = [formulaBlankOrText] as const;

/** What the rule needs to know of a formula cell's surroundings. */
interface Scene {
  readonly table: Table;
  readonly ctx: CheckContext;
  readonly grid: Grid;
  readonly cell: FormulaCell;
  readonly uses: readonly RefUse[];
}

export const operandRules: TableRule = (table, ctx) => {
  const grid = gridFor(table, ctx);
  if (!grid) return [];
  const findings: Finding[] = [];
  for (const cell of formulaCells(table, grid, ['line', 'total'])) {
    // An error result is the formula-error rule's finding.
    if (isErrorValue(grid.value(cell.row.row, cell.col.col)) || overFiguresOnly(grid, cell.formula)) continue;
    const tokens = tokenize(cell.formula);
    if (!tokens) continue;
    const scene: Scene = { table, ctx, grid, cell, uses: referenceUses(significant(tokens)) };
    const finding = textSkippedBySum(scene) ?? wordsInArithmetic(scene) ?? blankInArithmetic(scene);
    if (finding) findings.push(finding);
  }
  return findings;
};

const SAME_SHEET_CELL = /\$?([A-Za-z]{1,3})\$?(\d{1,7})/g;

/**
 * True for the commonest formula, plain cells of its own sheet that all hold figures (=D7-C7): it can
 * take in no text and no blank, so it is not read token by token (a check of 100,000 lines reads few).
 */
function overFiguresOnly(grid: Grid, formula: string): boolean {
  if (/[:!"'[]/.test(formula) || /[A-Za-z_]\w*\s*\(/.test(formula)) return false;
  let any = false;
  for (const m of formula.matchAll(SAME_SHEET_CELL)) {
    const at = parseA1(`${m[1]}${m[2]}`);
    if (!at || typeof grid.value(at.row, at.col) !== 'number') return false;
    any = true;
  }
  return any;
}

/** A reference as the message names it: with its sheet when it is on another. */
function named(use: RefUse, row: number, col: number): string {
  return `${use.token.sheet !== undefined ? `${use.token.sheet}!` : ''}${toA1(row, col)}`;
}

/** Rows of any table on a sheet that are headers: text there is a heading, not a figure. */
function isHeaderRow(ctx: CheckContext, sheet: string, row: number): boolean {
  return ctx.tables.some((t) => t.sheet === sheet && t.headerRows.includes(row));
}

/** Text that reads as a non-zero amount: what SUM leaves out. A lone year ("2019") is more likely a heading. */
function textAmount(text: string, scene: Scene): Money | undefined {
  if (!/\d/.test(text) || /^\s*(?:19|20)\d\d\s*$/.test(text)) return undefined;
  const parsed = parseAmount(text, scene.cell.col.unit);
  return parsed.kind === 'amount' && !parsed.pounds.isZero() ? parsed.pounds : undefined;
}

/** (a) SUM over a range holding a figure typed as text: SUM skips it, so the figure is left out. */
function textSkippedBySum(scene: Scene): Finding | undefined {
  const skipped: { at: string; text: string; pounds: Money }[] = [];
  for (const use of scene.uses) {
    if (use.func !== 'SUM') continue;
    const area = refArea(use.token);
    const grid = sheetNamed(scene.ctx, area.sheet, scene.grid);
    if (!grid) continue;
    forEachCellIn(grid, area, (r, c) => {
      const cell = grid.cell(r, c);
      if (cell?.formula !== undefined || typeof cell?.value !== 'string' || isHeaderRow(scene.ctx, grid.name, r)) return;
      const pounds = textAmount(cell.value, scene);
      if (pounds) skipped.push({ at: named(use, r, c), text: cell.value.trim(), pounds });
    });
  }
  if (skipped.length === 0) return undefined;
  const { row, col } = scene.cell;
  const unit = col.unit;
  let left = ZERO;
  for (const s of skipped) left = left.plus(s.pounds);
  const value = scene.grid.value(row.row, col.col);
  const stated = typeof value === 'number' ? figureOf(value, unit) : undefined;
  const sum = new ExactSum();
  if (stated) [stated, decimalFigure(left)].forEach((f) => sum.add(f));
  const d = decimalsFor(col, left, ...(stated ? [stated, sum] : []));
  const one = skipped.length === 1;
  const place = { sheet: scene.table.sheet, cell: scene.cell.address };
  const data = {
    name: cellName(row, col),
    formula: scene.cell.formula,
    ...(one ? {} : { count: skipped.length }),
    cells: skipped.map((s) => `${s.at} (“${s.text}”)`).join(', '),
    leftOut: money(left, unit, d),
  };
  if (!stated) return formulaBlankOrText.report(place, one ? 'oneAsText' : 'someAsText', data);
  const figures = { expected: inUnit(sum, unit), actual: inUnit(stated, unit), unit, decimals: d };
  return formulaBlankOrText.report({ ...place, ...figures }, one ? 'oneAsTextWithFigures' : 'someAsTextWithFigures', {
    ...data,
    corrected: money(sum, unit, d),
    stated: money(stated, unit, d),
  });
}

const ARITHMETIC = ['+', '-', '*', '/'];

/** A single cell used straight in arithmetic (not inside a function): its operators either side. */
function inArithmetic(use: RefUse): boolean {
  return use.bare && refArea(use.token).single && (ARITHMETIC.includes(use.before) || ARITHMETIC.includes(use.after));
}

/** (b) + − × ÷ over a cell of words (TBC, n/a, a dash): Excel cannot, and shows #VALUE! when it recalculates. */
function wordsInArithmetic(scene: Scene): Finding | undefined {
  for (const use of scene.uses) {
    if (!inArithmetic(use)) continue;
    const area = refArea(use.token);
    const grid = sheetNamed(scene.ctx, area.sheet, scene.grid);
    const value = grid?.value(area.top, area.left);
    if (typeof value !== 'string' || value.trim() === '' || /\d/.test(value)) continue;
    const data = { name: cellName(scene.cell.row, scene.cell.col), formula: scene.cell.formula, ref: named(use, area.top, area.left), text: value.trim() };
    return formulaBlankOrText.report({ sheet: scene.table.sheet, cell: scene.cell.address }, 'wordsInArithmetic', data);
  }
  return undefined;
}

/** True for a cell that is a figure of some table's row: a blank there is the missing-value rule's finding. */
function isTableAmount(ctx: CheckContext, sheet: string, row: number, col: number): boolean {
  return ctx.tables.some((t) => t.sheet === sheet && t.rows.some((r: TableRow) => r.row === row && r.amounts.kindOf(col) !== undefined));
}

/** Added or taken away, in the formula's own arithmetic or inside a SUM's (=SUM(D30+D31)). */
function added(use: RefUse): boolean {
  return (use.bare || use.func?.toUpperCase() === 'SUM') && refArea(use.token).single && [use.before, use.after].some((op) => op === '+' || op === '-');
}

/**
 * (c) A blank cell used straight in arithmetic whose other cells hold figures: Excel takes it as zero.
 * Only where it is multiplied (the figure comes out as zero) or is a fixed reference ($B$2, an
 * assumption cell) added in: a blank spacer row added by a copied formula is common and harmless.
 */
function blankInArithmetic(scene: Scene): Finding | undefined {
  for (const use of scene.uses) {
    if (!(inArithmetic(use) || added(use)) || use.before === '/') continue;
    const multiplied = use.before === '*' || use.after === '*';
    const fixed = use.token.start.row?.abs === true || use.token.start.col?.abs === true;
    const area = refArea(use.token);
    const grid = sheetNamed(scene.ctx, area.sheet, scene.grid);
    if (!grid || !isBlankCell(grid.cell(area.top, area.left)) || isTableAmount(scene.ctx, grid.name, area.top, area.left)) continue;
    // A total that adds a cell of an empty row has lost the figure it meant (a subtotal moved, a row inserted).
    const emptyRow = scene.cell.row.kind === 'total' && added(use) && rowIsEmpty(grid, area.top);
    if (!(inArithmetic(use) && (multiplied || fixed)) && !emptyRow) continue;
    if (!othersHoldFigures(scene, use)) continue;
    const data = { name: cellName(scene.cell.row, scene.cell.col), formula: scene.cell.formula, ref: named(use, area.top, area.left) };
    const place = { sheet: scene.table.sheet, cell: scene.cell.address, severity: 'warning' as const };
    return formulaBlankOrText.report(place, multiplied ? 'blankMultiplied' : 'blankAdded', data);
  }
  return undefined;
}

function rowIsEmpty(grid: Grid, row: number): boolean {
  return grid.row(row).every((cell) => isBlankCell(cell));
}

/** True when the formula's other references are there and every single cell among them holds a number. */
function othersHoldFigures(scene: Scene, blank: RefUse): boolean {
  const others = scene.uses.filter((u) => u !== blank);
  if (others.length === 0) return false;
  return others.every((u) => {
    const area = refArea(u.token);
    if (!area.single) return true;
    const value = sheetNamed(scene.ctx, area.sheet, scene.grid)?.value(area.top, area.left);
    return typeof value === 'number';
  });
}
