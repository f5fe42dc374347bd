/**
 * The written workbook in LibreOffice: every formula recalculated on load computes the engine's
 * figure; the ownership marker and the internal links survive LibreOffice saving the file; and the
 * sheet printed to PNG (kept in test-artifacts/) for a person to look at.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { Money } from '../../../src/money/decimal';
import { toA1 } from '../../../src/sheet/a1';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import { writeSheetSpecs } from '../../../src/workbook/xlsx/write';
import { planSheet } from '../../../src/workbook/layout/plan';
import { printToPng, recalculateWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../../helpers/libreoffice';
import { makeTempDir } from '../../helpers/temp-dir';
import { ROLLUP_SHEET, SAMPLE, formulaFigures } from './fixture';

jest.setTimeout(LIBREOFFICE_TIMEOUT_MS);

const ARTIFACTS = path.join(__dirname, '..', '..', '..', 'test-artifacts', 'xlsx-writer');

let writtenPath: string;
let recalculatedPath: string;
/** Address → the value LibreOffice computed, as the text it saved (no reader's interpretation). */
let recalculatedFormulas: Map<string, string>;

beforeAll(async () => {
  const dir = await makeTempDir('cw-xlsx-writer-');
  writtenPath = path.join(dir, 'report.xlsx');
  await fs.writeFile(writtenPath, await writeSheetSpecs(new Uint8Array(await fs.readFile(SAMPLE)), [ROLLUP_SHEET]));
  const started = Date.now();
  recalculatedPath = await recalculateWithLibreOffice(writtenPath);
  console.info(`LibreOffice recalculated the report in ${Date.now() - started} ms`);
  recalculatedFormulas = formulaValues(await sheetXml(recalculatedPath, 'Rollup'));
});

async function sheetXml(file: string, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rId = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbookXml)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`${file} has no sheet ${sheetName}`);
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

function formulaValues(xml: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/c>/g)) {
    if (!m[2].includes('<f')) continue;
    values.set(m[1], /<v>([^<]*)<\/v>/.exec(m[2])?.[1] ?? '');
  }
  return values;
}

/** Address → the engine's figure, for every formula cell the spec asks for. */
function expectedFigures(): Map<string, Money | null> {
  const plan = planSheet(ROLLUP_SHEET);
  const expected = new Map<string, Money | null>();
  for (const table of plan.tables) {
    for (const { rowIndex, inTotals, key, figure } of formulaFigures(table.spec)) {
      const row = inTotals ? table.totalRows[rowIndex] : table.bodyRows[rowIndex];
      expected.set(toA1(row, table.columnOf.get(key)!), figure);
    }
  }
  return expected;
}

function toPenny(value: Money): string {
  return value.toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);
}

describe('LibreOffice, recalculating on load', () => {
  it('computes every total and variance formula to the engine figure, to the penny', () => {
    const expected = expectedFigures();
    expect(expected.size).toBe(22);
    const wanted = new Map([...expected].map(([address, figure]) => [address, figure === null ? '' : toPenny(figure)]));
    const computed = new Map([...recalculatedFormulas].map(([address, value]) => [address, value === '' ? '' : toPenny(new Money(value))]));
    expect(Object.fromEntries(computed)).toEqual(Object.fromEntries(wanted));
  });

  it('keeps the ownership marker, so the saved copy can be written again', async () => {
    const bytes = new Uint8Array(await fs.readFile(recalculatedPath));
    const workbookXml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<definedName [^>]*name="CW_GENERATED_Rollup"[^>]*>Rollup!\$A\$1<\/definedName>/);
    const again = await writeSheetSpecs(bytes, [ROLLUP_SHEET]);
    const names = (await readXlsx(again)).sheets.map((g) => g.name);
    expect(names.filter((n) => n === 'Rollup')).toHaveLength(1);
    expect(names).toEqual((await readXlsx(bytes)).sheets.map((g) => g.name));
  });

  it('keeps the links to cells as internal links', async () => {
    const rollup = await sheetXml(recalculatedPath, 'Rollup');
    expect(rollup).toMatch(/<hyperlink ref="G8"[^>]*location="&apos;Budget lines&apos;!B7"/);
  });
});

describe('the Rollup sheet printed by LibreOffice', () => {
  it('gives PNG pages in test-artifacts', async () => {
    const pages = await printToPng(writtenPath, 'Rollup', ARTIFACTS);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      const bytes = await fs.readFile(page);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(5_000);
    }
  });
});
