import { testRule } from '../rule-tester';

const lines = [
  ['Line', 'Budget £', 'Forecast £', 'Variance £'],
  ['A', 100, 90, -10],
  ['B', 50, 55, 5],
];

testRule('formula-error', {
  valid: [
    {
      name: 'figures and a formula that works',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 5],
        ['B', { f: 'B2*2', v: 10 }],
      ],
    },
  ],
  invalid: [
    {
      name: 'a division by zero and a deleted reference',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 5],
        ['B', { f: 'C9/0', v: { kind: 'error', code: '#DIV/0!' } }],
        ['C', { f: '#REF!+1', v: { kind: 'error', code: '#REF!' } }],
      ],
      findings: [
        {
          cell: 'B3',
          severity: 'error',
          actual: '#DIV/0!',
          message: 'Budget for “B” shows #DIV/0!: a formula divides by zero, so this figure is left out of every total.',
        },
        {
          cell: 'B4',
          severity: 'error',
          actual: '#REF!',
          message: 'Budget for “C” shows #REF!: a formula refers to a cell that was deleted, so this figure is left out of every total.',
        },
      ],
    },
  ],
});

testRule('not-a-number', {
  valid: [
    {
      name: 'amounts written with £ and thousands separators',
      sheet: [
        ['Line', 'Budget £'],
        ['A', '£1,200'],
        ['B', 300],
      ],
    },
  ],
  invalid: [
    {
      name: 'a note where the amount belongs',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 'approx 5'],
        ['B', 300],
      ],
      findings: [{ cell: 'B2', severity: 'error', actual: 'approx 5', message: /^Budget for “A” is not an amount: .+\.$/ }],
    },
  ],
});

testRule('missing-value', {
  valid: [
    { name: 'every figure filled in', sheet: lines },
    {
      name: 'a line with no figures at all',
      sheet: [
        ['Line', 'Budget £', 'Notes'],
        ['A', 5, null],
        ['B', null, 'closed'],
      ],
    },
  ],
  invalid: [
    {
      name: 'a blank the rest of its row determines',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', null, 90, -10],
        ['B', 50, 55, 5],
      ],
      findings: [
        {
          cell: 'B2',
          severity: 'warning',
          expected: '100',
          suggestion: '100',
          message: 'Budget for “A” is blank while the row has other figures; the other figures in the row imply £100.',
        },
      ],
    },
    {
      name: 'a placeholder the rest of its row determines',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 'TBC', -10],
        ['B', 200, 190, -10],
      ],
      findings: [
        {
          cell: 'C2',
          severity: 'warning',
          expected: '90',
          suggestion: '90',
          message: 'Forecast for “A” holds “TBC” instead of a figure while the row has other figures; the other figures in the row imply £90.',
        },
      ],
    },
    {
      name: 'a placeholder in a total whose lines are all figures',
      sheet: [
        ['Line', 'Budget £', 'Forecast £'],
        ['A', 100, 90],
        ['B', 200, 190],
        ['Total', 'TBC', 280],
      ],
      findings: [
        {
          cell: 'B4',
          severity: 'warning',
          expected: '300',
          suggestion: '300',
          message: 'Budget for “Total” holds “TBC” instead of a figure while the row has other figures; its 2 lines sum to £300.',
        },
      ],
    },
    {
      name: 'a placeholder nothing else determines',
      sheet: [
        ['Line', 'Budget £', 'Forecast £'],
        ['A', 'TBC', 5],
        ['B', 6, 7],
      ],
      findings: [
        {
          cell: 'B2',
          severity: 'warning',
          message: 'Budget for “A” holds “TBC” instead of a figure while the row has other figures; it is left out of totals.',
        },
      ],
    },
    {
      name: 'a blank nothing else determines',
      sheet: [
        ['Line', 'Budget £', 'Forecast £'],
        ['A', null, 5],
        ['B', 6, 7],
      ],
      findings: [{ cell: 'B2', severity: 'warning', message: 'Budget for “A” is blank while the row has other figures; it is left out of totals.' }],
    },
    {
      name: 'a blank total its lines determine',
      sheet: [
        ['Line', 'Budget £', 'Forecast £'],
        ['A', 1, 2],
        ['B', 3, 4],
        ['Total', null, 6],
      ],
      findings: [
        { cell: 'B4', expected: '4', suggestion: '4', message: 'Budget for “Total” is blank while the row has other figures; its 2 lines sum to £4.' },
      ],
    },
  ],
});

testRule('negative-amount', {
  valid: [
    {
      name: 'one negative among a handful of figures',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 10],
        ['B', -4],
        ['C', 6],
        ['D', 7],
      ],
    },
    { name: 'negative variances', sheet: lines },
    { name: 'income lines', sheet: [['Line', 'Budget £'], ...['A', 'B', 'C', 'D', 'E'].map((l, k) => [l, 10 + k]), ['Grant income', -40]] },
  ],
  invalid: [
    {
      name: 'a stray negative among positive budgets',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 10],
        ['B', -4],
        ['C', 6],
        ['D', 7],
        ['E', 8],
        ['F', 9],
      ],
      findings: [{ cell: 'B3', severity: 'warning', actual: '-4', message: 'Budget -£4 is negative while the other 5 figures in the column are positive.' }],
    },
    {
      name: 'a column of budgets all negative',
      sheet: [
        ['Line', 'Budget £'],
        ['A', -10],
        ['B', -4],
      ],
      findings: [
        {
          cell: 'B2',
          severity: 'warning',
          message:
            'All 2 figures in Budget are negative (from B2): budgets and forecasts are normally positive, so the signs may have been flipped when the figures ' +
            'were exported.',
        },
      ],
    },
  ],
});
