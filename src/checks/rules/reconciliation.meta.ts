/** What the reconciliation rule (reconciliation.ts) says about itself: figures against the model's figures for the same thing. */
import { defineRule } from './meta';

export const reconciliationMismatch = defineRule({
  id: 'reconciliation-mismatch',
  group: 'reconciliation',
  title: 'Figure that disagrees with the model',
  checks:
    'A figure that differs from the model’s figure for the same fund, component, priority area or year, compared only where a table is recognisably that ' +
    'thing (its lines are one fund’s components, its label column or a section heading names it, it is a summary covering every priority area, or a table of ' +
    'total commissioning spend by year) and its year can be read; never on a guess.',
  why:
    'The model holds the figures already agreed and published (panel reports, allocation letters): a workbook that disagrees with them is either using an ' +
    'out-of-date allocation or about to publish a figure that contradicts an earlier one.',
  fix:
    'Check the figure against the source the finding cites: correct the workbook if it is out of date, or, if the agreed figure has changed, update the ' +
    'model with the new figure and its source.',
  reportedAt: 'the figure’s cell (a summary’s header where the figure is the sum of all its lines)',
  severity: 'error',
  otherSeverities: 'warning where rounding the figures as shown could explain the difference',
  messages: {
    figure: '{what} {year} is {figure} here, but the model states {model} ({source}): {difference} apart, {rounding}.',
    lines: '{what} {year} sum to {figure} over {lines} lines here, but the model states {model} ({source}): {difference} apart, {rounding}.',
  },
});

export const reconciliationRuleDefinitions = [reconciliationMismatch] as const;
