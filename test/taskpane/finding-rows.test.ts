import type { Finding } from '../../src/checks/finding';
import {
  categoryOf,
  countCategories,
  filterOf,
  filtersActive,
  groupTotals,
  listRows,
  type Filters,
  type KeyedFinding,
} from '../../src/taskpane/pages/check/finding-rows';

const decision = { kind: 'accepted', reason: 'Rounding explained', date: '2020-01-08' } as const;

function finding(overrides: Partial<Finding>): Finding {
  return { rule: 'total-mismatch', severity: 'warning', sheet: 'Budget', cell: 'B2', message: 'Total £10, but the lines sum to £12', ...overrides };
}

const keyed = (findings: readonly Finding[]): KeyedFinding[] => findings.map((f, i) => ({ finding: f, key: String(i) }));
const none: Filters = { categories: new Set(), rule: '', query: '' };

test('a decided finding counts as decided, whatever its severity; open ones by severity', () => {
  const findings = [finding({ severity: 'error' }), finding({ severity: 'error', decision }), finding({ severity: 'info' })];
  expect(findings.map(categoryOf)).toEqual(['error', 'decided', 'info']);
  expect(countCategories(findings)).toEqual({ error: 1, warning: 0, info: 1, decided: 1 });
});

test('no count pressed shows everything; pressed counts show only theirs, together', () => {
  const findings = [finding({ severity: 'error' }), finding({ severity: 'warning' }), finding({ severity: 'info', decision })];
  expect(findings.filter(filterOf(none))).toHaveLength(3);
  expect(filtersActive(none)).toBe(false);
  const errorsAndDecided: Filters = { ...none, categories: new Set(['error', 'decided']) };
  expect(findings.filter(filterOf(errorsAndDecided)).map(categoryOf)).toEqual(['error', 'decided']);
  expect(filtersActive(errorsAndDecided)).toBe(true);
});

test('the search ignores case and surrounding spaces and looks at the message, Sheet!Cell, rule and suggestion only', () => {
  const findings = [
    finding({ sheet: 'LCPF boroughs', cell: 'B36' }),
    finding({ rule: 'hardcoded-total', suggestion: '=SUM(B11:B15)' }),
    finding({ message: 'Variance for “Project 7”', expected: '36' }),
  ];
  const found = (query: string) => findings.filter(filterOf({ ...none, query })).length;
  expect(found('  lcpf boroughs!b36 ')).toBe(1);
  expect(found('=sum(')).toBe(1);
  expect(found('HARDCODED')).toBe(1);
  expect(found('project 7')).toBe(1);
  // Figures are not searched: "36" is only in B36's address.
  expect(found('36')).toBe(1);
  expect(filtersActive({ ...none, query: '   ' })).toBe(false);
});

test('ungrouped rows are the findings; grouped, a heading first with the group shown and in all, groups in order of first finding', () => {
  const all = [
    finding({ sheet: 'Second', severity: 'error' }),
    finding({ sheet: 'First', cell: 'B3' }),
    finding({ sheet: 'Second', cell: 'B9' }),
    finding({ sheet: 'First', cell: 'B4' }),
  ];
  const items = keyed(all);
  expect(listRows(items, 'none', groupTotals(all, 'none')).map((r) => r.kind)).toEqual(['finding', 'finding', 'finding', 'finding']);
  const rows = listRows(items.slice(0, 3), 'sheet', groupTotals(all, 'sheet'));
  expect(rows.map((r) => (r.kind === 'heading' ? `${r.label} (${r.shown} of ${r.total})` : r.item.key))).toEqual([
    'Second (2 of 2)',
    '0',
    '2',
    'First (1 of 2)',
    '1',
  ]);
});
