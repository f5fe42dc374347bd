import Decimal from 'decimal.js';
import { checkWorkbook } from '../../../src/checks/runner';
import { fiscalQuarterOf, publishedStamp } from '../../../src/reports/builders/quarter';
import { buildRegisterSheet, sortRecords } from '../../../src/reports/builders/register';
import { readRegisterRecords } from '../../../src/reports/register-records';
import { gridOf } from '../../helpers/grid';
import { formulaMismatches, numberIn, tableNamed, textIn } from './spec-helpers';
import { loadSample, TODAY, type Sample } from './sample';

describe('Register sheet of the sample workbook', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await loadSample();
  });

  it('has one row per record, sorted by type, then recipient, then title', () => {
    const table = tableNamed(buildRegisterSheet(sample.records, sample.context), 'CW_Register');
    expect(table.rows).toHaveLength(sample.records.length);
    const keys = table.rows.map((r) => [textIn(r.cells.type), textIn(r.cells.recipient).toLowerCase(), textIn(r.cells.title).toLowerCase()]);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      const order = a[0].localeCompare(b[0]) || a[1].localeCompare(b[1], 'en-GB') || a[2].localeCompare(b[2], 'en-GB');
      expect(order).toBeLessThanOrEqual(0);
    }
    expect(new Set(table.rows.map((r) => r.cells.ref))).toEqual(new Set(sample.records.map((r) => r.id)));
    expect(table.rows[0].cells.type).toBe('Contract');
    expect(table.rows.at(-1)!.cells.type).toBe('Grant');
  });

  it('carries performance (RAG, coloured) and outcomes as the audit asked', () => {
    const table = tableNamed(buildRegisterSheet(sample.records, sample.context), 'CW_Register');
    expect(table.columns.map((c) => c.header)).toEqual([
      'Ref',
      'Title',
      'Recipient',
      'Type',
      'Amount',
      'Award date',
      'Start date',
      'End date',
      'Funder',
      'Priority area',
      'Funding stream',
      'Procurement route',
      'Status',
      'Performance (RAG)',
      'Outcomes',
    ]);
    expect(table.conditionalFormats).toEqual([{ kind: 'rag', column: 'performance' }]);
    const byRef = new Map(table.rows.map((r) => [r.cells.ref, r]));
    for (const record of sample.records) {
      const row = byRef.get(record.id!)!;
      expect(row.cells.performance).toBe(record.rag!.toLowerCase());
      expect(row.cells.outcomes).toBe(record.outcomes);
      expect(numberIn(row.cells.amount)!.eq(record.amount!)).toBe(true);
      expect(row.cells.awardDate).toEqual(record.awardDate);
    }
  });

  it('totals by type match the records, and the grand total is their sum', () => {
    const sheet = buildRegisterSheet(sample.records, sample.context);
    const byType = tableNamed(sheet, 'CW_RegisterByType');
    const types = [...new Set(sample.records.map((r) => r.type!))].sort();
    expect(byType.rows.map((r) => r.cells.type)).toEqual(types);
    for (const row of byType.rows) {
      const of = sample.records.filter((r) => r.type === row.cells.type);
      expect(row.cells.records).toBe(of.length);
      expect(numberIn(row.cells.amount)!.eq(of.reduce((s, r) => s.plus(r.amount!), new Decimal(0)))).toBe(true);
    }
    const grand = sample.records.reduce((s, r) => s.plus(r.amount!), new Decimal(0));
    expect(numberIn(byType.totals[0].cells.amount)!.eq(grand)).toBe(true);
    expect(numberIn(byType.totals[0].cells.records)!.eq(sample.records.length)).toBe(true);
    expect(numberIn(tableNamed(sheet, 'CW_Register').totals[0].cells.amount)!.eq(grand)).toBe(true);
    expect(formulaMismatches(sheet)).toEqual([]);
  });

  it('is stamped with the fiscal quarter it is published in', () => {
    const sheet = buildRegisterSheet(sample.records, sample.context);
    expect(sheet.paragraphs[0]).toEqual({ text: 'Published Q3 2026/27 (October to December 2026)', emphasis: 'strong' });
  });

  it('says in a footnote that the register checks found nothing', () => {
    const sheet = buildRegisterSheet(sample.records, sample.context, { findings: sample.check.findings, tables: sample.check.tables });
    const table = tableNamed(sheet, 'CW_Register');
    expect(table.footnotes.join('\n')).toMatch(/^Register checks: no findings/m);
    expect(table.source).toBe('Source: Contracts and grants!A1:P21; model: default; generated 22 November 2026');
    expect(sheet.paragraphs.some((p) => p.emphasis === 'warning')).toBe(false);
  });
});

describe('a register with errors', () => {
  it('names the register findings and says it is not ready to publish', async () => {
    const { model } = await loadSample();
    const workbook = {
      sheets: [
        gridOf('Contracts', [
          ['Ref', 'Title', 'Recipient', 'Type', 'Amount £', 'Award date', 'Start date', 'End date', 'Funder'],
          [
            'G-1',
            'Youth work',
            'Org B',
            'Grant',
            1000,
            new Date(Date.UTC(2026, 3, 1)),
            new Date(Date.UTC(2026, 3, 1)),
            new Date(Date.UTC(2027, 2, 31)),
            'MOPAC',
          ],
          [
            'G-2',
            '=HYPERLINK("x")',
            null,
            'Grant',
            2500.5,
            new Date(Date.UTC(2026, 3, 1)),
            new Date(Date.UTC(2026, 3, 1)),
            new Date(Date.UTC(2027, 2, 31)),
            'MOPAC',
          ],
          [
            'C-1',
            'Advocacy',
            'Org A',
            'Contract',
            3000,
            new Date(Date.UTC(2026, 3, 1)),
            new Date(Date.UTC(2027, 3, 1)),
            new Date(Date.UTC(2026, 5, 30)),
            'MOPAC',
          ],
        ]),
      ],
    };
    const check = checkWorkbook(workbook, model, { today: TODAY });
    const records = readRegisterRecords(check.tables, workbook, model);
    const sheet = buildRegisterSheet(records, { model, modelDescription: 'test', today: TODAY }, { findings: check.findings, tables: check.tables });
    const table = tableNamed(sheet, 'CW_Register');
    const note = table.footnotes.find((f) => f.startsWith('Register checks'))!;
    expect(note).toMatch(/errors mean it is not ready to publish/);
    expect(note).toContain('Contracts!C3');
    expect(note).toContain('Contracts!H4');
    expect(sheet.paragraphs).toContainEqual({ text: 'Not ready to publish: 2 register errors open.', emphasis: 'warning' });
    // Contract first; the grant without a recipient last; its formula-looking title passed through as data for the writers to neutralise.
    expect(table.rows.map((r) => r.cells.ref)).toEqual(['C-1', 'G-1', 'G-2']);
    expect(table.rows[2].cells.title).toBe('=HYPERLINK("x")');
    // Pence present: the register shows pounds and pence.
    expect(table.decimals).toBe(2);
  });
});

describe('sortRecords', () => {
  it('puts records missing a type or recipient after the others and never depends on input order', () => {
    const base = { sheet: 'R', cells: {} };
    const records = [
      { ...base, row: 1, id: 'x', title: 'b', recipient: 'r', type: 'Grant' },
      { ...base, row: 2, id: 'y', title: 'a', recipient: 'r', type: 'Grant' },
      { ...base, row: 3, id: 'z', title: 'a' },
      { ...base, row: 4, id: 'w', title: 'a', type: 'grant' },
    ];
    const order = sortRecords(records).map((r) => r.id);
    expect(order).toEqual(['y', 'x', 'w', 'z']);
    expect(sortRecords([...records].reverse()).map((r) => r.id)).toEqual(order);
  });
});

describe('fiscal quarters for the stamp', () => {
  const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

  it('counts from April: Q1 April to June, Q4 January to March of the next calendar year', () => {
    expect(publishedStamp(utc(2026, 11, 22))).toBe('Published Q3 2026/27 (October to December 2026)');
    expect(publishedStamp(utc(2026, 4, 1))).toBe('Published Q1 2026/27 (April to June 2026)');
    expect(publishedStamp(utc(2026, 9, 30))).toBe('Published Q2 2026/27 (July to September 2026)');
    expect(publishedStamp(utc(2027, 1, 1))).toBe('Published Q4 2026/27 (January to March 2027)');
    expect(publishedStamp(utc(2027, 3, 31))).toBe('Published Q4 2026/27 (January to March 2027)');
  });

  it('follows a model whose year starts in another month, naming both calendar years when a quarter spans them', () => {
    expect(fiscalQuarterOf(utc(2026, 12, 15), 11)).toEqual({ quarter: 1, year: '2026/27', months: 'November 2026 to January 2027' });
    expect(fiscalQuarterOf(utc(2026, 2, 1), 1)).toEqual({ quarter: 1, year: '2026/27', months: 'January to March 2026' });
  });
});
