/**
 * Files Excel reads: packages the graft used to get wrong in ways Excel repairs or refuses, each built
 * here from the sample by small edits to its XML: a chart sheet (sheet ids), macro-enabled and template
 * workbooks (the main part's content type), part names in another case, sheets named like cell
 * references (links), a user's own sheet of a generated name, a UTF-16 customXml part, and re-runs
 * (strings, cell formats and table ids).
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { quoteSheetName } from '../../../src/sheet/a1';
import type { SheetSpec, TableSpec } from '../../../src/reports/spec';
import { decodeXml } from '../../../src/workbook/xlsx/write-xml';
import { MAIN_CONTENT_TYPE, kindOfContentTypes, packageKindOf } from '../../../src/workbook/xlsx/package-kind';
import { writeReport, writeSheetSpecs } from '../../../src/workbook/xlsx/write';
import { OutputKindError } from '../../../src/workbook/xlsx/errors';
import { inflateRawSync } from 'zlib';
import { NOTES_TABLE, ROLLUP_SHEET, SAMPLE } from './fixture';
import { packageProblems } from './package-integrity';

let sample: Uint8Array;

beforeAll(async () => {
  sample = new Uint8Array(await fs.readFile(SAMPLE));
});

type Edit = (zip: JSZip) => Promise<void> | void;

async function edited(bytes: Uint8Array, ...edits: Edit[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const edit of edits) await edit(zip);
  return zip.generateAsync({ type: 'uint8array' });
}

async function text(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}

async function replaceIn(zip: JSZip, part: string, from: string | RegExp, to: string): Promise<void> {
  const before = await zip.file(part)!.async('string');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${part} has no ${String(from)}`);
  zip.file(part, after);
}

/** Every part name and content-type override, checked case-insensitively as Excel checks them. */
async function caseProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
    if (seen.has(name.toLowerCase())) problems.push(`two parts named ${name}`);
    seen.add(name.toLowerCase());
  }
  const overrides = [...(await text(bytes, '[Content_Types].xml')).matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  for (const [i, part] of overrides.entries()) if (overrides.indexOf(part) !== i) problems.push(`two content types for ${part}`);
  return problems;
}

const SHEET_ID = /<sheet\b[^>]*\ssheetId="(\d+)"/g;

describe('a workbook with a chart sheet', () => {
  it('gets new sheets whose ids no sheet has, chart sheets counted', async () => {
    // A chart sheet listed last with the highest id, as Excel lists one added last.
    const input = await edited(
      sample,
      (zip) =>
        void zip.file(
          'xl/chartsheets/sheet1.xml',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
        ),
      (zip) => replaceIn(zip, 'xl/workbook.xml', '</sheets>', '<sheet name="Chart1" sheetId="12" r:id="rId90"/></sheets>'),
      (zip) =>
        replaceIn(
          zip,
          'xl/_rels/workbook.xml.rels',
          '</Relationships>',
          '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        ),
      (zip) =>
        replaceIn(
          zip,
          '[Content_Types].xml',
          '</Types>',
          '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
        ),
    );
    const findings: SheetSpec = { name: 'Findings', paragraphs: [], tables: [{ ...NOTES_TABLE, name: 'CW_TestFindings' }] };
    const out = await writeSheetSpecs(input, [findings, ROLLUP_SHEET]);
    const ids = [...(await text(out, 'xl/workbook.xml')).matchAll(SHEET_ID)].map((m) => Number(m[1]));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(await packageProblems(out)).toEqual([]);
  });
});

describe('a macro-enabled workbook or a template', () => {
  const asKind = (contentType: string, withMacros: boolean): Edit[] => [
    (zip) => replaceIn(zip, '[Content_Types].xml', MAIN_CONTENT_TYPE.xlsx, contentType),
    ...(withMacros
      ? [
          (zip: JSZip) => void zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])),
          (zip: JSZip) =>
            replaceIn(
              zip,
              '[Content_Types].xml',
              '<Default Extension="xml"',
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"',
            ),
          (zip: JSZip) =>
            replaceIn(
              zip,
              'xl/_rels/workbook.xml.rels',
              '</Relationships>',
              '<Relationship Id="rId91" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            ),
        ]
      : []),
  ];

  it('keeps its macro-enabled content type and its macros when written as .xlsm, or as it was by default', async () => {
    const xlsm = await edited(sample, ...asKind(MAIN_CONTENT_TYPE.xlsm, true));
    expect(packageKindOf(xlsm, inflateRawSync)).toBe('xlsm');
    for (const out of [await writeSheetSpecs(xlsm, [ROLLUP_SHEET], { kind: 'xlsm' }), await writeSheetSpecs(xlsm, [ROLLUP_SHEET])]) {
      expect(kindOfContentTypes(await text(out, '[Content_Types].xml'))).toBe('xlsm');
      expect(await (await JSZip.loadAsync(out)).file('xl/vbaProject.bin')!.async('uint8array')).toEqual(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
      expect(await packageProblems(out)).toEqual([]);
    }
  });

  it('is refused as an .xlsx, whose main part Excel will not open macro-enabled, and an .xlsx is refused as an .xlsm', async () => {
    for (const kind of ['xlsm', 'xltm'] as const) {
      const input = await edited(sample, ...asKind(MAIN_CONTENT_TYPE[kind], true));
      const attempt = writeSheetSpecs(input, [ROLLUP_SHEET], { kind: 'xlsx' });
      await expect(attempt).rejects.toThrow(OutputKindError);
      await expect(writeSheetSpecs(input, [ROLLUP_SHEET], { kind: 'xlsx' })).rejects.toThrow(
        `the workbook is macro-enabled (.${kind}), and Excel will not open a macro-enabled workbook saved as .xlsx: write the copy as .xlsm`,
      );
    }
    await expect(writeSheetSpecs(sample, [ROLLUP_SHEET], { kind: 'xlsm' })).rejects.toThrow('write the copy as .xlsx');
  });

  it('becomes a workbook of the kind asked for when it is a template', async () => {
    const xltm = await edited(sample, ...asKind(MAIN_CONTENT_TYPE.xltm, true));
    expect(kindOfContentTypes(await text(await writeSheetSpecs(xltm, [ROLLUP_SHEET], { kind: 'xlsm' }), '[Content_Types].xml'))).toBe('xlsm');
    const xltx = await edited(sample, ...asKind(MAIN_CONTENT_TYPE.xltx, false));
    const out = await writeSheetSpecs(xltx, [ROLLUP_SHEET], { kind: 'xlsx' });
    expect(await text(out, '[Content_Types].xml')).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${MAIN_CONTENT_TYPE.xlsx}"/>`);
    expect(await packageProblems(out)).toEqual([]);
  });
});

describe('part names in another case', () => {
  // Excel compares part names case-insensitively: "Sheet1.xml" and "sheet1.xml" are the same part.
  const renamed: Edit[] = [
    async (zip) => {
      zip.file('xl/worksheets/Sheet1.xml', await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array'));
      zip.remove('xl/worksheets/sheet1.xml');
    },
    (zip) => replaceIn(zip, 'xl/_rels/workbook.xml.rels', 'Target="worksheets/sheet1.xml"', 'Target="worksheets/Sheet1.xml"'),
    (zip) => replaceIn(zip, '[Content_Types].xml', '"/xl/worksheets/sheet1.xml"', '"/xl/worksheets/Sheet1.xml"'),
    async (zip) => {
      zip.file('xl/Styles.xml', await zip.file('xl/styles.xml')!.async('uint8array'));
      zip.remove('xl/styles.xml');
    },
  ];

  it('get no second part of the same name nor a second content type', async () => {
    const input = await edited(sample, ...renamed);
    expect(await caseProblems(input)).toEqual([]);
    const out = await writeSheetSpecs(input, [ROLLUP_SHEET]);
    expect(await caseProblems(out)).toEqual([]);
    const zip = await JSZip.loadAsync(out);
    // The new sheet takes a name no part has in any case.
    expect(
      Object.keys(zip.files)
        .filter((p) => /^xl\/worksheets\/sheet(1|12)\.xml$/i.test(p))
        .sort(),
    ).toEqual(['xl/worksheets/Sheet1.xml', 'xl/worksheets/sheet12.xml']);
    // The user's sheet is the same bytes under its own name; the styles part is edited in place.
    expect(await zip.file('xl/worksheets/Sheet1.xml')!.async('uint8array')).toEqual(
      await (await JSZip.loadAsync(input)).file('xl/worksheets/Sheet1.xml')!.async('uint8array'),
    );
    expect(zip.file('xl/styles.xml')).toBeNull();
    expect(await zip.file('xl/Styles.xml')!.async('string')).toMatch(/<cellXfs count="\d+">/);
  });

  it('are found when a re-run replaces a generated sheet whose relationship spells its part in another case', async () => {
    const once = await writeSheetSpecs(await edited(sample, ...renamed), [ROLLUP_SHEET]);
    const rollupPath = /Target="(worksheets\/sheet\d+\.xml)"/.exec(
      (await text(once, 'xl/_rels/workbook.xml.rels')).split('Target="worksheets/Sheet1.xml"').join(''),
    )![1];
    const upper = rollupPath.replace('sheet', 'SHEET');
    const input = await edited(once, (zip) => replaceIn(zip, 'xl/_rels/workbook.xml.rels', `Target="${rollupPath}"`, `Target="${upper}"`));
    const twice = await writeSheetSpecs(input, [ROLLUP_SHEET]);
    expect(await caseProblems(twice)).toEqual([]);
    expect(Object.keys((await JSZip.loadAsync(twice)).files).sort()).toEqual(Object.keys((await JSZip.loadAsync(once)).files).sort());
  });
});

describe('links to sheets whose names Excel would read as something else', () => {
  it('quote the sheet name', () => {
    for (const name of ['FY08', 'Q1', 'PM10', 'XFD1', 'R1C1', 'RC', 'R', 'C', 'r2c3', 'C12', 'TRUE', 'false', 'A1B', 'ab12cd']) {
      expect({ name, quoted: quoteSheetName(name) }).toEqual({ name, quoted: `'${name}'` });
    }
    for (const name of ['Budget', 'Rollup', 'Register', 'ABCD1', 'FY_08', 'Totals2019', '_x', 'Roll', 'Cash']) {
      expect({ name, quoted: quoteSheetName(name) }).toEqual({ name, quoted: name });
    }
    expect(quoteSheetName("It's here")).toBe("'It''s here'");
  });

  it('are written with quoted locations in the generated sheet', async () => {
    const table: TableSpec = {
      ...NOTES_TABLE,
      rows: ['FY08', 'Q1', 'PM10', 'R1C1', 'TRUE'].map((sheet, i) => ({
        cells: { note: sheet, count: i, due: null, where: { sheet, cell: 'B2', text: `${sheet}!B2` } },
      })),
    };
    const out = await writeSheetSpecs(sample, [{ name: 'Findings', paragraphs: [], tables: [table] }]);
    const zip = await JSZip.loadAsync(out);
    const sheetXml = await zip.file(/xl\/worksheets\/sheet12\.xml/)[0].async('string');
    const locations = [...sheetXml.matchAll(/<hyperlink\b[^>]*location="([^"]+)"/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    expect(locations).toEqual(["'FY08'!B2", "'Q1'!B2", "'PM10'!B2", "'R1C1'!B2", "'TRUE'!B2"]);
  });
});

describe('a customXml part in UTF-16 with a byte-order mark, as SharePoint writes it', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-16" standalone="no"?><ds:datastoreItem ds:itemID="{1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>';
  const utf16 = (s: string, bom = true) => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, 'utf16le')]);

  it('is decoded by its byte-order mark or its declaration', () => {
    expect(decodeXml(utf16(xml)).text).toBe(xml);
    expect(decodeXml(utf16(xml, false)).text).toBe(xml);
    const be = Buffer.from(utf16(xml, false));
    be.swap16();
    expect(decodeXml(new Uint8Array([0xfe, 0xff, ...be])).text).toBe(xml);
    expect(decodeXml(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<a>é</a>')])).text).toBe('<a>é</a>');
    expect(decodeXml(new Uint8Array(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>', 'latin1'))).text).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>',
    );
  });

  it('is accepted as well-formed and carried over byte for byte; a damaged one is still refused', async () => {
    const bytes = utf16(xml);
    const input = await edited(sample, (zip) => void zip.file('customXml/itemProps1.xml', bytes));
    const out = await writeSheetSpecs(input, [ROLLUP_SHEET]);
    expect(await (await JSZip.loadAsync(out)).file('customXml/itemProps1.xml')!.async('uint8array')).toEqual(bytes);
    const damaged = await edited(sample, (zip) => void zip.file('customXml/itemProps1.xml', utf16(xml.replace('<ds:schemaRefs/>', '<ds:schemaRefs>'))));
    await expect(writeSheetSpecs(damaged, [ROLLUP_SHEET])).rejects.toThrow('its part customXml/itemProps1.xml is not well-formed XML');
  });
});

describe('running again on the copy', () => {
  const count = (xml: string, section: string, item: string): number =>
    ((new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? '').match(new RegExp(`<${item}\\b`, 'g')) ?? []).length;
  const tableIds = async (bytes: Uint8Array): Promise<Record<string, string>> => {
    const zip = await JSZip.loadAsync(bytes);
    const ids: Record<string, string> = {};
    for (const part of Object.keys(zip.files).filter((p) => /^xl\/tables\/.*\.xml$/.test(p))) {
      const tag = /<table\b[^>]*>/.exec(await zip.file(part)!.async('string'))![0];
      ids[/displayName="([^"]+)"/.exec(tag)![1]] = /\sid="(\d+)"/.exec(tag)![1];
    }
    return ids;
  };

  it("adds no shared strings, cell formats, fonts or differential formats, and keeps the tables' ids", async () => {
    const findings: SheetSpec = { name: 'Findings', paragraphs: [{ text: 'Findings' }], tables: [{ ...NOTES_TABLE, name: 'CW_TestFindings' }] };
    const once = await writeSheetSpecs(sample, [findings, ROLLUP_SHEET]);
    // The user's string table is not touched at all: the generated text is inline.
    expect(await text(once, 'xl/sharedStrings.xml')).toBe(await text(sample, 'xl/sharedStrings.xml'));
    // The first run's tables are replaced in another order (Rollup first), so ids cannot follow order.
    const { bytes: twice } = await writeReport(once, [ROLLUP_SHEET, findings]);
    const thrice = await writeSheetSpecs(twice, [findings, ROLLUP_SHEET]);
    for (const later of [twice, thrice]) {
      expect(await text(later, 'xl/sharedStrings.xml')).toBe(await text(sample, 'xl/sharedStrings.xml'));
      const [before, after] = [await text(once, 'xl/styles.xml'), await text(later, 'xl/styles.xml')];
      for (const [section, item] of [
        ['cellXfs', 'xf'],
        ['fonts', 'font'],
        ['fills', 'fill'],
        ['borders', 'border'],
        ['dxfs', 'dxf'],
        ['numFmts', 'numFmt'],
      ]) {
        expect({ section, count: count(after, section, item) }).toEqual({ section, count: count(before, section, item) });
      }
      expect(await tableIds(later)).toEqual(await tableIds(once));
      expect(await packageProblems(later)).toEqual([]);
    }
    expect(Object.keys(await tableIds(once)).sort()).toEqual(['CW_TestFindings', 'CW_TestNotes', 'CW_TestRollup']);
  });
});
