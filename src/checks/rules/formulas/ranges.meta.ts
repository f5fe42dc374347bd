/**
 * formula-range and formula-double-count, as they describe themselves. {effect} is the sentence on what
 * correcting the range does to the figure (range-effect.ts words it; both rules share it).
 */
import { defineRule } from '../meta';

const ADDS = '{total} in {cell} adds {formula}';
const TAKES_IN_A_TOTAL = `${ADDS}, which takes in {other} in {otherCell}, the total of another block, as well as its own lines:`;
const BLOCK = `${ADDS} but the lines of its block`;

export const formulaRange = defineRule({
  id: 'formula-range',
  group: 'formulas',
  title: 'Total’s range misses or overreaches',
  checks:
    'A total’s SUM whose range leaves out lines of its own block (the lines between it and the previous total, heading or header), or takes in the total ' +
    'of another block or the header rows. Only clear cases: nothing but lines, without a gap, between the range and where its block ends.',
  why:
    'A range that stops a row short drops a line from the total, and the total still looks like a sum; one that runs into another block counts that ' +
    'block again. Either way the total, and every figure built on it, is wrong, or will be as soon as the left-out line is filled in.',
  fix: 'Correct the range to cover exactly the block’s lines (the suggestion is the corrected formula).',
  reportedAt: 'the total cell, with the corrected formula as the suggestion',
  severity: 'error',
  otherSeverities:
    'warning where the lines left out or taken in hold nothing today, or the difference is within rounding, so the figure is right but will not stay ' +
    'right',
  messages: {
    startsAt: `${BLOCK} start at {from}: {items} is left out. {effect}`,
    startsAtMany: `${BLOCK} start at {from}: {items} are left out. {effect}`,
    runsTo: `${BLOCK} run to {to}: {items} is left out. {effect}`,
    runsToMany: `${BLOCK} run to {to}: {items} are left out. {effect}`,
    runsFromTo: `${BLOCK} run from {from} to {to}: {items} is left out. {effect}`,
    runsFromToMany: `${BLOCK} run from {from} to {to}: {items} are left out. {effect}`,
    countedTwiceLater: `${TAKES_IN_A_TOTAL} {later} in {laterCell} adds both, so {other} is counted twice there. {effect} {fix} adds only its own lines.`,
    acrossHeading: `${TAKES_IN_A_TOTAL} the range runs back across the heading “{heading}” into another block. {effect} {fix} adds only its own lines.`,
    intoHeader: `${ADDS}, which reaches into the header ({headerCells}). {effect} {fix} adds only the lines.`,
  },
});

export const formulaDoubleCount = defineRule({
  id: 'formula-double-count',
  group: 'formulas',
  title: 'Subtotal added with its own lines',
  checks: 'A total that adds a subtotal together with (some of) the lines that subtotal already adds, such as =SUM(C5:C9) where C9 is the subtotal of C5:C8.',
  why: 'The lines are counted twice, so the total overstates the budget by the subtotal’s amount, and looks like an ordinary sum while doing it.',
  fix: 'Add each figure once: either the subtotal or its lines (the suggestion is the corrected formula).',
  reportedAt: 'the total cell, with the corrected formula as the suggestion',
  severity: 'error',
  otherSeverities: 'warning where the rows counted twice add nothing today',
  messages: {
    rowCountedTwice: `${ADDS}, which counts figures twice: {subtotals}, and the formula adds that row as well. {effect} {fix} adds each figure once.`,
    rowsCountedTwice: `${ADDS}, which counts figures twice: {subtotals}, and the formula adds those rows as well. {effect} {fix} adds each figure once.`,
  },
});

export const rangeRuleDefinitions = [formulaRange, formulaDoubleCount] as const;
