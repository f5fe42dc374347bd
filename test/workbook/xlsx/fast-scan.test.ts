import { scanSheetData } from '../../../src/workbook/xlsx/fast/scan';

function scan(xml: string): string[] {
  const seen: string[] = [];
  scanSheetData(xml, {
    row: (attributes) => seen.push(`row[${attributes}]`),
    cell: (attributes, body) => seen.push(`c[${attributes}]${body === undefined ? '/' : `{${body}}`}`),
  });
  return seen;
}

describe('scanSheetData', () => {
  it('finds rows and cells, with and without content', () => {
    expect(scan('<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/></row><row r="2"/></sheetData>')).toEqual([
      'row[ r="1" spans="1:2"]',
      'c[ r="A1" t="s"]{<v>0</v>}',
      'c[ r="B1" s="3"]/',
      'row[ r="2"]',
    ]);
  });

  it('reads prefixed names and keeps a cell’s inner elements as its body', () => {
    expect(scan('<x:sheetData><x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>a&lt;b</x:t></x:is></x:c></x:row></x:sheetData>')).toEqual([
      'row[ r="3"]',
      'c[ r="C3" t="inlineStr"]{<x:is><x:t>a&lt;b</x:t></x:is>}',
    ]);
  });

  it('ignores other elements whose names start like row or c', () => {
    expect(scan('<sheetData><rows/><cols><col min="1"/></cols><row r="1"><c r="A1"><f>SUM(B1:B2)</f><v>3</v></c></row></sheetData>')).toEqual([
      'row[ r="1"]',
      'c[ r="A1"]{<f>SUM(B1:B2)</f><v>3</v>}',
    ]);
  });

  it('stops quietly at a truncated part', () => {
    expect(scan('<sheetData><row r="1"><c r="A1"><v>1</v>')).toEqual(['row[ r="1"]']);
    expect(scan('<sheetData><row r="1"')).toEqual([]);
  });
});
