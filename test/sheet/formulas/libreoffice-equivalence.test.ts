/**
 * A workbook saved without formula results is checked on the figures a spreadsheet program would show:
 * the findings are those of the same workbook after LibreOffice has calculated it, clean or faulty,
 * and every formula's figure is the one LibreOffice computes.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../../src/app/read-workbook';
import { checkWorkbook } from '../../../src/checks/runner';
import { defaultModel } from '../../../src/model/json';
import { neutralModel } from '../../../src/model/neutral';
import { readXlsxFast } from '../../../src/workbook/xlsx/fast/read';
import { inflateRawSync } from 'zlib';
import { sameResult } from '../../../src/sheet/formulas/values';
import { toA1 } from '../../../src/sheet/a1';
import type { GridWorkbook } from '../../../src/sheet/grid';
import { LIBREOFFICE_TIMEOUT_MS, recalculateAllWithLibreOffice } from '../../helpers/libreoffice';
import { makeTempDir } from '../../helpers/temp-dir';
import { withoutSavedResults } from '../../helpers/strip-results';

jest.setTimeout(LIBREOFFICE_TIMEOUT_MS * 2);

const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');
const TODAY = new Date(Date.UTC(2020, 0, 31));

const read = (bytes: Uint8Array, label: string) => readWorkbookFile(bytes, label, (data) => readXlsxFast(data, (raw) => inflateRawSync(raw)));

/** A budget of several shapes of formula finance workbooks use, saved by ExcelJS with no results. */
async function formulaBudget(fault: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const lines = wb.addWorksheet('Budget lines');
  lines.addRow(['Ref', 'Service', 'Area', 'Budget £', 'Forecast £', 'Variance £', 'Variance %', 'Status']);
  const services = [
    ['S-01', 'Victim support', 'North', 120_000, 118_500.5],
    ['S-02', 'Youth diversion', 'South', 80_000, 86_250],
    ['S-03', 'Domestic abuse advocates', 'North', 245_000, 245_000],
    ['S-04', 'Restorative justice', 'East', 60_500.25, 61_000],
    ['S-05', 'Hate crime reporting', 'South', 33_000, 29_750.75],
  ];
  services.forEach(([ref, service, area, budget, forecast], i) => {
    const r = i + 2;
    const variance = fault && r === 3 ? { formula: `E${r}-D${r}+40` } : { formula: `IF(E${r}="","",E${r}-D${r})` };
    lines.addRow([
      ref,
      service,
      area,
      budget,
      forecast,
      variance,
      { formula: `IFERROR(ROUND(F${r}/D${r}*100,1),"")` },
      { formula: `IF(F${r}="","No forecast",IF(ABS(F${r})>5000,"Review","On track"))` },
    ]);
  });
  lines.addRow(['', 'Total', '', { formula: 'SUM(D2:D6)' }, { formula: 'SUM(E2:E6)' }, { formula: 'SUM(F2:F6)' }, { formula: 'ROUND(F7/D7*100,1)' }, '']);
  const summary = wb.addWorksheet('Summary');
  summary.addRow(['Area', 'Budget £', 'Share %', 'Largest line', 'Lines']);
  ['North', 'South', 'East'].forEach((area, i) => {
    const r = i + 2;
    summary.addRow([
      area,
      { formula: `SUMIF('Budget lines'!C:C,A${r},'Budget lines'!D:D)` },
      { formula: `ROUND(B${r}/Total*100,2)` },
      { formula: `_xlfn.MAXIFS('Budget lines'!D2:D6,'Budget lines'!C2:C6,A${r})` },
      { formula: `COUNTIFS('Budget lines'!C2:C6,A${r})` },
    ]);
  });
  summary.addRow(['Total', { formula: 'SUM(B2:B4)' }, { formula: 'SUM(C2:C4)' }, '', { formula: 'SUM(E2:E4)' }]);
  const lookups = wb.addWorksheet('Lookups');
  lookups.addRow(['Youth diversion budget', { formula: 'VLOOKUP("youth diversion",\'Budget lines\'!B2:D6,3,FALSE)' }]);
  lookups.addRow(['S-04 budget', { formula: "INDEX('Budget lines'!D2:D6,MATCH(\"S-04\",'Budget lines'!A2:A6,0))" }]);
  lookups.addRow(['Largest budget', { formula: "MAX('Budget lines'!D:D)" }]);
  lookups.addRow(['Empty note', { formula: 'IF(C9="","none",C9)' }]);
  lookups.addRow(['Average forecast', { formula: "ROUND(AVERAGE('Budget lines'!E2:E6),2)" }]);
  wb.definedNames.add("'Budget lines'!$D$7", 'Total');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function findingKeys(workbook: GridWorkbook, model = defaultModel()): string[] {
  return checkWorkbook(workbook, model, { today: TODAY }).findings.map(
    (f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.expected ?? ''} ${f.actual ?? ''}`,
  );
}

/** Every formula cell's value, by address. */
function formulaValues(workbook: GridWorkbook): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const grid of workbook.sheets)
    for (const row of grid.rowIndexes())
      grid.row(row).forEach((cell, col) => {
        if (cell?.formula) values.set(`${grid.name}!${toA1(row, col)}`, cell.value);
      });
  return values;
}

let cases: { name: string; ours: GridWorkbook; libreOffice: GridWorkbook; saved?: GridWorkbook }[];

beforeAll(async () => {
  const dir = await makeTempDir('cw-formulas-lo-');
  const sample = new Uint8Array(await fs.readFile(SAMPLE));
  const inputs: [string, Uint8Array, Uint8Array | undefined][] = [
    ['sample.xlsx', await withoutSavedResults(sample, true), sample],
    ['budget-clean.xlsx', await formulaBudget(false), undefined],
    ['budget-faulty.xlsx', await formulaBudget(true), undefined],
  ];
  const paths = [];
  for (const [name, bytes] of inputs) {
    paths.push(path.join(dir, name));
    await fs.writeFile(path.join(dir, name), bytes);
  }
  const recalculated = await recalculateAllWithLibreOffice(paths);
  cases = [];
  for (let i = 0; i < inputs.length; i++) {
    const [name, bytes, saved] = inputs[i];
    cases.push({
      name,
      ours: await read(bytes, name),
      libreOffice: await read(new Uint8Array(await fs.readFile(recalculated[i])), name),
      ...(saved ? { saved: await read(saved, name) } : {}),
    });
  }
});

const byName = (name: string) => cases.find((c) => c.name === name)!;

it('the sample saved without results: the same findings as LibreOffice calculating it, and as saved by Excel', () => {
  const { ours, libreOffice, saved } = byName('sample.xlsx');
  expect(ours.formulas).toMatchObject({ evaluated: ours.formulas!.formulas, notUnderstood: [] });
  expect(findingKeys(ours)).toEqual(findingKeys(libreOffice));
  expect(findingKeys(ours)).toEqual(findingKeys(saved!));
  expect(findingKeys(ours).filter((k) => k.startsWith('error'))).toHaveLength(4);
});

it.each(['budget-clean.xlsx', 'budget-faulty.xlsx'])('%s: every formula gives the figure LibreOffice computes', (name) => {
  const { ours, libreOffice } = byName(name);
  expect(ours.formulas!.notUnderstood).toEqual([]);
  const expected = formulaValues(libreOffice);
  const actual = formulaValues(ours);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const disagreements = [...actual].filter(([address, value]) => {
    const lo = expected.get(address);
    return !(value === lo || (value !== null && lo !== null && lo !== undefined && sameResult(lo as never, value as never)) || (value === '' && lo === null));
  });
  expect(disagreements).toEqual([]);
});

it.each(['budget-clean.xlsx', 'budget-faulty.xlsx'])('%s: the same findings as after LibreOffice has calculated it', (name) => {
  const { ours, libreOffice } = byName(name);
  const model = neutralModel();
  expect(findingKeys(ours, model)).toEqual(findingKeys(libreOffice, model));
});

it('the faulty budget shows its fault and the clean one shows none', () => {
  const model = neutralModel();
  const clean = findingKeys(byName('budget-clean.xlsx').ours, model).filter((k) => k.startsWith('error'));
  const faulty = findingKeys(byName('budget-faulty.xlsx').ours, model).filter((k) => k.startsWith('error'));
  expect(clean).toEqual([]);
  expect(faulty.some((k) => k.includes('Budget lines!F3'))).toBe(true);
});
