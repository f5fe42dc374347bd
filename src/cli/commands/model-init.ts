/**
 * `commissioning model init`: proposes a commissioning model from a workbook (its name columns, years
 * and totals), written as JSON for the user to edit and then use with --model or keep as a Model sheet.
 * It is how an organisation other than the default model's starts. Never writes the workbook.
 */
import * as path from 'path';
import { EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { fileExists, isSameFile, type CliIo } from '../io';
import { readWorkbookFile } from '../read-workbook';
import { readWorkbookStructure } from '../../budget/tables';
import { saveModelJson } from '../../model/json';
import { neutralModel } from '../../model/neutral';
import { proposeModel, type ModelProposal } from '../../model/propose';
import { PLACEHOLDER_ORGANISATION } from '../../model/propose-placeholder';
import type { CommissioningModel, NamedEntry } from '../../model/types';

const MODEL_INIT_USAGE = 'commissioning model init <workbook.xlsx> --out model.json [--organisation NAME] [--force]';

export const MODEL_INIT_HELP = [
  `  ${MODEL_INIT_USAGE}`,
  '',
  "  Proposes a model from the workbook, for an organisation other than the default model's: priority",
  '  areas, funding streams, programmes, boroughs and commissioning models from the columns that name them',
  '  (Priority area, Programme, …, or repeated Service or Directorate names), years from year columns and',
  '  headers, and figures from the totals of money tables whose year can be read, each quoting its cell.',
  "  Settings are the product's defaults. It prints what it found, what it left out, and what to edit.",
  '',
  '    --out FILE            the model to write (.json); never the workbook itself',
  "    --organisation NAME   the organisation's name (otherwise a placeholder to edit: the workbook's",
  '                          title is not taken as a name)',
  '    --force               replace FILE if it exists',
].join('\n');

/** Names of a list shown in the summary before the rest are counted. */
const NAMES_SHOWN = 5;

export async function runModelInit(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs('model init', argv, { valued: ['out', 'organisation'], flags: ['force'] });
  if (args.positionals.length !== 1) throw new UsageError('model init: give exactly one workbook (.xlsx)');
  const workbookPath = args.positionals[0];
  const outPath = args.options.get('out');
  if (outPath === undefined) throw new UsageError('model init: --out is required (the model file to write, such as model.json)');
  if (await isSameFile(io.resolve(outPath), io.resolve(workbookPath))) {
    throw new UsageError(`model init: --out ${outPath} is the workbook itself; model init never writes its input`);
  }
  if (path.extname(outPath).toLowerCase() !== '.json') {
    throw new UsageError(`model init: --out must name a .json file, not "${path.basename(outPath)}"`);
  }
  if (!args.flags.has('force') && (await fileExists(outPath))) {
    throw new UsageError(`model init: ${outPath} already exists; choose another name, or add --force to replace it`);
  }

  const workbook = await readWorkbookFile(io, workbookPath);
  // Read with the neutral model, so that nothing of the default model shapes what is proposed.
  const { tables } = readWorkbookStructure(workbook, neutralModel());
  const organisation = args.options.get('organisation');
  const proposal = proposeModel(workbook, tables, { document: path.basename(workbookPath), ...(organisation !== undefined ? { organisation } : {}) });
  await io.writeFileAtomic(outPath, saveModelJson(proposal.model));
  io.out(renderProposal(workbookPath, outPath, proposal));
  return EXIT_OK;
}

/** What was proposed, the notes, and what to do next. */
function renderProposal(workbookPath: string, outPath: string, proposal: ModelProposal): string {
  const m = proposal.model;
  const lines: string[] = [`Proposed a model from ${workbookPath} and wrote it to ${outPath}.`, ''];
  const placeholder = m.organisation.name === PLACEHOLDER_ORGANISATION.name;
  const rows: [string, string][] = [
    ['Organisation', placeholder ? `none given: "${m.organisation.name}" holds its place` : m.organisation.name],
    [`Years (${m.years.length})`, m.years.join(', ') || 'none'],
    ...listRows(m),
    ['Boroughs', `${m.boroughs.length}${m.boroughs.length > 0 ? `: ${shown(m.boroughs.map((b) => b.name))}` : ''}`],
    ['Figures', figuresRow(m)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  lines.push('', 'Notes:');
  for (const note of proposal.notes) lines.push(`  - ${note}`);
  lines.push(
    '',
    'Next steps:',
    "  1. Edit the model file: the organisation's name and org id; the names, aliases and codes; and keep",
    '     only the figures the organisation states as its headline figures.',
    `  2. Check the workbook with it: commissioning check ${workbookPath} --model ${outPath}`,
    '  3. To keep it with the workbook as its Model sheet: in the add-in\'s Model page choose "Use a model file"',
    `     (${path.basename(outPath)}), then "Insert Model sheet".`,
  );
  return `${lines.join('\n')}\n`;
}

function listRows(m: CommissioningModel): [string, string][] {
  const lists: [string, readonly NamedEntry[]][] = [
    ['Priority areas', m.priorityAreas],
    ['Funding streams', m.fundingStreams],
    ['Programmes', m.programmes],
    ['Commissioning models', m.commissioningModels],
  ];
  return lists.map(([label, entries]) => [label, `${entries.length}${entries.length > 0 ? `: ${shown(entries.map((e) => `${e.name} (${e.code})`))}` : ''}`]);
}

function figuresRow(m: CommissioningModel): string {
  const areaFigures = m.priorityAreas.reduce((n, a) => n + a.figures.length, 0);
  const totals = m.totals.length === 1 ? '1 yearly total' : `${m.totals.length} yearly totals`;
  return `${totals}, ${areaFigures} priority-area ${areaFigures === 1 ? 'figure' : 'figures'}`;
}

function shown(names: readonly string[]): string {
  const rest = names.length - NAMES_SHOWN;
  return `${names.slice(0, NAMES_SHOWN).join('; ')}${rest > 0 ? `; … and ${rest} more` : ''}`;
}
