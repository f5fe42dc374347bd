/** The decisions sheet in an .xlsx copy: hidden, ours, replaced in place on the next write, read back exactly. */
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import type { Decision } from '../../../src/checks/decisions';
import { readDecisions } from '../../../src/checks/decisions-sheet';
import { buildDecisionsSheet } from '../../../src/reports/builders/decisions';
import { readXlsxFast } from '../../../src/workbook/xlsx/fast/read';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import { writeReport } from '../../../src/workbook/xlsx/write';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');
const accepted: Decision = {
  rule: 'total-rounding',
  sheet: 'VAWG fund',
  cell: 'B9',
  kind: 'accepted',
  reason: '=not a formula',
  date: '2020-01-08',
  expected: '15.1',
  actual: '15',
};
const ignored: Decision = { rule: 'hardcoded-total', sheet: "Mayor's fund", cell: 'C12', kind: 'ignored', reason: '', date: '2020-01-09' };

describe('the decisions sheet in an .xlsx copy', () => {
  it('is replaced in place, stays hidden, and both readers read back exactly what was written', async () => {
    const first = await writeReport(new Uint8Array(fs.readFileSync(SAMPLE)), [buildDecisionsSheet([accepted, ignored])]);
    const second = await writeReport(first.bytes, [buildDecisionsSheet([accepted])]);
    expect(second.sheetNames).toEqual(['Workbench decisions']);
    const fast = readXlsxFast(second.bytes, (d) => inflateRawSync(d));
    expect(fast.sheets.filter((g) => g.name.startsWith('Workbench decisions')).map((g) => [g.name, g.visibility, g.generated])).toEqual([
      ['Workbench decisions', 'hidden', true],
    ]);
    expect(readDecisions(fast)).toEqual({ sheet: 'Workbench decisions', decisions: [accepted], problems: [] });
    expect(readDecisions(await readXlsx(second.bytes, 'copy')).decisions).toEqual([accepted]);
  });
});
