import type { Command } from '../command';
import { EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { describeOrigin } from '../../app/model-in-effect';
import { loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import { rollUp } from '../../app/report';
import { findTables } from '../../budget/tables';
import { resolveDimension } from '../../analysis/dimensions';
import type { Table } from '../../sheet/tables/types';
import { DIMENSIONS, dimensionInWords, type Dimension, type Rollup, type RollupRow } from '../../analysis/types';
import type { Money } from '../../money/decimal';
import type { ModelInEffect, RoundingPolicy } from '../../model/types';
import { numericValue } from '../../reports/builders/formulas';
import { showMoney } from '../../reports/builders/display';
import { rollupFigures, type RollupFigures } from '../../reports/builders/rollup';
import type { SpecRow } from '../../reports/spec';

export const rollupCommand: Command = {
  name: 'rollup',
  summary: 'spend, variance and RAG rolled up by priority area, fund, borough or year',
  usage: 'commissioning rollup <workbook.xlsx> --by priority-area[,year|funding-stream|programme|borough|<column>] [--json]',
  help: [
    "Rolls the workbook's budget lines up by the dimensions named in --by, with budget, forecast,",
    'actual, variance (forecast − budget by default), variance %, share of total, RAG status, and the',
    "model's stated figure where it states one, saying where the two disagree.",
    '',
    'Lines come from line-level tables and from panel tables grouped under priority-area sections;',
    'summary tables are never counted twice. Lines with unusable figures are left out and counted.',
    '',
    'Options:',
    `  --by DIMS         comma-separated: ${DIMENSIONS.join(', ')}, or any column of the`,
    '                    workbook by its header or letter (--by Authority,Year; --by C)',
    "  --model FILE      use this JSON model instead of the workbook's Model sheet or the default",
    '  --sheet NAME      roll up the tables of this sheet only (sheets listing the same lines in',
    '                    other measures are otherwise added together; the output names its sources)',
    '  --rounding RULE   as-stated (round each figure) or largest-remainder (round so parts add up);',
    "                    default: the model's setting",
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
    const tables = onSheet(
      findTables(workbook, inEffect.model),
      args.options.get('sheet'),
      workbook.sheets.map((g) => g.name),
    );
    const rollup = rollUp(workbook, inEffect, resolveDimensions(byNames, tables), tables);
    if (args.flags.has('json')) io.out(`${JSON.stringify(rollupJson(rollup), null, 2)}\n`);
    else io.out(renderRollup(workbookPath, inEffect, rollup, rounding ?? inEffect.model.settings.roundingPolicy));
    return EXIT_OK;
  },
};

/** The tables of one sheet when --sheet names one: sheets that list the same lines in other measures are not added together. */
function onSheet(tables: Table[], sheet: string | undefined, sheets: readonly string[]): Table[] {
  if (sheet === undefined) return tables;
  const wanted = sheets.find((name) => name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (wanted === undefined)
    throw new UsageError(`rollup: --sheet ${sheet}: the workbook has no such sheet (sheets: ${sheets.slice(0, 8).join(', ')}${sheets.length > 8 ? ' …' : ''})`);
  return tables.filter((t) => t.sheet === wanted);
}

/** The names given to --by, in order: refused when empty or named twice. */
export function splitDimensions(text: string | undefined, command = 'rollup'): string[] {
  if (text === undefined) throw new UsageError(`${command}: --by is required, e.g. --by priority-area or --by Authority,Year`);
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
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
function rollupJson(rollup: Rollup): unknown {
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

/** Narrower headings than the sheet's, for a terminal; every other column is headed as on the Rollup sheet. */
const TEXT_HEADERS: Readonly<Record<string, string>> = { variancePct: 'Var %', share: 'Share' };

/**
 * A table a reviewer can recompute by hand: the Rollup sheet's own figures (reports/builders/rollup.ts),
 * in the model's display unit and rounded as the sheet rounds them, each subtotal under its rows.
 */
export function renderRollup(workbookPath: string, inEffect: ModelInEffect, rollup: Rollup, rounding: RoundingPolicy): string {
  const figures = rollupFigures(rollup, inEffect.model, { lineCounts: true, rounding });
  const shown = (m: Money | null): string => (m === null ? '' : showMoney(m, figures.display));
  const { unit, decimals } = figures.display;
  const sources = rollup.sources.map((s) => `${s.sheet}!${s.range} (${s.lines} lines)`).join('; ') || 'no line-level tables';
  const modelLine =
    inEffect.origin.kind === 'none' ? 'no model applies (see `commissioning check`), so no figure is compared with one' : `model: ${describeOrigin(inEffect)}`;
  const out: string[] = [
    `Rollup of ${workbookPath} by ${rollup.by.map((d) => dimensionInWords(d)).join(', ')}, in ${unit} to ${decimals} dp.`,
    `Lines from ${sources}; ${modelLine}.`,
    '',
    ...textTable(rollup.by, figures),
    '',
    ...figures.roundingNotes,
  ];
  if (figures.columns.some((c) => c.key === 'variance')) {
    out.push(
      `Variance is ${inEffect.model.settings.varianceConvention === 'forecast-minus-budget' ? 'forecast (or actual) − budget' : 'budget − forecast (or actual)'}; exact figures with --json.`,
    );
  }
  out.push(...excludedLines(rollup), ...disagreementLines(rollup, shown), ...yearOnYearLines(rollup, shown));
  return `${out.join('\n')}\n`;
}

/** The sheet's rows with each subtotal under the rows it adds up, then the total, in aligned columns. */
function textTable(by: readonly Dimension[], figures: RollupFigures): string[] {
  const first = by[0];
  const subtotals = figures.totals.filter((r) => r.style === 'subtotal');
  const ordered =
    subtotals.length === 0 ? [...figures.rows] : subtotals.flatMap((sub) => [...figures.rows.filter((r) => r.cells[first] === sub.cells[first]), sub]);
  const rows = [...ordered, ...figures.totals.filter((r) => r.style !== 'subtotal')];
  const table = [figures.columns.map((c) => TEXT_HEADERS[c.key] ?? c.header), ...rows.map((row) => textRow(row, by, figures))];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const numeric = (c: number): boolean => c >= by.length;
  return table.map((r) =>
    r
      .map((cell, c) => (numeric(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

function textRow(row: SpecRow, by: readonly Dimension[], figures: RollupFigures): string[] {
  return figures.columns.map((column, c) => {
    // A subtotal is named in the first column; the sheet marks it "Subtotal" in the second.
    const value = row.cells[column.key] ?? null;
    if (row.style === 'subtotal' && c < by.length) return c === 0 ? `Subtotal ${typeof value === 'string' ? value : ''}` : '';
    const figure = numericValue(value);
    switch (column.type) {
      case 'money':
        return figure === null ? '' : showMoney(figure, figures.display);
      case 'percent':
        return figure === null ? '' : `${figure.toDecimalPlaces(1).toFixed(1)}%`;
      case 'integer':
        return figure === null ? '' : figure.toFixed(0);
      default:
        return typeof value === 'string' ? value : '';
    }
  });
}

function excludedLines(rollup: Rollup): string[] {
  if (rollup.excluded.length === 0) return [];
  return [
    `${rollup.excluded.length} line${rollup.excluded.length === 1 ? '' : 's'} left out of the totals, so this rollup is incomplete:`,
    ...rollup.excluded.map((e) => `  ${e.sheet}!${e.cell} ${e.label ? `(${e.label}) ` : ''}${e.reason}`),
  ];
}

function disagreementLines(rollup: Rollup, shown: (m: Money | null) => string): string[] {
  const out: string[] = [];
  if (rollup.disagreements.length > 0) {
    out.push('', "Where the model's stated figures (the seed reports) disagree with the lines:");
    for (const d of rollup.disagreements) {
      const name = Object.values(d.key).join(', ');
      out.push(`  ${name}: stated ${shown(d.stated)}, lines sum to ${shown(d.computed)} (${shown(d.computed.minus(d.stated).abs())} apart; ${d.source})`);
    }
  }
  const t = rollup.total;
  if (t.stated && !t.stated.eq(t.budget)) out.push(`  Total: stated ${shown(t.stated)}, lines sum to ${shown(t.budget)}.`);
  return out;
}

function yearOnYearLines(rollup: Rollup, shown: (m: Money | null) => string): string[] {
  if (rollup.yearOnYear.length <= 1) return [];
  const signed = (text: string, negative: boolean): string => `${negative ? '' : '+'}${text}`;
  return [
    '',
    'Year on year:',
    ...rollup.yearOnYear.map((y) => {
      const pct = y.changePct ? signed(`${y.changePct.toDecimalPlaces(1).toFixed(1)}%`, y.changePct.isNegative()) : '';
      const change = y.change ? ` (${signed(shown(y.change), y.change.isNegative())}, ${pct})` : '';
      return `  ${y.year}  ${shown(y.total)}${change}  [${y.source === 'model' ? 'stated in the model' : 'from the workbook'}]`;
    }),
  ];
}
