/**
 * 360Giving in, 360Giving out: Trafford Council's published grants (a real Open Government Licence file in
 * the 360Giving flat layout) exported again give the same grants. Every expectation is read from the
 * workbook's cells here, with the grid reader, never from the export's own reading of them.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import type { Giving360Package } from '../../src/reports/giving360/types';
import { validateGiving360Package } from '../../src/reports/giving360/validate';
import type { CellValue, Grid } from '../../src/sheet/grid';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { runCli, tempDir } from '../helpers/cli';
import { parseCsv } from '../reports/giving360/csv-reader';

const TRAFFORD = path.join(__dirname, '..', 'fixtures', 'public', 'trafford-council-grants-360giving.xlsx');

/** The workbook's column under a heading, one value per grant row. */
function column(grid: Grid, heading: string, rows: number): (CellValue | null)[] {
  let col = -1;
  for (let c = 0; c < 60 && col < 0; c++) if (grid.value(0, c) === heading) col = c;
  if (col < 0) throw new Error(`no column headed ${heading}`);
  return Array.from({ length: rows }, (_, i) => grid.value(i + 1, col));
}

/**
 * A cell's text as the export publishes it: trimmed. Line ends are compared as "\n": the file stores one
 * name with CR LF inside it, which ExcelJS (used here) reads as XML says, "\n", and the command's fast
 * reader keeps as written; both are the same line break.
 */
const text = (value: CellValue | null): string => String(written(value)).trim().replace(/\r\n/g, '\n');
/** An amount cell as an exact decimal, from the figure the workbook stores. */
const amount = (value: CellValue | null): Decimal => new Decimal(String(written(value)));

/** These columns hold text and numbers only: anything else is a reading bug worth failing on. */
function written(value: CellValue | null): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`expected text or a number, found ${JSON.stringify(value)}`);
}
const sameLineEnds = (value: string): string => value.replace(/\r\n/g, '\n');

describe('the Trafford 360Giving file exported again', () => {
  let dir: string;
  let grid: Grid;
  let rows: number;
  beforeAll(async () => {
    dir = await tempDir();
    const workbook = await readXlsx(await fs.readFile(TRAFFORD), 'trafford');
    grid = workbook.sheets[0];
    rows = 0;
    while (grid.value(rows + 1, 0) !== null) rows++;
  });

  it('gives the same grants: number, total to the penny, identifiers, recipients, funder, programme and place', async () => {
    const out = path.join(dir, 'trafford.json');
    const run = await runCli(['export', TRAFFORD, '--format', '360giving', '--out', out, '--prefix', '360G-test']);
    expect(run.code).toBe(0);
    const written = await fs.readFile(out, 'utf8');
    const pkg = JSON.parse(written) as Giving360Package;
    expect(validateGiving360Package(pkg)).toEqual({ valid: true });

    expect(rows).toBe(366);
    expect(pkg.grants).toHaveLength(rows);
    // Totals in exact decimals: the workbook's cells, and the amounts as the JSON text writes them.
    const expectedTotal = column(grid, 'Amount Awarded', rows).reduce<Decimal>((sum, v) => sum.plus(amount(v)), new Decimal(0));
    const exportedTotal = [...written.matchAll(/"amountAwarded": ([^,\n]+)/g)].reduce((sum, m) => sum.plus(new Decimal(m[1])), new Decimal(0));
    expect(exportedTotal.toFixed(2)).toBe(expectedTotal.toFixed(2));
    expect(expectedTotal.toFixed(2)).toBe('808690.47');

    expect(pkg.grants.map((g) => g.id)).toEqual(column(grid, 'Identifier', rows).map(text));
    expect(pkg.grants.map((g) => sameLineEnds(g.recipientOrganization[0].name))).toEqual(column(grid, 'Recipient Org:Name', rows).map(text));
    expect(pkg.grants.map((g) => g.recipientOrganization[0].id)).toEqual(column(grid, 'Recipient Org:Identifier', rows).map(text));
    const funderIds = column(grid, 'Funding Org:Identifier', rows).map(text);
    const funderNames = column(grid, 'Funding Org:Name', rows).map(text);
    expect(pkg.grants.map((g) => g.fundingOrganization)).toEqual(funderIds.map((id, i) => [{ id, name: funderNames[i] }]));
    expect(pkg.publisher).toEqual({ name: 'Trafford Metropolitan Borough Council', identifier: 'GB-LAE-TRF' });
    const awardDates = column(grid, 'Award Date', rows).map((v) => (v as Date).toISOString().slice(0, 10));
    expect(pkg.grants.map((g) => g.awardDate)).toEqual(awardDates);
    expect(pkg.grants.map((g) => g.grantProgramme?.[0]?.title)).toEqual(column(grid, 'Grant Programme:Title', rows).map(text));
    expect(pkg.grants.map((g) => g.beneficiaryLocation?.[0]?.geoCode)).toEqual(column(grid, 'Beneficiary Location:Geographic Code', rows).map(text));

    // Nothing to fix: no grant left out, no id prefixed again, no real org-id listed as needing one.
    expect(run.stdout).toContain('Wrote 366 grants worth £808,690.47');
    expect(run.stdout).toContain('No records were skipped.');
    expect(run.stdout).toContain('Funding organisation: Trafford Metropolitan Borough Council (GB-LAE-TRF) as the register names it.');
    expect(run.stdout).not.toContain('need a real org-id');
    expect(written).not.toContain('360G-test-');
    expect(run.stderr).toBe('');
  });

  it('writes the same grants as CSV, amounts as the workbook writes them', async () => {
    const out = path.join(dir, 'trafford.csv');
    const run = await runCli(['export', TRAFFORD, '--format', '360giving', '--out', out, '--prefix', '360G-test']);
    expect(run.code).toBe(0);
    const [headings, ...lines] = parseCsv((await fs.readFile(out, 'utf8')).slice(1)).filter((l) => l.join('') !== '');
    expect(lines).toHaveLength(rows);
    const field = (heading: string) => lines.map((l) => l[headings.indexOf(heading)]);
    expect(field('Identifier')).toEqual(column(grid, 'Identifier', rows).map(text));
    expect(field('Recipient Org:Name').map(sameLineEnds)).toEqual(column(grid, 'Recipient Org:Name', rows).map(text));
    // Amounts as the workbook writes them (3028.63, 2266), so the totals agree to the penny.
    expect(field('Amount Awarded')).toEqual(column(grid, 'Amount Awarded', rows).map((v) => amount(v).toString()));
    const total = field('Amount Awarded').reduce((sum, a) => sum.plus(a), new Decimal(0));
    expect(total.toFixed(2)).toBe('808690.47');
  });

  it('with --json, lists everything and the totals it reconciled', async () => {
    const run = await runCli(['export', TRAFFORD, '--format', '360giving', '--out', path.join(dir, 'j.json'), '--prefix', '360G-test', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      written: true,
      grants: 366,
      total: '808690.47',
      sourceTotal: '808690.47',
      skippedTotal: '0',
      skipped: [],
      internalOrganisations: [],
      keptIds: 366,
      funders: [{ id: 'GB-LAE-TRF', name: 'Trafford Metropolitan Borough Council', from: 'register', grants: 366 }],
    });
  });
});
