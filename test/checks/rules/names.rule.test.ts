import { testRule } from '../rule-tester';

const column = (header: string, names: readonly string[]): (string | number)[][] => [
  ['Line', header, 'Budget £'],
  ...names.map((name, k) => [`Line ${k + 1}`, name, 5]),
];

testRule('unknown-priority-area', {
  valid: [{ name: 'a priority area as people abbreviate it', sheet: column('Priority area', ['VAWG', 'A Better Criminal Justice Service']) }],
  invalid: [
    {
      name: 'a near miss',
      sheet: column('Priority area', ['Tackling Violence Against Women & Girl']),
      findings: [
        {
          cell: 'B2',
          severity: 'error',
          actual: 'Tackling Violence Against Women & Girl',
          suggestion: 'Tackling Violence Against Women and Girls',
          message: '“Tackling Violence Against Women & Girl” is not a priority area the model knows; did you mean “Tackling Violence Against Women and Girls”?',
        },
      ],
    },
  ],
});

testRule('unknown-funding-stream', {
  valid: [{ name: 'the model’s funding streams', sheet: column('Funding stream', ['MOPAC core', 'Violence Reduction Unit']) }],
  invalid: [
    {
      name: 'a misspelt funding stream',
      sheet: column('Funding stream', ['MOPAC core', 'Violence Reduction Unt']),
      findings: [
        {
          cell: 'B3',
          suggestion: 'Violence Reduction Unit',
          message: '“Violence Reduction Unt” is not a funding stream the model knows; did you mean “Violence Reduction Unit”?',
        },
      ],
    },
  ],
});

testRule('unknown-programme', {
  valid: [{ name: 'the model’s programmes', sheet: column('Programme', ['Young Londoners Fund programmes', 'Early Intervention Youth Fund projects']) }],
  invalid: [
    {
      name: 'a misspelt programme',
      sheet: column('Programme', ['Young Londoners Fund programmes', 'Early Intervention Youth Fnd projects']),
      findings: [
        {
          cell: 'B3',
          suggestion: 'Early Intervention Youth Fund projects',
          message: '“Early Intervention Youth Fnd projects” is not a programme the model knows; did you mean “Early Intervention Youth Fund projects”?',
        },
      ],
    },
  ],
});

testRule('unknown-borough', {
  valid: [
    { name: 'boroughs as people write them', sheet: column('Borough', ['Hammersmith & Fulham', 'Lambeth']) },
    { name: 'a column of councils that is not the model’s boroughs', sheet: column('Borough', ['Lambeth', 'Barnsley', 'Cardiff', 'Dorset']) },
  ],
  invalid: [
    {
      name: 'a near miss and a name nothing is close to',
      sheet: column('Borough', ['Lambeth', 'Camden', 'Lambet', 'Atlantis']),
      findings: [
        { cell: 'B4', severity: 'error', suggestion: 'Lambeth', message: '“Lambet” is not a London borough the model knows; did you mean “Lambeth”?' },
        {
          cell: 'B5',
          severity: 'error',
          actual: 'Atlantis',
          message: '“Atlantis” is not a London borough the model knows, and no known name is close; add it to the model if it is new.',
        },
      ],
    },
  ],
});

const years = (...values: readonly (string | number)[]): (string | number)[][] => [
  ['Line', 'Year', 'Budget £'],
  ...values.map((year, k) => [`Line ${k + 1}`, year, 5]),
];

testRule('invalid-year', {
  valid: [
    { name: 'fiscal years as people write them', sheet: years('2019/20', 'FY20/21', '2021-22') },
    { name: 'a run of calendar years', sheet: years(1981, 1982, 1983, 1984) },
  ],
  invalid: [
    {
      name: 'a year that spans two years',
      sheet: years('2019/20', '2019/21', '2020/21'),
      findings: [{ cell: 'B3', severity: 'error', actual: '2019/21', message: /^Year “2019\/21” is not a valid fiscal year: .+\.$/ }],
    },
    {
      name: 'a word where the year belongs',
      sheet: years('2019/20', 'Spring', '2020/21'),
      findings: [{ cell: 'B3', severity: 'error', message: 'Year “Spring” is not a valid fiscal year: it is not a fiscal year such as 2019/20.' }],
    },
  ],
});
