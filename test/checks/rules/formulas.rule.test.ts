/** The formula audit's rules (src/checks/rules/formulas/), as cases: sheets as rows, findings at their cells. */
import { testRule } from '../rule-tester';

type Cell = string | number | null | { f: string; v?: number | string | null };
type Rows = Cell[][];

const SERVICES: readonly (readonly [string, number, number])[] = [
  ['Youth services', 120, 130],
  ['Victim support', 300, 280],
  ['Drug treatment', 80, 95],
  ['Community safety', 150, 150],
  ['Domestic abuse', 210, 240],
  ['Rehabilitation', 60, 55],
];

/** Budget and Forecast typed, Variance =Cn-Bn on each line (or the cell given for a row), a Total row of SUMs unless left off. */
function monitoring(variance: Readonly<Record<number, Cell>> = {}, withTotal = true): Rows {
  const lines: Rows = SERVICES.map(([label, budget, forecast], i) => {
    const row = i + 2;
    return [label, budget, forecast, variance[row] ?? { f: `C${row}-B${row}`, v: forecast - budget }];
  });
  const total: Rows = withTotal ? [['Total', { f: 'SUM(B2:B7)', v: 920 }, { f: 'SUM(C2:C7)', v: 950 }, { f: 'SUM(D2:D7)', v: 30 }]] : [];
  return [['Service', 'Budget £k', 'Forecast £k', 'Variance £k'], ...lines, ...total];
}

/**
 * A running total (the line above's plus this line's spend): C2 a formula, or typed where `typedSeed`; row 7
 * typed in where `typedInRow7` is given. No identity across columns, so only formula-missing sees a typed line.
 */
function runningTotal(typedInRow7?: number, typedSeed = false): Rows {
  const spends = [120, 340, 560, 780, 910, 230, 450];
  let total = 0;
  const lines: Rows = spends.map((spend, i) => {
    const row = i + 2;
    total += spend;
    if (row === 7 && typedInRow7 !== undefined) return [`Project ${i + 1}`, spend, typedInRow7];
    if (i === 0) return [`Project ${i + 1}`, spend, typedSeed ? total : { f: 'B2', v: total }];
    return [`Project ${i + 1}`, spend, { f: `C${row - 1}+B${row}`, v: total }];
  });
  return [['Project', 'Spend £', 'Cumulative £'], ...lines];
}

const sum = (range: string, v: number): Cell => ({ f: `SUM(${range})`, v });

testRule('formula-range', {
  valid: [
    {
      name: 'a total over every line of its block',
      sheet: [
        ['Line', 'Budget £'],
        ['Police', 100],
        ['Youth', 300],
        ['Total', sum('B2:B3', 400)],
      ],
    },
    { name: 'a clean monitoring table', sheet: monitoring() },
  ],
  invalid: [
    {
      name: 'a line left out before the range, which changes the figure',
      sheet: [
        ['Line', 'Budget £'],
        ['Police', 100],
        ['Victim services', 12300],
        ['Youth', 300],
        ['Total', sum('B3:B4', 12600)],
      ],
      findings: [
        {
          cell: 'B5',
          severity: 'error',
          expected: '12700',
          actual: '12600',
          suggestion: '=SUM(B2:B4)',
          message:
            'Total (Budget) in B5 adds B3:B4 but the lines of its block start at B2: “Police” in B2 (£100) is left out. It shows £12,600; with it, it would be £12,700.',
        },
      ],
    },
    {
      name: 'two lines left out',
      sheet: [
        ['Line', 'Budget £'],
        ['Police', 100],
        ['Probation', 50],
        ['Victim services', 12300],
        ['Youth', 300],
        ['Total', sum('B4:B5', 12600)],
      ],
      findings: [
        {
          cell: 'B6',
          severity: 'error',
          suggestion: '=SUM(B2:B5)',
          message:
            'Total (Budget) in B6 adds B4:B5 but the lines of its block start at B2: “Police” in B2 (£100) and “Probation” in B3 (£50) are left out. It shows £12,600; with them, it would be £12,750.',
        },
      ],
    },
    {
      name: 'a zero line left out at the end: right today, a warning',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Victim services', 0],
        ['Total', sum('B2:B3', 300)],
      ],
      findings: [
        {
          cell: 'B5',
          severity: 'warning',
          suggestion: '=SUM(B2:B4)',
          message:
            'Total (Budget) in B5 adds B2:B3 but the lines of its block run to B4: “Victim services” in B4 (£0) is left out. It is blank or zero today, so the figure is right, but it will not follow it when it changes.',
        },
      ],
    },
    {
      name: 'a range that reaches into the header',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Total', sum('B1:B3', 300)],
      ],
      findings: [
        {
          cell: 'B4',
          severity: 'warning',
          suggestion: '=SUM(B2:B3)',
          message:
            'Total (Budget) in B4 adds B1:B3, which reaches into the header (B1). They add nothing today, so the figure is right, but it will be wrong once they do. =SUM(B2:B3) adds only the lines.',
        },
      ],
    },
  ],
});

testRule('formula-double-count', {
  valid: [
    {
      name: 'a grand total of subtotals only',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Subtotal', sum('B2:B3', 300)],
        ['C', 50],
        ['Subtotal', sum('B5:B5', 50)],
        ['Total', { f: 'B4+B6', v: 350 }],
      ],
    },
  ],
  invalid: [
    {
      name: 'a total over a subtotal and the lines it adds',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Subtotal', sum('B2:B3', 300)],
        ['C', 50],
        ['Total', sum('B2:B5', 650)],
      ],
      findings: [
        {
          cell: 'B6',
          severity: 'error',
          expected: '350',
          actual: '650',
          suggestion: '=SUM(B4:B5)',
          message:
            'Total (Budget) in B6 adds B2:B5, which counts figures twice: “Subtotal” in B4 already adds B2:B3, and the formula adds those rows as well. It shows £650; counting each figure once, it would be £350. =SUM(B4:B5) adds each figure once.',
        },
      ],
    },
    {
      name: 'one row counted twice',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['Subtotal', { f: 'B2', v: 100 }],
        ['C', 50],
        ['Total', sum('B2:B4', 250)],
      ],
      findings: [
        {
          cell: 'B5',
          severity: 'error',
          message:
            'Total (Budget) in B5 adds B2:B4, which counts figures twice: “Subtotal” in B3 already adds B2, and the formula adds that row as well. It shows £250; counting each figure once, it would be £150. =SUM(B3:B4) adds each figure once.',
        },
      ],
    },
  ],
});

const UNLIKE_D4 =
  'Variance for “Drug treatment” is worked out as =C5-B5, unlike the 5 lines around it in this column, which follow the pattern that would be =C4-B4 here.';

testRule('formula-inconsistent', {
  valid: [
    { name: 'every line worked out one way, and a total of SUMs', sheet: monitoring() },
    { name: 'two cells sharing an odd shape: a pattern, not a slip', sheet: monitoring({ 3: { f: 'B3-C3', v: 20 }, 6: { f: 'B6-C6', v: -30 } }) },
  ],
  invalid: [
    {
      name: 'a reference shifted to the next row, which changes the figure',
      sheet: monitoring({ 4: { f: 'C5-B5', v: 0 } }, false),
      findings: [
        {
          cell: 'D4',
          severity: 'error',
          expected: '15',
          actual: '0',
          suggestion: '=C4-B4',
          message: `${UNLIKE_D4} That formula gives £15k, not the £0k shown: £15k apart.`,
        },
      ],
    },
    {
      name: 'a slip that gives the same figure today',
      sheet: monitoring({ 5: { f: 'C5-C5', v: 0 } }),
      findings: [
        {
          cell: 'D5',
          severity: 'warning',
          suggestion: '=C5-B5',
          message:
            'Variance for “Community safety” is worked out as =C5-C5, unlike the 5 lines around it in this column, which follow the pattern that would be =C5-B5 here. It gives the same figure today, but a formula unlike its neighbours breaks easily when lines are changed, sorted or copied.',
        },
      ],
    },
  ],
});

testRule('formula-constant', {
  valid: [
    { name: 'formulas of cells alone', sheet: monitoring() },
    {
      name: 'a number that scales rather than plugs',
      sheet: [
        ['Line', 'Budget £', 'Uplifted £'],
        ['A', 100, { f: 'B2*1.2', v: 120 }],
        ['B', 200, { f: 'B3*1.2', v: 240 }],
        ['C', 300, { f: 'B4*1.2', v: 360 }],
      ],
    },
  ],
  invalid: [
    {
      name: 'a plug in the one line of a column of clean formulas',
      sheet: monitoring({ 4: { f: 'C4-B4+40', v: 55 } }, false),
      findings: [
        {
          cell: 'D4',
          severity: 'error',
          expected: '15',
          actual: '55',
          suggestion: '=C4-B4',
          message:
            'Variance for “Drug treatment” is worked out as =C4-B4+40: the 40 typed into it adds £40k to what its cells give, so the figure no longer is what its label and the other lines’ formulas say. Without it the figure would be £15k, not £55k.',
        },
      ],
    },
    {
      name: 'a plug in a total',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Total', { f: 'SUM(B2:B3)+50', v: 350 }],
      ],
      findings: [
        {
          cell: 'B4',
          severity: 'error',
          suggestion: '=SUM(B2:B3)',
          message:
            'Total (Budget) is worked out as =SUM(B2:B3)+50: the 50 typed into it adds £50 to what its cells give, so the total no longer adds up to its lines. Without it the figure would be £300, not £350.',
        },
      ],
    },
  ],
});

testRule('formula-missing', {
  valid: [
    { name: 'every line worked out by the formula', sheet: monitoring() },
    { name: 'the typed first figure of a running series: the seed the formulas build on', sheet: runningTotal(undefined, true) },
  ],
  invalid: [
    {
      name: 'a typed figure that differs from what the formula gives',
      sheet: runningTotal(2000),
      findings: [
        {
          cell: 'C7',
          severity: 'error',
          expected: '2940',
          actual: '2000',
          suggestion: '=C6+B7',
          message:
            "Cumulative for “Project 6” in C7 is typed in as a number, while the column's other 5 lines work it out with a formula (C6 holds =C5+B6). It shows £2,000; =C6+B7 would give £2,940, £940 apart.",
        },
      ],
    },
    {
      name: 'a typed figure equal to what the formula gives today',
      sheet: monitoring({ 4: 15 }),
      findings: [
        {
          cell: 'D4',
          severity: 'warning',
          suggestion: '=C4-B4',
          message:
            "Variance for “Drug treatment” in D4 is typed in as a number, while the column's other 5 lines work it out with a formula (D3 holds =C3-B3). =C4-B4 gives the same figure today, but a typed figure will not change when the row does.",
        },
      ],
    },
  ],
});

const TYPED_BUDGETS: Rows = [
  ['Line', 'Budget £'],
  ['A', 100],
  ['B', 200],
  ['C', 300],
  ['D', 400],
  ['E', 500],
];

testRule('formula-among-inputs', {
  valid: [
    { name: 'a column of typed figures', sheet: [...TYPED_BUDGETS, ['F', 600]] },
    {
      name: 'too few typed lines for one formula to stand out',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['C', 300],
        ['F', { f: 'B2*3', v: 300 }],
      ],
    },
  ],
  invalid: [
    {
      name: 'one line derived from another among typed budgets',
      sheet: [...TYPED_BUDGETS, ['F', { f: 'B2*3', v: 300 }]],
      findings: [
        {
          cell: 'B7',
          severity: 'info',
          message:
            "Budget for “F” in B7 is worked out by a formula, =B2*3, while the column's other 5 lines are typed figures: a reviewer should know this figure is derived, and check it is meant to be.",
        },
      ],
    },
  ],
});

/** Three lines whose second column adds a fixed contingency cell, B1, which is blank. */
const CONTINGENCY: Rows = [
  ['Contingency', null],
  ['Line', 'Budget £', 'With contingency £'],
  ['A', 100, { f: 'B3+$B$1', v: 100 }],
  ['B', 200, { f: 'B4+$B$1', v: 200 }],
  ['C', 300, { f: 'B5+$B$1', v: 300 }],
];
const blankAdded = (line: string, row: number) =>
  `With contingency for “${line}” is worked out as =B${row}+$B$1, but B1 is empty: Excel takes a blank as zero, so it adds nothing. If a figure belongs there, fill it in; if not, take it out of the formula.`;

testRule('formula-blank-or-text', {
  valid: [
    {
      name: 'sums over figures',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 80000],
        ['C', 300],
        ['Total', sum('B2:B4', 80400)],
      ],
    },
    { name: 'the contingency filled in', sheet: CONTINGENCY.map((r, i) => (i === 0 ? ['Contingency', 50] : r)) },
  ],
  invalid: [
    {
      name: 'a SUM passing over an amount typed as text',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', '80,000'],
        ['C', 300],
        ['Total', sum('B2:B4', 400)],
      ],
      findings: [
        {
          cell: 'B5',
          severity: 'error',
          expected: '80400',
          actual: '400',
          message:
            'Total (Budget) is worked out as =SUM(B2:B4), but a figure is typed as text in B3 (“80,000”): SUM passes over text, so £80,000 is left out. With it the figure would be £80,400, not £400. Type it as a number.',
        },
      ],
    },
    {
      name: 'two amounts typed as text',
      sheet: [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', '80,000'],
        ['C', '1,200'],
        ['Total', sum('B2:B4', 100)],
      ],
      findings: [
        {
          cell: 'B5',
          severity: 'error',
          message:
            'Total (Budget) is worked out as =SUM(B2:B4), but 2 figures are typed as text in B3 (“80,000”), B4 (“1,200”): SUM passes over text, so £81,200 is left out. With them the figure would be £81,300, not £100. Type them as numbers.',
        },
      ],
    },
    {
      name: 'arithmetic over a word',
      sheet: [
        ['Line', 'Budget £', 'Forecast £', 'Variance £'],
        ['A', 100, 110, { f: 'C2-B2', v: 10 }],
        ['B', 200, 'TBC', { f: 'C3-B3', v: null }],
        ['C', 300, 310, { f: 'C4-B4', v: 10 }],
      ],
      findings: [
        {
          cell: 'D3',
          severity: 'error',
          message:
            'Variance for “B” is worked out as =C3-B3, but C3 holds the text “TBC”, not a figure: Excel cannot do arithmetic with words, so this cell shows #VALUE! once the sheet recalculates, and so does every total over it.',
        },
      ],
    },
    {
      name: 'a blank assumption cell added in',
      sheet: CONTINGENCY,
      findings: [
        { cell: 'C3', severity: 'warning', message: blankAdded('A', 3) },
        { cell: 'C4', severity: 'warning', message: blankAdded('B', 4) },
        { cell: 'C5', severity: 'warning', message: blankAdded('C', 5) },
      ],
    },
    {
      name: 'a blank rate multiplied in',
      sheet: [
        ['Rate', null],
        ['Line', 'Budget £', 'Uplifted £'],
        ['A', 100, { f: 'B3*$B$1', v: 0 }],
        ['B', 200, { f: 'B4*$B$1', v: 0 }],
        ['C', 300, { f: 'B5*$B$1', v: 0 }],
      ],
      findings: ['A', 'B', 'C'].map((line, i) => ({
        cell: `C${i + 3}`,
        severity: 'warning' as const,
        message: `Uplifted for “${line}” is worked out as =B${i + 3}*$B$1, but B1 is empty: Excel takes a blank as zero, so the figure comes out as zero. If a figure belongs there, fill it in; if not, take it out of the formula.`,
      })),
    },
  ],
});
