import { testRule } from '../rule-tester';

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));
const header = ['Ref', 'Title', 'Recipient', 'Type', 'Amount £', 'Award date', 'Start date', 'End date'];
const good = ['G1', 'Youth work', 'Redthread', 'Grant', 800000, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)];
const complete = { name: 'a complete record', sheet: [header, good] };

testRule('register-missing-field', {
  valid: [complete],
  invalid: [
    {
      name: 'a record without its recipient and award date',
      sheet: [header, ['G2', 'Advocacy', null, 'Grant', 5000, null, null, null]],
      findings: [
        { cell: 'C2', severity: 'error', message: 'The recipient of record G2 is blank; a published register needs it for every record.' },
        { cell: 'F2', severity: 'error', message: 'The award date of record G2 is blank; a published register needs it for every record.' },
      ],
    },
    {
      name: 'a register without a recipient column',
      sheet: [
        ['Ref', 'Title', 'Type', 'Amount £', 'Award date', 'Start date', 'End date'],
        ['G1', 'Youth work', 'Grant', 800000, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)],
      ],
      findings: [{ cell: 'A1', severity: 'error', message: 'The register has no recipient column; every published record needs one.' }],
    },
  ],
});

testRule('register-dates', {
  valid: [complete],
  invalid: [
    {
      name: 'an end before the start, and an award in the future',
      sheet: [header, ['G3', 'X', 'Y', 'Grant', 5, d(2027, 1, 1), d(2020, 4, 1), d(2020, 3, 31)]],
      findings: [
        {
          cell: 'F2',
          severity: 'error',
          actual: '2027-01-01',
          message: 'Record G3 has an award date of 2027-01-01, which is in the future; a register records awards already made.',
        },
        { cell: 'H2', severity: 'error', actual: '2020-03-31', message: 'Record G3 ends on 2020-03-31, before it starts on 2020-04-01.' },
      ],
    },
  ],
});

testRule('register-zero-amount', {
  valid: [complete],
  invalid: [
    {
      name: 'a record of nothing awarded',
      sheet: [header, good, ['G4', 'Other', 'Z', 'Contract', 0, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)]],
      findings: [
        {
          cell: 'E3',
          severity: 'warning',
          actual: '0',
          message: 'The amount of record G4 is zero; publish the value awarded, or leave the record out if nothing was awarded.',
        },
      ],
    },
  ],
});

testRule('register-duplicate-id', {
  valid: [complete],
  invalid: [
    {
      name: 'an id used twice',
      sheet: [header, good, ['G1', 'Other', 'Z', 'Contract', 100, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)]],
      findings: [
        {
          cell: 'A3',
          severity: 'error',
          actual: 'G1',
          message: 'Id “G1” is used again here; it first appears at A2. Every contract or grant needs its own id.',
        },
      ],
    },
  ],
});
