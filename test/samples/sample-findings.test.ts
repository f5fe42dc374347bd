/**
 * The findings the checker draws on the bundled sample, by rule: the seed's published mismatches and
 * inferred blanks, and nothing new. A change to the structure layer that reads the seed's tables
 * differently (a column taken from the table above, a total read another way) shows here first.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { readXlsx } from '../../src/workbook/xlsx/read';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'samples', 'commissioning-2019-20.xlsx');
const TODAY = new Date(Date.UTC(2026, 10, 22));

it('draws the same errors and warnings on the sample, rule by rule', async () => {
  const workbook = await readXlsx(new Uint8Array(fs.readFileSync(SAMPLE)), 'commissioning-2019-20.xlsx');
  const tally: Record<string, number> = {};
  for (const f of checkWorkbook(workbook, defaultModel(), { today: TODAY }).findings) {
    if (f.severity === 'info') continue;
    const key = `${f.severity} ${f.rule}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  // The four errors are the seed's own figures disagreeing with the model; the blanks are the seed's.
  expect(tally).toEqual({
    'error reconciliation-mismatch': 4,
    'warning headline-mismatch': 3,
    'warning missing-value': 5,
    'warning negative-amount': 2,
    'warning total-rounding': 5,
    'warning variance-threshold': 2,
  });
});
