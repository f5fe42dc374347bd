/** Acting on findings, below the pane: suggestions Apply can write, the row shown in place, re-checking changed sheets, and what makes a check stale. */
import { defaultModel } from '../../src/model/json';
import { parseA1 } from '../../src/sheet/a1';
import { Grid, type GridWorkbook } from '../../src/sheet/grid';
import { encodeWorkbook } from '../../src/taskpane/engine/codec';
import { CROSS_SHEET_RULES, mergeFindings, recheckScope } from '../../src/taskpane/engine/recheck';
import { EngineSession } from '../../src/taskpane/engine/session';
import { OwnWrites, OWN_WRITE_GRACE_MS } from '../../src/taskpane/host/own-writes';
import { settingsChanges } from '../../src/taskpane/workbench-stale';
import type { Finding } from '../../src/checks/finding';
import { sampleBytes, sampleWorkbook } from './fake-host';

jest.setTimeout(60_000);

const args = { model: defaultModel(), origin: { kind: 'default' as const } };
const quiet = () => {};

async function sampleSession(): Promise<EngineSession> {
  const session = new EngineSession();
  await session.load({ kind: 'bytes', label: 'sample.xlsx', fileName: 'sample.xlsx', bytes: sampleBytes() }, quiet);
  return session;
}

describe('apply: the suggestion Apply writes', () => {
  test('formula suggestions carry the same formula to apply; inferred values the same value', async () => {
    const session = await sampleSession();
    const { findings } = await session.handle('check', args, quiet);
    const applicable = findings.filter((f) => f.apply);
    expect(applicable.length).toBeGreaterThan(0);
    for (const f of applicable) {
      const written = 'formula' in f.apply! ? f.apply.formula : f.apply!.value;
      expect(written).toBe(f.suggestion);
      if ('formula' in f.apply!) expect(f.apply.formula).toMatch(/^=/);
    }
    const hardcoded = findings.find((f) => f.rule === 'hardcoded-total' && f.suggestion !== undefined);
    expect(hardcoded?.apply).toEqual({ formula: hardcoded?.suggestion });
    const inferred = findings.find((f) => f.rule === 'missing-value' && f.suggestion !== undefined);
    expect(inferred?.apply).toEqual({ value: inferred?.suggestion });
  });
});

describe('rowAt: the finding’s row in place', () => {
  test('the row’s label and cells under their headers, the finding’s cell marked, amounts in pounds', async () => {
    const session = await sampleSession();
    const { findings } = await session.handle('check', args, quiet);
    const total = findings.find((f) => f.sheet === 'LCPF boroughs' && f.cell === 'B36')!;
    const row = await session.handle('rowAt', { ...args, at: { sheet: total.sheet, cell: total.cell } }, quiet);
    expect(row).not.toBeNull();
    expect(row!.row).toBe(36);
    expect(row!.label).toMatch(/total/i);
    const marked = row!.cells.filter((c) => c.isFinding);
    expect(marked.map((c) => c.address)).toEqual(['B36']);
    expect(marked[0].pounds).toBeDefined();
    expect(row!.cells.every((c) => c.address.endsWith('36') && c.header !== '')).toBe(true);
  });

  test('null for a cell no table holds', async () => {
    const session = await sampleSession();
    await expect(session.handle('rowAt', { ...args, at: { sheet: 'LCPF boroughs', cell: 'ZZ9000' } }, quiet)).resolves.toBeNull();
  });
});

describe('re-checking changed sheets', () => {
  function workbookWithSummary(): GridWorkbook {
    const lines = new Grid('Lines');
    lines.set(0, 0, 'Line');
    lines.set(0, 1, 'Budget £');
    const summary = new Grid('Summary');
    summary.setCell(0, 0, { value: 3, formula: "SUM('Lines'!B2:B3)" });
    const other = new Grid('Other');
    other.setCell(0, 0, { value: 3, formula: 'Summary!A1' });
    const alone = new Grid('Alone');
    alone.set(0, 0, 1);
    return { sheets: [lines, summary, other, alone] };
  }

  test('covers the changed sheets and those whose formulas use them, directly or through another, in tab order', () => {
    expect(recheckScope(workbookWithSummary(), ['Lines'])).toEqual(['Lines', 'Summary', 'Other']);
    expect(recheckScope(workbookWithSummary(), ['alone', 'Gone'])).toEqual(['Alone']);
  });

  test('replaces the re-checked sheets’ findings and every cross-sheet finding, keeping the rest; a deleted sheet’s go', () => {
    const f = (sheet: string, cell: string, rule: Finding['rule']): Finding => ({ rule, severity: 'error', sheet, cell, message: `${sheet}!${cell}` });
    const previous = [
      f('A', 'B2', 'total-mismatch'),
      f('B', 'B2', 'total-mismatch'),
      f('B', 'C9', 'reconciliation-mismatch'),
      f('Gone', 'A1', 'total-mismatch'),
    ];
    const fresh = [f('A', 'B3', 'total-mismatch'), f('B', 'C10', 'reconciliation-mismatch')];
    const merged = mergeFindings(previous, fresh, ['A'], ['A', 'B']);
    expect(merged.map((m) => m.message)).toEqual(['A!B3', 'B!B2', 'B!C10']);
    expect(CROSS_SHEET_RULES.has('reconciliation-mismatch')).toBe(true);
  });

  test('after an edit, only the edited sheet’s table findings change; the others are kept as they were', async () => {
    const sample = await sampleWorkbook();
    const session = new EngineSession();
    await session.load({ kind: 'grids', label: 'this workbook', sheets: encodeWorkbook(sample) }, quiet);
    const before = await session.handle('check', args, quiet);
    const edited = await sampleWorkbook();
    const sheet = edited.sheets.find((g) => g.name === 'LCPF boroughs')!;
    const total = before.findings.find((f) => f.sheet === 'LCPF boroughs' && f.rule === 'total-rounding')!;
    // The total corrected to what its lines add up to.
    const at = parseA1(total.cell)!;
    sheet.set(at.row, at.col, Number(total.expected));
    await session.load({ kind: 'grids', label: 'this workbook', sheets: encodeWorkbook(edited) }, quiet);
    const after = await session.handle('recheck', { ...args, changed: ['LCPF boroughs'], previous: before }, quiet);
    expect(after.rechecked).toContain('LCPF boroughs');
    const elsewhere = (fs: readonly Finding[]) => fs.filter((f) => !after.rechecked.includes(f.sheet) && !CROSS_SHEET_RULES.has(f.rule));
    expect(elsewhere(after.findings)).toEqual(elsewhere(before.findings));
    const full = await session.handle('check', args, quiet);
    expect(after.findings.map((f) => `${f.sheet}!${f.cell}:${f.rule}`).sort()).toEqual(full.findings.map((f) => `${f.sheet}!${f.cell}:${f.rule}`).sort());
  });
});

describe('what makes a check stale', () => {
  test('RAG thresholds, negatives and a different model do; the display unit and decimals do not', () => {
    const model = defaultModel();
    const withSettings = (settings: Partial<typeof model.settings>) => ({ ...model, settings: { ...model.settings, ...settings } });
    expect(settingsChanges(model, withSettings({ rag: { ...model.settings.rag, redPct: '60' } }))).toEqual(['RAG thresholds']);
    expect(settingsChanges(model, withSettings({ displayUnit: '£k', displayDecimals: 3 }))).toEqual([]);
    expect(settingsChanges(model, withSettings({ negatives: 'brackets' }))).toEqual(['how negatives are shown']);
    expect(settingsChanges(model, { ...model, organisation: { ...model.organisation, name: 'Another' } })).toEqual(['the model']);
  });

  test("changes to the product's sheets are its own; the Model sheet's only while the add-in writes", async () => {
    let now = 0;
    const own = new OwnWrites(() => now);
    expect(own.isOwnChange('Findings (2)')).toBe(true);
    expect(own.isOwnChange('Workbench log')).toBe(true);
    expect(own.isOwnChange('Model')).toBe(false);
    expect(own.isOwnChange('Budget lines')).toBe(false);
    await own.tracking((batch) => batch({} as Excel.RequestContext))(() => Promise.resolve());
    expect(own.isOwnChange('Model')).toBe(true);
    now += OWN_WRITE_GRACE_MS + 1;
    expect(own.isOwnChange('Model')).toBe(false);
  });
});
