/**
 * Excel adapter benchmark: context.sync calls and request bytes against row count, measured with the
 * recording fake the adapter tests use (no Excel needed). Prints one JSON line.
 */
import { FakeWorkbook } from '../test/workbook/office/fake-excel';
import { registerSheet } from '../test/workbook/office/specs';
import { writeSheetSpecsToExcel } from '../src/workbook/office/write';

async function measure(rows: number): Promise<{ rows: number; syncs: number; chunks: number; largestRequestBytes: number; totalRequestBytes: number }> {
  const book = new FakeWorkbook();
  book.addSheet('Budget lines', [
    ['Line', 'Budget £'],
    ['A', 1],
  ]);
  book.resetStats();
  const report = await writeSheetSpecsToExcel(book.runner, [registerSheet({ rows })]);
  const bytes = book.stats.requestBytes;
  return { rows, syncs: book.stats.syncs, chunks: report.chunks, largestRequestBytes: Math.max(...bytes), totalRequestBytes: bytes.reduce((a, b) => a + b, 0) };
}

(async () => {
  const results = [];
  for (const rows of [1_000, 10_000, 50_000]) results.push(await measure(rows));
  process.stdout.write(`${JSON.stringify(results)}\n`);
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
