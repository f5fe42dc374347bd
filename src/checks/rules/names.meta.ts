/** What the name and year rules (names.ts) say about themselves. */
import type { RuleId } from '../finding';
import { defineRule } from './meta';

/** One of the model's dimensions, as the rule for names it does not know describes it. */
interface Dimension {
  readonly id: RuleId;
  /** "priority area", as the messages say it. */
  readonly what: string;
  readonly title: string;
  /** Where the model's names for it come from, and what goes wrong when a line's name is not one of them. */
  readonly why: string;
}

/** The four dimensions' rules say the same thing of different names. */
function unknownNameRule(dimension: Dimension) {
  return defineRule({
    id: dimension.id,
    group: 'names',
    title: dimension.title,
    checks:
      `A name in a ${dimension.what} column that is not one the model knows (nor a near miss of one), where most of the column’s names are the ` +
      'model’s; `suggestion` holds the closest known name.',
    why: dimension.why,
    fix: `Correct the spelling to the model’s name (the finding suggests the closest), or, if it is a new ${dimension.what}, add it to the model.`,
    reportedAt: 'the cell',
    severity: 'error',
    messages: {
      closest: `“{name}” is not a ${dimension.what} the model knows; did you mean “{suggestion}”?`,
      noneClose: `“{name}” is not a ${dimension.what} the model knows, and no known name is close; add it to the model if it is new.`,
    },
  });
}

export const unknownPriorityArea = unknownNameRule({
  id: 'unknown-priority-area',
  what: 'priority area',
  title: 'Priority area the model does not know',
  why:
    'Spend is rolled up and reconciled by priority area: a line under a misspelt or retired area drops out of its area’s total and shows up as a separate, ' +
    'unexplained area in every rollup.',
});

export const unknownFundingStream = unknownNameRule({
  id: 'unknown-funding-stream',
  what: 'funding stream',
  title: 'Funding stream the model does not know',
  why:
    'Each funding stream has its own conditions and is reported back to its funder: a line under a name the model does not know is missed from that funder’s ' +
    'return.',
});

export const unknownProgramme = unknownNameRule({
  id: 'unknown-programme',
  what: 'programme',
  title: 'Programme the model does not know',
  why:
    'Programme totals are compared with the model’s allocations: a line under a name the model does not know is left out of its programme’s total, so the ' +
    'programme looks underspent.',
});

export const unknownBorough = unknownNameRule({
  id: 'unknown-borough',
  what: 'London borough',
  title: 'Borough the model does not know',
  why:
    'Spend by borough is published and compared with each borough’s allocation: a misspelt borough (or a place that is not a London borough) splits or loses ' +
    'that borough’s figures.',
});

export const invalidYear = defineRule({
  id: 'invalid-year',
  group: 'names',
  title: 'Year that is not a fiscal year',
  checks:
    'A cell in a year column that is not a valid fiscal year (2019/21, 20200, 2019/20/21). Columns and runs of calendar years (1981, 1982 …), as statistics ' +
    'tables use, are left alone.',
  why:
    'Figures are compared with the model and rolled up by year: a line whose year cannot be read is left out of every year’s figures, and a mistyped year ' +
    'puts it in the wrong one.',
  fix: 'Write the year as a fiscal year, such as 2019/20 (April 2019 to March 2020).',
  reportedAt: 'the cell',
  severity: 'error',
  messages: {
    invalid: 'Year “{year}” is not a valid fiscal year: {reason}.',
    notAYear: 'Year “{year}” is not a valid fiscal year: it is not a fiscal year such as 2019/20.',
  },
});

export const nameRuleDefinitions = [unknownPriorityArea, unknownFundingStream, unknownProgramme, unknownBorough, invalidYear] as const;
