/**
 * LibreOffice for tests: recalculate an .xlsx as a spreadsheet program would on opening it, and print
 * a sheet to PNG. Each run uses a fresh profile whose only setting is "always recalculate Excel 2007+
 * files on load" (LibreOffice otherwise keeps the cached results a file carries, which would let a
 * wrong formula pass). LibreOffice starts in a second or two headless; each call is one run.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import { makeTempDir } from './temp-dir';
import JSZip from 'jszip';

/** Generous: the first start of LibreOffice in a fresh profile writes that profile. */
export const LIBREOFFICE_TIMEOUT_MS = 120_000;

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Name of the workbook converted alongside every recalculation, to prove the recalculation happened. */
const CANARY = 'cw-recalculation-canary.xlsx';

/** A recalculated copy of `xlsxPath` (LibreOffice opens it, recalculates every formula, saves .xlsx). */
export async function recalculateWithLibreOffice(xlsxPath: string): Promise<string> {
  const [copy] = await recalculateAllWithLibreOffice([xlsxPath]);
  return copy;
}

/**
 * Recalculated copies of several workbooks in one LibreOffice run (their file names must differ).
 * A canary workbook whose cached result is wrong goes through the same run; if its formula still
 * shows the wrong result, LibreOffice did not recalculate and this throws rather than let stale
 * results pass for computed ones.
 */
export async function recalculateAllWithLibreOffice(xlsxPaths: readonly string[]): Promise<string[]> {
  const names = xlsxPaths.map((p) => path.basename(p));
  if (new Set([...names, CANARY]).size !== names.length + 1) {
    throw new Error(`workbooks recalculated together need different file names: ${names.join(', ')}`);
  }
  const work = await makeTempDir('cw-libreoffice-');
  const canary = path.join(work, CANARY);
  await writeCanary(canary);
  const outDir = path.join(work, 'recalculated');
  await convert([...xlsxPaths, canary], 'xlsx', outDir);
  await assertCanaryRecalculated(path.join(outDir, CANARY));
  return names.map((name) => path.join(outDir, name));
}

/**
 * Prints one sheet of a workbook to PNG pages (PDF from LibreOffice, then pdftoppm at 80 dpi) in
 * `outDir`, named after the sheet; returns the page images in order. The other sheets are hidden
 * in a temporary copy, since LibreOffice prints every visible sheet.
 */
export async function printToPng(xlsxPath: string, sheetName: string, outDir: string): Promise<string[]> {
  const slug =
    sheetName
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'sheet';
  const work = await makeTempDir('cw-print-');
  const onlyThisSheet = path.join(work, `${slug}.xlsx`);
  await fs.writeFile(onlyThisSheet, await withOnlySheetVisible(await fs.readFile(xlsxPath), sheetName));
  await convert([onlyThisSheet], 'pdf', work);
  const pdf = path.join(work, `${slug}.pdf`);

  await fs.mkdir(outDir, { recursive: true });
  for (const old of await fs.readdir(outDir)) {
    if (old.startsWith(`${slug}-`) && old.endsWith('.png')) await fs.rm(path.join(outDir, old));
  }
  await run('pdftoppm', ['-png', '-r', '80', pdf, path.join(outDir, slug)]);
  const pages = (await fs.readdir(outDir)).filter((f) => f.startsWith(`${slug}-`) && f.endsWith('.png')).sort();
  if (pages.length === 0) throw new Error(`pdftoppm made no pages from ${pdf}`);
  return pages.map((f) => path.join(outDir, f));
}

async function convert(inputs: readonly string[], format: 'xlsx' | 'pdf', outDir: string): Promise<void> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'cw-lo-profile-'));
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  await fs.mkdir(outDir, { recursive: true });
  try {
    const output = await run('soffice', [
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...inputs,
    ]);
    for (const input of inputs) {
      const expected = path.join(outDir, `${path.parse(input).name}.${format}`);
      if (!(await exists(expected))) throw new Error(`LibreOffice did not write ${expected}:\n${output}`);
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: LIBREOFFICE_TIMEOUT_MS }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`${command} failed (${error.message.split('\n')[0]}):\n${output}`));
      else resolve(output);
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

async function writeCanary(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Canary').getCell('A1').value = { formula: '1+1', result: 99 };
  await workbook.xlsx.writeFile(file);
}

async function assertCanaryRecalculated(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const result = workbook.getWorksheet('Canary')?.getCell('A1').result;
  if (result !== 2) {
    throw new Error(`LibreOffice kept the cached result of =1+1 (${String(result)}), so it did not recalculate on load`);
  }
}

/** The workbook with every sheet but `sheetName` hidden and that sheet active (workbook.xml edited in place). */
async function withOnlySheetVisible(bytes: Uint8Array, sheetName: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('xl/workbook.xml');
  if (!part) throw new Error('not an .xlsx workbook: no xl/workbook.xml');
  const xml = await part.async('string');
  let index = -1;
  let position = 0;
  const escapedName = sheetName.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const edited = xml
    .replace(/<sheet\b[^>]*\/>/g, (tag) => {
      const mine = tag.includes(`name="${escapedName}"`) || tag.includes(`name="${sheetName}"`);
      if (mine) index = position;
      position++;
      const withoutState = tag.replace(/\s+state="[^"]*"/, '');
      return mine ? withoutState : withoutState.replace(/^<sheet\b/, '<sheet state="hidden"');
    })
    .replace(/<workbookView\b[^>]*\/>/, (tag) =>
      tag.replace(/\s+(activeTab|firstSheet)="[^"]*"/g, '').replace(/^<workbookView\b/, `<workbookView activeTab="${index}" firstSheet="${index}"`),
    );
  if (index < 0) throw new Error(`the workbook has no sheet named "${sheetName}"`);
  const withView = /<workbookView\b/.test(edited)
    ? edited
    : edited.replace(/<sheets>/, `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews><sheets>`);
  zip.file('xl/workbook.xml', withView);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
