import { rollupWorkbook } from '../../../src/analysis/rollup';
import { buildReportSheets, describeModel } from '../../../src/reports/report-sheets';
import { namePart, TableNames, tableNameProblem } from '../../../src/reports/builders/table-names';
import { GENERATED_SHEET_NAMES } from '../../../src/sheet/reserved-sheet-names';
import { formulaMismatches, tableNamed } from './spec-helpers';
import { loadSample, TODAY, type Sample } from './sample';

describe('buildReportSheets on the sample workbook', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await loadSample();
  });

  const inputs = (s: Sample) => ({
    workbook: s.workbook,
    model: s.model,
    modelOrigin: { kind: 'default' as const },
    check: s.check,
    rollup: s.rollup,
    records: s.records,
    today: TODAY,
  });

  it('builds Findings, Rollup, Register and Panel report, in that order, all sheets the product owns', () => {
    const sheets = buildReportSheets(inputs(sample));
    expect(sheets.map((s) => s.name)).toEqual(['Findings', 'Rollup', 'Register', 'Panel report']);
    for (const s of sheets) expect(GENERATED_SHEET_NAMES).toContain(s.name);
  });

  it('gives every table a valid Excel name, unique across the report, starting CW_', () => {
    const names = buildReportSheets(inputs(sample)).flatMap((s) => s.tables.map((t) => t.name));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(name).toMatch(/^CW_[A-Za-z0-9_]+$/);
      expect(tableNameProblem(name)).toBeUndefined();
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('dates and sources every table, and every formula computes to its cached value', () => {
    for (const sheet of buildReportSheets(inputs(sample))) {
      expect(formulaMismatches(sheet)).toEqual([]);
      for (const table of sheet.tables) expect(table.source).toMatch(/^Source: .+; model: default; generated 22 November 2026$/);
      if (sheet.chart)
        expect(tableNamed(sheet, sheet.chart.table).columns.map((c) => c.key)).toEqual(
          expect.arrayContaining([sheet.chart.labelColumn, sheet.chart.valueColumn]),
        );
      // Every cell a row fills belongs to one of its table's columns.
      for (const table of sheet.tables) {
        const keys = new Set(table.columns.map((c) => c.key));
        for (const row of [...table.rows, ...table.totals])
          for (const key of Object.keys(row.cells)) expect(keys.has(key) ? key : `${table.name}.${key}`).toBe(key);
      }
    }
  });

  it('leaves the Register out when there are no records, and the panel says so', () => {
    const sheets = buildReportSheets({ ...inputs(sample), records: [] });
    expect(sheets.map((s) => s.name)).toEqual(['Findings', 'Rollup', 'Panel report']);
    expect(sheets[2].paragraphs.map((p) => p.text)).toContain('Register summary: the workbook has no contracts and grants register.');
  });

  it('rolls the panel up by priority area even when the Rollup sheet is by funding stream', () => {
    const byStream = rollupWorkbook(sample.workbook, sample.model, ['funding-stream'], { tables: sample.check.tables });
    const sheets = buildReportSheets({ ...inputs(sample), rollup: byStream });
    expect(sheets[1].tables[0].name).toBe('CW_RollupByFundingStream');
    expect(sheets.at(-1)!.tables[0].name).toBe('CW_PanelSpendByPriorityArea');
  });

  it('names the model in effect in its source lines', () => {
    expect(describeModel({ kind: 'default' })).toBe('default');
    expect(describeModel({ kind: 'json', path: 'models/2019.json' })).toBe('models/2019.json');
    expect(describeModel({ kind: 'workbook', path: 'in.xlsx', sheet: 'Model' })).toBe('the Model sheet');
    const [findings] = buildReportSheets({ ...inputs(sample), modelOrigin: { kind: 'json', path: 'm.json' } });
    expect(findings.tables[0].source).toMatch(/; model: m\.json; generated 22 November 2026$/);
  });
});

describe('table names', () => {
  it('refuses what Excel refuses', () => {
    expect(tableNameProblem('CW_Rollup')).toBeUndefined();
    expect(tableNameProblem('A1')).toMatch(/cell reference/);
    expect(tableNameProblem('XFD1048576')).toMatch(/cell reference/);
    expect(tableNameProblem('R1C1')).toMatch(/cell reference/);
    expect(tableNameProblem('R')).toMatch(/cell reference/);
    expect(tableNameProblem('1Table')).toMatch(/start with a letter/);
    expect(tableNameProblem('My table')).toMatch(/letters, digits and underscores/);
    expect(tableNameProblem('')).toMatch(/empty/);
    expect(tableNameProblem(`T${'x'.repeat(255)}`)).toMatch(/at most 255/);
  });

  it('makes names from titles and never hands out the same name twice, whatever the case', () => {
    expect(namePart('London Crime Prevention Fund 2019/20')).toBe('LondonCrimePreventionFund201920');
    expect(namePart("Children & Young People's (£m) — café")).toBe('ChildrenYoungPeoplesMCafe');
    const names = new TableNames();
    expect(names.name('Panel', 'Fund', 'VAWG fund')).toBe('CW_PanelFundVAWGFund');
    expect(names.name('Panel', 'Fund', 'VAWG  Fund')).toBe('CW_PanelFundVAWGFund_2');
    expect(names.name('Panel', 'Fund', '')).toBe('CW_PanelFund');
    expect(names.name('=cmd|')).toBe('CW_Cmd');
    expect(names.name('x'.repeat(400)).length).toBeLessThanOrEqual(255);
  });
});
