import { testRule } from '../rule-tester';

const FULL = 'and these figures are stored in full, so rounding cannot explain it';

testRule('total-mismatch', {
  valid: [
    {
      name: 'a total that adds up',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Total', { f: 'SUM(B2:B3)', v: 300 }],
      ],
    },
    {
      name: 'a total off by rounding only',
      sheet: [
        ['Line', 'Budget £m'],
        ['A', 1.1],
        ['B', 2.2],
        ['C', 3.3],
        ['Total', 6.7],
      ],
    },
  ],
  invalid: [
    {
      name: 'a total over its lines',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Total', 350],
      ],
      findings: [
        {
          cell: 'B4',
          severity: 'error',
          expected: '300',
          actual: '350',
          suggestion: '=SUM(B2:B3)',
          message: `Total (Budget) £350, but the 2 lines above sum to £300: £50 apart, ${FULL}.`,
        },
      ],
    },
    {
      name: 'a total whose blank line is filled in from its row',
      sheet: [
        ['Project', 'Allocation £', 'Forecast £', 'Variance £'],
        ['A', 100, 100, 0],
        ['B', null, 60, -110],
        ['Total', 350, 160, -110],
      ],
      findings: [
        { cell: 'B4', message: `Total (Allocation) £350, but the 2 lines above sum to £270 (with 1 blank filled in from its row): £80 apart, ${FULL}.` },
      ],
    },
    {
      name: 'a total whose two blank lines are filled in from their rows',
      sheet: [
        ['Project', 'Allocation £', 'Forecast £', 'Variance £'],
        ['A', null, 100, 0],
        ['B', null, 60, -110],
        ['Total', 350, 160, -110],
      ],
      findings: [
        { cell: 'B4', message: `Total (Allocation) £350, but the 2 lines above sum to £270 (with 2 blanks filled in from their rows): £80 apart, ${FULL}.` },
      ],
    },
    {
      name: 'a total column that does not add its years',
      sheet: [
        ['Line', '2019/20 £', '2020/21 £', 'Total £'],
        ['A', 1, 2, 3],
        ['B', 4, 5, 9],
        ['C', 6, 7, 13],
        ['D', 4, 5, 10],
      ],
      findings: [
        {
          cell: 'D5',
          severity: 'error',
          suggestion: '=SUM(B5:C5)',
          message: `Total for “D” is £10, but 2019/20 + 2020/21 in the same row come to £9: £1 apart, ${FULL}.`,
        },
      ],
    },
  ],
});

testRule('total-rounding', {
  valid: [
    {
      name: 'a total that adds up exactly',
      sheet: [
        ['Line', 'Budget £m'],
        ['A', 1.1],
        ['B', 2.2],
        ['C', 3.3],
        ['Total', 6.6],
      ],
    },
  ],
  invalid: [
    {
      name: 'a total within what rounding four figures explains',
      sheet: [
        ['Line', 'Budget £m'],
        ['A', 1.1],
        ['B', 2.2],
        ['C', 3.3],
        ['Total', 6.7],
      ],
      findings: [
        {
          cell: 'B5',
          severity: 'warning',
          expected: '6.6',
          actual: '6.7',
          message:
            'Total (Budget) £6.7m, but the 3 lines above sum to £6.6m: £0.1m apart, within the £0.2m that rounding 4 figures to the nearest £0.1m could ' +
            'explain.',
        },
      ],
    },
  ],
});

const activities = (headline: string): (string | number)[][] => [
  ['Key activities 2019/20'],
  ['Key activity', '2019/20 £m'],
  [`A Better Criminal Justice Service (${headline})`],
  ['London Victims and Witnesses Service', 7.7],
  ['Women’s centres', 1.8],
];

testRule('headline-mismatch', {
  valid: [{ name: 'a section headline its lines reach', sheet: activities('£9.5m') }],
  invalid: [
    {
      name: 'a headline off by rounding',
      sheet: activities('£9.4m'),
      findings: [
        {
          cell: 'A3',
          severity: 'warning',
          message:
            'A Better Criminal Justice Service is stated as £9.4m, but its 2 lines sum to £9.5m: £0.1m apart, within the £0.15m that rounding 3 figures to ' +
            'the nearest £0.1m could explain.',
        },
      ],
    },
    {
      name: 'a headline beyond rounding',
      sheet: activities('£12.0m'),
      findings: [
        {
          cell: 'A3',
          severity: 'error',
          expected: '9.5',
          actual: '12',
          message: /^A Better Criminal Justice Service is stated as £12\.0m, but its 2 lines sum to £9\.5m: £2\.5m apart, more than/,
        },
      ],
    },
  ],
});

testRule('hardcoded-total', {
  valid: [
    {
      name: 'a SUM over its lines',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 1],
        ['B', 2],
        ['Total', { f: 'SUM(B2:B3)', v: 3 }],
      ],
    },
  ],
  invalid: [
    {
      name: 'a typed total over a block of lines',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 1],
        ['B', 2],
        ['Total', 3],
      ],
      findings: [
        {
          cell: 'B4',
          severity: 'info',
          suggestion: '=SUM(B2:B3)',
          message: 'Total (Budget) is typed in as a number; =SUM(B2:B3) would keep it in step with its 2 lines.',
        },
      ],
    },
    {
      name: 'a typed grand total over subtotals apart',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 1],
        ['B', 2],
        ['Subtotal', { f: 'SUM(B2:B3)', v: 3 }],
        ['C', 4],
        ['D', 5],
        ['Subtotal', { f: 'SUM(B5:B6)', v: 9 }],
        ['Grand total', 12],
      ],
      findings: [
        { cell: 'B8', severity: 'info', message: 'Grand total (Budget) is typed in as a number; a SUM of its lines would keep it in step with its 2 lines.' },
      ],
    },
  ],
});

/** A monitoring table whose Variance % is in points (10 for 10%), with Housing's as given. */
const monitoring = (housingPercent: number): (string | number)[][] => [
  ['Service', 'Budget £', 'Forecast £', 'Variance £', 'Variance %'],
  ['Adults', 1000, 1100, 100, 10],
  ['Children', 800, 760, -40, -5],
  ['Housing', 300, 330, 30, housingPercent],
  ['Waste', 250, 240, -10, -4],
  ['Parks', 120, 126, 6, 5],
];

testRule('percent-mismatch', {
  valid: [{ name: 'percentages that are their variance over budget', sheet: monitoring(10) }],
  invalid: [
    {
      name: 'a percentage left from an earlier forecast',
      sheet: monitoring(20),
      findings: [
        {
          cell: 'E4',
          severity: 'error',
          expected: '10',
          actual: '20',
          suggestion: '=D4/B4*100',
          message: 'Variance % for “Housing” is 20.0%, but Variance ÷ Budget × 100 in the same row is 10.0% (£30 ÷ £300).',
        },
      ],
    },
  ],
});
