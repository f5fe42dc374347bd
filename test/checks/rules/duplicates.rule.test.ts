import { testRule } from '../rule-tester';

testRule('duplicate-line', {
  valid: [
    {
      name: 'refs that differ',
      sheet: [
        ['Ref', 'Line', 'Budget £'],
        ['R1', 'A', 1],
        ['R2', 'A', 2],
      ],
    },
    {
      name: 'the same label in different boroughs',
      sheet: [
        ['Line', 'Borough', 'Budget £'],
        ['A', 'Barnet', 1],
        ['A', 'Bexley', 2],
      ],
    },
  ],
  invalid: [
    {
      name: 'a repeated ref',
      sheet: [
        ['Ref', 'Line', 'Budget £'],
        ['R1', 'A', 1],
        ['R1', 'B', 2],
      ],
      findings: [
        {
          cell: 'A3',
          severity: 'warning',
          actual: 'R1',
          message: 'Ref “R1” is used again here; it first appears at A2, so one of the two lines may be counted twice.',
        },
      ],
    },
    {
      name: 'the same label with the same details and no refs',
      sheet: [
        ['Line', 'Borough', 'Budget £'],
        ['A', 'Barnet', 1],
        ['A', 'Barnet', 2],
      ],
      findings: [
        { cell: 'A3', severity: 'warning', actual: 'A', message: '“A” appears again here with the same details as row 2, so it may be counted twice.' },
      ],
    },
  ],
});
