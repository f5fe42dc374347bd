import type { Command } from '../command';
import { EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { describeOrigin, loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import { rollupDecimals, rollupWorkbook } from '../../analysis/rollup';
import { addsUpWhenRounded, controlledRound } from '../../analysis/rounding';
import { findTables } from '../../checks/runner';
import { resolveDimension } from '../../analysis/dimensions';
import type { Table } from '../../sheet/tables/types';
import { DIMENSIONS, dimensionInWords, dimensionTitle, type Dimension, type Rollup, type RollupRow } from '../../analysis/types';
import type { Money } from '../../money/decimal';
import { formatAmount } from '../../money/format';
import type { ModelInEffect, RoundingPolicy } from '../../model/types';

export const rollupCommand: Command = {
  name: 'rollup',
  summary: 'spend, variance and RAG rolled up by priority area, fund, borough or year',
  usage: 'commissioning rollup <workbook.xlsx> --by priority-area[,year|funding-stream|programme|borough|<column>] [--json]',
  help: [
    'Rolls the workbook\'s budget lines up by the dimensions named in --by, with budget, forecast,',
    'actual, variance (forecast − budget by default), variance %, share of total, RAG status, and the',
    'model\'s stated figure where it states one, saying where the two disagree.',
    '',
    'Lines come from line-level tables and from panel tables grouped under priority-area sections;',
    'summary tables are never counted twice. Lines with unusable figures are left out and counted.',
    '',
    'Options:',
    `  --by DIMS         comma-separated: ${DIMENSIONS.join(', ')}, or any column of the`,
    '                    workbook by its header or letter (--by Authority,Year; --by C)',
    '  --model FILE      use this JSON model instead of the workbook\'s Model sheet or the default',
    '  --sheet NAME      roll up the tables of this sheet only (sheets listing the same lines in',
    '                    other measures are otherwise added together; the output names its sources)',
    '  --rounding RULE   as-stated (round each figure) or largest-remainder (round so parts add up);',
    '                    default: the model\'s setting',
    '  --json            print the rollup as JSON (amounts as exact decimal strings in pounds)',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs('rollup', argv, { valued: ['by', 'model', 'rounding', 'sheet'], flags: ['json'] });
    if (args.positionals.length !== 1) throw new UsageError('rollup: give exactly one workbook (.xlsx)');
    const byNames = splitDimensions(args.options.get('by'));
    const rounding = args.options.get('rounding');
    if (rounding !== undefined && rounding !== 'as-stated' && rounding !== 'largest-remainder') {
      throw new UsageError(`rollup: --rounding is as-stated or largest-remainder, not "${rounding}"`);
    }
    const workbookPath = args.positionals[0];
    const workbook = await readWorkbookFile(io, workbookPath);
    const inEffect = await loadModelInEffect(io, { modelPath: args.options.get('model'), workbook, workbookPath });
    const tables = onSheet(findTables(workbook, inEffect.model), args.options.get('sheet'), workbook.sheets.map((g) => g.name));
    const rollup = rollupWorkbook(workbook, inEffect.model, resolveDimensions(byNames, tables), { tables });
    if (args.flags.has('json')) io.out(`${JSON.stringify(rollupJson(rollup), null, 2)}\n`);
    else io.out(renderRollup(workbookPath, inEffect, rollup, (rounding as RoundingPolicy | undefined) ?? inEffect.model.settings.roundingPolicy));
    return EXIT_OK;
  },
};

/** The tables of one sheet when --sheet names one: sheets that list the same lines in other measures are not added together. */
function onSheet(tables: Table[], sheet: string | undefined, sheets: readonly string[]): Table[] {
  if (sheet === undefined) return tables;
  const wanted = sheets.find((name) => name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (wanted === undefined) throw new UsageError(`rollup: --sheet ${sheet}: the workbook has no such sheet (sheets: ${sheets.slice(0, 8).join(', ')}${sheets.length > 8 ? ' …' : ''})`);
  return tables.filter((t) => t.sheet === wanted);
}

/** The names given to --by, in order: refused when empty or named twice. */
export function splitDimensions(text: string | undefined, command = 'rollup'): string[] {
  if (text === undefined) throw new UsageError(`${command}: --by is required, e.g. --by priority-area or --by Authority,Year`);
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new UsageError(`${command}: --by needs at least one dimension`);
  return parts;
}

/** Each name resolved against the workbook's tables: a model dimension, or a column by header or letter. */
export function resolveDimensions(parts: readonly string[], tables: readonly Table[], command = 'rollup'): Dimension[] {
  const resolved = parts.map((part) => {
    const r = resolveDimension(part, tables);
    if ('problem' in r) throw new UsageError(`${command}: --by ${part}: ${r.problem}`);
    return r.dimension;
  });
  if (new Set(resolved).size !== resolved.length) throw new UsageError(`${command}: a dimension is named twice in --by`);
  return resolved;
}

const exact = (m: Money | null): string | null => (m === null ? null : m.toString());

function rowJson(row: RollupRow): unknown {
  return {
    key: row.key,
    lines: row.lines,
    budget: exact(row.budget),
    forecast: exact(row.forecast),
    actual: exact(row.actual),
    variance: exact(row.variance),
    variancePct: row.variancePct === null ? null : row.variancePct.toDecimalPlaces(4).toString(),
    share: row.share === null ? null : row.share.toDecimalPlaces(4).toString(),
    rag: row.rag,
    stated: exact(row.stated),
  };
}

/** The DESIGN.md contract, plus subtotals, lines left out, sources, year on year and disagreements. */
export function rollupJson(rollup: Rollup): unknown {
  return {
    by: rollup.by,
    unit: 'GBP',
    measures: rollup.measures,
    baseTitle: rollup.baseTitle,
    rows: rollup.rows.map(rowJson),
    subtotals: rollup.subtotals.map(rowJson),
    total: rowJson(rollup.total),
    excluded: rollup.excluded,
    sources: rollup.sources,
    yearOnYear: rollup.yearOnYear.map((y) => ({
      year: y.year,
      total: y.total.toString(),
      source: y.source,
      change: exact(y.change),
      changePct: y.changePct === null ? null : y.changePct.toDecimalPlaces(4).toString(),
    })),
    disagreements: rollup.disagreements.map((d) => ({ key: d.key, stated: d.stated.toString(), computed: d.computed.toString(), source: d.source })),
  };
}


/** A table a reviewer can recompute by hand: figures in the model's display unit, rounded as the model says. */
export function renderRollup(workbookPath: string, inEffect: ModelInEffect, rollup: Rollup, rounding: RoundingPolicy): string {
  const { displayUnit: unit } = inEffect.model.settings;
  const decimals = rollupDecimals(rollup, unit, inEffect.model.settings.displayDecimals);
  const shown = (m: Money | null): string => (m === null ? '' : formatAmount(m, { unit, decimals }));
  const pct = (m: Money | null): string => (m === null ? '' : `${m.toDecimalPlaces(1).toFixed(1)}%`);
  const budgets = rollup.rows.map((r) => r.budget);
  // Controlled rounding applies to one list of parts and its total; with subtotals it would need
  // rounding at two levels, so multi-dimension rollups are shown rounded figure by figure.
  const controlled = rounding === 'largest-remainder' && rollup.by.length === 1 ? controlledRound(budgets, unit, decimals) : undefined;
  const headers = [...rollup.by.map((d) => dimensionTitle(d)), 'Lines', rollup.baseTitle, 'Forecast', 'Actual', 'Variance', 'Var %', 'Share', 'RAG', 'Stated'];
  const body = rollup.rows.map((r, i) => [
    ...rollup.by.map((d) => r.key[d] ?? ''),
    String(r.lines),
    controlled ? shown(controlled.rounded[i]) : shown(r.budget),
    shown(r.forecast),
    shown(r.actual),
    shown(r.variance),
    pct(r.variancePct),
    pct(r.share),
    r.rag ?? '',
    shown(r.stated),
  ]);
  if (rollup.by.length > 1) {
    const first = rollup.by[0];
    const withSubtotals: string[][] = [];
    for (const sub of rollup.subtotals) {
      const value = sub.key[first];
      body.forEach((cells, i) => {
        if (rollup.rows[i].key[first] === value) withSubtotals.push(cells);
      });
      withSubtotals.push([
        `Subtotal ${value ?? ''}`,
        ...rollup.by.slice(1).map(() => ''),
        String(sub.lines),
        shown(sub.budget),
        shown(sub.forecast),
        shown(sub.actual),
        shown(sub.variance),
        pct(sub.variancePct),
        pct(sub.share),
        sub.rag ?? '',
        shown(sub.stated),
      ]);
    }
    body.splice(0, body.length, ...withSubtotals);
  }
  const t = rollup.total;
  const totalRow = [...rollup.by.map((_, i) => (i === 0 ? 'Total' : '')), String(t.lines), controlled ? shown(controlled.total) : shown(t.budget), shown(t.forecast), shown(t.actual), shown(t.variance), pct(t.variancePct), pct(t.share), t.rag ?? '', shown(t.stated)];
  // Columns for figures no line has would only show zeros.
  const hidden = new Set<number>();
  const measureIndex = rollup.by.length + 1;
  if (!rollup.measures.forecast) hidden.add(measureIndex + 1);
  if (!rollup.measures.actual) hidden.add(measureIndex + 2);
  // A variance, its per cent and its RAG mean nothing where no line has a forecast or actual; a Stated column nothing where the model states nothing.
  const all = [...rollup.rows, rollup.total];
  if (!rollup.measures.forecast && !rollup.measures.actual && all.every((r) => r.variance.isZero())) for (const k of [3, 4, 6]) hidden.add(measureIndex + k);
  if (all.every((r) => r.stated === null)) hidden.add(measureIndex + 7);
  const keep = (r: string[]): string[] => r.filter((_, c) => !hidden.has(c));
  const rows = [headers, ...body, totalRow].map(keep);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const numeric = (c: number): boolean => c >= rollup.by.length;
  const line = (r: string[]): string => r.map((cell, c) => (numeric(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();

  const out: string[] = [];
  const sources = rollup.sources.map((s) => `${s.sheet}!${s.range} (${s.lines} lines)`).join('; ') || 'no line-level tables';
  out.push(`Rollup of ${workbookPath} by ${rollup.by.map((d) => dimensionInWords(d)).join(', ')}, in ${unit} to ${decimals} dp.`);
  out.push(`Lines from ${sources}; ${inEffect.origin.kind === 'none' ? 'no model applies (see `commissioning check`), so no figure is compared with one' : `model: ${describeOrigin(inEffect)}`}.`);
  out.push('', ...rows.map(line));
  out.push('');
  if (controlled) {
    const moved = controlled.moved.map((i) => rollup.rows[i].key[rollup.by[0]] ?? '').filter((n) => n !== '');
    out.push(`Budgets rounded so that they add up (largest remainder)${moved.length ? `; moved from ordinary rounding: ${moved.join(', ')}` : ''}.`);
  } else if (!addsUpWhenRounded(budgets, unit, decimals)) {
    out.push('Figures may not sum due to rounding.');
  }
if (!hidden.has(measureIndex + 3)) out.push(`Variance is ${inEffect.model.settings.varianceConvention === 'forecast-minus-budget' ? 'forecast (or actual) − budget' : 'budget − forecast (or actual)'}; exact figures with --json.`);
  if (rollup.excluded.length > 0) {
    out.push(`${rollup.excluded.length} line${rollup.excluded.length === 1 ? '' : 's'} left out of the totals, so this rollup is incomplete:`);
    for (const e of rollup.excluded) out.push(`  ${e.sheet}!${e.cell} ${e.label ? `(${e.label}) ` : ''}${e.reason}`);
  }
  if (rollup.disagreements.length > 0) {
    out.push('', 'Where the model\'s stated figures (the seed reports) disagree with the lines:');
    for (const d of rollup.disagreements) {
      const name = Object.values(d.key).join(', ');
      out.push(`  ${name}: stated ${shown(d.stated)}, lines sum to ${shown(d.computed)} (${shown(d.computed.minus(d.stated).abs())} apart; ${d.source})`);
    }
  }
  if (t.stated && !t.stated.eq(t.budget)) out.push(`  Total: stated ${shown(t.stated)}, lines sum to ${shown(t.budget)}.`);
  if (rollup.yearOnYear.length > 1) {
    out.push('', 'Year on year:');
    for (const y of rollup.yearOnYear) {
      const change = y.change ? ` (${y.change.isNegative() ? '' : '+'}${shown(y.change)}, ${y.changePct ? `${y.changePct.isNegative() ? '' : '+'}${y.changePct.toDecimalPlaces(1).toFixed(1)}%` : ''})` : '';
      out.push(`  ${y.year}  ${shown(y.total)}${change}  [${y.source === 'model' ? 'stated in the model' : 'from the workbook'}]`);
    }
  }
  return `${out.join('\n')}\n`;
}
