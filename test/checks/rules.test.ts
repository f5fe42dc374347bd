import { checkWorkbook } from '../../src/checks/runner';
import type { Finding, RuleId } from '../../src/checks/finding';
import { defaultModel } from '../../src/model/json';
import type { CommissioningModel } from '../../src/model/types';
import type { Grid } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

const TODAY = new Date(Date.UTC(2026, 10, 22));

function check(grids: Grid[], model: CommissioningModel = defaultModel()): Finding[] {
  return [...checkWorkbook({ sheets: grids }, model, { today: TODAY }).findings];
}

function only(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

describe('total-mismatch and total-rounding', () => {
  const table = (total: number) =>
    gridOf('T', [
      ['LCPF Allocation to Boroughs', 'Allocation £m'],
      ...Array.from({ length: 33 }, (_, i) => [`Line ${i + 1}`, i < 4 ? 0.5 : 0.4]),
      ['Total', total],
    ]);
  // The 33 lines sum to 13.6.

  it('calls a difference within the rounding bound a warning, stating the difference and the bound', () => {
    const [f] = only(check([table(13.4)]), 'total-rounding');
    expect(f.severity).toBe('warning');
    expect(f.cell).toBe('B35');
    expect(f.message).toBe(
      'Total (Allocation) £13.4m, but the 33 lines above sum to £13.6m: £0.2m apart, within the £1.7m that rounding 34 figures to the nearest £0.1m could explain.',
    );
    expect([f.expected, f.actual, f.unit]).toEqual(['13.6', '13.4', '£m']);
  });

  it('calls a difference beyond the bound an error', () => {
    const [f] = only(check([table(16.0)]), 'total-mismatch');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('more than the £1.7m that rounding could explain');
  });

  it('says nothing when the total adds up', () => {
    const findings = check([table(13.6)]);
    expect(only(findings, 'total-mismatch')).toEqual([]);
    expect(only(findings, 'total-rounding')).toEqual([]);
  });

  it('holds full-precision figures to half a penny', () => {
    const grid = (total: number) =>
      gridOf('P', [
        ['Line', 'Budget £'],
        ['A', 100.25],
        ['B', 200.5],
        ['Total', total],
      ]);
    expect(only(check([grid(300.75)]), 'total-mismatch')).toEqual([]);
    const [f] = only(check([grid(300.76)]), 'total-mismatch');
    expect(f.message).toContain('stored in full, so rounding cannot explain it');
  });

  it('reads a lone dash in a total row as zero', () => {
    const findings = check([
      gridOf('Z', [
        ['Line', 'Budget £'],
        ['A', 5],
        ['B', -5],
        ['Total', '-'],
      ]),
    ]);
    expect(findings.filter((f) => f.rule.startsWith('total') || f.rule === 'missing-value')).toEqual([]);
  });

  it('fills blanks the rest of their row determines before comparing a total', () => {
    const grid = gridOf('CCF', [
      ['Project', 'Allocation £m', 'Forecast £m', 'Variance £m'],
      ['A', 1.0, 1.0, 0.0],
      ['B', null, 0.6, -1.1],
      ['Total', 2.7, 1.6, -1.1],
    ]);
    const findings = check([grid]);
    expect(only(findings, 'total-mismatch')).toEqual([]);
    const [missing] = only(findings, 'missing-value');
    expect([missing.cell, missing.suggestion]).toEqual(['B3', '1.7']);
  });
});

describe('hardcoded-total', () => {
  it('notes a typed-in total and suggests the SUM', () => {
    const [f] = only(
      check([
        gridOf('H', [
          ['Line', 'Budget £'],
          ['A', 1],
          ['B', 2],
          ['Total', 3],
        ]),
      ]),
      'hardcoded-total',
    );
    expect([f.severity, f.cell, f.suggestion]).toEqual(['info', 'B4', '=SUM(B2:B3)']);
  });
  it('leaves a formula total alone', () => {
    const grid = gridOf('H', [
      ['Line', 'Budget £'],
      ['A', 1],
      ['B', 2],
      ['Total', { f: 'SUM(B2:B3)', v: 3 }],
    ]);
    expect(only(check([grid]), 'hardcoded-total')).toEqual([]);
  });
});

describe('headline-mismatch', () => {
  const activities = (headline: string) =>
    gridOf('A', [
      ['Key activities 2019/20'],
      ['Key activity', '2019/20 £m'],
      [`A Better Criminal Justice Service (${headline})`],
      ['London Victims and Witnesses Service', 7.7],
      ['Women’s centres', 1.8],
    ]);
  it('reports a stated section figure that its lines do not reach, at the stated figure', () => {
    const [f] = only(check([activities('£9.4m')]), 'headline-mismatch');
    expect(f.cell).toBe('A3');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'A Better Criminal Justice Service is stated as £9.4m, but its 2 lines sum to £9.5m: £0.1m apart, within the £0.15m that rounding 3 figures to the nearest £0.1m could explain.',
    );
    const [error] = only(check([activities('£12.0m')]), 'headline-mismatch');
    expect(error.severity).toBe('error');
  });
  it('says nothing when the lines reach the stated figure', () => {
    expect(only(check([activities('£9.5m')]), 'headline-mismatch')).toEqual([]);
  });
});

describe('variance-mismatch and variance-sign-convention', () => {
  it('reports a variance that is not forecast − budget', () => {
    const grid = gridOf('V', [
      ['Line', 'Budget £', 'Forecast £', 'Variance £'],
      ['A', 100, 90, -10],
      ['B', 100, 120, 25],
    ]);
    const [f] = only(check([grid]), 'variance-mismatch');
    expect([f.cell, f.expected, f.actual]).toEqual(['D3', '20', '25']);
    expect(only(check([grid]), 'variance-sign-convention')).toEqual([]);
  });
  it('reports a table worked the other way round once, at the variance header', () => {
    const grid = gridOf('V', [
      ['Line', 'Budget £', 'Forecast £', 'Variance £'],
      ['A', 100, 90, 10],
      ['B', 100, 120, -20],
      ['C', 50, 50, 0],
    ]);
    const findings = check([grid]);
    expect(only(findings, 'variance-mismatch')).toEqual([]);
    const [f] = only(findings, 'variance-sign-convention');
    expect([f.cell, f.severity]).toEqual(['D1', 'warning']);
  });
  it('uses actual − budget where there is no forecast', () => {
    const ok = gridOf('V', [
      ['Line', 'Budget £', 'Actual £', 'Variance £'],
      ['A', 100, 90, -10],
    ]);
    expect(only(check([ok]), 'variance-mismatch')).toEqual([]);
  });
  it('allows for figures stored rounded', () => {
    const grid = gridOf('V', [
      ['Line', 'Budget £m', 'Forecast £m', 'Variance £m'],
      ['A', 1.04, 1.1, 0.1],
    ]);
    expect(only(check([grid]), 'variance-mismatch')).toEqual([]);
  });
});

describe('variance-threshold', () => {
  it('flags amber as info and red as a warning, and green not at all', () => {
    const grid = gridOf('R', [
      ['Line', 'Budget £', 'Forecast £', 'Variance £'],
      ['Green', 1000, 1010, 10],
      ['Amber', 1000, 1060, 60],
      ['Red', 10_000_000, 9_000_000, -1_000_000],
    ]);
    const findings = only(check([grid]), 'variance-threshold');
    expect(findings.map((f) => [f.cell, f.severity])).toEqual([
      ['D3', 'info'],
      ['D4', 'warning'],
    ]);
  });
});

describe('missing-value, not-a-number, formula-error', () => {
  it('reports a blank among figures, with the inferred value when the row determines it', () => {
    const grid = gridOf('M', [
      ['Line', 'Budget £', 'Forecast £', 'Variance £'],
      ['A', null, 90, -10],
      ['B', 'TBC', 5, null],
    ]);
    const findings = only(check([grid]), 'missing-value');
    expect(findings.map((f) => [f.cell, f.suggestion])).toEqual([
      ['B2', '100'],
      ['B3', undefined],
      ['D3', undefined],
    ]);
    expect(findings[1].message).toContain('holds “TBC” instead of a figure');
  });
  it('says nothing of a row with no figures at all', () => {
    const grid = gridOf('M', [
      ['Line', 'Budget £', 'Notes'],
      ['A', 5, null],
      ['B', null, 'closed'],
    ]);
    expect(only(check([grid]), 'missing-value')).toEqual([]);
  });
  it('reports text that is not an amount, and formula errors', () => {
    const grid = gridOf('N', [
      ['Line', 'Budget £'],
      ['A', 'approx 5'],
      ['B', { f: 'C9/0', v: { kind: 'error', code: '#DIV/0!' } }],
      ['C', '£1,200'],
    ]);
    const findings = check([grid]);
    expect(only(findings, 'not-a-number').map((f) => f.cell)).toEqual(['B2']);
    const [err] = only(findings, 'formula-error');
    expect([err.cell, err.actual]).toEqual(['B3', '#DIV/0!']);
  });
});

describe('negative-amount', () => {
  it('flags a negative budget among positive ones', () => {
    const grid = gridOf('N', [
      ['Line', 'Budget £'],
      ['A', 10],
      ['B', -4],
      ['C', 6],
      ['D', 7],
      ['E', 8],
      ['F', 9],
    ]);
    expect(only(check([grid]), 'negative-amount').map((f) => f.cell)).toEqual(['B3']);
  });
  it('does not judge one negative among a handful of figures a stray', () => {
    const grid = gridOf('N', [
      ['Line', 'Budget £'],
      ['A', 10],
      ['B', -4],
      ['C', 6],
      ['D', 7],
    ]);
    expect(only(check([grid]), 'negative-amount')).toEqual([]);
  });
  it('leaves lines under a heading of balances alone, and under the heading over their heading', () => {
    const grid = gridOf('N', [
      ['Line', 'Amount £m'],
      ['Exports', null],
      ...['Goods', 'Services', 'Travel', 'Transport', 'Financial', 'Other'].map((l, k) => [l, 100 + k]),
      ['Balances', null],
      ['Trade', null],
      ['Goods traded', 50],
      ['Services traded', -30],
    ]);
    expect(only(check([grid]), 'negative-amount')).toEqual([]);
  });
  it('flags a column that is all negative once', () => {
    const grid = gridOf('N', [
      ['Line', 'Budget £'],
      ['A', -10],
      ['B', -4],
    ]);
    const findings = only(check([grid]), 'negative-amount');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('All 2 figures');
  });
  it('leaves negative variances alone', () => {
    const grid = gridOf('N', [
      ['Line', 'Budget £', 'Forecast £', 'Variance £'],
      ['A', 10, 9, -1],
      ['B', 5, 5, 0],
    ]);
    expect(only(check([grid]), 'negative-amount')).toEqual([]);
  });
});

describe('unknown names and invalid years', () => {
  const grid = (borough: string, area: string, year: string | number) =>
    gridOf('L', [
      ['Line', 'Borough', 'Priority area', 'Year', 'Budget £'],
      ['A', borough, area, year, 5],
    ]);
  it('suggests the closest known name when one is close', () => {
    const findings = check([grid('Lambet', 'Tackling Violence Against Women & Girl', '2019/20')]);
    const [borough] = only(findings, 'unknown-borough');
    expect([borough.cell, borough.suggestion]).toEqual(['B2', 'Lambeth']);
    const [area] = only(findings, 'unknown-priority-area');
    expect(area.suggestion).toBe('Tackling Violence Against Women and Girls');
  });
  it('gives no suggestion when nothing is close', () => {
    const boroughs = gridOf('L', [
      ['Line', 'Borough', 'Budget £'],
      ['A', 'Lambeth', 5],
      ['B', 'Camden', 5],
      ['C', 'Atlantis', 5],
    ]);
    const [f] = only(check([boroughs]), 'unknown-borough');
    expect([f.cell, f.suggestion]).toEqual(['B4', undefined]);
  });
  it("questions names only in a column that is one of the model's dimensions", () => {
    // Most names here are places the model does not list and are not near misses: a column of places,
    // not of London boroughs, whatever its header says.
    const councils = gridOf('L', [
      ['Line', 'Borough', 'Budget £'],
      ['A', 'Lambeth', 5],
      ['B', 'Barnsley', 5],
      ['C', 'Cardiff', 5],
      ['D', 'Dorset', 5],
    ]);
    expect(only(check([councils]), 'unknown-borough')).toEqual([]);
  });
  it('reports every line of an unknown name in a model dimension, one finding per cell', () => {
    const boroughs = gridOf('L', [
      ['Line', 'Borough', 'Budget £'],
      ['A', 'Lambeth', 5],
      ['B', 'Lambet', 5],
      ['C', 'Lambet', 5],
    ]);
    expect(only(check([boroughs]), 'unknown-borough').map((f) => f.cell)).toEqual(['B3', 'B4']);
  });
  it('accepts names as people write them', () => {
    const findings = check([grid('Hammersmith & Fulham', 'VAWG', 'FY19/20')]);
    expect(findings.filter((f) => f.rule.startsWith('unknown') || f.rule === 'invalid-year')).toEqual([]);
  });
  it.each(['2019/21', '20200', '2019/20/21'])('rejects the year %s', (year) => {
    const [f] = only(check([grid('Lambeth', 'Policing', year)]), 'invalid-year');
    expect(f.cell).toBe('D2');
  });
});

describe('duplicate-line', () => {
  it('reports a repeated ref at the later occurrence', () => {
    const grid = gridOf('D', [
      ['Ref', 'Line', 'Budget £'],
      ['R1', 'A', 1],
      ['R1', 'B', 2],
    ]);
    const [f] = only(check([grid]), 'duplicate-line');
    expect(f.cell).toBe('A3');
  });
  it('finds a ref repeated in another case among refs that otherwise rise, and none where every ref rises', () => {
    const rows = (refs: readonly string[]): (string | number)[][] => [['Ref', 'Line', 'Budget £'], ...refs.map((r, k) => [r, `Line ${k}`, 100 + k])];
    expect(only(check([gridOf('D', rows(['R1', 'R2', 'r2', 'R3']))]), 'duplicate-line').map((f) => f.cell)).toEqual(['A4']);
    expect(only(check([gridOf('D', rows(['R1', 'R2', 'R3', 'R4']))]), 'duplicate-line')).toEqual([]);
  });
  it('reports the same label with the same dimensions when there are no refs', () => {
    const dup = gridOf('D', [
      ['Line', 'Borough', 'Budget £'],
      ['A', 'Barnet', 1],
      ['A', 'Barnet', 2],
    ]);
    expect(only(check([dup]), 'duplicate-line').map((f) => f.cell)).toEqual(['A3']);
    const distinct = gridOf('D', [
      ['Line', 'Borough', 'Budget £'],
      ['A', 'Barnet', 1],
      ['A', 'Bexley', 2],
    ]);
    expect(only(check([distinct]), 'duplicate-line')).toEqual([]);
  });
});

describe('register rules', () => {
  const header = ['Ref', 'Title', 'Recipient', 'Type', 'Amount £', 'Award date', 'Start date', 'End date'];
  const good = ['G1', 'Youth work', 'Redthread', 'Grant', 800000, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)];
  it('accepts a complete record', () => {
    const findings = check([gridOf('R', [header, good])]);
    expect(findings.filter((f) => f.rule.startsWith('register'))).toEqual([]);
  });
  it('reports blank required fields at the blank cell', () => {
    const findings = only(check([gridOf('R', [header, ['G2', 'Advocacy', null, 'Grant', 5000, null, null, null]])]), 'register-missing-field');
    expect(findings.map((f) => f.cell)).toEqual(['C2', 'F2']);
  });
  it('reports an end before the start, and an award in the future', () => {
    const findings = only(check([gridOf('R', [header, ['G3', 'X', 'Y', 'Grant', 5, d(2027, 1, 1), d(2020, 4, 1), d(2020, 3, 31)]])]), 'register-dates');
    expect(findings.map((f) => f.cell).sort()).toEqual(['F2', 'H2']);
  });
  it('warns of a zero amount and rejects a repeated id', () => {
    const findings = check([gridOf('R', [header, good, ['G1', 'Other', 'Z', 'Contract', 0, d(2019, 3, 1), d(2019, 4, 1), d(2020, 3, 31)]])]);
    expect(only(findings, 'register-zero-amount').map((f) => f.cell)).toEqual(['E3']);
    expect(only(findings, 'register-duplicate-id').map((f) => f.cell)).toEqual(['A3']);
  });
});

describe('reconciliation-mismatch', () => {
  it('compares a fund table with the model when its lines are that fund’s components', () => {
    const grid = gridOf('YLF', [
      ['Programme', '2019/20 Budget £m'],
      ['London Gang Exit', 0.5],
      ['Major Trauma Centre and A&E Youth Work', 0.74],
      ['Total', 1.24],
    ]);
    const findings = only(check([grid]), 'reconciliation-mismatch');
    expect(findings.map((f) => [f.cell, f.expected, f.severity])).toEqual([
      ['B3', '0.64', 'error'],
      ['B4', '1.14', 'error'],
    ]);
  });
  it('does not guess: a lone line that happens to share a component’s name is not compared', () => {
    const grid = gridOf('Mixed', [
      ['Service', '2019/20 Budget £m'],
      ['London Gang Exit', 0.06],
      ['Prison Pathfinder', 0.08],
    ]);
    expect(only(check([grid]), 'reconciliation-mismatch')).toEqual([]);
  });
  it('does not compare a figure whose year cannot be read', () => {
    const grid = gridOf('NoYear', [
      ['Programme', 'Budget £m'],
      ['London Gang Exit', 0.9],
      ['Major Trauma Centre and A&E Youth Work', 0.9],
    ]);
    expect(only(check([grid]), 'reconciliation-mismatch')).toEqual([]);
  });
  it('compares a summary covering every priority area, per area and in total', () => {
    const model = defaultModel();
    const rows = model.priorityAreas.map((p) => [p.name, Number(p.figures.find((f) => f.year === '2019/20')?.amount) / 1e6]);
    rows[1] = [rows[1][0], 18.1];
    const grid = gridOf('PA', [['Priority area', '2019/20 £m'], ...rows, ['Total', 53.8]]);
    const findings = only(check([grid]), 'reconciliation-mismatch');
    expect(findings.map((f) => [f.cell, f.expected])).toEqual([
      ['B3', '17.9'],
      ['B7', '53.6'],
    ]);
  });
});
