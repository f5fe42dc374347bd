import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsxFast } from '../../src/workbook/xlsx/fast/read';
import type { Grid, GridWorkbook } from '../../src/sheet/grid';
import { toA1 } from '../../src/sheet/a1';
import { Money } from '../../src/money/decimal';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';
import { LIBREOFFICE_TIMEOUT_MS, printToPng, recalculateWithLibreOffice } from '../helpers/libreoffice';

const GENERATED = ['Findings', 'Rollup', 'Register', 'Panel report'];
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'report');

async function read(file: string): Promise<GridWorkbook> {
  return readXlsxFast(await fs.readFile(file), (d) => inflateRawSync(d));
}

function formulaCells(grid: Grid): { cell: string; formula: string; value: unknown }[] {
  const cells: { cell: string; formula: string; value: unknown }[] = [];
  for (const r of grid.rowIndexes()) grid.row(r).forEach((c, col) => c?.formula && cells.push({ cell: toA1(r, col), formula: c.formula, value: c.value }));
  return cells;
}

const WITH_CHART = path.join(__dirname, '..', 'workbook', 'xlsx', 'fixtures', 'with-chart.xlsx');

describe('commissioning report on a workbook with a chart, a picture and a note', () => {
  it(
    'writes the report and carries the chart over untouched; LibreOffice opens the copy',
    async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'with-chart-report.xlsx');
      const run = await runCli(['report', WITH_CHART, '--out', out]);
      expect(run.stderr).toBe('');
      // The default model does not describe this small workbook: no panel appendix, and the run says why.
      // Its totals are formulas saved without results: calculated, they add up (read as 0 they would not).
      expect(run.stdout).toMatch(/^No model applies: .* No Panel report is written\.\nWrote .* with Findings, Rollup \(No errors open; /);
      const parts = async (file: string) => {
        const zip = await JSZip.loadAsync(await fs.readFile(file));
        return Promise.all(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png'].map((p) => zip.file(p)!.async('nodebuffer')));
      };
      expect(await parts(out)).toEqual(await parts(WITH_CHART));
      const recalculated = await read(await recalculateWithLibreOffice(out));
      expect(recalculated.sheets.map((s) => s.name)).toEqual(['Budget lines', 'Findings', 'Rollup']);
      expect(recalculated.sheets[0].value(3, 2)).toBe(3000);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});

describe('commissioning report on the sample workbook', () => {
  let dir: string;
  let out: string;
  let before: Buffer;
  beforeAll(async () => {
    dir = await tempDir();
    out = path.join(dir, 'report.xlsx');
    before = await fs.readFile(SAMPLE);
  });

  it('writes a copy with the generated sheets, leaving the input byte-identical', async () => {
    const run = await runCli(['report', SAMPLE, '--out', out]);
    expect(run.code).toBe(1); // written, with the sample's errors open
    expect(run.stdout).toMatch(/^Wrote .* with Findings, Rollup, Register, Panel report \(4 errors open: not ready for the panel/);
    expect((await fs.readFile(SAMPLE)).equals(before)).toBe(true);
    const written = await read(out);
    const original = await read(SAMPLE);
    expect(written.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), ...GENERATED]);
    expect(written.sheets.filter((s) => s.generated).map((s) => s.name)).toEqual(GENERATED);
    // Every user cell is as it was.
    for (const sheet of original.sheets) {
      const copy = written.sheets.find((s) => s.name === sheet.name)!;
      for (const r of sheet.rowIndexes()) expect(copy.row(r)).toEqual(sheet.row(r));
      expect(copy.rowIndexes()).toEqual(sheet.rowIndexes());
    }
    const panel = written.sheets.find((s) => s.name === 'Panel report')!;
    expect(panel.value(0, 0)).toBe('4 errors open: not ready for the panel');
  });

  it('re-running on its own output replaces the generated sheets and adds none', async () => {
    const again = path.join(dir, 'again.xlsx');
    const run = await runCli(['report', out, '--out', again]);
    expect(run.code).toBe(1);
    const first = await read(out);
    const second = await read(again);
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    // The same figures in the same cells; only the generated date may differ.
    const figures = (wb: GridWorkbook) => wb.sheets.filter((s) => s.generated).map((s) => formulaCells(s).map((c) => `${s.name}!${c.cell}=${c.formula}`));
    expect(figures(second)).toEqual(figures(first));
  });

  it('refuses to overwrite its input', async () => {
    const same = await runCli(['report', SAMPLE, '--out', SAMPLE]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/never overwrites its input/);
  });

  it('keeps a sheet of a generated name that it did not make, writing its own as "Rollup (2)", and replaces that on a re-run', async () => {
    const theirs = path.join(dir, 'theirs.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(before.buffer.slice(before.byteOffset, before.byteOffset + before.byteLength) as ArrayBuffer);
    wb.addWorksheet('Rollup').getCell('A1').value = 'my own notes';
    await wb.xlsx.writeFile(theirs);
    const target = path.join(dir, 'theirs-report.xlsx');
    const run = await runCli(['report', theirs, '--out', target]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^The workbook has its own "Rollup" sheet, which is kept as it is\.\nWrote .* with Findings, Rollup \(2\), Register, Panel report \(/,
    );
    const written = await read(target);
    expect(written.sheets.find((s) => s.name === 'Rollup')).toMatchObject({ generated: false });
    expect(written.sheets.find((s) => s.name === 'Rollup')!.value(0, 0)).toBe('my own notes');
    expect(written.sheets.filter((s) => s.generated).map((s) => s.name)).toEqual(['Findings', 'Rollup (2)', 'Register', 'Panel report']);
    const again = path.join(dir, 'theirs-again.xlsx');
    expect((await runCli(['report', target, '--out', again])).code).toBe(1);
    expect((await read(again)).sheets.map((s) => s.name)).toEqual(written.sheets.map((s) => s.name));
  });

  it(
    'computes every total and variance formula to the engine’s figure when LibreOffice recalculates it',
    async () => {
      const recalculated = await read(await recalculateWithLibreOffice(out));
      const written = await read(out);
      let compared = 0;
      for (const name of GENERATED) {
        const ours = written.sheets.find((s) => s.name === name)!;
        const theirs = recalculated.sheets.find((s) => s.name === name)!;
        for (const { cell, value } of formulaCells(ours)) {
          if (typeof value !== 'number') continue;
          const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell)!;
          const other = theirs.value(Number(digits) - 1, letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1);
          expect({ cell: `${name}!${cell}`, value: typeof other === 'number' ? new Money(String(other)).toDecimalPlaces(2).toString() : other }).toEqual({
            cell: `${name}!${cell}`,
            value: new Money(String(value)).toDecimalPlaces(2).toString(),
          });
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(50);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it(
    'prints the panel report to PNG as a test artifact',
    async () => {
      await fs.mkdir(ARTIFACTS, { recursive: true });
      const pages = await printToPng(out, 'Panel report', ARTIFACTS);
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect((await fs.stat(page)).size).toBeGreaterThan(10_000);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
