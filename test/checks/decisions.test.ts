import { applyDecisions, decisionDate, decisionFor, decisionMatches, withDecision, type Decision } from '../../src/checks/decisions';
import type { Finding } from '../../src/checks/finding';
import { summarise } from '../../src/checks/finding';

const total: Finding = {
  rule: 'total-rounding',
  severity: 'warning',
  sheet: 'LCPF boroughs',
  cell: 'B36',
  message: 'Total £13.4m, but the lines sum to £13.8m.',
  expected: '13.8',
  actual: '13.4',
  unit: '£m',
};
const headline: Finding = {
  rule: 'headline-mismatch',
  severity: 'error',
  sheet: 'Spend',
  cell: 'A7',
  message: 'Stated £2.3m.',
  expected: '2.2',
  actual: '2.3',
};
const accepted = decisionFor(total, { kind: 'accepted', reason: 'Rounding explained', date: '2020-01-08' });

describe('which finding a decision is about', () => {
  it('matches an accepted finding only while its figures are the same', () => {
    expect(decisionMatches(accepted, total)).toBe(true);
    expect(decisionMatches(accepted, { ...total, actual: '13.5' })).toBe(false);
    expect(decisionMatches(accepted, { ...total, expected: '13.9' })).toBe(false);
  });

  it('compares figures as numbers, and sheet names and cells without case', () => {
    expect(decisionMatches(accepted, { ...total, actual: '13.40', sheet: 'lcpf BOROUGHS', cell: 'b36' })).toBe(true);
  });

  it('matches an ignored rule whatever the figures, but not another rule or cell', () => {
    const ignored: Decision = { ...accepted, kind: 'ignored', reason: '' };
    expect(decisionMatches(ignored, { ...total, actual: '99', expected: '1' })).toBe(true);
    expect(decisionMatches(ignored, { ...total, rule: 'total-mismatch' })).toBe(false);
    expect(decisionMatches(ignored, { ...total, cell: 'B37' })).toBe(false);
  });

  it('keeps one decision per finding: deciding again replaces it, null removes it', () => {
    const twice = withDecision([accepted], total, { kind: 'ignored', reason: '', date: '2020-02-01' });
    expect(twice).toEqual([expect.objectContaining({ kind: 'ignored', date: '2020-02-01', expected: '13.8', actual: '13.4' })]);
    expect(withDecision(twice, total, null)).toEqual([]);
  });

  it('dates a decision by the local calendar day', () => {
    expect(decisionDate(new Date(2020, 0, 8, 23, 30))).toBe('2020-01-08');
  });
});

describe('laying decisions over findings', () => {
  it('marks the matched finding decided and leaves it out of the open counts', () => {
    const { findings, unmatched } = applyDecisions([total, headline], [accepted]);
    expect(findings[0].decision).toEqual({ kind: 'accepted', reason: 'Rounding explained', date: '2020-01-08' });
    expect(findings[1].decision).toBeUndefined();
    expect(unmatched).toEqual([]);
    expect(summarise(findings)).toEqual({ errors: 1, warnings: 0, info: 0, decided: 1 });
  });

  it('reports a decision whose figures changed as unmatched, and the finding stays open', () => {
    const { findings, unmatched } = applyDecisions([{ ...total, actual: '13.3' }], [accepted]);
    expect(findings[0].decision).toBeUndefined();
    expect(unmatched).toEqual([accepted]);
    expect(summarise(findings)).toEqual({ errors: 0, warnings: 1, info: 0 });
  });

  it('says nothing of a decision about a sheet the check did not cover', () => {
    expect(applyDecisions([headline], [accepted], ['Spend']).unmatched).toEqual([]);
    expect(applyDecisions([headline], [accepted], ['LCPF boroughs']).unmatched).toEqual([accepted]);
  });

  it('puts the decision before a machine-readable apply in the finding, as the JSON contract orders them', () => {
    const withApply: Finding = { ...total, apply: { formula: '=SUM(B2:B35)' } };
    const [decided] = applyDecisions([withApply], [accepted]).findings;
    expect(Object.keys(decided).slice(-2)).toEqual(['decision', 'apply']);
  });
});
