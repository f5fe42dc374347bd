/**
 * The committed sample workbook holds the seed's tables faithfully (figures that do not add up,
 * blanks, dashes and negatives included), its own budget lines are internally consistent, and
 * regenerating it from src/samples/data gives the same cells, so nobody has edited it by hand.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import { SAMPLE_DATE, writeSampleWorkbook } from '../../src/samples/sample-workbook';
import { RESERVED_SHEET_NAMES } from '../../src/sheet/reserved-sheet-names';
import * as seed from './seed-excerpts';
import {
  cellAt,
  decimalsShown,
  lastText,
  loadWorkbook,
  numberAt,
  plain,
  rowLabelled,
  rowsLabelled,
  rowValues,
  sheetNamed,
  snapshot,
  textOf,
} from './workbook-reading';

const COMMITTED = path.resolve(__dirname, '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');

let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  workbook = await loadWorkbook(COMMITTED);
});

function seedText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An amount cell shows the seed's text: same figure, same decimals, the seed's £…m style, its blanks and dashes. */
function expectAmount(cell: ExcelJS.Cell, text: string): void {
  const where = `${cell.worksheet.name}!${cell.address} (seed "${text}")`;
  if (text === '') {
    expect({ where, value: cell.value ?? null }).toEqual({ where, value: null });
    return;
  }
  if (text === '-') {
    expect({ where, value: cell.value }).toEqual({ where, value: '-' });
    return;
  }
  const match = /^(-?)(£?)(\d+(?:\.(\d+))?)(m?)$/.exec(text);
  if (!match) throw new Error(`test excerpt has an amount it cannot read: ${text}`);
  expect({ where, isNumber: typeof cell.value }).toEqual({ where, isNumber: 'number' });
  expect({ where, equal: new Decimal(textOf(cell)).equals(new Decimal(`${match[1]}${match[3]}`)) }).toEqual({ where, equal: true });
  expect({ where, decimals: decimalsShown(cell.numFmt) }).toEqual({ where, decimals: match[4]?.length ?? 0 });
  if (match[2] === '£') expect(cell.numFmt).toContain('"£"');
}

/** Finds the seed table's header row(s) on the sheet and checks every following row against the seed text. */
function expectSeedTable(sheet: ExcelJS.Worksheet, lines: readonly string[], headerRows: number, amountColumns: readonly number[]): number {
  const headers = lines.slice(0, headerRows).map((line) => line.split('\t'));
  const width = headers[headers.length - 1].length;
  let first: number | undefined;
  sheet.eachRow((_, r) => {
    const matches = headers.every((cells, h) => cells.every((text, c) => (sheet.getCell(r + h, c + 1).value ?? '') === text));
    if (matches && first === undefined) first = r;
  });
  if (first === undefined) throw new Error(`${sheet.name}: no header row reads ${JSON.stringify(headers)}`);
  const body = lines.slice(headerRows);
  body.forEach((line, i) => {
    const row = first! + headerRows + i;
    line.split('\t').forEach((text, c) => {
      const cell = cellAt(sheet, row, c + 1);
      if (amountColumns.includes(c)) expectAmount(cell, text);
      else expect({ at: cell.address, text: cell.value ?? '' }).toEqual({ at: cell.address, text: seedText(text) });
    });
  });
  const after = first + headerRows + body.length;
  expect(rowValues(sheet, after, width).every((v) => v === null)).toBe(true);
  return first;
}

function sumColumn(sheet: ExcelJS.Worksheet, fromRow: number, toRow: number, column: number): Decimal {
  let sum = new Decimal(0);
  for (let r = fromRow; r <= toRow; r++) {
    const value = sheet.getCell(r, column).value;
    if (typeof value === 'number') sum = sum.plus(String(value));
  }
  return sum;
}

describe('sheets', () => {
  it('has the finance team sheets in order, none named like a sheet the add-in generates', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
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
    ]);
    for (const sheet of workbook.worksheets) expect(RESERVED_SHEET_NAMES).not.toContain(sheet.name);
  });

  it('ends every sheet with a source note naming the seed file', () => {
    for (const sheet of workbook.worksheets) {
      expect({ sheet: sheet.name, last: lastText(sheet) }).toEqual({
        sheet: sheet.name,
        last: expect.stringMatching(/^Source.*seed (000_5be5cdee322bf63c|001_7f6f3a7fccdb483a)\.txt, /) as unknown,
      });
    }
  });

  it('stores every figure in a seed table as a number, never as text, except the seed dashes', () => {
    const textFigures: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && /^[-–]?£?\d[\d,.]*m?$/.test(cell.value.trim())) textFigures.push(`${sheet.name}!${cell.address}`);
        });
      });
    }
    expect(textFigures).toEqual([]);
  });
});

describe('Spend by priority area', () => {
  const sheet = (): ExcelJS.Worksheet => sheetNamed(workbook, 'Spend by priority area');

  it('titles the sheet and gives total commissioning spend per year from both panel reports', () => {
    expect(sheet().getCell('A1').value).toBe('MOPAC commissioning spend 2019/20');
    expect(sheet().getCell('A1').font.bold).toBe(true);
    const header = rowLabelled(sheet(), 'Year');
    expect(rowValues(sheet(), header, 2)).toEqual(['Year', 'Total £m']);
    expect(rowValues(sheet(), header + 1, 2)).toEqual(['2018/19', 46.1]);
    expect(rowValues(sheet(), header + 2, 2)).toEqual(['2019/20', 53.6]);
    expect(rowValues(sheet(), header + 3, 2)).toEqual(['2020/21', 62.6]);
  });

  it('states the five priority area headlines and their total as the seed does', () => {
    const title = rowLabelled(sheet(), 'Spend by priority area 2019/20');
    expect(rowValues(sheet(), title + 1, 2)).toEqual(['Priority area', '2019/20 £m']);
    expect([2, 3, 4, 5, 6, 7].map((i) => rowValues(sheet(), title + i, 2))).toEqual([
      ['Keeping Children and Young People Safe', 15],
      ['A Better Criminal Justice Service', 17.9],
      ['A Better Policing Service for London', 2.3],
      ['Standing Together Against Hatred, Intolerance and Extremism', 2.1],
      ['Tackling Violence Against Women and Girls', 16.3],
      ['Total', 53.6],
    ]);
    expect(sheet().getCell(title + 2, 2).numFmt).toBe('#,##0.0;-#,##0.0');
    expect(sheet().getCell(title + 7, 1).font.bold).toBe(true);
  });

  // The seed's bullets, amount and the stream each names (if any), under each headline.
  const sections: [string, [number, string | null][]][] = [
    [
      'Keeping Children and Young People Safe (£15.0m)',
      [
        [1.4, null],
        [1.1, 'YLF'],
        [1.0, null],
        [0.8, null],
        [0.7, null],
        [0.6, null],
        [0.5, null],
        [2.1, null],
        [2.7, 'EIYF'],
        [4.1, 'LCPF'],
      ],
    ],
    [
      'A Better Criminal Justice Service (£17.9m)',
      [
        [7.7, null],
        [1.9, null],
        [1.8, null],
        [0.8, null],
        [0.8, null],
        [0.6, null],
        [0.9, null],
        [3.6, 'LCPF'],
      ],
    ],
    [
      'A Better Policing Service for London (£2.3m)',
      [
        [0.4, null],
        [0.3, null],
        [1.5, 'LCPF'],
      ],
    ],
    [
      'Standing Together Against Hatred, Intolerance and Extremism (£2.1m)',
      [
        [1.2, null],
        [0.3, null],
        [0.4, null],
        [0.3, 'LCPF'],
      ],
    ],
    [
      'Tackling Violence Against Women and Girls (VAWG) (£16.3m)',
      [
        [4.1, null],
        [3.1, null],
        [2.4, null],
        [1.9, null],
        [1.2, null],
        [3.6, 'LCPF'],
      ],
    ],
  ];

  it('lists the key activities under section rows that state each headline, with the stream only where the bullet names it', () => {
    const header = rowLabelled(sheet(), 'Key activity');
    expect(rowValues(sheet(), header, 3)).toEqual(['Key activity', 'Funding stream', '2019/20 £m']);
    let row = header + 1;
    for (const [label, bullets] of sections) {
      expect(rowValues(sheet(), row, 3)).toEqual([label, null, null]);
      expect(sheet().getCell(row, 1).font.bold).toBe(true);
      for (const [amount, stream] of bullets) {
        row++;
        expect(rowValues(sheet(), row, 3)).toEqual([expect.any(String), stream, amount]);
      }
      row++;
    }
    expect(rowValues(sheet(), row, 3)).toEqual([null, null, null]);
  });

  it('keeps the seed inconsistency: three sections add up to other than their headlines', () => {
    const sums = sections.map(([, bullets]) => bullets.reduce((s, [a]) => s.plus(String(a)), new Decimal(0)).toFixed(1));
    expect(sums).toEqual(['15.0', '18.1', '2.2', '2.2', '16.3']);
    // And what the sheet states against them:
    expect(sections.map(([label]) => /\(£([\d.]+)m\)$/.exec(label)![1])).toEqual(['15.0', '17.9', '2.3', '2.1', '16.3']);
  });
});

describe('LCPF boroughs', () => {
  const sheet = (): ExcelJS.Worksheet => sheetNamed(workbook, 'LCPF boroughs');

  it('holds the borough table exactly as the seed, titled, with the stated totals', () => {
    expect(sheet().getCell('A1').value).toBe('London Crime Prevention Fund 2019/20');
    const header = expectSeedTable(sheet(), seed.lcpfBoroughs, 1, [1, 2, 3]);
    expect(header).toBe(2);
    expect(rowValues(sheet(), rowLabelled(sheet(), 'Lambeth'), 4)).toEqual(['Lambeth', 0.7, 0.7, 0]);
    const reprofiling = rowLabelled(sheet(), 'LCPF Re-profiling');
    expect(rowValues(sheet(), reprofiling, 4)).toEqual(['LCPF Re-profiling', 0, -1, -1]);
    expect(rowValues(sheet(), reprofiling + 1, 4)).toEqual(['Total', 13.4, 12.4, -1]);
    expect(sheet().getCell(reprofiling + 1, 1).font.bold).toBe(true);
  });

  it('keeps the 32 boroughs adding up to 13.8 and 12.8 against the stated 13.4 and 12.4', () => {
    const first = rowLabelled(sheet(), 'Barking and Dagenham');
    const last = rowLabelled(sheet(), 'Westminster');
    expect(last - first + 1).toBe(32);
    expect(sumColumn(sheet(), first, last, 2).toFixed(1)).toBe('13.8');
    expect(sumColumn(sheet(), first, last + 1, 3).toFixed(1)).toBe('12.8');
  });

  it('splits LCPF 2019/20 into borough projects and the Co-Commissioning Fund and notes the VRU top-up', () => {
    const title = rowLabelled(sheet(), 'LCPF 2019/20');
    expect(rowValues(sheet(), title + 2, 2)).toEqual(['Borough projects', 13.4]);
    expect(rowValues(sheet(), title + 3, 2)).toEqual(['Co-Commissioning Fund', 5.3]);
    expect(rowValues(sheet(), title + 4, 2)).toEqual(['Total', 18.7]);
    const notes: string[] = [];
    sheet().eachRow((row) => notes.push(textOf(row.getCell(1))));
    expect(notes.some((n) => n.includes('£3.4m') && n.includes('Violence Reduction Unit'))).toBe(true);
  });
});

describe('Co-Commissioning Fund', () => {
  it('holds the CCF table as the seed, with the two allocations left blank', () => {
    const sheet = sheetNamed(workbook, 'Co-Commissioning Fund');
    expect(sheet.getCell('A1').value).toBe('LCPF Co-Commissioning Fund (CCF) 2019/20');
    expectSeedTable(sheet, seed.coCommissioningFund, 1, [1, 2, 3]);
    expect(plain(sheet.getCell(rowLabelled(sheet, 'South London Alliance Female Offenders Service'), 2))).toBeNull();
    const setAside = rowLabelled(sheet, 'CCF set aside for VRU (£1.1m will be transferred to reserves to be re-profiled into year 2021)');
    expect(rowValues(sheet, setAside, 4)).toEqual([expect.any(String), null, 0.6, -1.1]);
    expect(rowValues(sheet, rowLabelled(sheet, 'Total'), 4)).toEqual(['Total', 5.3, 4.2, -1.1]);
  });
});

describe('VAWG fund', () => {
  const sheet = (): ExcelJS.Worksheet => sheetNamed(workbook, 'VAWG fund');

  it('holds the four tranches and the stated £15.0m total, though the tranches add up to £15.1m', () => {
    expect(sheet().getCell('A1').value).toBe('Mayoral funding for tackling VAWG');
    expect(rowValues(sheet(), 2, 3)).toEqual(['Tranche', 'Description', 'Amount £m']);
    const amounts = [3, 4, 5, 6].map((r) => [textOf(sheet().getCell(r, 1)).slice(0, 9), sheet().getCell(r, 3).value]);
    expect(amounts).toEqual([
      ['Tranche 1', 1.4],
      ['Tranche 2', 3.4],
      ['Tranche 3', 3.4],
      ['Tranche 4', 6.9],
    ]);
    expect(rowValues(sheet(), rowLabelled(sheet(), 'Total VAWG fund'), 3)).toEqual(['Total VAWG fund', null, 15]);
    expect(sumColumn(sheet(), 3, 6, 3).toFixed(1)).toBe('15.1');
  });

  it('gives the Mayoral serious violence uplift as VAWG fund plus other initiatives', () => {
    const title = rowLabelled(sheet(), 'Mayoral serious violence uplift 2019/20 to 2021/22');
    expect(rowValues(sheet(), title + 2, 2)).toEqual(['VAWG fund', 15]);
    expect(rowValues(sheet(), title + 3, 2)).toEqual([expect.stringMatching(/^Other serious violence initiatives/), 5.4]);
    expect(rowValues(sheet(), title + 4, 2)).toEqual(['Total', 20.4]);
  });
});

describe('VRU extensions', () => {
  it('holds both years as the seed shows them: £…m figures at the seed precision, dashes as text, no HTML', () => {
    const sheet = sheetNamed(workbook, 'VRU extensions');
    expectSeedTable(sheet, seed.vruExtensions, 1, [2, 3]);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(textOf(cell))));
    expect(texts.filter((t) => /<|&amp;/.test(t))).toEqual([]);
    const gangExit = rowLabelled(sheet, 'London Gang Exit');
    expect(sheet.getCell(gangExit, 2).value).toBe(
      'Provision of additional specialist mental health & well-being support for young people involved in serious violence',
    );
    expect(sheet.getCell(gangExit, 4).value).toBe('-');
    expect(rowValues(sheet, rowLabelled(sheet, 'Total'), 4)).toEqual(['Total', null, 1.8, 2.6]);
  });
});

describe('Young Londoners Fund', () => {
  it('holds the YLF table as the seed', () => {
    const sheet = sheetNamed(workbook, 'Young Londoners Fund');
    expectSeedTable(sheet, seed.youngLondonersFund, 1, [1, 2, 3]);
    expect(rowValues(sheet, rowLabelled(sheet, 'Total'), 4)).toEqual(['Total', 1.14, 1.14, 0]);
  });
});

describe('Police Transformation Fund', () => {
  it('keeps the two header rows, funders above measures, and the seed figures', () => {
    const sheet = sheetNamed(workbook, 'Police Transformation Fund');
    const header = expectSeedTable(sheet, seed.policeTransformationFund, 2, [1, 2]);
    expect(rowValues(sheet, header, 3)).toEqual([null, 'Home Office', 'MOPAC']);
    expect(rowValues(sheet, header + 1, 3)).toEqual(['Project', '2019/20 Budget £m', '2019/20 Budget £m']);
    expect(rowValues(sheet, rowLabelled(sheet, 'Total'), 3)).toEqual(['Total', 4.4, 2.8]);
  });
});

describe('Early Intervention Youth Fund', () => {
  it('holds the published negatives and blanks, with a blank total budget, at 2 dp', () => {
    const sheet = sheetNamed(workbook, 'Early Intervention Youth Fund');
    expectSeedTable(sheet, seed.earlyInterventionYouthFund, 1, [1, 2, 3]);
    expect(rowValues(sheet, rowLabelled(sheet, 'Pan London Rescue and Response County Lines project'), 4)).toEqual([expect.any(String), -0.36, -0.36, 0]);
    expect(plain(sheet.getCell(rowLabelled(sheet, 'Westminster, Kensington and Chelsea and Hammersmith & Fulham boroughs'), 2))).toBeNull();
    expect(plain(sheet.getCell(rowLabelled(sheet, 'Safe Haven projects in New Cross/Deptford'), 2))).toBeNull();
    const total = rowLabelled(sheet, 'Total');
    expect(rowValues(sheet, total, 4)).toEqual(['Total', null, -2.84, 0]);
    expect(sheet.getCell(total, 4).numFmt).toBe('#,##0.00;-#,##0.00');
  });
});

describe('Budget lines', () => {
  const sheet = (): ExcelJS.Worksheet => sheetNamed(workbook, 'Budget lines');
  const lineRows = (): number[] => {
    const rows: number[] = [];
    sheet().eachRow((row, r) => {
      if (r > 1 && /^[A-Z]+-\d\d$/.test(textOf(row.getCell(1)))) rows.push(r);
    });
    return rows;
  };

  it('has the line-level header in pounds, frozen, and one line per key activity', () => {
    expect(rowValues(sheet(), 1, 10)).toEqual([
      'Ref',
      'Line',
      'Priority area',
      'Funding stream',
      'Programme',
      'Borough',
      'Year',
      'Budget £',
      'Forecast £',
      'Variance £',
    ]);
    expect(sheet().views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = lineRows();
    expect(rows).toEqual(Array.from({ length: 31 }, (_, i) => i + 2));
    const spend = sheetNamed(workbook, 'Spend by priority area');
    const activities: [unknown, Decimal][] = [];
    spend.eachRow((row, r) => {
      const millions = row.getCell(3).value;
      if (r > rowLabelled(spend, 'Key activity') && typeof millions === 'number') {
        activities.push([row.getCell(1).value, new Decimal(String(millions)).times(1_000_000)]);
      }
    });
    expect(rows.map((r) => [sheet().getCell(r, 2).value, numberAt(sheet(), r, 8).toFixed(0)])).toEqual(
      activities.map(([label, pounds]) => [label, pounds.toFixed(0)]),
    );
  });

  it('adds up per priority area to the activities, not to the headlines that differ', () => {
    const sums = new Map<string, Decimal>();
    for (const r of lineRows()) {
      const area = textOf(sheet().getCell(r, 3));
      sums.set(area, (sums.get(area) ?? new Decimal(0)).plus(numberAt(sheet(), r, 8)));
    }
    expect(Object.fromEntries([...sums].map(([area, sum]) => [area, sum.toFixed(0)]))).toEqual({
      'Keeping Children and Young People Safe': '15000000',
      'A Better Criminal Justice Service': '18100000',
      'A Better Policing Service for London': '2200000',
      'Standing Together Against Hatred, Intolerance and Extremism': '2200000',
      'Tackling Violence Against Women and Girls': '16300000',
    });
  });

  it('has a live variance formula on every line whose cached result is exactly forecast minus budget', () => {
    for (const r of lineRows()) {
      const variance = cellAt(sheet(), r, 10);
      expect(variance.formula).toBe(`I${r}-H${r}`);
      const expected = numberAt(sheet(), r, 9).minus(numberAt(sheet(), r, 8));
      expect({ row: r, equal: new Decimal(String(variance.result)).equals(expected) }).toEqual({ row: r, equal: true });
    }
  });

  it('moves the forecast only by the seed forecast differences: LCPF re-profiling −£1.0m and the CCF set-aside −£1.1m', () => {
    const changed = new Map<string, Decimal>();
    for (const r of lineRows()) {
      const change = numberAt(sheet(), r, 9).minus(numberAt(sheet(), r, 8));
      if (!change.isZero()) changed.set(textOf(sheet().getCell(r, 1)), change);
    }
    expect([...changed.keys()]).toEqual(['CYP-08', 'CYP-10', 'CJS-08', 'BPS-03', 'HAT-04', 'VAWG-06']);
    const lcpf = ['CYP-10', 'CJS-08', 'BPS-03', 'HAT-04', 'VAWG-06'].reduce((s, ref) => s.plus(changed.get(ref)!), new Decimal(0));
    expect(lcpf.toFixed(0)).toBe('-1000000');
    expect(changed.get('CYP-08')!.toFixed(0)).toBe('-1100000');
  });

  it('has no duplicate refs or duplicate lines, a 2019/20 year, canonical areas and pound formats', () => {
    const rows = lineRows();
    const refs = rows.map((r) => sheet().getCell(r, 1).value);
    expect(new Set(refs).size).toBe(refs.length);
    const keys = rows.map((r) => [2, 3, 4, 5, 6, 7].map((c) => textOf(sheet().getCell(r, c))).join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rows) {
      expect(sheet().getCell(r, 7).value).toBe('2019/20');
      expect(sheet().getCell(r, 8).numFmt).toBe('#,##0;-#,##0');
      expect(Number.isInteger(sheet().getCell(r, 8).value)).toBe(true);
    }
  });

  it('notes the line split and the illustrative stream choices after a blank row', () => {
    const last = lineRows().at(-1)!;
    expect(rowValues(sheet(), last + 1, 10).every((v) => v === null)).toBe(true);
    expect(textOf(sheet().getCell(last + 2, 1))).toMatch(/one line per key activity.*illustrative/i);
    expect(rowsLabelled(sheet(), 'Total')).toEqual([]);
  });
});

describe('Contracts and grants', () => {
  const sheet = (): ExcelJS.Worksheet => sheetNamed(workbook, 'Contracts and grants');
  const headers = [
    'Ref',
    'Title',
    'Recipient',
    'Type',
    'Amount £',
    'Award date',
    'Start date',
    'End date',
    'Funder',
    'Priority area',
    'Funding stream',
    'Borough',
    'Procurement route',
    'Status',
    'Performance RAG',
    'Outcomes',
  ];
  const recordRows = (): number[] => {
    const rows: number[] = [];
    sheet().eachRow((row, r) => {
      if (r > 1 && /^MOPAC-CG-\d{3}$/.test(textOf(row.getCell(1)))) rows.push(r);
    });
    return rows;
  };
  const column = (name: string): number => headers.indexOf(name) + 1;

  it('is a register with the full header, frozen, and 15 to 25 records with unique refs', () => {
    expect(rowValues(sheet(), 1, 16)).toEqual(headers);
    expect(sheet().views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = recordRows();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.length).toBeLessThanOrEqual(25);
    expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i + 2));
    const refs = rows.map((r) => sheet().getCell(r, 1).value);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('has real dates: awarded before the sample date and on or before the start, ending after the start', () => {
    for (const r of recordRows()) {
      const [award, start, end] = ['Award date', 'Start date', 'End date'].map((name) => sheet().getCell(r, column(name)).value);
      expect([award, start, end].every((d) => d instanceof Date)).toBe(true);
      const [a, s, e] = [award, start, end] as Date[];
      expect({ row: r, awardedInPast: a.getTime() <= SAMPLE_DATE.getTime(), awardedByStart: a <= s, endsAfterStart: e >= s }).toEqual({
        row: r,
        awardedInPast: true,
        awardedByStart: true,
        endsAfterStart: true,
      });
    }
  });

  it('names MOPAC as funder, types each record, and carries positive whole-pound amounts', () => {
    for (const r of recordRows()) {
      expect(sheet().getCell(r, column('Funder')).value).toBe("Mayor's Office for Policing and Crime");
      expect(['Contract', 'Grant']).toContain(sheet().getCell(r, column('Type')).value);
      const amount = numberAt(sheet(), r, column('Amount £'));
      expect(amount.isInteger() && amount.isPositive()).toBe(true);
      for (const required of ['Title', 'Recipient', 'Priority area', 'Funding stream']) {
        expect(textOf(sheet().getCell(r, column(required))).length).toBeGreaterThan(0);
      }
    }
  });

  it('takes amounts from the seed where it gives one', () => {
    const amountOf = (title: string): string => {
      const row = recordRows().find((r) => sheet().getCell(r, column('Title')).value === title);
      if (row === undefined) throw new Error(`no register record titled ${title}`);
      return numberAt(sheet(), row, column('Amount £')).toFixed(0);
    };
    expect(amountOf('London Victims and Witnesses Service')).toBe('7700000');
    expect(amountOf("Children and young people's victim and witness service")).toBe('1400000');
    expect(amountOf('Redthread youth support services')).toBe('800000');
    expect(amountOf('Taith (Journey) London')).toBe('700000');
    expect(amountOf('Multi-Agency Stalking Intervention Programme')).toBe('2000000');
    expect(amountOf('Major Trauma Centre and A&E youth work')).toBe('640000');
    expect(amountOf('London Gang Exit support service')).toBe('500000');
    expect(amountOf('Rape crisis provision in London')).toBe('1900000');
  });

  it('says under the table which fields are illustrative', () => {
    const notes: string[] = [];
    sheet().eachRow((row, r) => {
      if (r > recordRows().at(-1)!) notes.push(textOf(row.getCell(1)));
    });
    expect(notes.some((n) => /illustrative/i.test(n) && /dates/.test(n) && /recipients/.test(n))).toBe(true);
  });
});

describe('Audit actions', () => {
  const sheet = (): ExcelJS.Worksheet => sheetNamed(workbook, 'Audit actions');

  it('gives the four follow-up actions the statuses of the October 2021 report', () => {
    expect(rowValues(sheet(), 2, 7)).toEqual(['Ref', 'Action', 'Raised (review and date)', 'Owner', 'Status', 'Status date', 'Update']);
    const latest = (ref: string): [unknown, unknown] => {
      const row = rowsLabelled(sheet(), ref)[0];
      return [sheet().getCell(row, 5).value, sheet().getCell(row, 6).value];
    };
    expect(latest('AA-04')).toEqual(['Implemented', new Date(Date.UTC(2021, 5, 1))]);
    expect(latest('AA-05')).toEqual(['Implemented', new Date(Date.UTC(2021, 5, 1))]);
    expect(latest('AA-06')).toEqual(['Partly implemented', new Date(Date.UTC(2021, 9, 1))]);
    expect(latest('AA-07')).toEqual(['Implemented', new Date(Date.UTC(2021, 5, 1))]);
    expect(textOf(sheet().getCell(rowsLabelled(sheet(), 'AA-06')[0], 7))).toMatch(/November 2020.*October 2021/);
  });

  it('keeps the January 2020 "in progress" statuses as history in a second table', () => {
    for (const ref of ['AA-04', 'AA-05', 'AA-06', 'AA-07']) {
      const rows = rowsLabelled(sheet(), ref);
      expect(rows).toHaveLength(2);
      expect([sheet().getCell(rows[1], 5).value, sheet().getCell(rows[1], 6).value]).toEqual(['In progress', new Date(Date.UTC(2020, 0, 1))]);
    }
  });
});

describe('regeneration', () => {
  it('rebuilds from the data files into exactly the committed cells, formulas and formats', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sample-'));
    try {
      const file = path.join(dir, 'regenerated.xlsx');
      await writeSampleWorkbook(file);
      const regenerated = await loadWorkbook(file);
      expect(regenerated.worksheets.map((s) => s.name)).toEqual(workbook.worksheets.map((s) => s.name));
      const [fresh, committed] = [snapshot(regenerated), snapshot(workbook)];
      const addresses = [...new Set([...Object.keys(fresh), ...Object.keys(committed)])];
      const differences = addresses
        .filter((a) => JSON.stringify(fresh[a]) !== JSON.stringify(committed[a]))
        .map((a) => `${a}: committed ${JSON.stringify(committed[a])}, regenerated ${JSON.stringify(fresh[a])}`);
      // Run `npm run sample` after changing src/samples, and commit the workbook it writes.
      expect(differences.slice(0, 10)).toEqual([]);
      expect(addresses.length).toBeGreaterThan(500);
      expect(regenerated.created).toEqual(SAMPLE_DATE);
      expect(await fs.readdir(dir)).toEqual(['regenerated.xlsx']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
