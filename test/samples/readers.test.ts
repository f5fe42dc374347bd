import { readForecastAdjustments } from '../../src/samples/budget-lines';
import { readKeyActivities } from '../../src/samples/key-activities';
import { readRegisterSheet } from '../../src/samples/register';
import { readSeedTable } from '../../src/samples/seed-table';

const source = { document: '000_5be5cdee322bf63c.txt', locator: 'slide' };

describe('reading the data files', () => {
  it('names the file and field of a mistyped seed amount', () => {
    const table = {
      title: 'T',
      headers: [['Project', 'Budget £m']],
      amountColumns: [1],
      sources: [source],
      rows: [{ kind: 'line', cells: ['Divert', '0.3.2'] }],
    };
    expect(() => readSeedTable(table, 'eiyf.json')).toThrow(/^eiyf\.json\.rows\[0\]\.cells\[1\]: "0\.3\.2" is not an amount/);
  });

  it('refuses an unknown row kind, a column outside the header and a table without a source', () => {
    const base = { title: 'T', headers: [['Project', 'Budget £m']], amountColumns: [1], sources: [source], rows: [] as unknown[] };
    expect(() => readSeedTable({ ...base, rows: [{ kind: 'subtotal', cells: ['x', '1'] }] }, 't.json')).toThrow(
      't.json.rows[0].kind: "subtotal" is not one of section, line, total',
    );
    expect(() => readSeedTable({ ...base, amountColumns: [2] }, 't.json')).toThrow('t.json.amountColumns[0]: expected a column index from 0 to 1');
    expect(() => readSeedTable({ ...base, sources: [] }, 't.json')).toThrow('t.json.sources: every table needs at least one source');
  });

  it('keeps blanks and dashes as the seed has them', () => {
    const table = readSeedTable(
      {
        title: 'T',
        headers: [['Project', 'Budget £m']],
        amountColumns: [1],
        sources: [source],
        rows: [
          { kind: 'total', cells: ['Total', ''] },
          { kind: 'line', cells: ['x', '-'] },
        ],
      },
      't.json',
    );
    expect(table.rows).toEqual([
      { kind: 'total', cells: ['Total', ''] },
      { kind: 'line', cells: ['x', '-'] },
    ]);
  });

  it('refuses register records whose dates do not make sense, or that repeat a ref', () => {
    const record = {
      ref: 'R-1',
      title: 't',
      recipient: 'r',
      type: 'Grant',
      amountMillions: '0.5',
      amountSource: 's',
      awardDate: '2019-03-01',
      startDate: '2019-04-01',
      endDate: '2020-03-31',
      priorityArea: 'p',
      fundingStream: 'f',
      procurementRoute: 'g',
      status: 'Active',
      performanceRag: 'Green',
      outcomes: 'o',
    };
    const sheet = (records: unknown[]): unknown => ({ sheet: 'S', funder: 'F', headers: ['Ref'], records, notes: [], sources: [source] });
    expect(readRegisterSheet(sheet([record]), 'r.json').records[0].amountPounds).toBe('500000');
    expect(() => readRegisterSheet(sheet([{ ...record, endDate: '2019-03-31' }]), 'r.json')).toThrow('r.json.records[0]: ends before it starts');
    expect(() => readRegisterSheet(sheet([{ ...record, awardDate: '2019-02-30' }]), 'r.json')).toThrow('"2019-02-30" is not a real date');
    expect(() => readRegisterSheet(sheet([record, record]), 'r.json')).toThrow('r.json: register ref R-1 is used twice');
  });

  it('names the file and field of a bad adjustment or a stream basis that contradicts the bullet', () => {
    expect(() =>
      readForecastAdjustments(
        { forecastAdjustments: [{ id: 'z', description: 'z', amountPounds: '-1.5', method: 'single', refs: ['A-01'] }] },
        'adjustments.json',
      ),
    ).toThrow('adjustments.json.forecastAdjustments[0].amountPounds: "-1.5" is not whole pounds');
    const activities = {
      title: 't',
      headers: [],
      year: '2019/20',
      sources: [source],
      priorityAreas: [
        {
          code: 'A',
          name: 'A',
          seedHeading: 'A',
          headline: '1.0',
          activities: [{ ref: 'A-01', label: 'x', amount: '1.0', budgetLine: { fundingStream: 'LCPF', streamBasis: 'stated' } }],
        },
      ],
    };
    expect(() => readKeyActivities(activities, 'key-activities.json')).toThrow(
      'key-activities.json.priorityAreas[0].activities[0].budgetLine.streamBasis: is "stated" exactly when the bullet names its stream (seedStream)',
    );
  });
});
