import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { mergeStyles } from '../../../src/workbook/xlsx/graft-styles';
import { renumberSheet, sharedStringItems } from '../../../src/workbook/xlsx/graft-sheet';
import { readXlsxFast } from '../../../src/workbook/xlsx/fast/read';
import { writeSheetSpecs } from '../../../src/workbook/xlsx/write';
import { ROLLUP_SHEET, SAMPLE } from './fixture';
import { packageProblems } from './package-integrity';
import { inflateRawSync } from 'zlib';

const WITH_CHART = path.join(__dirname, 'fixtures', 'with-chart.xlsx');

/**
 * Parts the graft edits on purpose: the workbook's lists of sheets, names, parts and styles. The
 * shared strings are not among them: the generated text is inline.
 */
const BOOKKEEPING = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/core.xml']);

async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('uint8array'));
  return parts;
}

/** Parts of `before` that `after` lacks or holds with other bytes, bookkeeping aside. */
async function changedParts(before: Uint8Array, after: Uint8Array, except: ReadonlySet<string> = BOOKKEEPING): Promise<string[]> {
  const [old, now] = await Promise.all([partsOf(before), partsOf(after)]);
  return [...old]
    .filter(([name, bytes]) => !except.has(name) && !Buffer.from(bytes).equals(Buffer.from(now.get(name) ?? new Uint8Array())))
    .map(([name]) => name);
}

/** Replaces `text` in a part of the package being built. */
async function editPart(zip: JSZip, part: string, text: string, replacement: string): Promise<void> {
  zip.file(part, (await zip.file(part)!.async('string')).replace(text, replacement));
}

const read = (bytes: Uint8Array) => readXlsxFast(bytes, (data) => inflateRawSync(data));

let sample: Uint8Array;
let withChart: Uint8Array;

beforeAll(async () => {
  sample = new Uint8Array(await fs.readFile(SAMPLE));
  withChart = new Uint8Array(await fs.readFile(WITH_CHART));
});

describe("the generated sheets grafted into the user's package", () => {
  it('keep every other part of a workbook with a chart, a picture and a note byte for byte', async () => {
    const out = await writeSheetSpecs(withChart, [ROLLUP_SHEET]);
    expect(await changedParts(withChart, out)).toEqual([]);
    const parts = await partsOf(out);
    for (const kept of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/comments/comment1.xml']) {
      expect(parts.has(kept)).toBe(true);
    }
    expect(await packageProblems(out)).toEqual([]);
    expect(read(out).sheets.map((s) => s.name)).toEqual(['Budget lines', 'Rollup']);
  });

  it('keep parts the product knows nothing about, such as a pivot table', async () => {
    const zip = await JSZip.loadAsync(sample);
    const pivot =
      '<?xml version="1.0" encoding="UTF-8"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Pivot1" cacheId="1"/>';
    zip.file('xl/pivotTables/pivotTable1.xml', pivot);
    await editPart(
      zip,
      '[Content_Types].xml',
      '</Types>',
      '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>',
    );
    const withPivot = await zip.generateAsync({ type: 'uint8array' });
    const out = await writeSheetSpecs(withPivot, [ROLLUP_SHEET]);
    expect(await changedParts(withPivot, out)).toEqual([]);
    expect(new TextDecoder().decode((await partsOf(out)).get('xl/pivotTables/pivotTable1.xml'))).toBe(pivot);
    expect(await (await JSZip.loadAsync(out)).file('[Content_Types].xml')!.async('string')).toContain('/xl/pivotTables/pivotTable1.xml');
  });

  it("keep the user's cell formats at their indexes, the generated ones after them", async () => {
    const out = await writeSheetSpecs(sample, [ROLLUP_SHEET]);
    const xfs = async (bytes: Uint8Array) => {
      const styles = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
      return /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?\/>|<xf\b[^>]*?>[\s\S]*?<\/xf>/g)!;
    };
    const [before, after] = [await xfs(sample), await xfs(out)];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('make a package whose every relationship, content type and index holds, on the sample and on a second run', async () => {
    const once = await writeSheetSpecs(sample, [ROLLUP_SHEET]);
    const twice = await writeSheetSpecs(once, [ROLLUP_SHEET]);
    expect(await packageProblems(once)).toEqual([]);
    expect(await packageProblems(twice)).toEqual([]);
    expect([...(await partsOf(twice)).keys()].sort()).toEqual([...(await partsOf(once)).keys()].sort());
    expect(await changedParts(once, twice, new Set([...BOOKKEEPING, ...(await rollupParts(once))]))).toEqual([]);
  });

  it('remove the parts only the replaced sheet used, such as a chart added to it in Excel', async () => {
    const once = await writeSheetSpecs(sample, [ROLLUP_SHEET]);
    const withChartOnRollup = await addChartTo(once, 'Rollup');
    expect(await packageProblems(withChartOnRollup)).toEqual([]);
    const again = await writeSheetSpecs(withChartOnRollup, [ROLLUP_SHEET]);
    const parts = await partsOf(again);
    expect([...parts.keys()].filter((p) => /chart|drawing|image90/.test(p))).toEqual([]);
    expect(await packageProblems(again)).toEqual([]);
  });

  it('drop a calculation chain that named the replaced sheet, which Excel rebuilds', async () => {
    const once = await writeSheetSpecs(sample, [ROLLUP_SHEET]);
    const zip = await JSZip.loadAsync(once);
    zip.file(
      'xl/calcChain.xml',
      '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B9" i="12"/></calcChain>',
    );
    await editPart(
      zip,
      'xl/_rels/workbook.xml.rels',
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    await editPart(
      zip,
      '[Content_Types].xml',
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    );
    const again = await writeSheetSpecs(await zip.generateAsync({ type: 'uint8array' }), [ROLLUP_SHEET]);
    expect((await partsOf(again)).has('xl/calcChain.xml')).toBe(false);
    expect(await packageProblems(again)).toEqual([]);
  });
});

describe('the workbook part of the copy', () => {
  it('puts new defined names after links to other workbooks and before the calculation settings, as the schema orders them', async () => {
    const zip = await JSZip.loadAsync(sample);
    await editPart(zip, 'xl/workbook.xml', '</sheets>', '</sheets><externalReferences><externalReference r:id="rId90"/></externalReferences>');
    await editPart(
      zip,
      'xl/_rels/workbook.xml.rels',
      '</Relationships>',
      '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
    );
    const link =
      '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>';
    zip.file('xl/externalLinks/externalLink1.xml', link);
    await editPart(
      zip,
      '[Content_Types].xml',
      '</Types>',
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    );
    const linked = await zip.generateAsync({ type: 'uint8array' });
    const out = await writeSheetSpecs(linked, [ROLLUP_SHEET]);
    const written = await (await JSZip.loadAsync(out)).file('xl/workbook.xml')!.async('string');
    expect(written).toMatch(
      /<\/sheets><externalReferences><externalReference r:id="rId90"\/><\/externalReferences><definedNames><definedName name="CW_GENERATED_Rollup"[^>]*>Rollup!\$A\$1<\/definedName><\/definedNames><calcPr /,
    );
    expect(await changedParts(linked, out)).toEqual([]);
    expect(await packageProblems(out)).toEqual([]);
  });

  it('refuses a workbook with a damaged part, naming the sheet, since the copy would carry the damage', async () => {
    const zip = await JSZip.loadAsync(sample);
    await editPart(zip, 'xl/worksheets/sheet9.xml', '</sheetData>', '<row r="999"></sheetData>');
    const damaged = await zip.generateAsync({ type: 'uint8array' });
    await expect(writeSheetSpecs(damaged, [ROLLUP_SHEET])).rejects.toThrow(
      /^the workbook is damaged: its sheet "Budget lines" \(xl\/worksheets\/sheet9\.xml\) is not well-formed XML \(\d+:\d+: [^)]+\)\. Open it in Excel, which offers to repair it, save it and run again\. Nothing was written\.$/,
    );
  });

  it('refuses a workbook saved as Strict Open XML, writing nothing', async () => {
    const zip = await JSZip.loadAsync(sample);
    await editPart(zip, 'xl/workbook.xml', 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main');
    const strict = await zip.generateAsync({ type: 'uint8array' });
    await expect(writeSheetSpecs(strict, [ROLLUP_SHEET])).rejects.toThrow(
      'the workbook is saved as Strict Open XML; save it in Excel as an Excel Workbook (.xlsx)',
    );
  });
});

describe('mergeStyles', () => {
  const generated =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0"><alignment horizontal="right"/></xf></cellXfs>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>';

  it("appends the generated formats with their font, fill, border and number format moved past the user's", () => {
    const user =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="#,##0"/></numFmts>' +
      '<fonts count="1"><font><sz val="10"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
    const merged = mergeStyles(user, generated);
    // The user's "#,##0" is reused (170); "0.0%" is new (171).
    expect(merged.stylesXml).toContain('<numFmts count="2"><numFmt numFmtId="170" formatCode="#,##0"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts>');
    expect(merged.stylesXml).toContain('<fonts count="3">');
    // The generated fill and border are the user's own "none" fill and empty border: reused, not appended.
    expect(merged.stylesXml).toContain('<fills count="2">');
    expect(merged.stylesXml).toContain('<borders count="1">');
    expect(merged.stylesXml).toContain('<xf numFmtId="170" fontId="2" fillId="0" borderId="0" xfId="0"><alignment horizontal="right"/></xf></cellXfs>');
    expect(merged.stylesXml).toContain('<cellXfs count="3">');
    expect(merged.xf(1)).toBe(2);
    // The user had no differential formats: the section is added after cellXfs, in schema order.
    expect(merged.stylesXml).toMatch(/<\/cellXfs><dxfs count="1"><dxf>/);
    expect(merged.dxf(0)).toBe(0);
  });

  it('writes appended elements with the prefix a user style sheet uses', () => {
    const user =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="10"/></x:font></x:fonts>' +
      '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>';
    const merged = mergeStyles(user, generated).stylesXml;
    expect(merged).toContain(
      '<x:fonts count="3"><x:font><x:sz val="10"/></x:font><x:font><x:sz val="11"/></x:font><x:font><x:b/><x:sz val="11"/></x:font></x:fonts>',
    );
    expect(merged).toMatch(/^<x:styleSheet[^>]*><x:numFmts count="2">/);
    expect(merged).not.toMatch(/<(?!\/?x:)[a-z]/);
  });

  it('takes the generated style sheet whole when the user package has none', () => {
    const merged = mergeStyles(undefined, generated);
    expect(merged.stylesXml).toBe(generated);
    expect(merged.xf(1)).toBe(1);
  });
});

describe('renumberSheet', () => {
  it("writes the generated strings inline and moves the sheet's format indexes to the merged styles", () => {
    const generated =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Rollup</t></si><si><t xml:space="preserve"> Total </t></si></sst>';
    const strings = sharedStringItems(generated);
    expect(strings).toEqual(['<t>Rollup</t>', '<t xml:space="preserve"> Total </t>']);
    const styles = { stylesXml: '', xf: (i: number) => i + 10, dxf: (i: number) => i + 5 };
    const sheet =
      '<cols><col min="1" max="1" width="9" style="1"/></cols><sheetData><row r="1" s="2" customFormat="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="1"><v>7</v></c><c r="C1"/><c r="D1" t="s"><v>1</v></c></row></sheetData>' +
      '<conditionalFormatting sqref="B1"><cfRule type="cellIs" dxfId="0" priority="1"/></conditionalFormatting>';
    expect(renumberSheet(sheet, styles, strings)).toBe(
      '<cols><col min="1" max="1" width="9" style="11"/></cols><sheetData><row r="1" s="12" customFormat="1"><c r="A1" s="13" t="inlineStr"><is><t>Rollup</t></is></c><c r="B1" s="11"><v>7</v></c><c r="C1"/><c r="D1" t="inlineStr"><is><t xml:space="preserve"> Total </t></is></c></row></sheetData>' +
        '<conditionalFormatting sqref="B1"><cfRule type="cellIs" dxfId="5" priority="1"/></conditionalFormatting>',
    );
  });
});

/** Parts belonging to the Rollup sheet: its worksheet, rels and tables (rewritten on every run). */
async function rollupParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rId = /<sheet [^>]*name="Rollup"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const sheetPath = `xl/${target.replace(/^\/?xl\//, '')}`;
  const sheetRels = sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  const tables = [...((await zip.file(sheetRels)?.async('string')) ?? '').matchAll(/Target="\.\.\/tables\/([^"]+)"/g)].map((m) => `xl/tables/${m[1]}`);
  return [sheetPath, sheetRels, ...tables];
}

/** The package with with-chart.xlsx's drawing and chart hung on sheet `name`, as Excel would add them. */
async function addChartTo(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const source = await JSZip.loadAsync(withChart);
  const [sheetPath, sheetRels] = await rollupParts(bytes);
  expect(name).toBe('Rollup');
  for (const part of ['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/media/image1.png']) {
    zip.file(part.replace(/1\.(xml|png)$/, '90.$1'), await source.file(part)!.async('uint8array'));
  }
  const drawingRels = await source.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
  zip.file('xl/drawings/_rels/drawing90.xml.rels', drawingRels.replace('chart1.xml', 'chart90.xml').replace('image1.png', 'image90.png'));
  const rels = await zip.file(sheetRels)!.async('string');
  zip.file(
    sheetRels,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing90.xml"/></Relationships>',
    ),
  );
  const sheet = await zip.file(sheetPath)!.async('string');
  zip.file(sheetPath, sheet.replace('<tableParts', '<drawing r:id="rId90"/><tableParts'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/xl/drawings/drawing90.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart90.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array' });
}
