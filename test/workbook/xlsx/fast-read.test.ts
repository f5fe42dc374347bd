import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import { readXlsxFast, readXlsxFastAsync } from '../../../src/workbook/xlsx/fast/read';
import { streamInflater } from '../../../src/workbook/xlsx/fast/inflate-stream';
import { shiftFormula } from '../../../src/sheet/formulas/shift';
import type { GridWorkbook } from '../../../src/sheet/grid';
import { SAMPLE, tempDir } from '../../helpers/cli';

const inflate = (d: Uint8Array): Uint8Array => inflateRawSync(d);

/** Everything the engine reads from a workbook, in a form two readers can be compared on. */
function snapshot(workbook: GridWorkbook): unknown {
  return workbook.sheets.map((g) => ({
    name: g.name,
    visibility: g.visibility,
    merges: g.merges,
    hiddenRows: [...g.hiddenRows].sort((a, b) => a - b),
    cells: g.rowIndexes().flatMap((r) =>
      g
        .row(r)
        .map((c, col) =>
          c ? { at: `${r},${col}`, value: c.value instanceof Date ? c.value.toISOString() : c.value, formula: c.formula, numFmt: c.numFmt } : undefined,
        )
        .filter((c) => c !== undefined),
    ),
  }));
}

describe('the fast .xlsx reader', () => {
  it('reads the sample exactly as the ExcelJS reader does', async () => {
    const bytes = await fs.readFile(SAMPLE);
    expect(snapshot(readXlsxFast(bytes, inflate))).toEqual(snapshot(await readXlsx(bytes)));
  });

  it('reads formulas, shared formulas, errors, booleans, rich text, dates, merges, hidden sheets and rows as ExcelJS does', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'features.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = 'Line';
    ws.getCell('B1').value = 'Budget £';
    ws.getCell('A2').value = { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text & <more>' }] };
    ws.getCell('B2').value = 1234.5;
    ws.getCell('B3').value = { formula: 'B2*2', result: 2469 };
    ws.getCell('C2').value = { formula: 'B2+1', result: 1235.5, shareType: 'shared', ref: 'C2:C4' } as ExcelJS.CellFormulaValue;
    ws.getCell('C3').value = { sharedFormula: 'C2', result: 2470 };
    ws.getCell('D2').value = { error: '#REF!' };
    ws.getCell('D3').value = true;
    ws.getCell('E2').value = new Date(Date.UTC(2019, 3, 1));
    ws.getCell('E2').numFmt = 'dd/mm/yyyy';
    ws.getCell('F2').value = 0.35;
    ws.getCell('F2').numFmt = '"£"0.00"m"';
    ws.mergeCells('A5:C5');
    ws.getCell('A5').value = 'Merged title';
    ws.getRow(6).hidden = true;
    ws.getCell('A6').value = 'hidden row';
    const hidden = wb.addWorksheet('Hidden sheet', { state: 'hidden' });
    hidden.getCell('XFD1048576').value = 'far away';
    wb.addWorksheet("Quote's sheet").getCell('A1').value = '=not a formula';
    await wb.xlsx.writeFile(file);
    const bytes = await fs.readFile(file);
    const fast = readXlsxFast(bytes, inflate);
    expect(snapshot(fast)).toEqual(snapshot(await readXlsx(bytes)));
    expect(snapshot(await readXlsxFastAsync(bytes, streamInflater()!))).toEqual(snapshot(fast));
    expect(fast.sheets[0].cell(2, 2)?.formula).toBe('B3+1');
    expect(fast.sheets[1].visibility).toBe('hidden');
  });

  it('reads the same in a browser, inflating with DecompressionStream', async () => {
    const bytes = await fs.readFile(SAMPLE);
    const inflater = streamInflater();
    expect(inflater).toBeDefined(); // Node 20, like the browsers the pane supports, has "deflate-raw"
    expect(snapshot(await readXlsxFastAsync(bytes, inflater!))).toEqual(snapshot(readXlsxFast(bytes, inflate)));
    const corrupt = Uint8Array.from(bytes);
    corrupt.fill(0x55, 2000, 2600); // inside the first deflated part
    await expect(readXlsxFastAsync(corrupt, inflater!)).rejects.toThrow();
  });

  it('moves the relative parts of shared formulas and leaves absolute parts and text alone', () => {
    expect(shiftFormula('SUM(B2:B9)*$C$1+"A1"', 1, 2)).toBe('SUM(D3:D10)*$C$1+"A1"');
    expect(shiftFormula("'My sheet'!A1+LOG10(B$2)", 3, 0)).toBe("'My sheet'!A4+LOG10(B$2)");
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});

describe('number formats with escaped letters', () => {
  it('keep numbers as numbers in both readers (LibreOffice writes £m as \\£#,##0.0,,\\m)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'escaped.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Escaped');
    ws.addRows([
      ['Line', 'Budget £m'],
      ['Youth work', 1400000],
    ]);
    ws.getCell('B2').numFmt = '\\£#,##0.0,,\\m_)';
    await wb.xlsx.writeFile(file);
    const bytes = await fs.readFile(file);
    expect(readXlsxFast(bytes, inflate).sheets[0].value(1, 1)).toBe(1400000);
    expect((await readXlsx(bytes)).sheets[0].value(1, 1)).toBe(1400000);
  });
});

describe('formula results the file holds empty', () => {
  it('reads <v/> on a text result as "" (a saved empty result) and an empty <v></v> on a number as no result', async () => {
    const sheet = (cells: string) =>
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      'xl/workbook.xml',
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheet('<c r="A1" t="str"><f>IF(B1&gt;0,"Error","")</f><v/></c><c r="B1"><v>0</v></c><c r="C1"><f>B1+1</f><v></v></c>'),
    );
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const grid = readXlsxFast(bytes, (data) => inflateRawSync(data)).sheets[0];
    expect(grid.cell(0, 0)).toEqual({ value: '', formula: 'IF(B1>0,"Error","")' });
    expect(grid.cell(0, 2)).toEqual({ value: null, formula: 'B1+1' });
  });
});
