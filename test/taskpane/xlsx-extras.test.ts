/** Sheets the pane adds outside Excel: the Model sheet (read back as the same model) and the budget template with its drop-downs. */
import ExcelJS from 'exceljs';
import { defaultModel } from '../../src/model/json';
import { readModelSheet, writeModelSheet } from '../../src/model/model-sheet';
import { findSheet } from '../../src/sheet/grid';
import JSZip from 'jszip';
import { DATA_VALIDATION_TITLE_MAX, budgetTemplate } from '../../src/taskpane/budget-template';
import { addBudgetTemplate, addGridSheet } from '../../src/taskpane/engine/xlsx-extras';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { sampleBytes } from './fake-host';

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

test('the Model sheet added to a workbook reads back as the same model, and the other sheets are untouched', async () => {
  const model = defaultModel();
  const input = sampleBytes();
  const output = await addGridSheet(input, writeModelSheet(model));
  const before = await readXlsx(input);
  const after = await readXlsx(output);
  expect(after.sheets.map((g) => g.name)).toEqual([...before.sheets.map((g) => g.name), 'Model']);
  expect(readModelSheet(findSheet(after, 'Model')!)).toEqual(model);
  const lcpf = (w: typeof before) => [...findSheet(w, 'LCPF boroughs')!.rowIndexes()].map((r) => findSheet(w, 'LCPF boroughs')!.row(r));
  expect(lcpf(after)).toEqual(lcpf(before));
});

test('refuses to add a second Model sheet', async () => {
  const once = await addGridSheet(sampleBytes(), writeModelSheet(defaultModel()));
  await expect(addGridSheet(once, writeModelSheet(defaultModel()))).rejects.toThrow(/already has a sheet named "Model": it is the model in effect/);
});

test('the budget template: its header row, list drop-downs on 500 lines pointing at the hidden lists sheet, money formats', async () => {
  const model = defaultModel();
  const template = budgetTemplate(model, ['Budget lines']);
  const workbook = await excelJs(await addBudgetTemplate(sampleBytes(), template));
  const sheet = workbook.getWorksheet('Budget template')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(template.columns.map((c) => c.header));
  expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
  const validation = sheet.getCell('C2').dataValidation;
  expect(validation).toEqual(expect.objectContaining({ type: 'list', formulae: ["'Budget template lists'!$A$2:$A$6"] }));
  expect(sheet.getCell('C501').dataValidation).toEqual(validation);
  expect(sheet.getCell('C502').dataValidation).toBeUndefined();
  expect(sheet.getCell('F300').dataValidation?.formulae).toEqual(["'Budget template lists'!$D$2:$D$34"]);
  expect(sheet.getCell('I2').numFmt).toBe(template.columns[8].numFmt);
  const lists = workbook.getWorksheet('Budget template lists')!;
  expect(lists.state).toBe('hidden');
  expect(lists.getCell('A2').value).toBe(model.priorityAreas[0].name);
  expect(lists.getCell('D34').value).toBe(model.boroughs[32].name);
});

test('an empty template is no table for the checker: nothing new to find', async () => {
  const template = budgetTemplate(defaultModel());
  const { checkWorkbook } = await import('../../src/checks/runner');
  const before = checkWorkbook(await readXlsx(sampleBytes()), defaultModel()).findings.length;
  const after = checkWorkbook(await readXlsx(await addBudgetTemplate(sampleBytes(), template)), defaultModel()).findings.length;
  expect(after).toBe(before);
});

test("the budget template's .xlsx: every data validation's errorTitle and promptTitle within Excel's 32 characters (issue item 2)", async () => {
  const template = budgetTemplate(defaultModel(), ['Budget lines']);
  const zip = await JSZip.loadAsync(await addBudgetTemplate(sampleBytes(), template));
  const sheets = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
      .map((n) => zip.file(n)!.async('string')),
  );
  const validations = sheets.flatMap((xml) => xml.match(/<dataValidation\b[^>]*>/g) ?? []);
  expect(validations).toHaveLength(template.lists.length);
  const unescape = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const titles = validations.map((tag) => unescape(/\serrorTitle="([^"]*)"/.exec(tag)?.[1] ?? ''));
  expect(titles).toEqual(template.lists.map((list) => list.errorTitle));
  for (const tag of validations) {
    for (const attribute of ['errorTitle', 'promptTitle']) {
      const value = unescape(new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1] ?? '');
      expect(value.length).toBeLessThanOrEqual(DATA_VALIDATION_TITLE_MAX);
    }
  }
});
