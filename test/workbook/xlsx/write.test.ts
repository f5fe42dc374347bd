import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Money, fromNumber } from '../../../src/money/decimal';
import { excelNumberFormat } from '../../../src/money/format';
import { OWNER_MARKER, type SheetSpec, type TableSpec } from '../../../src/reports/spec';
import type { Grid } from '../../../src/sheet/grid';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import { writeReport, writeSheetSpecs } from '../../../src/workbook/xlsx/write';
import { SheetSpecError } from '../../../src/workbook/layout/errors';
import { FORMULA_LIKE_LINK_TEXT, FORMULA_LIKE_TEXTS, NOTES_TABLE, ROLLUP_SHEET, ROLLUP_TABLE, SAMPLE, formulaFigures } from './fixture';

let sample: Uint8Array;
let written: Uint8Array;

beforeAll(async () => {
  sample = new Uint8Array(await fs.readFile(SAMPLE));
  written = await writeSheetSpecs(sample.slice(), [ROLLUP_SHEET], { generatedAt: new Date('2026-11-22T10:00:00Z') });
});

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function sheetNamesOf(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((ws) => ws.name);
}

/** The XML of a sheet's part and of the shared strings and styles, by sheet name. */
async function partsOf(bytes: Uint8Array, sheetName: string) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const workbookXml = await text('xl/workbook.xml');
  const relsXml = await text('xl/_rels/workbook.xml.rels');
  const rId = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(rId\\d+)"`).exec(workbookXml)?.[1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rId}"`).exec(relsXml)?.[1];
  if (!target) throw new Error(`no part for ${sheetName}`);
  const sheetPath = `xl/${target.replace(/^\/?xl\//, '')}`;
  const sheetRelsPath = sheetPath.replace(/worksheets\//, 'worksheets/_rels/') + '.rels';
  const sharedStrings = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(''),
  );
  const stylesXml = await text('xl/styles.xml');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const xfs = cellXfs.match(/<xf\b[^>]*?\/>|<xf\b[^>]*?>[\s\S]*?<\/xf>/g) ?? [];
  return { workbookXml, sheetPath, sheetXml: await text(sheetPath), sheetRelsXml: await text(sheetRelsPath), sharedStrings, xfs };
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The raw <c> element for an address, with its contents. */
function cellXml(sheetXml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`no cell ${address} in the sheet XML`);
  return m[0];
}

/** A cached or computed number, compared exactly as decimal text (never as floats). */
function asMoney(value: unknown): Money {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return fromNumber(value);
}

describe('the Rollup sheet written into the sample workbook', () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    workbook = await loadExcelJs(written);
    sheet = workbook.getWorksheet('Rollup')!;
  });

  it('is added after the sample sheets, which keep their order', async () => {
    const before = sheetNamesOf(await loadExcelJs(sample));
    expect(sheetNamesOf(workbook)).toEqual([...before, 'Rollup']);
  });

  it('puts paragraphs first, then title, unit note and header of each table', () => {
    expect(sheet.getCell('A1').value).toBe('3 errors open: not ready for the panel');
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('A1').font.color?.argb).toBe('FF9C0006');
    expect(sheet.getCell('A2').value).toBe('Forecast against budget by Police and Crime Plan priority area.');
    expect(sheet.getCell('A3').value).toBeNull();
    expect(sheet.getCell('A4').value).toBe(ROLLUP_TABLE.title);
    expect(sheet.getCell('A4').font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell('A5').value).toBe(ROLLUP_TABLE.unitNote);
    expect(sheet.getCell('A5').font.italic).toBe(true);
    expect(['A6', 'B6', 'C6', 'D6', 'E6', 'F6', 'G6'].map((a) => sheet.getCell(a).value)).toEqual(ROLLUP_TABLE.columns.map((c) => c.header));
  });

  it('holds each table as a named, styled, filterable Excel table over its header and body', () => {
    const rollup = sheet.getTable('CW_TestRollup') as unknown as { table: { style: { theme: string }; columns: { name: string; filterButton?: boolean }[] } };
    expect(rollup).toBeDefined();
    expect(rollup.table.style.theme).toMatch(/^TableStyle(Light|Medium)\d+$/);
    expect(rollup.table.columns.map((c) => c.name)).toEqual(ROLLUP_TABLE.columns.map((c) => c.header));
    expect(sheet.getTable('CW_TestNotes')).toBeDefined();
  });

  it('writes the table ranges into the table parts', async () => {
    const zip = await JSZip.loadAsync(written);
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const rollup = tables.find((t) => t.includes('name="CW_TestRollup"'));
    expect(rollup).toMatch(/ref="A6:G13"/);
    expect(rollup).toMatch(/<autoFilter ref="A6:G13"/);
    expect(tables.find((t) => t.includes('name="CW_TestNotes"'))).toMatch(/ref="A23:D28"/);
  });

  it('writes per-row variances and subtotal and total rows as live formulas', () => {
    expect(sheet.getCell('D8').formula).toBe('C8-B8');
    expect(sheet.getCell('E8').formula).toBe('IF(B8=0,"",D8/B8*100)');
    expect(sheet.getCell('D13').formula).toBe('C13-B13');
    // Subtotals sum their listed body rows; the total sums the body (section rows hold no figures).
    expect(sheet.getCell('A14').value).toBe('Priorities');
    expect(sheet.getCell('B14').formula).toBe('SUM(B8:B10)');
    expect(sheet.getCell('C15').formula).toBe('SUM(C12:C13)');
    expect(sheet.getCell('B16').formula).toBe('SUM(B7:B13)');
    expect(sheet.getCell('D16').formula).toBe('C16-B16');
    expect(sheet.getCell('E16').formula).toBe('IF(B16=0,"",D16/B16*100)');
  });

  it('gives every formula cell the engine figure as its cached result', () => {
    const columnLetter = new Map(ROLLUP_TABLE.columns.map((c, i) => [c.key, String.fromCharCode(65 + i)] as const));
    const figures = formulaFigures(ROLLUP_TABLE);
    expect(figures.length).toBe(5 * 2 + 3 * 4);
    for (const { rowIndex, inTotals, key, figure } of figures) {
      const address = `${columnLetter.get(key)}${inTotals ? 14 + rowIndex : 7 + rowIndex}`;
      expect({ address, formula: typeof sheet.getCell(address).formula }).toEqual({ address, formula: 'string' });
      const result = sheet.getCell(address).result;
      if (figure === null) {
        expect({ address, result: result ?? '' }).toEqual({ address, result: '' });
      } else {
        // Money figures round-trip exactly; a ratio keeps the 15 significant digits a double holds.
        const cached = asMoney(result);
        expect({ address, cached: cached.toSignificantDigits(15).toString() }).toEqual({
          address,
          cached: figure.toSignificantDigits(15).toString(),
        });
      }
    }
  });

  it('stores money as pounds with the table unit format: brackets for negatives', () => {
    const format = excelNumberFormat('£m', 1);
    expect(format).toContain(';("£"');
    expect(asMoney(sheet.getCell('B8').value).toString()).toBe('12345678.91');
    expect(asMoney(sheet.getCell('B13').value).toString()).toBe('-250000.5');
    for (const address of ['B8', 'C8', 'D8', 'B13', 'D13', 'B14', 'C16', 'D16']) {
      expect({ address, numFmt: sheet.getCell(address).numFmt }).toEqual({ address, numFmt: format });
    }
    expect(sheet.getCell('E8').numFmt).toBe('0.0"%"');
    expect(sheet.getCell('B24').numFmt).toBe('#,##0');
    expect(sheet.getCell('C24').numFmt).toBe('dd mmm yyyy');
    expect(sheet.getCell('C24').value).toEqual(new Date(Date.UTC(2020, 0, 8)));
  });

  it('makes section rows bold with a fill, subtotals bold with a rule above, the total double-ruled below', () => {
    expect(sheet.getCell('A7').font.bold).toBe(true);
    expect(sheet.getCell('B7').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.getCell('A8').font.bold).toBeFalsy();
    expect(sheet.getCell('B14').font.bold).toBe(true);
    expect(sheet.getCell('B14').border.top?.style).toBe('thin');
    expect(sheet.getCell('C16').font.bold).toBe(true);
    expect(sheet.getCell('C16').border.bottom?.style).toBe('double');
  });

  it('puts the footnote and source line under the table in small italics, a blank row before the next table', () => {
    expect(sheet.getCell('A17').value).toBeNull();
    expect(sheet.getCell('A18').value).toBe('Figures may not sum due to rounding.');
    expect(sheet.getCell('A19').value).toBe(ROLLUP_TABLE.source);
    for (const address of ['A18', 'A19']) expect(sheet.getCell(address).font).toMatchObject({ italic: true, size: 8 });
    expect(sheet.getCell('A20').value).toBeNull();
    expect(sheet.getCell('A21').value).toBe(NOTES_TABLE.title);
    expect(sheet.getCell('A30').value).toBe(NOTES_TABLE.source);
  });

  it('freezes the panes below the first table header and hides gridlines', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6, showGridLines: false });
  });

  it('fits columns to their content within 8 to 60 characters, never below a minimum width', () => {
    const longestArea = Math.max(...ROLLUP_TABLE.rows.map((r) => (typeof r.cells.area === 'string' ? r.cells.area.length : 0)));
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(longestArea);
    for (let c = 1; c <= 7; c++) {
      expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(8);
      expect(sheet.getColumn(c).width).toBeLessThanOrEqual(60);
    }
    expect(sheet.getColumn(6).width).toBeLessThan(sheet.getColumn(1).width!);
    expect(sheet.getColumn(7).width).toBeGreaterThanOrEqual(12);
  });

  it('colours RAG, reddens negatives, and draws data bars once for the table and its chart', () => {
    const formats = (sheet as unknown as { conditionalFormattings: unknown }).conditionalFormattings as {
      ref: string;
      rules: { type: string; formulae?: string[]; operator?: string }[];
    }[];
    const rag = formats.find((f) => f.ref === 'F7:F16');
    expect(rag?.rules.map((r) => r.formulae?.[0])).toEqual(['$F7="green"', '$F7="amber"', '$F7="red"']);
    const negative = formats.find((f) => f.ref === 'D7:D16');
    expect(negative?.rules[0]).toMatchObject({ type: 'cellIs', operator: 'lessThan', formulae: ['0'] });
    const bars = formats.filter((f) => f.rules.some((r) => r.type === 'dataBar'));
    expect(bars.map((f) => f.ref)).toEqual(['C7:C13']);
  });

  it('writes the data bars as a plain rule, from the lowest value when the column has negatives', async () => {
    const { sheetXml } = await partsOf(written, 'Rollup');
    expect(sheetXml).toContain(
      '<conditionalFormatting sqref="C7:C13"><cfRule type="dataBar" priority="5"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>',
    );
    expect(sheetXml).not.toContain('x14:id');
  });

  it('marks the sheet as ours with a workbook name on its A1, commented with the owner marker', async () => {
    expect(workbook.definedNames.model).toContainEqual({ name: 'CW_GENERATED_Rollup', ranges: ['Rollup!$A$1'] });
    const { workbookXml } = await partsOf(written, 'Rollup');
    expect(workbookXml).toContain(`<definedName name="CW_GENERATED_Rollup" comment="${OWNER_MARKER}">Rollup!$A$1</definedName>`);
  });

  it('links to cells as internal hyperlinks (a location, no external relationship)', async () => {
    const { sheetXml, sheetRelsXml } = await partsOf(written, 'Rollup');
    expect(sheetXml).toContain(`<hyperlink ref="G8" location="&apos;Budget lines&apos;!B7"/>`);
    expect(sheetXml).toContain(`<hyperlink ref="D28" location="&apos;Audit actions&apos;!A2"/>`);
    expect(sheetXml).not.toMatch(/<hyperlink [^>]*r:id=/);
    expect(sheetRelsXml).not.toContain('relationships/hyperlink');
    expect(sheet.getCell('G8').value).toBe('Budget lines!B7');
    expect(sheet.getCell('G8').font).toMatchObject({ underline: true });
  });
});

describe('formula-like text from data', () => {
  it('is stored as an inline string with a quote prefix, never as a formula', async () => {
    const { sheetXml, xfs } = await partsOf(written, 'Rollup');
    const cases = [...FORMULA_LIKE_TEXTS.map((text, i) => ({ address: `A${24 + i}`, text })), { address: 'D28', text: FORMULA_LIKE_LINK_TEXT }];
    for (const { address, text } of cases) {
      const xml = cellXml(sheetXml, address);
      expect({ address, xml }).toEqual({ address, xml: expect.stringMatching(/ t="inlineStr"/) as unknown });
      expect(xml).not.toContain('<f');
      expect(unescapeXml(/<is><t[^>]*>([\s\S]*?)<\/t><\/is>/.exec(xml)?.[1] ?? '')).toBe(text);
      const style = Number(/ s="(\d+)"/.exec(xml)?.[1]);
      expect({ address, xf: xfs[style] }).toEqual({ address, xf: expect.stringContaining('quotePrefix="1"') as unknown });
    }
    // No formula anywhere in the sheet came from data text.
    const formulas = [...sheetXml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => unescapeXml(m[1]));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => /HYPERLINK|SUM\(A1\)|^[+-]?\d+$|^1\+1$/.test(f))).toEqual([]);
  });

  it('leaves ordinary text without a quote prefix', async () => {
    const { sheetXml, xfs } = await partsOf(written, 'Rollup');
    const style = Number(/ s="(\d+)"/.exec(cellXml(sheetXml, 'A8'))?.[1] ?? '0');
    expect(xfs[style]).not.toContain('quotePrefix');
  });

  it('reads back as the same text', async () => {
    const grid = (await readXlsx(written)).sheets.find((g) => g.name === 'Rollup')!;
    expect(FORMULA_LIKE_TEXTS.map((_, i) => grid.cell(23 + i, 0))).toEqual(FORMULA_LIKE_TEXTS.map((value) => ({ value })));
  });
});

describe("the user's sheets", () => {
  it('keep every cell: value, formula and number format', async () => {
    const before = await readXlsx(sample);
    const after = await readXlsx(written);
    expect(before.sheets.length).toBeGreaterThan(5);
    for (const original of before.sheets) {
      const copy = after.sheets.find((g) => g.name === original.name);
      expect(copy).toBeDefined();
      expect(cellsOf(copy!)).toEqual(cellsOf(original));
    }
  });

  it('leave the input bytes untouched', async () => {
    const input = new Uint8Array(await fs.readFile(SAMPLE));
    const copy = input.slice();
    await writeSheetSpecs(input, [ROLLUP_SHEET]);
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });
});

function cellsOf(grid: Grid): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const row of grid.rowIndexes()) {
    grid.row(row).forEach((cell, col) => {
      if (cell) cells[grid.address(row, col)] = cell;
    });
  }
  return cells;
}

describe('running again', () => {
  it('replaces the generated sheet and adds none', async () => {
    const again = await writeSheetSpecs(written, [ROLLUP_SHEET]);
    const first = await readXlsx(written);
    const second = await readXlsx(again);
    expect(second.sheets.map((g) => g.name)).toEqual(first.sheets.map((g) => g.name));
    for (const grid of first.sheets) {
      expect({ sheet: grid.name, cells: cellsOf(second.sheets.find((g) => g.name === grid.name)!) }).toEqual({
        sheet: grid.name,
        cells: cellsOf(grid),
      });
    }
    const names = (await loadExcelJs(again)).definedNames.model.filter((n) => n.name.startsWith('CW_GENERATED_'));
    expect(names).toEqual([{ name: 'CW_GENERATED_Rollup', ranges: ['Rollup!$A$1'] }]);
  });

  it('leaves nothing of the old sheet behind when the new one is smaller', async () => {
    const smaller: SheetSpec = { name: 'Rollup', paragraphs: [], tables: [{ ...NOTES_TABLE, rows: NOTES_TABLE.rows.slice(0, 1) }] };
    const grid = (await readXlsx(await writeSheetSpecs(written, [smaller]))).sheets.find((g) => g.name === 'Rollup')!;
    expect(grid.rowCount).toBe(6); // title, unit note, header, one body row, blank, source
    expect(grid.value(0, 0)).toBe(NOTES_TABLE.title);
  });

  it('keeps the generated sheet in its tab position', async () => {
    const moved = await loadExcelJs(written);
    const rollup = moved.getWorksheet('Rollup') as unknown as { orderNo: number };
    rollup.orderNo = -1; // first tab
    const input = new Uint8Array(await moved.xlsx.writeBuffer());
    const names = sheetNamesOf(await loadExcelJs(await writeSheetSpecs(input, [ROLLUP_SHEET])));
    expect(names[0]).toBe('Rollup');
    expect(names.filter((n) => n === 'Rollup')).toHaveLength(1);
    expect(names).toHaveLength(sheetNamesOf(moved).length);
  });
});

describe('a sheet of a generated name that is not ours', () => {
  async function withUserSheet(name: string, markOther = false): Promise<Uint8Array> {
    const workbook = await loadExcelJs(sample);
    workbook.addWorksheet(name).getCell('A1').value = 'my own rollup';
    if (markOther) workbook.definedNames.add("'Budget lines'!$A$1", 'CW_GENERATED_Rollup');
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  /** The bytes of the part holding sheet `name`. */
  async function sheetBytes(bytes: Uint8Array, name: string): Promise<Buffer> {
    const { sheetPath } = await partsOf(bytes, name);
    return (await JSZip.loadAsync(bytes)).file(sheetPath)!.async('nodebuffer');
  }

  it('is kept as it is, and the generated sheet takes the next free name, as Excel names a copy', async () => {
    const input = await withUserSheet('Rollup');
    const { bytes, sheetNames } = await writeReport(input, [ROLLUP_SHEET]);
    expect(sheetNames).toEqual(['Rollup (2)']);
    expect(sheetNamesOf(await loadExcelJs(bytes)).slice(-2)).toEqual(['Rollup', 'Rollup (2)']);
    expect(await sheetBytes(bytes, 'Rollup')).toEqual(await sheetBytes(input, 'Rollup'));
    const read = await readXlsx(bytes);
    expect(read.sheets.find((g) => g.name === 'Rollup')).toMatchObject({ generated: false });
    expect(read.sheets.find((g) => g.name === 'Rollup (2)')).toMatchObject({ generated: true });
    expect(read.sheets.find((g) => g.name === 'Rollup')!.value(0, 0)).toBe('my own rollup');
    const workbookXml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(`<definedName name="CW_GENERATED_Rollup__2_" comment="${OWNER_MARKER}">&apos;Rollup (2)&apos;!$A$1</definedName>`);
  });

  it('is kept again on a re-run, which replaces the generated "Rollup (2)" and adds no sheet', async () => {
    const once = await writeReport(await withUserSheet('Rollup'), [ROLLUP_SHEET]);
    const twice = await writeReport(once.bytes, [ROLLUP_SHEET]);
    expect(twice.sheetNames).toEqual(['Rollup (2)']);
    expect(sheetNamesOf(await loadExcelJs(twice.bytes))).toEqual(sheetNamesOf(await loadExcelJs(once.bytes)));
    expect(await sheetBytes(twice.bytes, 'Rollup')).toEqual(await sheetBytes(once.bytes, 'Rollup'));
    const names = (await loadExcelJs(twice.bytes)).definedNames.model.filter((n) => n.name.startsWith('CW_GENERATED_'));
    expect(names).toEqual([{ name: 'CW_GENERATED_Rollup__2_', ranges: ["'Rollup (2)'!$A$1"] }]);
  });

  it('is found whatever its case, and a marker on another sheet does not make it ours', async () => {
    expect((await writeReport(await withUserSheet('rollup'), [ROLLUP_SHEET])).sheetNames).toEqual(['Rollup (2)']);
    const marked = await writeReport(await withUserSheet('Rollup', true), [ROLLUP_SHEET]);
    expect(marked.sheetNames).toEqual(['Rollup (2)']);
    expect((await readXlsx(marked.bytes)).sheets.find((g) => g.name === 'Rollup')!.value(0, 0)).toBe('my own rollup');
  });

  it('takes "(3)" when "(2)" is the user\'s too, and leaves the other generated sheets their own names', async () => {
    const workbook = await loadExcelJs(await withUserSheet('Rollup'));
    workbook.addWorksheet('Rollup (2)').getCell('A1').value = 'my second rollup';
    const input = new Uint8Array(await workbook.xlsx.writeBuffer());
    const findings: SheetSpec = { name: 'Findings', paragraphs: [], tables: [{ ...NOTES_TABLE, name: 'CW_TestFindings' }] };
    const { sheetNames } = await writeReport(input, [findings, ROLLUP_SHEET]);
    expect(sheetNames).toEqual(['Findings', 'Rollup (3)']);
  });
});

describe('specs the writer refuses', () => {
  const sheetWith = (table: TableSpec): SheetSpec => ({ name: 'Findings', paragraphs: [], tables: [table] });

  it('a table name Excel would not accept', async () => {
    await expect(writeSheetSpecs(sample, [sheetWith({ ...NOTES_TABLE, name: 'A1' })])).rejects.toThrow(SheetSpecError);
    await expect(writeSheetSpecs(sample, [sheetWith({ ...NOTES_TABLE, name: 'has space' })])).rejects.toThrow(
      'table name "has space" is not a valid Excel table name',
    );
  });

  it('a table name the workbook already uses', async () => {
    const again = writeSheetSpecs(written, [sheetWith({ ...NOTES_TABLE, name: 'cw_testrollup' })]);
    await expect(again).rejects.toThrow('the workbook already has a table on sheet "Rollup" called "cw_testrollup"');
  });

  it('a formula over a column or body row the table does not have', async () => {
    const badColumn: TableSpec = {
      ...NOTES_TABLE,
      totals: [{ cells: { count: { formula: { op: 'minus', a: 'count', b: 'nope' }, value: null } } }],
    };
    await expect(writeSheetSpecs(sample, [sheetWith(badColumn)])).rejects.toThrow('refers to "nope"');
    const badRow: TableSpec = { ...NOTES_TABLE, totals: [{ cells: { count: { formula: { op: 'sum', rows: [0, 9] }, value: null } } }] };
    await expect(writeSheetSpecs(sample, [sheetWith(badRow)])).rejects.toThrow('sums body row 9');
  });

  it('an unreadable input, as the reader says', async () => {
    await expect(writeSheetSpecs(new Uint8Array(), [ROLLUP_SHEET])).rejects.toThrow('the workbook is empty');
  });
});

describe("the user's names and links, which a round trip through ExcelJS would drop", () => {
  /** The sample with names ExcelJS cannot keep and a link to a place in the workbook, edited into its XML. */
  async function sampleWithNamesAndLinks(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(sample);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      workbookXml.replace(
        '</sheets>',
        '</sheets><definedNames>' +
          '<definedName name="VAT_rate" comment="standard rate">0.2</definedName>' +
          '<definedName name="Local_total" localSheetId="1">&apos;LCPF boroughs&apos;!$B$5</definedName>' +
          '<definedName name="_xlnm._FilterDatabase" localSheetId="8" hidden="1">&apos;Budget lines&apos;!$A$1:$J$32</definedName>' +
          '</definedNames>',
      ),
    );
    const first = await partsOf(sample, 'Spend by priority area');
    zip.file(
      first.sheetPath,
      first.sheetXml.replace(
        '<pageMargins',
        '<hyperlinks><hyperlink ref="A1" location="&apos;Budget lines&apos;!A1" display="Budget lines"/></hyperlinks><pageMargins',
      ),
    );
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('keeps constant, sheet-scoped and hidden names exactly, beside the owner name', async () => {
    const out = await writeSheetSpecs(await sampleWithNamesAndLinks(), [ROLLUP_SHEET]);
    const { workbookXml } = await partsOf(out, 'Rollup');
    const names = /<definedNames>([\s\S]*?)<\/definedNames>/.exec(workbookXml)?.[1];
    expect(names).toContain('<definedName name="VAT_rate" comment="standard rate">0.2</definedName>');
    expect(names).toContain('<definedName name="Local_total" localSheetId="1">&apos;LCPF boroughs&apos;!$B$5</definedName>');
    expect(names).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="8" hidden="1">');
    expect(names).toContain(`<definedName name="CW_GENERATED_Rollup" comment="${OWNER_MARKER}">Rollup!$A$1</definedName>`);
    expect(names?.match(/<definedName /g)).toHaveLength(4);
  });

  it("keeps a user sheet's link to a place in the workbook", async () => {
    const out = await writeSheetSpecs(await sampleWithNamesAndLinks(), [ROLLUP_SHEET]);
    const { sheetXml } = await partsOf(out, 'Spend by priority area');
    expect(sheetXml).toMatch(/<hyperlinks><hyperlink ref="A1" location="&apos;Budget lines&apos;!A1" display="Budget lines"\/><\/hyperlinks><pageMargins/);
  });
});

describe('a chart in an .xlsx file', () => {
  it('is drawn as data bars from zero on its value column', async () => {
    const positive: TableSpec = {
      ...ROLLUP_TABLE,
      name: 'CW_TestChart',
      rows: ROLLUP_TABLE.rows.filter((r) => !(typeof r.cells.area === 'string' && r.cells.area.startsWith('Standards'))),
      totals: [],
      conditionalFormats: [],
    };
    const spec: SheetSpec = {
      name: 'Panel report',
      paragraphs: [],
      tables: [positive],
      chart: { title: 'Budget by priority area', table: 'CW_TestChart', labelColumn: 'area', valueColumn: 'budget' },
    };
    const { sheetXml } = await partsOf(await writeSheetSpecs(sample, [spec]), 'Panel report');
    expect(sheetXml).toMatch(
      /<conditionalFormatting sqref="B4:B9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="0"\/><cfvo type="max"\/>/,
    );
  });

  it('must plot a table and column of its sheet', async () => {
    const spec: SheetSpec = { ...ROLLUP_SHEET, chart: { title: 'x', table: 'CW_Nope', labelColumn: 'area', valueColumn: 'budget' } };
    await expect(writeSheetSpecs(sample, [spec])).rejects.toThrow('plots table "CW_Nope"');
  });
});

describe('widths on a wide sheet', () => {
  const sentence = 'A long remark about a contract that a reviewer needs to read in full before the panel.';
  const wide: TableSpec = {
    ...NOTES_TABLE,
    name: 'CW_TestWide',
    columns: Array.from({ length: 6 }, (_, i) => ({ key: `c${i}`, header: `Remark ${i + 1}`, type: 'text' as const })),
    rows: [{ cells: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`c${i}`, sentence])) }, { cells: { c0: 'short' } }],
  };

  it('narrows long text columns to fit a landscape page, wrapping their text and growing their rows', async () => {
    const out = await loadExcelJs(await writeSheetSpecs(sample, [{ name: 'Findings', paragraphs: [], tables: [wide] }]));
    const sheet = out.getWorksheet('Findings')!;
    const widths = [1, 2, 3, 4, 5, 6].map((c) => sheet.getColumn(c).width!);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(135);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(20);
    expect(sheet.getCell('A4').alignment.wrapText).toBe(true);
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(3 * 13);
    expect(sheet.getRow(5).height).toBeUndefined();
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
  });

  it('wraps a footnote longer than the table over the merged width of the table', async () => {
    const footnote = Array.from({ length: 8 }, () => sentence).join(' ');
    const withNote: TableSpec = { ...wide, footnotes: [footnote] };
    const out = await loadExcelJs(await writeSheetSpecs(sample, [{ name: 'Findings', paragraphs: [], tables: [withNote] }]));
    const sheet = out.getWorksheet('Findings')!;
    // title, unit note, header, 2 body rows, blank: the footnote is on row 7.
    expect(sheet.getCell('A7').value).toBe(footnote);
    expect((sheet.model as { merges?: string[] }).merges).toContain('A7:F7');
    expect(sheet.getCell('A7').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(7).height).toBeGreaterThan(2 * 8 * 1.3);
    expect((sheet.model as { merges?: string[] }).merges).not.toContain('A1:F1');
  });

  it('prints a narrow sheet portrait', async () => {
    const out = await loadExcelJs(await writeSheetSpecs(sample, [{ name: 'Findings', paragraphs: [], tables: [NOTES_TABLE] }]));
    expect(out.getWorksheet('Findings')!.pageSetup.orientation).toBe('portrait');
  });
});
