import { defaultModel } from '../../../src/model/json';
import type { CommissioningModel } from '../../../src/model/types';
import { testRule } from '../rule-tester';

/** The default model with variances stated as budget − forecast. */
function budgetFirstModel(): CommissioningModel {
  const model = defaultModel();
  return { ...model, settings: { ...model.settings, varianceConvention: 'budget-minus-forecast' } };
}

const FULL = 'and these figures are stored in full, so rounding cannot explain it';

testRule('variance-mismatch', {
  valid: [
    {
      name: 'variances that are forecast − budget',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 90, -10],
        ['B', 100, 120, 20],
      ],
    },
    {
      name: 'a variance off only by rounding figures stored rounded',
      sheet: [
        ['Line', 'Budget £m', 'Forecast £m', 'Variance £m'],
        ['A', 1.04, 1.1, 0.1],
      ],
    },
  ],
  invalid: [
    {
      name: 'a variance typed over',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 90, -10],
        ['B', 100, 120, 25],
      ],
      findings: [
        {
          cell: 'D3',
          severity: 'error',
          expected: '20',
          actual: '25',
          message: `Variance for “B” is £25, but forecast £120 − budget £100 is £20: £5 apart, ${FULL}.`,
        },
      ],
    },
    {
      name: 'actual − budget where there is no forecast',
      sheet: [
        ['Line', 'Budget £', 'Actual £', 'Variance £'],
        ['A', 100, 90, -10],
        ['B', 100, 120, 25],
      ],
      findings: [{ cell: 'D3', status: 'none', message: `Variance for “B” is £25, but actual £120 − budget £100 is £20: £5 apart, ${FULL}.` }],
    },
    {
      name: 'under the budget − forecast convention, the sum said in that order',
      model: budgetFirstModel(),
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 90, 10],
        ['B', 100, 120, -25],
      ],
      findings: [{ cell: 'D3', message: `Variance for “B” is -£25, but budget £100 − forecast £120 is -£20: £5 apart, ${FULL}.` }],
    },
  ],
});

testRule('variance-sign-convention', {
  valid: [
    {
      name: 'the model’s convention throughout',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 90, -10],
        ['B', 100, 120, 20],
        ['C', 50, 50, 0],
      ],
    },
  ],
  invalid: [
    {
      name: 'budget − forecast throughout',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 90, 10],
        ['B', 100, 120, -20],
        ['C', 50, 50, 0],
      ],
      findings: [
        {
          cell: 'D1',
          severity: 'warning',
          message:
            "Variance is worked out the other way round throughout this table (budget − forecast); the model's convention is forecast − budget, so every sign " +
            'here reads reversed.',
        },
      ],
    },
  ],
});

// The default model's thresholds: amber at 5% or £100,000, red at 10% or £500,000.
testRule('variance-threshold', {
  valid: [
    {
      name: 'a variance within both thresholds',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['Green', 1000, 1010, 10],
      ],
    },
  ],
  invalid: [
    {
      name: 'an amber and a red variance',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['Green', 1000, 1010, 10],
        ['Amber', 1000, 1060, 60],
        ['Red', 10_000_000, 9_000_000, -1_000_000],
      ],
      findings: [
        {
          cell: 'D3',
          severity: 'info',
          actual: '60',
          message: 'Variance £60 for “Amber” is 6% of the budget, past the amber threshold of 5% or £100,000.',
          status: 'amber',
        },
        {
          cell: 'D4',
          severity: 'warning',
          status: 'red',
          message: 'Variance -£1,000,000 for “Red” is 10% of the budget, past the red threshold of 10% or £500,000.',
        },
      ],
    },
    {
      name: 'negatives in brackets where the model says so, the status the same',
      model: { ...defaultModel(), settings: { ...defaultModel().settings, negatives: 'brackets' } },
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['Red', 10_000_000, 9_000_000, -1_000_000],
      ],
      findings: [
        {
          cell: 'D2',
          severity: 'warning',
          status: 'red',
          message: 'Variance (£1,000,000) for “Red” is 10% of the budget, past the red threshold of 10% or £500,000.',
        },
      ],
    },
    {
      name: 'a variance against a zero budget, red however small',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['Existing', 1000, 1000, 0],
        ['New service', 0, 2000, 2000],
      ],
      findings: [
        {
          cell: 'D3',
          severity: 'warning',
          message: 'Variance £2,000 for “New service” is against a zero budget, past the red threshold of 10% or £500,000.',
          status: 'red',
        },
      ],
    },
  ],
});
