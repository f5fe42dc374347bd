#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: measures against the DESIGN.md budgets and prints one table; the figures also go
 * to bench/results.json. Each measurement runs in a fresh process so memory figures are its own.
 * Benchmarks, not tests: these machines are shared and noisy, so nothing here fails a build.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const SIZES = [100_000, 200_000];
const BUDGET = { checkMs: 1000, memoryMb: 300, growth: 2.2 };

function measure(script, args) {
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, script), ...args.map(String)], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

/** The best of a few runs: noise on a shared machine only ever adds time. */
function best(script, args, runs = 3) {
  let bestRun;
  for (let i = 0; i < runs; i++) {
    const run = measure(script, args);
    if (!bestRun || run.totalMs < bestRun.totalMs) bestRun = run;
  }
  return bestRun;
}

const engine = SIZES.map((lines) => best('engine.js', [lines]));
const growth = engine[1].totalMs / engine[0].totalMs;
const rows = [
  ...engine.map((e) => ({
    measure: `engine check + rollup, ${e.lines.toLocaleString('en-GB')} lines`,
    value: `${e.totalMs.toFixed(0)} ms (check ${e.checkMs.toFixed(0)}, rollup ${e.rollupMs.toFixed(0)}), peak ${(e.peakRssMb - e.gridRssMb).toFixed(0)} MB over the grid`,
    budget: e.lines === 100_000 ? `< ${BUDGET.checkMs} ms, < ${BUDGET.memoryMb} MB` : '',
    ok: e.lines === 100_000 ? e.totalMs < BUDGET.checkMs && e.peakRssMb - e.gridRssMb < BUDGET.memoryMb : undefined,
  })),
  {
    measure: 'engine growth 200k / 100k',
    value: `${growth.toFixed(2)}×`,
    budget: `≤ ${BUDGET.growth}×`,
    ok: growth <= BUDGET.growth,
  },
];

const width = Math.max(...rows.map((r) => r.measure.length));
const valueWidth = Math.max(...rows.map((r) => r.value.length));
console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(valueWidth)}  budget`);
for (const r of rows) {
  const verdict = r.ok === undefined ? '' : r.ok ? '  within' : '  OVER';
  console.log(`${r.measure.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.budget}${verdict}`);
}
const results = { measuredAt: new Date().toISOString(), node: process.version, budgets: BUDGET, engine, growth, rows };
fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), path.join(__dirname, 'results.json'))}`);
