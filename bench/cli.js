'use strict';
/**
 * End to end: `commissioning check` on a generated 100,000-line .xlsx, against openpyxl (Debian's
 * python3-openpyxl, read_only mode) merely reading the same file. Prints one JSON line.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { defaultModel } = require('../lib/model/json');
const { generateLines, LINE_HEADERS } = require('../lib/bench/generate');

const LINES = Number(process.argv[2] ?? 100_000);
const PYTHON = '/usr/bin/python3';
const OPENPYXL_READ = [
  'import sys, openpyxl',
  'wb = openpyxl.load_workbook(sys.argv[1], read_only=True)',
  'n = sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True))',
  'print(n)',
].join('\n');

function seconds(command, args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    ms,
    status: run.status,
    stderr: String(run.stderr ?? '')
      .trim()
      .split('\n')
      .pop(),
  };
}

function best(command, args, runs) {
  let result;
  for (let i = 0; i < runs; i++) {
    const r = seconds(command, args);
    if (!result || r.ms < result.ms) result = r;
  }
  return result;
}

const VARIANCE = LINE_HEADERS.indexOf('Variance £');
const column = (header) => String.fromCharCode(65 + LINE_HEADERS.indexOf(header));

/**
 * The generated budget, as typed figures or, `withFormulas`, as a script saves one: each variance a
 * formula (=I2-H2) and a total row of SUMs, with no saved results, so every formula is calculated.
 */
async function writeBudget(file, withFormulas) {
  if (fs.existsSync(file)) return;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.tmp`, useSharedStrings: true });
  const ws = wb.addWorksheet('Budget lines');
  ws.addRow(LINE_HEADERS).commit();
  let row = 1;
  for (const values of generateLines(defaultModel(), LINES)) {
    row++;
    if (withFormulas) values[VARIANCE] = { formula: `${column('Forecast £')}${row}-${column('Budget £')}${row}` };
    ws.addRow(values).commit();
  }
  if (withFormulas) {
    const total = LINE_HEADERS.map(() => '');
    total[1] = 'Total';
    for (const header of ['Budget £', 'Forecast £', 'Variance £'])
      total[LINE_HEADERS.indexOf(header)] = { formula: `SUM(${column(header)}2:${column(header)}${row})` };
    ws.addRow(total).commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(`${file}.tmp`, file);
}

function measure(file) {
  const cli = best(process.execPath, [path.join(__dirname, '..', 'bin', 'commissioning.js'), 'check', file, '--json'], 3);
  let openpyxl = { ms: null, note: `not measured: ${PYTHON} with python3-openpyxl is not installed (apt-get install python3-openpyxl)` };
  const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
  if (probe.status === 0) openpyxl = best(PYTHON, ['-c', OPENPYXL_READ, file], 2);
  return {
    lines: LINES,
    bytes: fs.statSync(file).size,
    cliMs: cli.ms,
    cliStatus: cli.status,
    openpyxlMs: openpyxl.ms,
    openpyxlNote: openpyxl.note,
    ratio: openpyxl.ms ? cli.ms / openpyxl.ms : null,
  };
}

(async () => {
  const typed = path.join(os.tmpdir(), `commissioning-bench-${LINES}.xlsx`);
  const formulas = path.join(os.tmpdir(), `commissioning-bench-formulas-${LINES}.xlsx`);
  await writeBudget(typed, false);
  await writeBudget(formulas, true);
  process.stdout.write(`${JSON.stringify({ ...measure(typed), formulas: measure(formulas) })}\n`);
})();
