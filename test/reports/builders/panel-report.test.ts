import Decimal from 'decimal.js';
import { checkWorkbook } from '../../../src/checks/runner';
import { rollupWorkbook } from '../../../src/analysis/rollup';
import { buildPanelReportSheet } from '../../../src/reports/builders/panel-report';
import type { SheetSpec, TableSpec } from '../../../src/reports/spec';
import { findSheet, type Grid } from '../../../src/sheet/grid';
import { gridOf } from '../../helpers/grid';
import { formulaMismatches, isFormula, millions, numberIn, rowLabelled, shown, tableNamed, tableTitled, textIn } from './spec-helpers';
import { loadSample, TODAY, type Sample } from './sample';

/**
 * The first table of a fund sheet as the workbook holds it, its total row included: label →
 * allocation, forecast and variance in pounds (null when blank).
 */
function workbookFigures(grid: Grid): Map<string, (Decimal | null)[]> {
  const figures = new Map<string, (Decimal | null)[]>();
  for (const r of grid.rowIndexes()) {
    const label = grid.value(r, 0);
    if (typeof label !== 'string') continue;
    const cells = [1, 2, 3].map((c) => grid.value(r, c));
    if (!cells.some((v) => typeof v === 'number')) continue;
    figures.set(
      label.trim(),
      cells.map((v) => (typeof v === 'number' ? millions(v) : null)),
    );
    if (/^total/i.test(label.trim())) break;
  }
  return figures;
}

describe('Panel report of the sample workbook', () => {
  let sample: Sample;
  let sheet: SheetSpec;
  beforeAll(async () => {
    sample = await loadSample();
    sheet = buildPanelReportSheet({ workbook: sample.workbook, check: sample.check, rollup: sample.rollup, records: sample.records }, sample.context);
  });

  it('starts with the readiness line', () => {
    expect(sample.check.summary.errors).toBeGreaterThan(1);
    expect(sheet.name).toBe('Panel report');
    expect(sheet.paragraphs[0]).toEqual({ text: `${sample.check.summary.errors} errors open: not ready for the panel`, emphasis: 'warning' });
  });

  it('shows spend by priority area with the stated figures, year on year and a chart', () => {
    const spend = tableNamed(sheet, 'CW_PanelSpendByPriorityArea');
    expect(spend.rows.map((r) => shown(r.cells.budget, spend))).toEqual(['15.0', '18.1', '2.2', '2.2', '16.3']);
    expect(spend.columns.some((c) => c.key === 'lines')).toBe(false);
    expect(shown(rowLabelled(spend, 'priority-area', 'A Better Criminal Justice Service').cells.stated, spend)).toBe('17.9');
    const yoy = tableNamed(sheet, 'CW_PanelSpendYearOnYear');
    expect(yoy.rows.map((r) => `${textIn(r.cells.year)} ${shown(r.cells.total, yoy)}`)).toEqual(['2018/19 46.1', '2019/20 53.6', '2020/21 62.6']);
    expect(sheet.chart).toEqual({ title: 'Spend by priority area', table: 'CW_PanelSpendByPriorityArea', labelColumn: 'priority-area', valueColumn: 'budget' });
  });

  it('holds each fund table with allocation, forecast and variance equal to the workbook’s figures', () => {
    const funds: [string, string][] = [
      ['LCPF boroughs', 'London Crime Prevention Fund 2019/20'],
      ['Co-Commissioning Fund', 'LCPF Co-Commissioning Fund (CCF) 2019/20'],
      ['Young Londoners Fund', 'GLA Young Londoners Fund (YLF): MOPAC programmes 2019/20'],
      ['Early Intervention Youth Fund', 'Home Office Early Intervention Youth Fund 2019/20'],
    ];
    for (const [sheetName, title] of funds) {
      const table = tableTitled(sheet, title);
      const figures = workbookFigures(findSheet(sample.workbook, sheetName)!);
      expect(table.columns.map((c) => c.header).slice(1)).toEqual(['Allocation', 'Forecast', 'Variance']);
      const lineLabels = [...figures.keys()].filter((l) => !/^total/i.test(l));
      expect(table.rows.map((r) => r.cells.label)).toEqual(lineLabels);
      for (const row of table.rows) {
        const [budget, forecast, variance] = figures.get(row.cells.label as string)!;
        const same = (cell: unknown, expected: Decimal | null): boolean => {
          const n = numberIn(cell as never);
          return expected === null ? n === null : n !== null && n.eq(expected);
        };
        expect([sheetName, row.cells.label, same(row.cells.budget, budget), same(row.cells.forecast, forecast), same(row.cells.variance, variance)]).toEqual([
          sheetName,
          row.cells.label,
          true,
          true,
          true,
        ]);
      }
      const total = table.totals[0];
      expect(total.style).toBe('total');
      for (const key of ['budget', 'forecast', 'variance']) {
        const cell = total.cells[key];
        expect(isFormula(cell) && cell.formula).toEqual({ op: 'sum', rows: 'body' });
        const sum = [...figures.entries()]
          .filter(([l]) => lineLabels.includes(l))
          .reduce((s, [, f]) => s.plus(f[['budget', 'forecast', 'variance'].indexOf(key)] ?? 0), new Decimal(0));
        expect(numberIn(cell)!.eq(sum)).toBe(true);
      }
      expect(table.source).toMatch(new RegExp(`^Source: ${sheetName}!A1:D\\d+; model: default; generated 22 November 2026$`));
    }
  });

  it('writes the variance as forecast − allocation where the workbook’s variance is that, and says where its totals differ', () => {
    const lcpf = tableTitled(sheet, 'London Crime Prevention Fund 2019/20');
    const reprofiling = rowLabelled(lcpf, 'label', 'LCPF Re-profiling');
    expect(isFormula(reprofiling.cells.variance) && reprofiling.cells.variance.formula).toEqual({ op: 'minus', a: 'forecast', b: 'budget' });
    expect(lcpf.footnotes).toContain('The workbook states a total allocation of £13.4m (LCPF boroughs!B36); its lines sum to £13.8m.');
    const ccf = tableTitled(sheet, 'LCPF Co-Commissioning Fund (CCF) 2019/20');
    // A blank allocation leaves the workbook's own variance, not a formula that would read the blank as zero.
    const southLondon = rowLabelled(ccf, 'label', 'South London Alliance Female Offenders Service');
    expect(southLondon.cells.budget).toBeNull();
    expect(isFormula(southLondon.cells.variance)).toBe(false);
    expect(ccf.footnotes.join('\n')).toContain('Co-Commissioning Fund!B6');
  });

  it('shows figures stored to 2 dp with 2 decimals, so the panel sees £0.64m, not £0.6m', () => {
    const ylf = tableTitled(sheet, 'GLA Young Londoners Fund (YLF): MOPAC programmes 2019/20');
    expect(ylf.decimals).toBe(2);
    expect(shown(rowLabelled(ylf, 'label', 'Major Trauma Centre and A&E Youth Work').cells.budget, ylf)).toBe('0.64');
  });

  it('lists key activities under each priority area with its stated headline and the sum of its lines', () => {
    const activities = tableTitled(sheet, 'Key MOPAC commissioning activities 2019/20');
    const sections = activities.rows.filter((r) => r.style === 'section');
    expect(sections.map((r) => [r.cells.activity, shown(r.cells.stated, activities), shown(r.cells.amount, activities)])).toEqual([
      ['Keeping Children and Young People Safe', '15.0', '15.0'],
      ['A Better Criminal Justice Service', '17.9', '18.1'],
      ['A Better Policing Service for London', '2.3', '2.2'],
      ['Standing Together Against Hatred, Intolerance and Extremism', '2.1', '2.2'],
      ['Tackling Violence Against Women and Girls (VAWG)', '16.3', '16.3'],
    ]);
    const firstSection = activities.rows.indexOf(sections[0]);
    expect(activities.rows[firstSection + 1].cells.activity).toBe("Children and young people's victim and witness service");
    expect(activities.rows.filter((r) => r.style === 'body')).toHaveLength(31);
    expect(activities.footnotes).toContain('A Better Criminal Justice Service is stated as £17.9m (Spend by priority area!A31); its activities sum to £18.1m.');
  });

  it('summarises the register by type and by performance', () => {
    const byType = tableNamed(sheet, 'CW_PanelRegisterByType');
    const byRag = tableNamed(sheet, 'CW_PanelRegisterByPerformance');
    const counted = (type: string): number => sample.records.filter((r) => r.type === type).length;
    expect(byType.rows.map((r) => [r.cells.type, r.cells.records])).toEqual([
      ['Contract', counted('Contract')],
      ['Grant', counted('Grant')],
    ]);
    const ragCount = (rag: string): number => sample.records.filter((r) => r.rag?.toLowerCase() === rag).length;
    expect(byRag.rows.map((r) => [r.cells.rating, r.cells.records])).toEqual(
      ['red', 'amber', 'green'].filter((rag) => ragCount(rag) > 0).map((rag) => [rag, ragCount(rag)]),
    );
    expect(numberIn(byRag.totals[0].cells.records)!.eq(sample.records.length)).toBe(true);
  });

  it('tracks the audit actions with counts by status', () => {
    const actions = tableTitled(sheet, 'DARA grants and commissioning audit actions: latest status');
    expect(actions.rows.map((r) => r.cells.c0)).toEqual(['AA-01', 'AA-02', 'AA-03', 'AA-04', 'AA-05', 'AA-06', 'AA-07']);
    expect(actions.columns.map((c) => c.header)).toEqual(['Ref', 'Action', 'Raised (review and date)', 'Owner', 'Status', 'Status date', 'Update']);
    expect(actions.columns.find((c) => c.header === 'Status date')?.type).toBe('date');
    const counts = tableTitled(sheet, 'Actions by status: DARA grants and commissioning audit actions: latest status');
    const statuses = actions.rows.map((r) => r.cells.c4 as string);
    for (const row of counts.rows) expect(row.cells.actions).toBe(statuses.filter((s) => s === row.cells.status).length);
    expect(numberIn(counts.totals[0].cells.actions)!.eq(7)).toBe(true);
    expect(counts.rows.find((r) => r.cells.status === 'Implemented')?.cells.actions).toBe(4);
  });

  it('has every formula’s cached value equal to what the formula computes, and every table sourced and dated', () => {
    expect(formulaMismatches(sheet)).toEqual([]);
    for (const table of sheet.tables) expect(table.source).toMatch(/^Source: .+; model: default; generated 22 November 2026$/);
    expect(new Set(sheet.tables.map((t) => t.name.toLowerCase())).size).toBe(sheet.tables.length);
  });
});

describe('Panel report of a workbook with no errors and no register', () => {
  it('says "No errors open" first and says what it could not show', async () => {
    const { model } = await loadSample();
    const workbook = {
      sheets: [
        gridOf('Lines', [
          ['Ref', 'Line', 'Priority area', 'Year', 'Budget £', 'Forecast £'],
          ['L1', 'Victims service', 'A Better Criminal Justice Service', '2019/20', 100_000, 100_000],
        ]),
      ],
    };
    const check = checkWorkbook(workbook, model, { today: TODAY });
    expect(check.summary.errors).toBe(0);
    const rollup = rollupWorkbook(workbook, model, ['priority-area'], { tables: check.tables });
    const sheet = buildPanelReportSheet({ workbook, check, rollup, records: [] }, { model, modelDescription: 'test', today: TODAY });
    expect(sheet.paragraphs[0]).toEqual({ text: 'No errors open', emphasis: 'good' });
    const texts = sheet.paragraphs.map((p) => p.text).join('\n');
    expect(texts).toContain('the workbook has no contracts and grants register');
    expect(texts).toContain('no audit actions table');
    expect(sheet.tables.map((t: TableSpec) => t.name)).toContain('CW_PanelSpendByPriorityArea');
  });

  it('refuses a rollup that is not by priority area, saying why', async () => {
    const sample = await loadSample();
    const byStream = rollupWorkbook(sample.workbook, sample.model, ['funding-stream'], { tables: sample.check.tables });
    expect(() => buildPanelReportSheet({ workbook: sample.workbook, check: sample.check, rollup: byStream, records: [] }, sample.context)).toThrow(
      /needs spend by priority area first, but the rollup is by funding-stream/,
    );
  });
});
