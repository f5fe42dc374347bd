/** What the figure rules (cells.ts) say about themselves: figures that cannot be used as they stand. */
import { defineRule } from './meta';

export const formulaError = defineRule({
  id: 'formula-error',
  group: 'figures',
  title: 'Formula error in a figure',
  checks: 'A budget, forecast, actual or variance cell that shows an Excel error (#REF!, #DIV/0!, #VALUE!, #N/A, #NAME?, #NUM! or #NULL!).',
  why:
    'An error is not a figure: it is left out of every total and rollup, so the totals understate the budget by whatever that cell should hold, and a #REF! ' +
    'usually means a line was deleted from under a formula.',
  fix:
    'Open the formula, find the reference or lookup that failed (a deleted row, a division by a blank, a mistyped name) and correct it so the cell shows a ' +
    'figure again.',
  reportedAt: 'the cell',
  severity: 'error',
  messages: {
    shows: '{column} for {row} shows {code}: {meaning}, so this figure is left out of every total.',
  },
});

export const notANumber = defineRule({
  id: 'not-a-number',
  group: 'figures',
  title: 'Text where an amount belongs',
  checks: 'Text in an amount column that cannot be read as an amount (a note, two figures in one cell, a stray letter).',
  why: 'Excel treats text as nothing when it adds a column, so the line silently drops out of the total and the published figure is short by that amount.',
  fix: 'Type the amount as a number (without words or a second figure), and move any note to a notes column.',
  reportedAt: 'the cell',
  severity: 'error',
  messages: {
    text: '{column} for {row} is not an amount: {reason}.',
  },
});

export const missingValue = defineRule({
  id: 'missing-value',
  group: 'figures',
  title: 'Missing figure in a line',
  checks:
    'A blank or placeholder ("TBC", "to come") among the figures of a line that has other figures. Where the rest of the row (or a total’s lines) determines ' +
    'the figure, `suggestion` holds it.',
  why: 'A blank counts as zero in every total, so a line whose forecast has not been filled in makes the service look underspent by its whole budget.',
  fix: 'Enter the figure; where the finding gives the figure the rest of the row implies, check it and type it in.',
  reportedAt: 'the blank cell',
  severity: 'warning',
  messages: {
    blankImplied: '{column} for {row} is blank while the row has other figures; the other figures in the row imply {amount}.',
    blankSummed: '{column} for {row} is blank while the row has other figures; its {lines} lines sum to {amount}.',
    blankLeftOut: '{column} for {row} is blank while the row has other figures; it is left out of totals.',
    placeholderImplied:
      '{column} for {row} holds “{placeholder}” instead of a figure while the row has other figures; the other figures in the row imply {amount}.',
    placeholderSummed: '{column} for {row} holds “{placeholder}” instead of a figure while the row has other figures; its {lines} lines sum to {amount}.',
    placeholderLeftOut: '{column} for {row} holds “{placeholder}” instead of a figure while the row has other figures; it is left out of totals.',
  },
});

export const negativeAmount = defineRule({
  id: 'negative-amount',
  group: 'figures',
  title: 'Negative figure where figures are positive',
  checks:
    'A lone negative among at least five positive figures in a budget, forecast or actual column, or a column whose figures are all negative. Columns and ' +
    'lines that carry either sign by their nature (income, credits, savings, changes, variances, net figures) are left alone.',
  why:
    'A spending figure entered with the wrong sign is taken off the total instead of added to it, so the total is out by twice the amount; a column of ' +
    'negatives usually means the signs were flipped on export from the ledger.',
  fix:
    'Check the line against the ledger: if it is spending, remove the minus sign; if it is genuinely income or a credit, move it under an income heading or ' +
    'label it as such.',
  reportedAt: 'the negative cell, or the first figure of an all-negative column',
  severity: 'warning',
  messages: {
    allNegative:
      'All {count} figures in {column} are negative (from {first}): budgets and forecasts are normally positive, so the signs may have been flipped when the ' +
      'figures were exported.',
    stray: '{column} {amount} is negative while the other {positives} figures in the column are positive.',
  },
});

export const cellRuleDefinitions = [formulaError, notANumber, missingValue, negativeAmount] as const;
