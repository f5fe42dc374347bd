/** What the total rules (totals.ts) say about themselves: totals, subtotals and headlines against their lines. */
import { defineRule } from './meta';

/**
 * A total against its lines, or a column that totals others (Total = the years) against them along a row.
 * `{scope}` names the lines ("the 33 lines above", "the 2 subtotals it adds"), `{rounding}` says whether rounding
 * the figures as shown could explain the difference.
 */
const TOTAL_MESSAGES = {
  lines: '{total} {stated}, but {scope} sum to {computed}: {difference} apart, {rounding}.',
  line: '{total} {stated}, but {scope} is {computed}: {difference} apart, {rounding}.',
  linesFilledIn: '{total} {stated}, but {scope} sum to {computed} (with {blanks} blanks filled in from their rows): {difference} apart, {rounding}.',
  linesOneFilledIn: '{total} {stated}, but {scope} sum to {computed} (with 1 blank filled in from its row): {difference} apart, {rounding}.',
  lineFilledIn: '{total} {stated}, but {scope} is {computed} (with 1 blank filled in from its row): {difference} apart, {rounding}.',
  columns: '{column} for {row} is {stated}, but {parts} in the same row come to {computed}: {difference} apart, {rounding}.',
} as const;

export const totalMismatch = defineRule({
  id: 'total-mismatch',
  group: 'totals',
  title: 'Total that does not add up',
  checks:
    'A total or subtotal that differs from the sum of the lines it covers (less any it takes away), or a column that totals others (Total = the years, full ' +
    'year = the quarters) that differs from them, by more than rounding the figures as shown could explain.',
  why:
    'A total that does not add up means a line is missing from it or it was typed over: either the total or its lines misstate the budget, and every ' +
    'report built on the total carries the error.',
  fix:
    'Find the line left out of the total, or the total typed in by hand, and replace the total with a formula over its lines; `suggestion` holds that ' +
    'formula.',
  reportedAt: 'the total cell',
  severity: 'error',
  messages: TOTAL_MESSAGES,
});

export const totalRounding = defineRule({
  id: 'total-rounding',
  group: 'totals',
  title: 'Total off by rounding',
  checks:
    'A total that differs from the sum of its lines by no more than rounding each figure as shown could explain (half a unit of the last digit per figure).',
  why: 'Readers who add up a published table and get a different total lose confidence in it, even when each figure is correctly rounded.',
  fix: 'Either leave it and add a note that figures may not sum because of rounding, or round the total from the rounded lines so the table adds up as printed.',
  reportedAt: 'the total cell',
  severity: 'warning',
  messages: TOTAL_MESSAGES,
});

export const headlineMismatch = defineRule({
  id: 'headline-mismatch',
  group: 'totals',
  title: 'Stated headline that does not match its lines',
  checks: 'A figure stated for a section or for the whole table (in its heading or title) that differs from the sum of the lines it speaks for.',
  why:
    'Headline figures are the ones quoted in reports and briefings, so a headline that disagrees with its own lines spreads a wrong figure further than a ' +
    'wrong line would.',
  fix: 'Work out which is right, the headline or the lines, and correct the other; where the headline is typed in a heading, consider linking it to the lines.',
  reportedAt: 'the cell holding the stated figure',
  severity: 'error',
  otherSeverities: 'warning where rounding the figures as shown could explain the difference',
  messages: {
    lines: '{name} is stated as {stated}, but its {lines} sum to {computed}: {difference} apart, {rounding}.',
  },
});

export const hardcodedTotal = defineRule({
  id: 'hardcoded-total',
  group: 'totals',
  title: 'Total typed in as a number',
  checks: 'A total typed in as a number over lines that a formula could add up instead.',
  why:
    'A typed-in total is right only until a line changes: the next revision of the budget updates the lines and leaves the total stale, and nothing in the ' +
    'workbook shows it.',
  fix: 'Replace the number with a SUM over the lines (`suggestion` holds it where the lines are one block).',
  reportedAt: 'the total cell',
  severity: 'info',
  messages: {
    block: '{total} is typed in as a number; {formula} would keep it in step with its {count} lines.',
    scattered: '{total} is typed in as a number; a SUM of its lines would keep it in step with its {count} lines.',
  },
});

export const totalRuleDefinitions = [totalMismatch, totalRounding, headlineMismatch, hardcodedTotal] as const;
