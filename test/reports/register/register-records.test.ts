import { promises as fs } from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { findTables } from '../../../src/budget/tables';
import { defaultModel } from '../../../src/model/json';
import { readRegisterRecords, type RegisterRecord } from '../../../src/reports/register-records';
import type { Grid, GridWorkbook } from '../../../src/sheet/grid';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import contractsAndGrants from '../../../src/samples/data/contracts-and-grants.json';
import { gridOf } from '../../helpers/grid';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');
const model = defaultModel();
const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

function recordsOf(workbook: GridWorkbook): RegisterRecord[] {
  return readRegisterRecords(findTables(workbook, model), workbook, model);
}

describe('register records of the sample workbook', () => {
  let records: RegisterRecord[];
  beforeAll(async () => {
    const workbook = await readXlsx(await fs.readFile(SAMPLE), 'sample');
    records = recordsOf(workbook);
  });

  it('reads one record per register line, only from the "Contracts and grants" sheet', () => {
    expect(records).toHaveLength(contractsAndGrants.records.length);
    expect(new Set(records.map((r) => r.sheet))).toEqual(new Set(['Contracts and grants']));
  });

  it('reads every record as the sample data wrote it: ids, titles, recipients, amounts and dates', () => {
    const written = contractsAndGrants.records.map((r) => ({
      id: r.ref,
      title: r.title,
      recipient: r.recipient,
      type: r.type,
      amount: new Decimal(r.amountMillions).times(1_000_000).toString(),
      awardDate: r.awardDate,
      startDate: r.startDate,
      endDate: r.endDate,
    }));
    const read = records.map((r) => ({
      id: r.id,
      title: r.title,
      recipient: r.recipient,
      type: r.type,
      amount: r.amount?.toString(),
      awardDate: r.awardDate?.toISOString().slice(0, 10),
      startDate: r.startDate?.toISOString().slice(0, 10),
      endDate: r.endDate?.toISOString().slice(0, 10),
    }));
    expect(read).toEqual(written);
  });

  it('keeps the cells of a known record, and its other fields', () => {
    const lvws = records.find((r) => r.id === 'MOPAC-CG-001');
    expect(lvws).toBeDefined();
    expect(lvws!.row).toBe(1);
    expect(lvws!.cells).toEqual({
      id: 'A2',
      title: 'B2',
      recipient: 'C2',
      type: 'D2',
      amount: 'E2',
      awardDate: 'F2',
      startDate: 'G2',
      endDate: 'H2',
      funder: 'I2',
      priorityArea: 'J2',
      fundingStream: 'K2',
      borough: 'L2',
      procurementRoute: 'M2',
      status: 'N2',
      rag: 'O2',
      outcomes: 'P2',
    });
    expect(lvws!.funder).toBe(model.organisation.name);
    expect(lvws!.priorityArea).toBe('A Better Criminal Justice Service');
    expect(lvws!.fundingStream).toBe('MoJ victims grant');
    expect(lvws!.borough).toBeUndefined();
    expect(lvws!.rag).toBe('Green');
    expect(lvws!.status).toBe('Active');
    expect(lvws!.procurementRoute).toBe('Open tender (PCR 2015)');
  });

  it('canonicalises funding streams the sheet writes by a short name', () => {
    const written = new Map(contractsAndGrants.records.map((r) => [r.ref, r.fundingStream]));
    const ylf = records.find((r) => written.get(r.id ?? '') === 'Young Londoners Fund');
    expect(ylf?.fundingStream).toBe('GLA Young Londoners Fund');
  });
});

describe('readRegisterRecords on hand-made registers', () => {
  const header = [
    'Ref',
    'Title',
    'Recipient',
    'Type',
    'Value £m',
    'Award date',
    'Start date',
    'End date',
    'Funder',
    'Priority area',
    'Funding stream',
    'Borough',
    'Notes',
  ];

  it('reads amounts in the column unit as exact pounds, text dates, numeric ids and resolvable names', () => {
    const grid = gridOf('Grants', [
      header,
      [
        1001,
        'Youth hub',
        'London Borough of Lambeth',
        'Grant',
        1.25,
        '01/04/2019',
        '1 April 2019',
        '2020-03-31',
        'MOPAC',
        'VAWG',
        'lcpf',
        'lambeth',
        'Second year',
      ],
    ]);
    const [record] = recordsOf({ sheets: [grid] });
    expect(record.id).toBe('1001');
    expect(record.amount?.toString()).toBe('1250000');
    expect(record.awardDate).toEqual(d(2019, 4, 1));
    expect(record.startDate).toEqual(d(2019, 4, 1));
    expect(record.endDate).toEqual(d(2020, 3, 31));
    expect(record.funder).toBe("Mayor's Office for Policing and Crime");
    expect(record.priorityArea).toBe('Tackling Violence Against Women and Girls');
    expect(record.fundingStream).toBe('London Crime Prevention Fund');
    expect(record.borough).toBe('Lambeth');
    expect(record.recipient).toBe('London Borough of Lambeth');
    expect(record.description).toBe('Second year');
  });

  it('keeps unknown names and other funders as written', () => {
    const grid = gridOf('Grants', [
      header,
      [
        'G1',
        'Pilot',
        'Redthread',
        'Grant',
        0.5,
        d(2019, 3, 1),
        d(2019, 4, 1),
        d(2020, 3, 31),
        'Home Office',
        'Not a priority',
        'Mystery fund',
        'Atlantis',
        null,
      ],
    ]);
    const [record] = recordsOf({ sheets: [grid] });
    expect([record.funder, record.priorityArea, record.fundingStream, record.borough]).toEqual(['Home Office', 'Not a priority', 'Mystery fund', 'Atlantis']);
  });

  it('leaves blank, placeholder and non-amount cells absent but still gives their cells', () => {
    const grid = gridOf('Grants', [
      header,
      ['G1', 'Youth hub', null, 'Grant', 'TBC', 'soon', null, null, null, null, null, null, null],
      ['G2', 'Outreach', 'Redthread', 'Grant', 'lots', d(2019, 3, 1), null, null, null, null, null, null, null],
    ]);
    const [blank, notAnAmount] = recordsOf({ sheets: [grid] });
    expect(blank.recipient).toBeUndefined();
    expect(blank.amount).toBeUndefined();
    expect(blank.awardDate).toBeUndefined();
    expect(blank.funder).toBeUndefined();
    expect(blank.description).toBeUndefined();
    expect([blank.cells.recipient, blank.cells.amount, blank.cells.awardDate, blank.cells.funder]).toEqual(['C2', 'E2', 'F2', 'I2']);
    expect(notAnAmount.amount).toBeUndefined();
    expect(notAnAmount.recipient).toBe('Redthread');
  });

  it("takes the model's organisation as the funder when the register has no funder column", () => {
    const grid = gridOf('Grants', [
      ['Grant ref', 'Title', 'Recipient', 'Amount £', 'Award date'],
      ['G1', 'Youth hub', 'Redthread', 800000, d(2019, 3, 1)],
    ]);
    const [record] = recordsOf({ sheets: [grid] });
    expect(record.funder).toBe(model.organisation.name);
    expect(record.cells.funder).toBeUndefined();
    expect(record.amount?.toString()).toBe('800000');
  });

  it('skips total rows and budget tables, and reads from a map of grids as from a workbook', () => {
    const register = gridOf('Grants', [
      ['Ref', 'Title', 'Recipient', 'Amount £', 'Award date'],
      ['G1', 'Youth hub', 'Redthread', 800000, d(2019, 3, 1)],
      ['G2', 'Outreach', 'Advance', 200000, d(2019, 3, 2)],
      ['Total', null, null, 1000000, null],
    ]);
    const budget = gridOf('Budget', [
      ['Programme', 'Budget £m'],
      ['A', 1],
      ['B', 2],
    ]);
    const workbook = { sheets: [budget, register] };
    const tables = findTables(workbook, model);
    const fromWorkbook = readRegisterRecords(tables, workbook, model);
    const fromMap = readRegisterRecords(tables, new Map<string, Grid>(workbook.sheets.map((g) => [g.name, g])), model);
    expect(fromWorkbook.map((r) => r.id)).toEqual(['G1', 'G2']);
    expect(fromMap).toEqual(fromWorkbook);
  });
});
