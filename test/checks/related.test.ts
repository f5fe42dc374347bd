/** Findings about the same difference name each other in `related`; findings that merely share amounts do not. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/checks/runner';
import type { Finding } from '../../src/checks/finding';
import { defaultModel } from '../../src/model/json';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { gridOf } from '../helpers/grid';
import { testRule } from './rule-tester';

const activities = (headline: string, total: number): (string | number | null)[][] => [
  ['Key activities 2019/20'],
  ['Key activity', '2019/20 £m'],
  [`A Better Criminal Justice Service (${headline})`],
  ['London Victims and Witnesses Service', 7.7],
  ['Women’s centres', 1.8],
  ['Total', total],
];

testRule('headline-mismatch', {
  valid: [],
  invalid: [
    {
      name: 'a headline and the total over the same lines, both stating £12.0m against lines of £9.5m: linked',
      sheet: activities('£12.0m', 12),
      findings: [{ cell: 'A3', severity: 'error', related: ['Sheet1!B6 total-mismatch'] }],
    },
    {
      name: 'a headline and a total over the same lines stating different figures: two differences, not linked',
      sheet: activities('£12.0m', 11),
      findings: [{ cell: 'A3', related: [] }],
    },
  ],
});

testRule('total-mismatch', {
  valid: [],
  invalid: [
    {
      name: 'the total, linked back to the headline for its lines',
      sheet: activities('£12.0m', 12),
      findings: [{ cell: 'B6', related: ['Sheet1!A3 headline-mismatch'] }],
    },
    {
      name: 'two tables off by the same amount over different lines: the same figures, but not the same difference',
      sheet: [['Line', 'Budget £'], ['A', 100], ['B', 200], ['Total', 350], [], [], ['Line', 'Budget £'], ['C', 120], ['D', 180], ['Total', 350]],
      findings: [
        { cell: 'B4', actual: '350', expected: '300', related: [] },
        { cell: 'B10', actual: '350', expected: '300', related: [] },
      ],
    },
  ],
});

describe('findings about the same difference in the sample', () => {
  let findings: readonly Finding[];
  beforeAll(async () => {
    const bytes = await fs.readFile(path.join(__dirname, '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx'));
    findings = checkWorkbook(await readXlsx(bytes, 'sample'), defaultModel(), { today: new Date(Date.UTC(2026, 10, 22)) }).findings;
  });
  const at = (sheet: string, cell: string, rule: Finding['rule']): Finding | undefined =>
    findings.find((f) => f.sheet === sheet && f.cell === cell && f.rule === rule);

  it('links the £0.2m headline warning for A Better Criminal Justice Service to the error at the lines it restates', () => {
    const headline = at('Spend by priority area', 'A31', 'headline-mismatch');
    const lines = at('Budget lines', 'H12', 'reconciliation-mismatch');
    expect(headline?.severity).toBe('warning');
    expect(lines?.severity).toBe('error');
    expect(headline?.related).toEqual([{ sheet: 'Budget lines', cell: 'H12', rule: 'reconciliation-mismatch' }]);
    expect(lines?.related).toEqual([{ sheet: 'Spend by priority area', cell: 'A31', rule: 'headline-mismatch' }]);
    // The same two figures, each finding seeing them from its own side: £17.9m stated, £18.1m in the lines.
    expect([headline?.expected, headline?.actual]).toEqual(['18.1', '17.9']);
    expect([lines?.expected, lines?.actual]).toEqual(['17900000', '18100000']);
  });

  it('links only findings whose figures are the same difference, each link both ways', () => {
    const linked = findings.filter((f) => f.related);
    expect(linked.length).toBeGreaterThan(0);
    for (const f of linked) {
      for (const r of f.related ?? []) {
        const other = at(r.sheet, r.cell, r.rule);
        expect(other?.related).toContainEqual({ sheet: f.sheet, cell: f.cell, rule: f.rule });
        const gap = (x: Finding | undefined): number =>
          Math.abs(Number(x?.actual) - Number(x?.expected)) * ({ '£m': 1e6, '£': 1 } as Record<string, number>)[x?.unit ?? '£'];
        expect(gap(other)).toBeCloseTo(gap(f), 2);
      }
    }
    // The variance and total findings of the sample share no difference with anything.
    expect(findings.filter((f) => f.rule === 'variance-threshold' || f.rule === 'total-rounding').every((f) => f.related === undefined)).toBe(true);
  });

  it('lists a linked finding’s fields in the one order every finding uses', () => {
    const headline = at('Spend by priority area', 'A31', 'headline-mismatch');
    expect(Object.keys(headline ?? {})).toEqual(['rule', 'severity', 'sheet', 'cell', 'message', 'expected', 'actual', 'unit', 'decimals', 'related']);
  });
});

describe('linking without a sheet', () => {
  it('does not link two findings at different cells of unrelated sheets that compare the same figures', () => {
    const sheet = (name: string) =>
      gridOf(name, [
        ['Line', 'Budget £'],
        ['A', 100],
        ['B', 200],
        ['Total', 350],
      ]);
    const result = checkWorkbook({ sheets: [sheet('One'), sheet('Two')] }, defaultModel());
    const totals = result.findings.filter((f) => f.rule === 'total-mismatch');
    expect(totals.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['One!B4', 'Two!B4']);
    expect(totals.every((f) => f.related === undefined)).toBe(true);
  });
});
