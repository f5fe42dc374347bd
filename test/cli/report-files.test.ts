/**
 * `report` writes files Excel opens: a macro-enabled workbook only as .xlsm (an .xlsx output is refused
 * with one line), and a re-run on its own output that adds no strings or cell formats and keeps the
 * generated tables' ids, which a slicer attached to a table depends on.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';
import { MAIN_CONTENT_TYPE, kindOfContentTypes } from '../../src/workbook/xlsx/package-kind';

const VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 7, 7, 7]);

async function part(file: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(await fs.readFile(file))).file(name)!.async('string');
}

/** The sample as a macro-enabled workbook: its main part's content type and a (stand-in) VBA project. */
async function macroEnabledSample(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types
      .replace(MAIN_CONTENT_TYPE.xlsx, MAIN_CONTENT_TYPE.xlsm)
      .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"'),
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  zip.file('xl/vbaProject.bin', VBA);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('commissioning report on a macro-enabled workbook', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await tempDir();
    input = path.join(dir, 'budget.xlsm');
    await macroEnabledSample(input);
  });

  it('refuses an .xlsx output with one line saying to name an .xlsm one, writing nothing', async () => {
    const out = path.join(dir, 'report.xlsx');
    const run = await runCli(['report', input, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('is a macro-enabled workbook (.xlsm), which Excel will not open as .xlsx; name an .xlsm output (--out ');
    expect(run.stderr).toContain('report.xlsm)');
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('writes an .xlsm output that keeps the macro-enabled content type and the macros', async () => {
    const out = path.join(dir, 'report.xlsm');
    const run = await runCli(['report', input, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(kindOfContentTypes(await part(out, '[Content_Types].xml'))).toBe('xlsm');
    expect(await (await JSZip.loadAsync(await fs.readFile(out))).file('xl/vbaProject.bin')!.async('uint8array')).toEqual(VBA);
  });

  it('refuses an .xlsm output for a workbook without macros, and any other extension', async () => {
    const asXlsm = await runCli(['report', SAMPLE, '--out', path.join(dir, 'plain.xlsm')]);
    expect(asXlsm.code).toBe(2);
    expect(asXlsm.stderr).toContain('has no macros, and Excel will not open it as .xlsm; name an .xlsx output');
    const asCsv = await runCli(['report', SAMPLE, '--out', path.join(dir, 'plain.csv')]);
    expect(asCsv.code).toBe(2);
    expect(asCsv.stderr).toContain('--out must name an .xlsx file (an .xlsm file for a workbook with macros)');
  });
});

describe('commissioning report run again on its own output', () => {
  const count = (xml: string, section: string, item: string): number =>
    ((new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? '').match(new RegExp(`<${item}\\b`, 'g')) ?? []).length;

  async function tableIds(file: string): Promise<Record<string, string>> {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const ids: Record<string, string> = {};
    for (const name of Object.keys(zip.files).filter((p) => /^xl\/tables\/.*\.xml$/.test(p))) {
      const tag = /<table\b[^>]*>/.exec(await zip.file(name)!.async('string'))![0];
      ids[/displayName="([^"]+)"/.exec(tag)![1]] = /\sid="(\d+)"/.exec(tag)![1];
    }
    return ids;
  }

  it('adds no shared strings or cell formats, and keeps every generated table id', async () => {
    const dir = await tempDir();
    const [once, twice] = [path.join(dir, 'once.xlsx'), path.join(dir, 'twice.xlsx')];
    expect((await runCli(['report', SAMPLE, '--out', once])).code).toBe(1);
    expect((await runCli(['report', once, '--out', twice])).code).toBe(1);
    const strings = await part(SAMPLE, 'xl/sharedStrings.xml');
    expect(await part(once, 'xl/sharedStrings.xml')).toBe(strings);
    expect(await part(twice, 'xl/sharedStrings.xml')).toBe(strings);
    const [stylesOnce, stylesTwice] = [await part(once, 'xl/styles.xml'), await part(twice, 'xl/styles.xml')];
    expect(count(stylesTwice, 'cellXfs', 'xf')).toBe(count(stylesOnce, 'cellXfs', 'xf'));
    expect(count(stylesTwice, 'dxfs', 'dxf')).toBe(count(stylesOnce, 'dxfs', 'dxf'));
    expect(count(stylesTwice, 'fonts', 'font')).toBe(count(stylesOnce, 'fonts', 'font'));
    const ids = await tableIds(once);
    expect(Object.keys(ids).length).toBeGreaterThan(5);
    expect(await tableIds(twice)).toEqual(ids);
  });
});
