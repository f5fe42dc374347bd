/**
 * formula-stale and formula-not-evaluated come from calculating the workbook (src/sheet/formulas/calculate.ts),
 * which testRule's cases skip, so these cases are calculated first and then checked; the findings are held
 * to the same standard: the cell, severity and message, worded by one of the rule's templates.
 */
import { checkWorkbook } from '../../../src/checks/runner';
import type { RuleId } from '../../../src/checks/finding';
import { ruleMeta } from '../../../src/checks/rules/registry';
import { calculateFormulas } from '../../../src/sheet/formulas/calculate';
import { defaultModel } from '../../../src/model/json';
import { gridOf } from '../../helpers/grid';
import { matchesATemplate } from '../rule-tester';

type Rows = Parameters<typeof gridOf>[1];

interface Case {
  readonly name: string;
  readonly sheet: Rows;
  readonly findings: readonly { cell: string; severity: string; message: string; expected?: string; actual?: string }[];
}

function findingsOf(rule: RuleId, sheet: Rows) {
  const workbook = calculateFormulas({ sheets: [gridOf('Sheet1', sheet)] });
  return checkWorkbook(workbook, defaultModel(), { today: new Date(Date.UTC(2026, 10, 22)) }).findings.filter((f) => f.rule === rule);
}

function testCalculationRule(rule: RuleId, cases: { valid: readonly Omit<Case, 'findings'>[]; invalid: readonly Case[] }): void {
  describe(`rule ${rule}`, () => {
    it('declares its meta in the registry', () => {
      const meta = ruleMeta(rule);
      expect([meta?.id, meta?.group]).toEqual([rule, 'calculation']);
      for (const sentence of [meta?.checks, meta?.why, meta?.fix]) expect(sentence).toMatch(/^[A-Z“(=`'].{10,}[.)”]$/s);
    });
    for (const c of cases.valid) it(`says nothing: ${c.name}`, () => expect(findingsOf(rule, c.sheet)).toEqual([]));
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const found = findingsOf(rule, c.sheet);
        expect(found.map(({ cell, severity, message, expected, actual }) => ({ cell, severity, message, expected, actual }))).toEqual(
          c.findings.map((f) => ({ expected: undefined, actual: undefined, ...f })),
        );
        for (const f of found) expect(matchesATemplate(rule, f.message)).toBe(true);
      });
    }
  });
}

const BUDGET: Rows = [
  ['Line', 'Budget £'],
  ['A', 100],
  ['B', 200],
];

testCalculationRule('formula-stale', {
  valid: [
    { name: 'a saved total its formula agrees with', sheet: [...BUDGET, ['Total', { f: 'SUM(B2:B3)', v: 300 }]] },
    { name: 'a volatile formula, never called stale', sheet: [...BUDGET, ['Today', { f: 'TODAY()', v: 1 }]] },
  ],
  invalid: [
    {
      name: 'a saved total its formula no longer gives',
      sheet: [...BUDGET, ['Total', { f: 'SUM(B2:B3)', v: 250 }]],
      findings: [
        {
          cell: 'B4',
          severity: 'warning',
          expected: '300',
          actual: '250',
          message:
            'Shows 250, but its formula =SUM(B2:B3) gives 300 from the figures now in the workbook: the saved result is out of date, as in a workbook left in manual calculation. Recalculate (F9 in Excel) and save before relying on it.',
        },
      ],
    },
  ],
});

testCalculationRule('formula-not-evaluated', {
  valid: [
    { name: 'a formula worked out here', sheet: [...BUDGET, ['Total', { f: 'SUM(B2:B3)' }]] },
    { name: 'a formula not understood, but with its saved result', sheet: [...BUDGET, ['Total', { f: 'INDIRECT("B2")', v: 100 }]] },
  ],
  invalid: [
    {
      name: 'a formula not understood, without a saved result',
      sheet: [...BUDGET, ['Total', { f: 'INDIRECT("B2")' }]],
      findings: [
        {
          cell: 'B4',
          severity: 'info',
          message: `=INDIRECT("B2") has no saved result, and it uses INDIRECT, which the evaluator does not know, so this cell's figure is unknown and was not checked. Open the workbook in Excel or LibreOffice and save it to store its results.`,
        },
      ],
    },
  ],
});
