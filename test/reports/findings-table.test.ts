import type { Finding } from '../../src/checks/finding';
import { FINDINGS_TABLE_HEADINGS, findingsCsv, findingsTsv, orderFindings } from '../../src/reports/findings-table';
import { parseCsv } from './giving360/csv-reader';

function finding(overrides: Partial<Finding> & Pick<Finding, 'sheet' | 'cell'>): Finding {
  return { rule: 'total-mismatch', severity: 'warning', message: 'A message', ...overrides };
}

const column = (heading: (typeof FINDINGS_TABLE_HEADINGS)[number]): number => FINDINGS_TABLE_HEADINGS.indexOf(heading);

describe('orderFindings', () => {
  test('most serious first, then sheet in workbook order, then row and column (B9 before B10, B10 before C10)', () => {
    const findings = [
      finding({ severity: 'info', sheet: 'A', cell: 'B1' }),
      finding({ severity: 'warning', sheet: 'Second', cell: 'B1' }),
      finding({ severity: 'warning', sheet: 'First', cell: 'C10' }),
      finding({ severity: 'warning', sheet: 'First', cell: 'B10' }),
      finding({ severity: 'warning', sheet: 'First', cell: 'B9' }),
      finding({ severity: 'error', sheet: 'Second', cell: 'Z99' }),
    ];
    const ordered = orderFindings(findings, ['First', 'Second', 'A']);
    expect(ordered.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      'error Second!Z99',
      'warning First!B9',
      'warning First!B10',
      'warning First!C10',
      'warning Second!B1',
      'info A!B1',
    ]);
  });

  test('decided findings come after every open one, in the same order among themselves', () => {
    const decision = { kind: 'accepted', reason: 'Rounding explained', date: '2020-01-08' } as const;
    const findings = [
      finding({ severity: 'error', sheet: 'S', cell: 'B2', decision }),
      finding({ severity: 'info', sheet: 'S', cell: 'B3' }),
      finding({ severity: 'warning', sheet: 'S', cell: 'B4', decision }),
      finding({ severity: 'error', sheet: 'S', cell: 'B5' }),
    ];
    expect(orderFindings(findings, ['S']).map((f) => f.cell)).toEqual(['B5', 'B3', 'B2', 'B4']);
  });
});

describe('findingsCsv', () => {
  test('starts with a UTF-8 byte order mark and the header of every column, with CRLF line ends', () => {
    const csv = findingsCsv([finding({ sheet: 'S', cell: 'B2' })]);
    expect(csv.startsWith('\uFEFFSeverity,RAG,Rule,Sheet,Cell,Message,Expected,Actual,Unit,Suggestion,Decision,Reason,Date\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  test('one row per finding, every column present even when empty, quoting commas, quotes and line breaks', () => {
    const findings = [
      finding({
        sheet: 'Spend, 2019/20',
        cell: 'B36',
        message: 'Total "Allocation" £13.4m,\nbut the lines sum to £13.8m',
        expected: '13.8',
        actual: '13.4',
        unit: '£m',
      }),
      finding({ severity: 'info', sheet: 'S', cell: 'A1' }),
    ];
    const rows = parseCsv(findingsCsv(findings).slice(1));
    expect(rows[0]).toEqual([...FINDINGS_TABLE_HEADINGS]);
    expect(rows.slice(1).map((r) => r.length)).toEqual([13, 13]);
    expect(rows[1][column('Sheet')]).toBe('Spend, 2019/20');
    expect(rows[1][column('Message')]).toBe('Total "Allocation" £13.4m,\nbut the lines sum to £13.8m');
    expect(rows[1].slice(column('Expected'), column('Unit') + 1)).toEqual(['13.8', '13.4', '£m']);
    expect(rows[2]).toEqual(['Info', '', 'total-mismatch', 'S', 'A1', 'A message', '', '', '', '', '', '', '']);
  });

  test('text that would start a formula gets an apostrophe; figures stay plain numbers, negative ones too', () => {
    const rows = parseCsv(
      findingsCsv([
        finding({ sheet: '=cmd', cell: 'B2', message: '+1 more', suggestion: '=SUM(B2:B9)', expected: '-1.0', actual: '-22900', unit: '£' }),
        finding({
          sheet: 'S',
          cell: 'B3',
          message: '@here',
          suggestion: '-not a number',
          expected: '=1+1',
          decision: { kind: 'ignored', reason: '\tlooks fine', date: '2020-01-08' },
        }),
      ]).slice(1),
    );
    expect(rows[1][column('Sheet')]).toBe("'=cmd");
    expect(rows[1][column('Message')]).toBe("'+1 more");
    expect(rows[1][column('Suggestion')]).toBe("'=SUM(B2:B9)");
    expect(rows[1][column('Expected')]).toBe('-1.0');
    expect(rows[1][column('Actual')]).toBe('-22900');
    expect(rows[2][column('Message')]).toBe("'@here");
    expect(rows[2][column('Suggestion')]).toBe("'-not a number");
    expect(rows[2][column('Expected')]).toBe("'=1+1");
    expect(rows[2][column('Reason')]).toBe("'\tlooks fine");
  });

  test('the RAG status and a decision get their own columns in words', () => {
    const rows = parseCsv(
      findingsCsv([
        finding({ sheet: 'S', cell: 'B2', status: 'amber', decision: { kind: 'accepted', reason: 'Agreed with the panel', date: '2020-01-08' } }),
      ]).slice(1),
    );
    expect(rows[1][column('RAG')]).toBe('Amber');
    expect(rows[1].slice(column('Decision'))).toEqual(['Accepted', 'Agreed with the panel', '2020-01-08']);
  });
});

describe('findingsTsv', () => {
  test('tab-separated with a header row and no byte order mark; a field with a tab or line break is quoted', () => {
    const tsv = findingsTsv([
      finding({ sheet: 'S', cell: 'B2', message: 'one\ttwo', suggestion: 'a "b"' }),
      finding({ sheet: 'S', cell: 'B3', message: 'x\ny' }),
    ]);
    const lines = tsv.split('\r\n');
    expect(lines[0]).toBe(FINDINGS_TABLE_HEADINGS.join('\t'));
    expect(lines[1].split('\t')[column('Message')]).toBe('"one');
    expect(lines[1]).toContain('\t"one\ttwo"\t');
    expect(lines[1]).toContain('\t"a ""b"""\t');
    expect(lines[2]).toContain('\t"x\ny"\t');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
