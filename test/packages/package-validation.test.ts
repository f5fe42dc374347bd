/**
 * Every package the project writes is valid Open XML: each XML part validates against the ECMA-376
 * transitional schemas (shared/reference/ooxml-xsd, ISO/IEC 29500-4) after markup compatibility
 * processing, and the package keeps the rules the schemas cannot say (test/helpers/ooxml-validate.ts).
 *
 * Checked on report copies (`commissioning report in --out out`) of the sample and of inputs that
 * differ the ways workbooks in the wild do, on a re-run of the report on its own copy, and on the
 * pane's downloads: the budget template and the Model sheet. xmllint runs once per schema over all
 * the packages' parts together.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';
import { LIBREOFFICE_TIMEOUT_MS, recalculateWithLibreOffice } from '../helpers/libreoffice';
import { applyMarkupCompatibility } from '../helpers/markup-compatibility';
import {
  UNDERSTOOD,
  XSD_ROOT,
  definedNameProblem,
  schemasPresent,
  sheetReferences,
  validatePackages,
  type PackageInput,
  type PackageReport,
} from '../helpers/ooxml-validate';
import { missingSharedMessage } from '../helpers/shared-folder';
import { defaultModel } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import { budgetTemplate } from '../../src/taskpane/budget-template';
import { addBudgetTemplate, addGridSheet } from '../../src/taskpane/engine/xlsx-extras';
import { addChartSheet, addPivotTable, capitaliseSheetParts, edited, makeMacroEnabled, renameBudgetSheetLikeACell, replaceIn } from './inputs';

/** One package to validate: how it is made, and the name it is saved under. */
interface Case {
  readonly label: string;
  readonly fileName: string;
  readonly make: () => Promise<Uint8Array>;
}

let dir: string;
let sample: Uint8Array;
const reports = new Map<string, PackageReport>();
const made = new Map<string, Uint8Array>();

/** The copy `commissioning report` writes of `input`, saved as `fileName` (its extension picks the kind). */
async function reportCopy(input: Uint8Array, inputName: string, outName: string): Promise<Uint8Array> {
  const inputPath = path.join(dir, inputName);
  const out = path.join(dir, outName);
  await fs.writeFile(inputPath, input);
  const run = await runCli(['report', inputPath, '--out', out]);
  // 0 or 1 (findings); 2 and above are usage errors or failures.
  if (run.code > 1) throw new Error(`report failed (${run.code}): ${run.stderr}`);
  return new Uint8Array(await fs.readFile(out));
}

async function excelJsRewrite(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  workbook.creator = 'a script';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function libreOfficeRewrite(bytes: Uint8Array): Promise<Uint8Array> {
  const file = path.join(dir, 'lo-input.xlsx');
  await fs.writeFile(file, bytes);
  return new Uint8Array(await fs.readFile(await recalculateWithLibreOffice(file)));
}

const CASES: readonly Case[] = [
  { label: 'the sample', fileName: 'sample.xlsx', make: () => Promise.resolve(sample) },
  { label: 'report copy of the sample', fileName: 'sample-report.xlsx', make: () => reportCopy(sample, 'sample.xlsx', 'sample-report.xlsx') },
  {
    label: 're-run: report copy of the report copy',
    fileName: 'sample-report-2.xlsx',
    make: async () => reportCopy(made.get('report copy of the sample')!, 'sample-report-in.xlsx', 'sample-report-2.xlsx'),
  },
  { label: 'input with a chart sheet', fileName: 'chart-sheet.xlsx', make: () => edited(sample, addChartSheet) },
  {
    label: 'report copy of a workbook with a chart sheet',
    fileName: 'chart-sheet-report.xlsx',
    make: async () => reportCopy(made.get('input with a chart sheet')!, 'chart-sheet.xlsx', 'chart-sheet-report.xlsx'),
  },
  { label: 'input with a pivot table', fileName: 'pivot.xlsx', make: () => edited(sample, addPivotTable) },
  {
    label: 'report copy of a workbook with a pivot table',
    fileName: 'pivot-report.xlsx',
    make: async () => reportCopy(made.get('input with a pivot table')!, 'pivot.xlsx', 'pivot-report.xlsx'),
  },
  { label: 'macro-enabled input', fileName: 'macros.xlsm', make: () => edited(sample, makeMacroEnabled) },
  {
    label: 'report copy of a macro-enabled workbook (.xlsm)',
    fileName: 'macros-report.xlsm',
    make: async () => reportCopy(made.get('macro-enabled input')!, 'macros.xlsm', 'macros-report.xlsm'),
  },
  { label: 'input with capitalised part names', fileName: 'capitals.xlsx', make: () => edited(sample, capitaliseSheetParts) },
  {
    label: 'report copy of a workbook with capitalised part names',
    fileName: 'capitals-report.xlsx',
    make: async () => reportCopy(made.get('input with capitalised part names')!, 'capitals.xlsx', 'capitals-report.xlsx'),
  },
  { label: 'input with a sheet named like a cell reference', fileName: 'cell-named.xlsx', make: () => edited(sample, renameBudgetSheetLikeACell) },
  {
    label: 'report copy of a workbook with a sheet named like a cell reference',
    fileName: 'cell-named-report.xlsx',
    make: async () => reportCopy(made.get('input with a sheet named like a cell reference')!, 'cell-named.xlsx', 'cell-named-report.xlsx'),
  },
  { label: 'LibreOffice-written input', fileName: 'libreoffice.xlsx', make: () => libreOfficeRewrite(sample) },
  {
    label: 'report copy of a LibreOffice-written workbook',
    fileName: 'libreoffice-report.xlsx',
    make: async () => reportCopy(made.get('LibreOffice-written input')!, 'libreoffice.xlsx', 'libreoffice-report.xlsx'),
  },
  { label: 'script-written (ExcelJS) input', fileName: 'exceljs.xlsx', make: () => excelJsRewrite(sample) },
  {
    label: 'report copy of a script-written (ExcelJS) workbook',
    fileName: 'exceljs-report.xlsx',
    make: async () => reportCopy(made.get('script-written (ExcelJS) input')!, 'exceljs.xlsx', 'exceljs-report.xlsx'),
  },
  {
    label: 'budget template download',
    fileName: 'budget-template.xlsx',
    make: () => addBudgetTemplate(sample, budgetTemplate(defaultModel(), sheetNamesOfSample)),
  },
  { label: 'Model sheet download', fileName: 'model-sheet.xlsx', make: () => addGridSheet(sample, writeModelSheet(defaultModel())) },
];

const sheetNamesOfSample = [
  'Spend by priority area',
  'LCPF boroughs',
  'Co-Commissioning Fund',
  'VAWG fund',
  'VRU extensions',
  'Young Londoners Fund',
  'Police Transformation Fund',
  'Early Intervention Youth Fund',
  'Budget lines',
  'Contracts and grants',
  'Audit actions',
];

let elapsed = 0;

beforeAll(async () => {
  if (!schemasPresent()) throw new Error(missingSharedMessage(XSD_ROOT));
  const started = Date.now();
  dir = await tempDir();
  sample = new Uint8Array(await fs.readFile(SAMPLE));
  const inputs: PackageInput[] = [];
  const failures = new Map<string, string>();
  for (const c of CASES) {
    try {
      const bytes = await c.make();
      made.set(c.label, bytes);
      inputs.push({ label: c.label, fileName: c.fileName, bytes });
    } catch (error) {
      failures.set(c.label, `could not be made: ${(error as Error).message}`);
    }
  }
  for (const report of await validatePackages(inputs)) reports.set(report.label, report);
  for (const [label, failure] of failures) reports.set(label, { label, problems: [failure], validated: [], skipped: [] });
  elapsed = Date.now() - started;
}, LIBREOFFICE_TIMEOUT_MS + 60_000);

afterAll(() => {
  // What was not validated (no schema in the reference folder, or not XML), once per kind of part.
  const skipped = new Set<string>();
  for (const report of reports.values()) for (const s of report.skipped) skipped.add(s.replace(/^\S+ /, '').replace(/\d+/g, 'N'));
  if (process.env.CW_PACKAGE_REPORT) {
    process.stdout.write(`package validation: ${reports.size} packages in ${elapsed} ms; not validated: ${[...skipped].join('; ') || 'nothing'}\n`);
  }
});

const problemsOf = (label: string): string[] => {
  const report = reports.get(label);
  if (!report) throw new Error(`no report for ${label}`);
  return report.problems;
};

const valid = (label: string) => () => expect(problemsOf(label)).toEqual([]);

describe('packages the project reads and writes validate against ECMA-376 and keep the package rules', () => {
  it("the inputs themselves are valid (so a problem in a copy is the writer's)", () => {
    for (const c of CASES.filter((c) => /input|^the sample$/.test(c.label))) expect({ [c.label]: problemsOf(c.label) }).toEqual({ [c.label]: [] });
  });

  it('report copy of the sample', valid('report copy of the sample'));
  // Known bug (re-runs): a report run on its own copy. Flip to `it` once fixed.
  it('re-run: report copy of the report copy', valid('re-run: report copy of the report copy'));
  // Known bug (duplicate sheetId with chart sheets): new sheets took ids from the worksheets only.
  it('report copy of a workbook with a chart sheet', valid('report copy of a workbook with a chart sheet'));
  it('report copy of a workbook with a pivot table', valid('report copy of a workbook with a pivot table'));
  // Known bug (macro-enabled main part): see the report for which side fails.
  it('report copy of a macro-enabled workbook (.xlsm)', valid('report copy of a macro-enabled workbook (.xlsm)'));
  // Known bug (duplicate part names differing in case).
  it('report copy of a workbook with capitalised part names', valid('report copy of a workbook with capitalised part names'));
  // Known bug (links to sheets named like cell references).
  it('report copy of a workbook with a sheet named like a cell reference', valid('report copy of a workbook with a sheet named like a cell reference'));
  it('report copy of a LibreOffice-written workbook', valid('report copy of a LibreOffice-written workbook'));
  it('report copy of a script-written (ExcelJS) workbook', valid('report copy of a script-written (ExcelJS) workbook'));
  it('budget template download', valid('budget template download'));
  it('Model sheet download', valid('Model sheet download'));

  it('validates every XML part that has a schema, and the run stays quick', () => {
    const report = reports.get('report copy of the sample')!;
    expect(report.validated).toEqual(expect.arrayContaining(['[Content_Types].xml as Types', 'xl/workbook.xml as workbook', 'xl/styles.xml as styleSheet']));
    expect(report.validated.some((v) => v.endsWith(' as table'))).toBe(true);
    expect(reports.get('report copy of a workbook with a pivot table')!.validated).toEqual(
      expect.arrayContaining(['xl/pivotTables/pivotTable1.xml as pivotTableDefinition', 'xl/pivotCache/pivotCacheDefinition1.xml as pivotCacheDefinition']),
    );
    expect(reports.get('input with a chart sheet')!.validated).toEqual(
      expect.arrayContaining(['xl/chartsheets/sheet1.xml as chartsheet', 'xl/charts/chart1.xml as chartSpace']),
    );
    expect(elapsed).toBeLessThan(60_000);
  });
});

describe('the validator finds what it should', () => {
  const broken = async (...edits: Parameters<typeof edited>[1][]): Promise<string[]> => {
    const [report] = await validatePackages([{ label: 'broken', fileName: 'broken.xlsx', bytes: await edited(sample, ...edits) }]);
    return report.problems;
  };

  it('a schema error: an element out of order in a worksheet', async () => {
    const problems = await broken((zip) => replaceIn(zip, 'xl/worksheets/sheet1.xml', '<sheetData>', '<sheetData><bogus/>'));
    expect(problems.join('\n')).toMatch(/xl\/worksheets\/sheet1\.xml: line \d+: .*bogus/);
  });

  it('repeated sheet ids and names, part names differing in case, a part with no content type, a missing target', async () => {
    const problems = await broken(
      (zip) => replaceIn(zip, 'xl/workbook.xml', 'sheetId="2"', 'sheetId="1"'),
      (zip) => replaceIn(zip, 'xl/workbook.xml', 'name="VAWG fund"', 'name="lcpf BOROUGHS"'),
      (zip) => void zip.file('xl/worksheets/Sheet1.xml', '<x/>'),
      (zip) => void zip.file('xl/extra.bin', new Uint8Array([1])),
      (zip) => replaceIn(zip, 'xl/_rels/workbook.xml.rels', 'Target="styles.xml"', 'Target="styles2.xml"'),
    );
    const text = problems.join('\n');
    expect(text).toContain('sheetId 1 repeats');
    expect(text).toContain('sheet name "lcpf BOROUGHS" repeats');
    expect(text).toContain('differ only in case');
    expect(text).toContain('xl/extra.bin: no content type');
    expect(text).toContain('points at xl/styles2.xml, which is not in the package');
  });

  it('style indexes out of range, a stale calcChain, bad defined names, an unquoted cell-like sheet name', async () => {
    const problems = await broken(
      (zip) => replaceIn(zip, 'xl/worksheets/sheet1.xml', /<c r="A1"( s="\d+")?/, '<c r="A1" s="9999"'),
      (zip) => void zip.file('xl/calcChain.xml', `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>`),
      (zip) =>
        replaceIn(
          zip,
          'xl/_rels/workbook.xml.rels',
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
        ),
      (zip) =>
        replaceIn(
          zip,
          '[Content_Types].xml',
          '</Types>',
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
      (zip) =>
        replaceIn(
          zip,
          'xl/workbook.xml',
          '<calcPr',
          `<definedNames><definedName name="AB12">'Budget lines'!$A$1</definedName><definedName name="Ok">Nowhere!$A$1</definedName></definedNames><calcPr`,
        ),
      (zip) => replaceIn(zip, 'xl/workbook.xml', 'name="VAWG fund"', 'name="FY2020"'),
      (zip) => replaceIn(zip, 'xl/workbook.xml', '</definedNames>', '<definedName name="Link">FY2020!$A$1</definedName></definedNames>'),
    );
    const text = problems.join('\n');
    expect(text).toContain('cell A1 s="9999"');
    expect(text).toContain('xl/calcChain.xml: stale entries: Spend by priority area!A1, which holds no formula');
    expect(text).toContain('defined name "AB12" is a cell reference');
    expect(text).toContain('names sheet "Nowhere", which the workbook does not have');
    expect(text).toContain("sheet name FY2020 must be quoted ('FY2020'!)");
  });

  it('a table whose column names differ from its header cells, and repeated table ids', async () => {
    const copy = made.get('report copy of the sample')!;
    const zip = await JSZip.loadAsync(copy);
    const tables = Object.keys(zip.files)
      .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
      .sort();
    expect(tables.length).toBeGreaterThan(1);
    const [first, second] = await Promise.all(tables.slice(0, 2).map((t) => zip.file(t)!.async('string')));
    const firstId = /<table\b[^>]*\sid="(\d+)"/.exec(first)![1];
    zip.file(tables[1], second.replace(/(<table\b[^>]*\s)id="\d+"/, `$1id="${firstId}"`));
    zip.file(tables[0], first.replace(/(<tableColumn\b[^>]*\sname=")[^"]*"/, '$1Not the header"'));
    const [report] = await validatePackages([{ label: 'tables', fileName: 't.xlsx', bytes: await zip.generateAsync({ type: 'uint8array' }) }]);
    const text = report.problems.join('\n');
    expect(text).toContain(`table id ${firstId} repeats`);
    expect(text).toMatch(/column 1 is named "Not the header", but its header cell \w+\d+ holds/);
  });

  it('a macro-enabled main part in an .xlsx file', async () => {
    const [report] = await validatePackages([{ label: 'm', fileName: 'm.xlsx', bytes: made.get('macro-enabled input')! }]);
    expect(report.problems.join('\n')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml in a .xlsx file');
    expect(report.problems.join('\n')).toContain('a VBA project in a .xlsx file');
  });

  it('sheet references and names', () => {
    expect(sheetReferences(`'Budget lines'!A1+Sheet2!B2+[1]Ext!A1+"'Q'!A1"`).sheets).toEqual([
      { name: 'Budget lines', badlyUnquoted: false },
      { name: 'Sheet2', badlyUnquoted: false },
    ]);
    expect(sheetReferences('R1C1!A1').sheets).toEqual([{ name: 'R1C1', badlyUnquoted: true }]);
    expect(definedNameProblem('_xlnm.Print_Area')).toBeUndefined();
    expect(definedNameProblem('CW_Rollup')).toBeUndefined();
    expect(definedNameProblem('R2C3')).toBe('is an R1C1 reference');
    expect(definedNameProblem('has space')).toMatch(/character/);
  });
});

describe('markup compatibility processing', () => {
  const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

  it("drops ignorable namespaces' attributes and elements, keeps understood ones, and removes the mc attributes", () => {
    const xml =
      `<worksheet xmlns="${SML}" xmlns:mc="${MC}" xmlns:x14ac="urn:x14ac" xmlns:xr="urn:xr" mc:Ignorable="x14ac xr" xr:uid="{1}">` +
      `<sheetData><row r="1" x14ac:dyDescent="0.25"><x14ac:thing/></row></sheetData></worksheet>`;
    const { xml: out, problems } = applyMarkupCompatibility(xml, UNDERSTOOD);
    expect(problems).toEqual([]);
    expect(out).not.toMatch(/dyDescent|xr:uid|x14ac:thing|mc:Ignorable/);
    expect(out).toContain('<row r="1"/>');
  });

  it('takes the first understood Choice of an AlternateContent, else its Fallback', () => {
    const xml =
      `<root xmlns="${SML}" xmlns:mc="${MC}" xmlns:x14="urn:x14" xmlns:s="${SML}">` +
      `<mc:AlternateContent><mc:Choice Requires="x14"><x14:new/></mc:Choice><mc:Fallback><old/></mc:Fallback></mc:AlternateContent>` +
      `<mc:AlternateContent><mc:Choice Requires="s"><chosen/></mc:Choice><mc:Fallback><old2/></mc:Fallback></mc:AlternateContent></root>`;
    const { xml: out } = applyMarkupCompatibility(xml, UNDERSTOOD);
    expect(out).toContain('<old/>');
    expect(out).toContain('<chosen/>');
    expect(out).not.toMatch(/x14:new|old2|AlternateContent/);
  });

  it('reports mc:MustUnderstand of a namespace not understood', () => {
    const { problems } = applyMarkupCompatibility(`<root xmlns="${SML}" xmlns:mc="${MC}" xmlns:z="urn:z" mc:MustUnderstand="z"/>`, UNDERSTOOD);
    expect(problems).toEqual([expect.stringContaining('must be understood in namespace urn:z')]);
  });
});
