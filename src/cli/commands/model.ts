import { Money } from '../../money/decimal';
import type { Command } from '../command';
import { EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { describeOrigin } from '../../app/model-in-effect';
import { loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import type { ModelInEffect } from '../../model/types';
import { formatAmount } from '../../money/format';
import { MODEL_INIT_HELP, runModelInit } from './model-init';

export const modelCommand: Command = {
  name: 'model',
  summary: 'show the commissioning model in effect and where it came from, or propose one (model init)',
  usage: 'commissioning model [--model m.json | <workbook.xlsx>] [--json]',
  help: [
    'Shows the commissioning model the other commands would use: priority areas, funding streams,',
    'programmes and funds with their stated figures, boroughs, yearly totals and settings.',
    '',
    'Where the model comes from, first match wins:',
    '  --model m.json     a model saved as JSON',
    '  <workbook.xlsx>    the workbook\'s own sheet named "Model", when it has one',
    '  (neither)          the default model, built from the MOPAC audit-panel reports',
    '',
    'Options:',
    '  --json             print {"origin", "model"} as JSON (amounts are decimal strings in pounds)',
    '',
    'A model of your own, from a workbook:',
    MODEL_INIT_HELP,
  ].join('\n'),
  async run(argv, io) {
    if (argv[0] === 'init') return runModelInit(argv.slice(1), io);
    const args = parseArgs('model', argv, { valued: ['model'], flags: ['json'] });
    if (args.positionals.length > 1) throw new UsageError('model: give at most one workbook');
    const workbookPath = args.positionals[0];
    const modelPath = args.options.get('model');
    if (workbookPath !== undefined && modelPath !== undefined) {
      throw new UsageError('model: give either --model or a workbook, not both');
    }
    const workbook = workbookPath !== undefined ? await readWorkbookFile(io, workbookPath) : undefined;
    const inEffect = await loadModelInEffect(io, { modelPath, workbook, workbookPath });
    if (args.flags.has('json')) {
      io.out(`${JSON.stringify({ origin: { ...inEffect.origin, description: describeOrigin(inEffect) }, model: inEffect.model }, null, 2)}\n`);
    } else {
      io.out(renderModel(inEffect));
    }
    return EXIT_OK;
  },
};

function money(amount: string): string {
  return formatAmount(new Money(amount), { unit: '£m', decimals: 1 });
}

/** The model as a reviewer reads it: every figure with its year, in £m. */
function renderModel(inEffect: ModelInEffect): string {
  const m = inEffect.model;
  const lines: string[] = [];
  lines.push(`Model in effect: ${describeOrigin(inEffect)}`);
  lines.push(
    `Organisation: ${m.organisation.name} (${m.organisation.shortName}, ${m.organisation.orgId}); ${m.currency}; ` +
      `default unit ${m.defaultUnit}; fiscal year starts in month ${m.fiscalYearStartMonth}`,
  );
  lines.push(`Years: ${m.years.join(', ')}`);
  lines.push(`Total commissioning spend: ${m.totals.map((t) => `${t.year} ${money(t.amount)}`).join('; ')}`);
  lines.push('', `Priority areas (${m.priorityAreas.length}):`);
  const width = Math.max(...m.priorityAreas.map((p) => p.name.length));
  for (const area of m.priorityAreas) {
    const figures = area.figures.map((f) => `${f.year} ${money(f.amount)}`).join('; ');
    lines.push(`  ${area.code.padEnd(5)} ${area.name.padEnd(width)}  ${figures}`);
  }
  lines.push('', `Funding streams (${m.fundingStreams.length}):`);
  for (const stream of m.fundingStreams) {
    lines.push(`  ${stream.code.padEnd(6)} ${stream.name}${stream.funder ? ` (funder: ${stream.funder})` : ''}`);
  }
  lines.push('', `Programmes and funds (${m.programmes.length}):`);
  for (const programme of m.programmes) {
    lines.push(`  ${programme.code.padEnd(6)} ${programme.name}`);
    for (const figure of programme.figures) {
      const parts = figure.components.map((c) => `${c.name} ${money(c.amount)}`).join(' + ');
      lines.push(`         ${figure.year}: ${money(figure.total)}${parts ? ` = ${parts}` : ''}`);
    }
  }
  lines.push('', `Boroughs (${m.boroughs.length}): GSS ${m.boroughs[0]?.gss ?? ''} to ${m.boroughs[m.boroughs.length - 1]?.gss ?? ''}`);
  lines.push(`  ${m.boroughs.map((b) => `${b.name} (${b.orgId})`).join(', ')}`);
  lines.push('', `Commissioning models: ${m.commissioningModels.map((c) => c.name).join('; ')}`);
  if (m.documents) lines.push(`Documents: ${m.documents.map((d) => `${d.title} (${d.document})`).join('; ')}`);
  const s = m.settings;
  lines.push(
    `Settings: variance ${s.varianceConvention === 'forecast-minus-budget' ? 'forecast − budget' : 'budget − forecast'}; ` +
      `RAG amber at ${s.rag.amberPct}% or ${money(s.rag.amberAbs)}, red at ${s.rag.redPct}% or ${money(s.rag.redAbs)}; ` +
      `display ${s.displayUnit} to ${s.displayDecimals} dp, negatives ${s.negatives === 'brackets' ? 'in brackets' : 'with a minus'}; rounding ${s.roundingPolicy}`,
  );
  return `${lines.join('\n')}\n`;
}
