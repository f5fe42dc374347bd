/**
 * `commissioning export`: the workbook's contracts and grants register as 360Giving JSON or CSV. The
 * register checks run first; the export is written even when they find errors, and says so (exit 1),
 * because a publisher fixing a register wants to see what would be published. Nothing is written when
 * there is no register, nothing publishable, or the result would not match the 360Giving schema.
 */
import * as path from 'path';
import type { Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../command';
import { UsageError, parseArgs } from '../args';
import { isSameFile, type CliIo } from '../io';
import { describeOrigin } from '../../app/model-in-effect';
import { loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import { checkWorkbook } from '../../checks/runner';
import { summarise, type Finding } from '../../checks/finding';
import { registerOf } from '../../app/report';
import { normaliseName } from '../../model/names';
import type { Organisation } from '../../model/types';
import { checkPrefix } from '../../reports/giving360/identifiers';
import { toGiving360, type Giving360Conversion } from '../../reports/giving360/convert';
import { Giving360TotalError } from '../../reports/giving360/reconcile';
import { giving360Json, giving360Package } from '../../reports/giving360/package';
import { giving360Csv } from '../../reports/giving360/csv';
import { ITEMS_SHOWN, fewOf } from '../short-list';
import { count, describeSkipped, exportJson, summaryLines, type ExportFormat, type ExportOutcome } from './export-summary';

/** Register findings listed on stderr before the rest are counted. */
const FINDINGS_LISTED = ITEMS_SHOWN;

const FUNDER_ADVICE = 'pass --funder-name (and --funder-id)';

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the contracts and grants register as 360Giving JSON or CSV',
  usage:
    'commissioning export <workbook.xlsx> --format 360giving --out <grants.json|grants.csv> --prefix 360G-… [--funder-name NAME] [--funder-id ID] [--model m.json] [--json]',
  help: [
    "Exports the workbook's contracts and grants register in the 360Giving data standard (1.4), as a",
    "package of grants (.json) or as CSV with the standard's column headings (.csv), checked against the",
    "standard's schema before it is written. The register checks run first; an export with errors is",
    'still written, says so, and exits 1. Records without an id, title, recipient, amount, award date or',
    'funder, and repeated ids, are left out and counted. A workbook already in the 360Giving layout keeps',
    'its grant ids, organisations and their ids, dates, programmes and locations. Charity and company',
    'numbers give GB-CHC and GB-COH ids, London boroughs their GB-LAE ids; other recipients get an internal',
    'id under your prefix, listed as needing a real org-id. Amounts are published as the register states',
    "them, and an export whose total differs from the register's is refused.",
    '',
    'Options:',
    '  --format 360giving   the only format',
    '  --out FILE           grants.json (a 360Giving package) or grants.csv; never the workbook itself',
    '  --prefix PREFIX      your 360Giving identifier prefix, such as 360G-mopac',
    "  --funder-name NAME   the funding organisation of grants whose register names none (default: the model's)",
    "  --funder-id ID       its org-id.guide identifier (default: the model's)",
    "  --model FILE         use this JSON model instead of the workbook's Model sheet or the default",
    '  --json               print everything (every skipped record, every organisation) as JSON',
    '',
    'Exit status: 0 exported with no register errors, 1 exported but the register has errors,',
    '2 bad usage, an unreadable file, no register, nothing that could be exported, or totals that differ.',
  ].join('\n'),
  async run(argv, io) {
    const request = await exportRequest(argv, io);
    const { workbookPath } = request;
    const workbook = await readWorkbookFile(io, workbookPath);
    const inEffect = await loadModelInEffect(io, { modelPath: request.modelPath, workbook, workbookPath });
    const model = inEffect.model;
    const funder = funderOption(model.organisation, request.funderName, request.funderId);
    const checked = checkWorkbook(workbook, model);
    const registerFindings = checked.findings.filter((f) => f.rule.startsWith('register-'));
    const records = registerOf(workbook, model, checked.tables);
    if (records.length === 0) {
      io.err(
        `commissioning export: ${workbookPath} has no contracts and grants register (a table with columns such as Ref, Title, Recipient, Amount and Award date), so there is nothing to export; nothing was written.\n`,
      );
      return EXIT_USAGE;
    }
    let conversion: Giving360Conversion;
    try {
      conversion = toGiving360(records, model, { prefix: request.prefix, ...(funder ? { funder } : {}), funderAdvice: FUNDER_ADVICE });
    } catch (error) {
      if (!(error instanceof Giving360TotalError)) throw error;
      io.err(`commissioning export: refused: ${error.message}. Nothing was written.\n`);
      return EXIT_USAGE;
    }
    const registerSummary = summarise(registerFindings);
    const outcome = (written: boolean): ExportOutcome => ({
      workbookPath,
      outPath: request.outPath,
      format: request.format,
      written,
      conversion,
      registerFindings,
      register: { errors: registerSummary.errors, warnings: registerSummary.warnings },
      model: { origin: inEffect.origin, description: describeOrigin(inEffect) },
    });
    reportFindings(io, registerFindings, workbookPath);
    warnOfFunderId(io, conversion, request.funderId);
    if (conversion.grants.length === 0) {
      io.err(
        `commissioning export: none of the ${records.length} register records can be published (${fewOf(conversion.skipped.map(describeSkipped), 'with --json')}); nothing was written.\n`,
      );
      if (request.json) io.out(`${JSON.stringify(exportJson(outcome(false)), null, 2)}\n`);
      return registerFindings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_USAGE;
    }
    if (!(await publish(io, conversion, request))) return EXIT_USAGE;
    io.out(request.json ? `${JSON.stringify(exportJson(outcome(true)), null, 2)}\n` : `${summaryLines(outcome(true)).join('\n')}\n`);
    if (registerSummary.errors === 0) return EXIT_OK;
    io.err(
      `warning: this export has ${count(registerSummary.errors, 'register error')}; fix ${registerSummary.errors === 1 ? 'it' : 'them'} before publishing (commissioning check ${workbookPath} lists every finding).\n`,
    );
    return EXIT_FINDINGS;
  },
};

interface ExportRequest {
  readonly workbookPath: string;
  readonly outPath: string;
  readonly format: ExportFormat;
  readonly prefix: string;
  readonly funderName: string | undefined;
  readonly funderId: string | undefined;
  readonly modelPath: string | undefined;
  readonly json: boolean;
}

async function exportRequest(argv: readonly string[], io: CliIo): Promise<ExportRequest> {
  const args = parseArgs('export', argv, { valued: ['format', 'out', 'prefix', 'funder-name', 'funder-id', 'model'], flags: ['json'] });
  if (args.positionals.length !== 1) throw new UsageError('export: give exactly one workbook (.xlsx)');
  for (const option of ['format', 'out', 'prefix']) {
    if (!args.options.has(option)) throw new UsageError(`export: --${option} is required`);
  }
  const workbookPath = args.positionals[0];
  const outPath = args.options.get('out')!;
  if (args.options.get('format')!.toLowerCase() !== '360giving') {
    throw new UsageError(`export: --format must be 360giving (the only format), not "${args.options.get('format')}"`);
  }
  if (await isSameFile(io.resolve(outPath), io.resolve(workbookPath))) {
    throw new UsageError(`export: --out ${outPath} is the workbook itself; the export never overwrites its input`);
  }
  const format = outputFormat(outPath);
  const prefix = checkPrefix(args.options.get('prefix')!);
  if ('problem' in prefix) throw new UsageError(`export: --prefix ${prefix.problem}`);
  return {
    workbookPath,
    outPath,
    format,
    prefix: prefix.prefix,
    funderName: args.options.get('funder-name')?.trim(),
    funderId: args.options.get('funder-id')?.trim(),
    modelPath: args.options.get('model'),
    json: args.flags.has('json'),
  };
}

function warnOfFunderId(io: CliIo, conversion: Giving360Conversion, funderId: string | undefined): void {
  if (!conversion.funderIdProblem || !conversion.funder) return;
  io.err(
    `warning: the funding organisation id ${conversion.funderIdProblem}. 360Giving needs the real one: find ${conversion.funder.name} on org-id.guide and pass it with --funder-id${funderId ? '' : ' (or set organisation.orgId in the model)'}.\n`,
  );
}

/** Validates the package against the 360Giving schema and writes it; false, having said why, when it does not match. */
async function publish(io: CliIo, conversion: Giving360Conversion, request: ExportRequest): Promise<boolean> {
  const pkg = giving360Package(conversion, new Date());
  // The schema validator (Ajv) loads only for an export: it would slow every other command's start.
  const { validateGiving360Package } = await import('../../reports/giving360/validate');
  const validation = validateGiving360Package(pkg);
  if (!validation.valid) {
    io.err(
      `commissioning export: the export does not match the 360Giving schema at ${validation.path} (${validation.message}); this is a bug in the export, please report it. Nothing was written.\n`,
    );
    return false;
  }
  await io.writeFileAtomic(request.outPath, request.format === 'json' ? giving360Json(pkg) : giving360Csv(pkg.grants));
  return true;
}

/**
 * The funder of grants whose register names none: --funder-name, else the model's organisation when it
 * has a name (the model of no organisation has none). Its id is --funder-id, else the model's where the
 * funder is the model's organisation; a named funder with no id is published under an internal id.
 */
function funderOption(organisation: Organisation, name: string | undefined, id: string | undefined): Organisation | undefined {
  const isModels = (n: string) => normaliseName(n) !== '' && [organisation.name, organisation.shortName].some((m) => normaliseName(m) === normaliseName(n));
  if (name) return { name, shortName: name, orgId: id ?? (isModels(name) ? organisation.orgId : '') };
  if (organisation.name.trim() !== '') return { ...organisation, ...(id ? { orgId: id } : {}) };
  if (id) throw new UsageError('export: --funder-id needs --funder-name: no model names the funding organisation');
  return undefined;
}

function outputFormat(outPath: string): ExportFormat {
  const extension = path.extname(outPath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  throw new UsageError(`export: --out must end in .json (a 360Giving package) or .csv, not "${path.basename(outPath)}"`);
}

function reportFindings(io: CliIo, findings: readonly Finding[], workbookPath: string): void {
  const listed = findings.filter((f) => f.severity !== 'info');
  for (const f of listed.slice(0, FINDINGS_LISTED)) {
    io.err(`${f.severity === 'error' ? 'ERROR' : 'warning'} ${f.sheet}!${f.cell} ${f.rule}: ${f.message}\n`);
  }
  if (listed.length > FINDINGS_LISTED) {
    io.err(`… and ${listed.length - FINDINGS_LISTED} more register findings (all of them with --json, or commissioning check ${workbookPath}).\n`);
  }
}
