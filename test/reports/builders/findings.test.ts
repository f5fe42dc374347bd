import { parseA1 } from '../../../src/sheet/a1';
import { buildFindingsSheet, NO_FINDINGS, NO_FINDINGS_NOTHING_CHECKED, sortFindings } from '../../../src/reports/builders/findings';
import type { Finding } from '../../../src/checks/finding';
import { isLinkValue } from '../../../src/reports/spec';
import { findSheet } from '../../../src/sheet/grid';
import { loadSample, type Sample } from './sample';
import { textIn } from './spec-helpers';

describe('Findings sheet of the sample workbook', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await loadSample();
  });

  it('has one row per finding, each linking to a real cell of a real sheet', () => {
    const sheet = buildFindingsSheet(sample.check, sample.context);
    const [table] = sheet.tables;
    expect(table.rows).toHaveLength(sample.check.findings.length);
    expect(sample.check.findings.length).toBeGreaterThan(0);
    for (const row of table.rows) {
      const link = row.cells.cell;
      if (!isLinkValue(link)) throw new Error(`cell column holds ${JSON.stringify(link)}, not a link`);
      expect(findSheet(sample.workbook, link.sheet)).toBeDefined();
      expect(parseA1(link.cell)).toBeDefined();
      expect(link.sheet).toBe(row.cells.sheet);
    }
    // Every finding appears exactly once, with its message, rule and cell.
    const listed = table.rows
      .map((r) => `${textIn(r.cells.rule)}|${textIn(r.cells.sheet)}|${(r.cells.cell as { cell: string }).cell}|${textIn(r.cells.message)}`)
      .sort();
    const found = sample.check.findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`).sort();
    expect(listed).toEqual(found);
  });

  it('lists errors first, then warnings, then info, each in sheet order and then by cell', () => {
    const [table] = buildFindingsSheet(sample.check, sample.context, { sheetOrder: sample.workbook.sheets.map((g) => g.name) }).tables;
    const severities = table.rows.map((r) => r.cells.severity);
    const firstWarning = severities.indexOf('Warning');
    const firstInfo = severities.indexOf('Info');
    expect(severities.lastIndexOf('Error')).toBeLessThan(firstWarning);
    expect(severities.lastIndexOf('Warning')).toBeLessThan(firstInfo);
    const sheetIndex = (name: unknown): number => sample.workbook.sheets.findIndex((g) => g.name === name);
    for (let i = 1; i < table.rows.length; i++) {
      const a = table.rows[i - 1].cells;
      const b = table.rows[i].cells;
      if (a.severity !== b.severity) continue;
      expect(sheetIndex(a.sheet)).toBeLessThanOrEqual(sheetIndex(b.sheet));
      if (a.sheet === b.sheet) {
        const ca = parseA1((a.cell as { cell: string }).cell)!;
        const cb = parseA1((b.cell as { cell: string }).cell)!;
        expect(ca.row < cb.row || (ca.row === cb.row && ca.col <= cb.col)).toBe(true);
      }
    }
  });

  it('colours severity by a RAG column: errors red, warnings amber', () => {
    const [table] = buildFindingsSheet(sample.check, sample.context).tables;
    expect(table.name).toBe('CW_Findings');
    expect(table.conditionalFormats).toContainEqual({ kind: 'rag', column: 'flag' });
    expect(table.columns.find((c) => c.key === 'flag')?.type).toBe('rag');
    for (const row of table.rows) {
      expect(row.cells.flag).toBe({ Error: 'red', Warning: 'amber', Info: '' }[row.cells.severity as string]);
    }
  });

  it('shows a variance’s RAG status in its own column, coloured as the Rollup sheet colours RAG, beside the severity', () => {
    const [table] = buildFindingsSheet(sample.check, sample.context).tables;
    expect(table.columns.find((c) => c.key === 'status')).toMatchObject({ header: 'RAG', type: 'rag' });
    expect(table.conditionalFormats).toContainEqual({ kind: 'rag', column: 'status' });
    const statuses = table.rows.map((r) => `${textIn(r.cells.rule)} ${textIn(r.cells.severity)} ${textIn(r.cells.status)}`);
    expect(statuses).toContain('variance-threshold Warning red');
    expect(statuses).toContain('variance-threshold Info amber');
    // Only a variance measured against the thresholds has a status; every other finding leaves the column empty.
    for (const row of table.rows) if (row.cells.rule !== 'variance-threshold') expect(row.cells.status).toBe('');
    for (const row of table.rows) expect(textIn(row.cells.message)).not.toMatch(/^(Red|Amber):/);
  });

  it('opens with the counts and the readiness line', () => {
    const { errors, warnings, info } = sample.check.summary;
    const sheet = buildFindingsSheet(sample.check, sample.context);
    expect(sheet.name).toBe('Findings');
    expect(sheet.paragraphs.map((p) => p.text)).toEqual([
      `${errors} errors, ${warnings} warnings, ${info} info`,
      `${errors} errors open: not ready for the panel`,
    ]);
  });

  it('names the tables checked, the model and the date in its source line', () => {
    const [table] = buildFindingsSheet(sample.check, sample.context).tables;
    expect(table.source).toContain('LCPF boroughs!A1:D36');
    expect(table.source).toContain('Budget lines!A1:J32');
    expect(table.source).toMatch(/; model: default; generated 22 November 2026$/);
  });

  it('passes text through as the finding states it, formula-looking suggestions included', () => {
    const [table] = buildFindingsSheet(sample.check, sample.context).tables;
    const suggestions = table.rows.map((r) => r.cells.suggestion).filter((s): s is string => typeof s === 'string');
    expect(suggestions).toContain('=SUM(B3:B35)');
  });
});

describe('Findings sheet without findings', () => {
  it('says so in one paragraph and keeps an empty table with its header', async () => {
    const sample = await loadSample();
    const sheet = buildFindingsSheet({ ...sample.check, findings: [], summary: { errors: 0, warnings: 0, info: 0 } }, sample.context);
    expect(sheet.paragraphs).toEqual([{ text: NO_FINDINGS, emphasis: 'good' }]);
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0].rows).toEqual([]);
    const nothingChecked = { ...sample.check.coverage, totalsChecked: 0 };
    const unchecked = buildFindingsSheet(
      { ...sample.check, findings: [], summary: { errors: 0, warnings: 0, info: 0 }, coverage: nothingChecked },
      sample.context,
    );
    expect(unchecked.paragraphs).toEqual([{ text: NO_FINDINGS_NOTHING_CHECKED, emphasis: 'warning' }]);
    expect(sheet.tables[0].columns.map((c) => c.header)).toEqual([
      'Severity',
      'Flag',
      'RAG',
      'Rule',
      'Sheet',
      'Cell',
      'Message',
      'Expected',
      'Actual',
      'Unit',
      'Suggestion',
    ]);
  });
});

describe('sortFindings', () => {
  const finding = (severity: Finding['severity'], sheet: string, cell: string): Finding => ({
    rule: 'missing-value',
    severity,
    sheet,
    cell,
    message: `${sheet}!${cell}`,
  });

  it('orders by severity, then sheet order, then row before column (B10 after B9, AA1 after Z1)', () => {
    const sorted = sortFindings(
      [
        finding('info', 'A', 'A1'),
        finding('warning', 'B', 'B10'),
        finding('warning', 'B', 'B9'),
        finding('warning', 'A', 'AA1'),
        finding('warning', 'A', 'Z1'),
        finding('error', 'B', 'C3'),
      ],
      ['A', 'B'],
    );
    expect(sorted.map((f) => f.message)).toEqual(['B!C3', 'A!Z1', 'A!AA1', 'B!B9', 'B!B10', 'A!A1']);
  });
});
