import fc from 'fast-check';
import { Money } from '../../../src/money/decimal';
import { excelSerialDate, layoutSheet, officeInput } from '../../../src/workbook/office/layout';
import { RequestSession, utf8Length } from '../../../src/workbook/office/requests';
import { registerSheet, rollupSheet } from './specs';

describe('officeInput', () => {
  test('marks text with an apostrophe so Excel keeps it as typed, and leaves empty cells alone', () => {
    expect(officeInput({ value: '=SUM(A1)', display: '' })).toBe("'=SUM(A1)");
    expect(officeInput({ value: "'quoted", display: '' })).toBe("''quoted");
    expect(officeInput({ value: '', display: '' })).toBeNull();
    expect(officeInput({ value: null, display: '' })).toBeNull();
    expect(officeInput({ value: 12.5, display: '' })).toBe(12.5);
  });

  test('writes formulas with "=" and links as HYPERLINK formulas with quotes doubled and text cut to 255', () => {
    expect(officeInput({ value: { formula: 'SUM(C6:C9)', result: 3 }, display: '' })).toBe('=SUM(C6:C9)');
    expect(officeInput({ value: 'Say "hi"', display: '', linkLocation: "'Budget lines'!B7" })).toBe(`=HYPERLINK("#'Budget lines'!B7","Say ""hi""")`);
    const long = officeInput({ value: 'x'.repeat(300), display: '', linkLocation: 'A!B1' }) as string;
    expect(long).toBe(`=HYPERLINK("#A!B1","${'x'.repeat(255)}")`);
  });

  test('dates become Excel serial numbers counted in UTC, as ExcelJS stores them', () => {
    expect(excelSerialDate(new Date(Date.UTC(2020, 0, 1)))).toBe(43831);
    expect(excelSerialDate(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(officeInput({ value: new Date(Date.UTC(2019, 3, 1)), display: '' })).toBe(43556);
  });
});

describe('layoutSheet', () => {
  test('lays a sheet out in the rows the .xlsx writer uses, one formulas row and one formats row per sheet row', () => {
    const layout = layoutSheet(registerSheet({ rows: 3 }));
    // Paragraph, blank, title, unit note, header, 3 body rows, total, blank, footnote, source.
    expect(layout.inputs).toHaveLength(12);
    expect(layout.inputs.every((row) => row.length === 8)).toBe(true);
    expect(layout.numFmts.every((row) => row.length === 8)).toBe(true);
    expect(layout.tables[0].tableAddress).toBe('A5:H8');
    expect(layout.tables[0].styleRuns).toEqual([{ style: 'total', first: 8, last: 8, columns: 8 }]);
    expect(layout.tables[0].linkRuns).toEqual(['H6:H8']);
    expect(layout.inputs[8][2]).toBe('=SUM(C6:C8)');
    expect(layout.inputs[5][2]).toBe(new Money('1000000.25').toNumber());
  });

  test('places the chart beside the widest table, plotting body rows only', () => {
    const layout = layoutSheet(rollupSheet());
    expect(layout.chart).toEqual({
      title: 'Spend by priority area',
      labelAddress: 'A4:A6',
      valueAddress: 'B4:B6',
      seriesName: 'Spend',
      topLeft: 'E1',
      bottomRight: 'L18',
    });
  });
});

describe('request sizes', () => {
  test('utf8Length counts bytes as UTF-8 encodes them', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => utf8Length(text) === Buffer.byteLength(text, 'utf8')));
    expect(utf8Length('£')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
  });

  test('a session sends what is queued before a request would pass its budget, and re-suspends calculation', async () => {
    const calls: string[] = [];
    const context = {
      sync: () => {
        calls.push('sync');
        return Promise.resolve();
      },
      application: { suspendApiCalculationUntilNextSync: () => calls.push('suspend') },
    } as unknown as Excel.RequestContext;
    const session = new RequestSession(context, 1_000);
    session.suspendCalculation();
    session.queued(600);
    expect(await session.reserve(100)).toBe(false);
    session.queued(100);
    expect(await session.reserve(300)).toBe(true);
    expect(calls).toEqual(['suspend', 'sync', 'suspend']);
    expect(session.syncs).toBe(1);
    expect(() => new RequestSession(context, 0)).toThrow(RangeError);
  });
});
