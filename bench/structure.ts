/**
 * Table finding, scored: on the labelled public workbooks (test/fixtures/public/labels.json) and on
 * the generated corpus (test/corpus), the share of tables whose extent and totals are read right.
 * Prints one JSON line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { readWorkbookStructure } from '../src/budget/tables';
import { defaultModel } from '../src/model/json';
import { readXlsxFast } from '../src/workbook/xlsx/fast/read';
import { corpus } from '../test/corpus';
import type { ExpectedTable } from '../test/structure/expected';
import { scoreTable, type TableScore } from '../test/structure/score';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'public');

function labelled(): TableScore[] {
  const labels = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'labels.json'), 'utf8')) as { file: string; tables: ExpectedTable[] }[];
  return labels.flatMap(({ file, tables }) => {
    const workbook = readXlsxFast(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))), (d) => inflateRawSync(d));
    const found = readWorkbookStructure(workbook, defaultModel()).tables;
    return tables.map((t) => scoreTable(t, found));
  });
}

function generated(): TableScore[] {
  return corpus([1, 2, 3, 4, 5, 6]).flatMap((c) => {
    const found = readWorkbookStructure(c.workbook, defaultModel()).tables;
    return c.tables.map((t) => scoreTable(t, found));
  });
}

function summary(scores: readonly TableScore[]): { tables: number; extentRight: number; allRight: number; share: number; wrong: string[] } {
  const allRight = scores.filter((s) => s.extentRight && s.totalsRight).length;
  return {
    tables: scores.length,
    extentRight: scores.filter((s) => s.extentRight).length,
    allRight,
    share: scores.length === 0 ? 0 : allRight / scores.length,
    wrong: scores.filter((s) => !(s.extentRight && s.totalsRight)).map((s) => `${s.sheet}!${s.expected}: ${s.problems.slice(0, 3).join('; ')}`),
  };
}

console.log(JSON.stringify({ labelled: summary(labelled()), corpus: summary(generated()) }));
