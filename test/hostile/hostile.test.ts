/**
 * Workbooks finance teams might point the tool at: each is answered with findings or one clear line,
 * never a crash, a hang or a stack trace. The jest timeout is a hang guard (the 30 s the product
 * promises), not a speed test: speed is the benchmarks' business.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SAMPLE, runCli, tempDir } from '../helpers/cli';
import { packageProblems } from '../workbook/xlsx/package-integrity';

const HANG_GUARD_MS = 30_000;

/** What `check --json` prints, as far as these tests read it. */
interface CheckJson {
  readonly tables: readonly { readonly range: string }[];
  readonly unread: readonly { readonly range: string }[];
  readonly findings: readonly { readonly sheet: string; readonly rule: string; readonly cell: string; readonly message: string }[];
}
const checkJson = (stdout: string): CheckJson => JSON.parse(stdout) as CheckJson;
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Checks the file and asserts the answer is findings (exit 0 or 1, JSON on stdout) or one clear line (exit 2). */
async function answers(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await runCli(['check', file, '--json']);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (run.code === 2) {
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  } else {
    expect([0, 1]).toContain(run.code);
    const json = checkJson(run.stdout);
    expect(Array.isArray(json.findings)).toBe(true);
  }
  return run;
}

/**
 * `report` on the file writes a copy with no damage the input did not have (package-integrity.ts),
 * or writes nothing and says why in one line.
 */
async function reportsIntactOrRefuses(file: string, input: Uint8Array): Promise<void> {
  const out = file.replace(/\.xlsx$/, '-report.xlsx');
  const run = await runCli(['report', file, '--out', out]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (run.code === 2) {
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    await expect(fs.access(out)).rejects.toThrow();
    return;
  }
  expect([0, 1]).toContain(run.code);
  // The same fault counts once: "shared string 9 of 880" in the input is "… of 886" in the copy.
  const faults = async (bytes: Uint8Array) => (await packageProblems(bytes)).map((p) => p.replace(/ of \d+$/, ''));
  const before = new Set(await faults(input));
  expect((await faults(new Uint8Array(await fs.readFile(out)))).filter((p) => !before.has(p))).toEqual([]);
}

const budgetHeader = ['Line', 'Borough', 'Budget £', 'Forecast £', 'Variance £'];

/**
 * A one-sheet workbook of `rows`, then 60,000 rows from `cellsOf(rowNumber)` starting at `firstRow`,
 * written straight into the sheet XML: ExcelJS would build every row 16,384 cells wide.
 */
async function withRowsAppended(name: string, rows: unknown[][], cellsOf: (row: number) => string, firstRow: number): Promise<string> {
  const start = await write(`start-${name}`, (wb) => {
    wb.addWorksheet('Sheet').addRows(rows);
  });
  const zip = await JSZip.loadAsync(await fs.readFile(start));
  const sheetPart = 'xl/worksheets/sheet1.xml';
  const appended = Array.from({ length: 60_000 }, (_, i) => `<row r="${firstRow + i}">${cellsOf(firstRow + i)}</row>`).join('');
  zip.file(sheetPart, (await zip.file(sheetPart)!.async('string')).replace('</sheetData>', `${appended}</sheetData>`));
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

describe('hostile workbooks', () => {
  it(
    'an empty workbook',
    async () => {
      const file = await write('empty.xlsx', (wb) => wb.addWorksheet('Sheet1'));
      const run = await answers(file);
      expect(run.code).toBe(0);
      expect(checkJson(run.stdout).tables).toEqual([]);
    },
    HANG_GUARD_MS,
  );

  it(
    'a cell at XFD1048576 with data at A1',
    async () => {
      const file = await write('far.xlsx', (wb) => {
        const ws = wb.addWorksheet('Far');
        ws.addRows([budgetHeader, ['Youth work', 'Lambeth', 100, 90, -10]]);
        ws.getCell('XFD1048576').value = 'the far corner';
      });
      const run = await answers(file);
      expect(checkJson(run.stdout).tables[0].range).toBe('A1:E2');
    },
    HANG_GUARD_MS,
  );

  it(
    '60,000 rows each holding one cell at XFD, beside a table',
    async () => {
      const file = await withRowsAppended(
        'far-column.xlsx',
        [budgetHeader, ['Youth work', 'Lambeth', 100, 90, -10]],
        (r) => `<c r="XFD${r}"><v>${r}</v></c>`,
        4,
      );
      const run = await answers(file);
      // Rows are walked by the cells they hold, not by the sheet's width: the table is still found.
      expect(checkJson(run.stdout).tables[0].range).toBe('A1:E2');
    },
    HANG_GUARD_MS,
  );

  it(
    'a 60,000-line table whose rows also hold a cell at XFD',
    async () => {
      const file = await withRowsAppended('wide-table.xlsx', [budgetHeader], (r) => `<c r="B${r}"><v>${r}</v></c><c r="XFD${r}"><v>1</v></c>`, 2);
      // The column at XFD stands thousands of blank columns away: a region of its own, with no header, so it is
      // listed as not understood; the table is read whole, its rows by the cells they hold, not by the sheet's width.
      const run = await answers(file);
      const json = checkJson(run.stdout);
      expect(json.tables[0].range).toBe('A1:E60001');
      expect(json.unread.map((u) => u.range)).toEqual(['XFD2:XFD60001']);
    },
    HANG_GUARD_MS,
  );

  it(
    'a 16,384-column row',
    async () => {
      const file = await write('wide.xlsx', (wb) => {
        const ws = wb.addWorksheet('Wide');
        ws.addRow(Array.from({ length: 16384 }, (_, i) => `Column ${i + 1}`));
        ws.addRow(Array.from({ length: 16384 }, (_, i) => i));
      });
      await answers(file);
    },
    HANG_GUARD_MS,
  );

  it(
    'a 32,000-character cell',
    async () => {
      const file = await write('long.xlsx', (wb) => {
        const ws = wb.addWorksheet('Long');
        ws.addRows([budgetHeader, ['x'.repeat(32_000), 'Lambeth', '1'.repeat(32_000), 90, -10]]);
      });
      const run = await answers(file);
      expect(checkJson(run.stdout).findings.some((f: { rule: string }) => f.rule === 'not-a-number')).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    'merged cells across a table',
    async () => {
      const file = await write('merged.xlsx', (wb) => {
        const ws = wb.addWorksheet('Merged');
        ws.addRows([
          ['Funding 2019/20'],
          budgetHeader,
          ['Youth work', 'Lambeth', 100, 90, -10],
          ['Advocacy', 'Barnet', 50, 50, 0],
          ['Total', null, 150, 140, -10],
        ]);
        ws.mergeCells('A1:E1');
        ws.mergeCells('A3:A4');
        ws.mergeCells('C3:D3');
      });
      await answers(file);
    },
    HANG_GUARD_MS,
  );

  it(
    'circular formulas',
    async () => {
      const file = await write('circular.xlsx', (wb) => {
        const ws = wb.addWorksheet('Circular');
        ws.addRows([budgetHeader, ['Youth work', 'Lambeth', { formula: 'D2' }, { formula: 'C2' }, { formula: 'D2-C2' }]]);
        ws.addRow(['Total', null, { formula: 'SUM(C2:C3)' }, { formula: 'SUM(D2:D3)' }, null]);
      });
      await answers(file);
    },
    HANG_GUARD_MS,
  );

  it(
    '200 sheets with quotes in their names',
    async () => {
      const file = await write('sheets.xlsx', (wb) => {
        for (let i = 0; i < 200; i++) {
          const ws = wb.addWorksheet(`Bob's "budget" ${i}`.slice(0, 31));
          ws.addRows([budgetHeader, ['Youth work', 'Lambet', 100, 90, i % 2 === 0 ? -10 : 5]]);
        }
      });
      const run = await answers(file);
      const findings = checkJson(run.stdout).findings;
      expect(new Set(findings.map((f) => f.sheet)).size).toBe(200);
    },
    HANG_GUARD_MS,
  );

  it(
    'dates in amount columns',
    async () => {
      const file = await write('dates.xlsx', (wb) => {
        const ws = wb.addWorksheet('Dates');
        ws.addRows([budgetHeader, ['Youth work', 'Lambeth', new Date(Date.UTC(2019, 3, 1)), 90, -10], ['Advocacy', 'Barnet', 50, 50, 0]]);
      });
      const run = await answers(file);
      const findings = checkJson(run.stdout).findings;
      expect(findings.find((f) => f.cell === 'C2')).toMatchObject({ rule: 'not-a-number' });
    },
    HANG_GUARD_MS,
  );

  it(
    'rich text, shared formulas, hidden sheets and rows',
    async () => {
      const file = await write('features.xlsx', (wb) => {
        const ws = wb.addWorksheet('Features');
        ws.addRow(budgetHeader);
        ws.getCell('A2').value = { richText: [{ text: 'Youth ' }, { font: { italic: true }, text: 'work' }] };
        ws.getCell('B2').value = 'Lambeth';
        ws.getCell('C2').value = 100;
        ws.getCell('D2').value = 90;
        ws.getCell('E2').value = { formula: 'D2-C2', result: -10, shareType: 'shared', ref: 'E2:E3' } as ExcelJS.CellFormulaValue;
        ws.addRow(['Advocacy', 'Barnet', 50, 55]);
        ws.getCell('E3').value = { sharedFormula: 'E2', result: 5 };
        ws.getRow(3).hidden = true;
        wb.addWorksheet('Secret', { state: 'veryHidden' }).addRows([budgetHeader, ['Triage', 'Merton', 10, 10, 3]]);
      });
      const run = await answers(file);
      const findings = checkJson(run.stdout).findings;
      expect(findings.filter((f) => f.rule === 'variance-mismatch')).toEqual([expect.objectContaining({ sheet: 'Secret', cell: 'E2' })]);
    },
    HANG_GUARD_MS,
  );

  it(
    'an encrypted or password-protected file, and files that are not workbooks',
    async () => {
      const cases: [string, Uint8Array, RegExp][] = [
        ['encrypted.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]), /password-protected/],
        ['text.xlsx', Buffer.from('Line,Budget\nA,1\n'), /not an Excel workbook/],
        ['truncated.xlsx', (await fs.readFile(SAMPLE)).subarray(0, 5000), /could not be read|not an Excel workbook|zip/],
      ];
      for (const [name, bytes, message] of cases) {
        const file = path.join(dir, name);
        await fs.writeFile(file, bytes);
        const run = await answers(file);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
      }
    },
    HANG_GUARD_MS,
  );
});

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('fuzzing the sample workbook', () => {
  it('mutated XML and cells are answered with findings or one clear line', async () => {
    const original = await JSZip.loadAsync(await fs.readFile(SAMPLE));
    const parts = Object.keys(original.files).filter((n) => n.endsWith('.xml'));
    for (let seed = 1; seed <= 25; seed++) {
      const next = random(seed);
      const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
      const part = parts[Math.floor(next() * parts.length)];
      let xml = await zip.file(part)!.async('string');
      for (let k = 0; k < 5; k++) {
        const at = Math.floor(next() * xml.length);
        const mutation = Math.floor(next() * 4);
        if (mutation === 0) xml = xml.slice(0, at) + xml.slice(at + 1 + Math.floor(next() * 40));
        else if (mutation === 1)
          xml = xml.slice(0, at) + ['<', '>', '"', '&', '<c r="A1">', '<v>x</v>', '-1e309', '#REF!'][Math.floor(next() * 8)] + xml.slice(at);
        else if (mutation === 2) xml = xml.replace(/<v>[^<]*<\/v>/, `<v>${['', 'NaN', '1e400', '-0', '99999999999999999999'][Math.floor(next() * 5)]}</v>`);
        else xml = xml.slice(0, at);
      }
      zip.file(part, xml);
      const file = path.join(dir, `fuzz-${seed}.xlsx`);
      const bytes = await zip.generateAsync({ type: 'nodebuffer' });
      await fs.writeFile(file, bytes);
      await answers(file);
      await reportsIntactOrRefuses(file, bytes);
    }
  }, 180_000);
});
