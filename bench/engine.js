'use strict';
/**
 * One engine measurement in a fresh process (so memory is this run's alone): generate N lines, then
 * time the check and report the peak heap and RSS seen while it ran. Prints one JSON line.
 */
const { defaultModel } = require('../lib/model/json');
const { generateBudgetGrid } = require('../lib/bench/generate');
const { checkWorkbook } = require('../lib/checks/runner');
const { rollupWorkbook } = require('../lib/analysis/rollup');

const lines = Number(process.argv[2]);
const model = defaultModel();
const grid = generateBudgetGrid(model, lines);
global.gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 5);

// Warm the code paths on a small grid, as a long-running pane or pipeline would be.
const warm = { sheets: [generateBudgetGrid(model, 2000, 7)] };
rollupWorkbook(warm, model, ['priority-area'], { tables: checkWorkbook(warm, model).tables });

setImmediate(() => {
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  const workbook = { sheets: [grid] };
  const result = checkWorkbook(workbook, model);
  const checked = process.hrtime.bigint();
  // The rollup reuses the tables the check found, as the pane and the report do.
  const rollup = rollupWorkbook(workbook, model, ['priority-area', 'year'], { tables: result.tables });
  const done = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpuStarted);
  const checkMs = Number(checked - started) / 1e6;
  const rollupMs = Number(done - checked) / 1e6;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  clearInterval(sampler);
  process.stdout.write(
    `${JSON.stringify({ lines, checkMs, rollupMs, totalMs: checkMs + rollupMs, cpuMs: (cpu.user + cpu.system) / 1000, rollupRows: rollup.rows.length, findings: result.findings.length, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, gridRssMb: before.rss / 2 ** 20 })}\n`,
  );
});
