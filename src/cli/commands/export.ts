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
import { describeOrigin, loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import { checkWorkbook } from '../../checks/runner';
import { summarise, type Finding } from '../../checks/finding';
import { buildModelNames } from '../../model/model-names';
import { readRegisterRecords } from '../../reports/register-records';
import { checkPrefix, orgIdProblem } from '../../reports/giving360/identifiers';
import { describeTotal, toGiving360, type Giving360Conversion, type SkippedRecord } from '../../reports/giving360/convert';
import { giving360Json, giving360Package } from '../../reports/giving360/package';
import { giving360Csv } from '../../reports/giving360/csv';

/** Register findings listed on stderr before the rest are summed up as "and N more". */
const FINDINGS_LISTED = 20;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the contracts and grants register as 360Giving JSON or CSV',
  usage: 'commissioning export <workbook.xlsx> --format 360giving --out <grants.json|grants.csv> --prefix 360G-… [--funder-id ID] [--model m.json]',
  help: [
    'Exports the workbook\'s contracts and grants register in the 360Giving data standard (1.4), as a',
    'package of grants (.json) or as CSV with the standard\'s column headings (.csv), checked against the',
    'standard\'s schema before it is written. The register checks run first; an export with errors is',
    'still written, says so, and exits 1. Records without an id, title, recipient, amount, award date or',
    'funder, and repeated ids, are left out and counted. London boroughs get their GB-LAE organisation id;',
    'other recipients get an internal id under your prefix, listed as needing a real org-id.',
    '',
    'Options:',
    '  --format 360giving   the only format',
    '  --out FILE           grants.json (a 360Giving package) or grants.csv; never the workbook itself',
    '  --prefix PREFIX      your 360Giving identifier prefix, such as 360G-mopac',
    '  --funder-id ID       the funding organisation\'s org-id.guide identifier (default: the model\'s)',
    '  --model FILE         use this JSON model instead of the workbook\'s Model sheet or the default',
    '',
    'Exit status: 0 exported with no register errors, 1 exported but the register has errors,',
    '2 bad usage, an unreadable file, no register, or nothing that could be exported.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs('export', argv, { valued: ['format', 'out', 'prefix', 'funder-id', 'model'], flags: [] });
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
    const funderId = args.options.get('funder-id')?.trim();

    const workbook = await readWorkbookFile(io, workbookPath);
    const inEffect = await loadModelInEffect(io, { modelPath: args.options.get('model'), workbook, workbookPath });
    const model = inEffect.model;
    const checked = checkWorkbook(workbook, model);
    const registerFindings = checked.findings.filter((f) => f.rule.startsWith('register-'));
    const records = readRegisterRecords(checked.tables, workbook, model, buildModelNames(model));
    if (records.length === 0) {
      io.err(
        `commissioning export: ${workbookPath} has no contracts and grants register (a table with columns such as Ref, Title, Recipient, Amount and Award date), so there is nothing to export; nothing was written.\n`,
      );
      return EXIT_USAGE;
    }

    const conversion = toGiving360(records, model, { prefix: prefix.prefix, ...(funderId ? { funderId } : {}) });
    reportFindings(io, registerFindings);
    if (conversion.funderIdProblem) {
      io.err(
        `warning: the funding organisation id ${conversion.funderIdProblem}. 360Giving needs the real one: find ${model.organisation.name} on org-id.guide and pass it with --funder-id${funderId ? '' : ' (or set organisation.orgId in the model)'}.\n`,
      );
    }
    if (conversion.grants.length === 0) {
      io.err(`commissioning export: none of the ${records.length} register records can be published (${describeSkipped(conversion.skipped)}); nothing was written.\n`);
      return registerFindings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_USAGE;
    }

    const pkg = giving360Package(conversion, model, new Date());
    // The schema validator (Ajv) loads only for an export: it would slow every other command's start.
    const { validateGiving360Package } = await import('../../reports/giving360/validate');
    const validation = validateGiving360Package(pkg);
    if (!validation.valid) {
      io.err(
        `commissioning export: the export does not match the 360Giving schema at ${validation.path} (${validation.message}); this is a bug in the export, please report it. Nothing was written.\n`,
      );
      return EXIT_USAGE;
    }
    await io.writeFileAtomic(outPath, format === 'json' ? giving360Json(pkg) : giving360Csv(pkg.grants));

    const registerSummary = summarise(registerFindings);
    io.out(`${summaryParagraph(outPath, format, conversion, registerSummary, describeOrigin(inEffect))}\n`);
    if (registerSummary.errors > 0) {
      io.err(
        `warning: this export has ${count(registerSummary.errors, 'register error')}; fix ${registerSummary.errors === 1 ? 'it' : 'them'} before publishing (commissioning check ${workbookPath} lists every finding).\n`,
      );
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  },
};

function outputFormat(outPath: string): 'json' | 'csv' {
  const extension = path.extname(outPath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  throw new UsageError(`export: --out must end in .json (a 360Giving package) or .csv, not "${path.basename(outPath)}"`);
}

function reportFindings(io: CliIo, findings: readonly Finding[]): void {
  const listed = findings.filter((f) => f.severity !== 'info');
  for (const f of listed.slice(0, FINDINGS_LISTED)) {
    io.err(`${f.severity === 'error' ? 'ERROR' : 'warning'} ${f.sheet}!${f.cell} ${f.rule}: ${f.message}\n`);
  }
  if (listed.length > FINDINGS_LISTED) io.err(`… and ${listed.length - FINDINGS_LISTED} more register findings.\n`);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeSkipped(skipped: readonly SkippedRecord[]): string {
  return skipped
    .map((s) => `${s.record.id ?? `row ${s.record.row + 1}`} (${s.cell ? `${s.record.sheet}!${s.cell}: ` : ''}${s.reason})`)
    .join('; ');
}

function summaryParagraph(
  outPath: string,
  format: 'json' | 'csv',
  conversion: Giving360Conversion,
  register: { errors: number; warnings: number },
  modelDescription: string,
): string {
  const sentences: string[] = [];
  const what = format === 'json' ? 'a 360Giving 1.4 package' : '360Giving CSV';
  sentences.push(
    `Wrote ${count(conversion.grants.length, 'grant')} worth ${describeTotal(conversion.total)} to ${outPath} (${what}, valid against the 360Giving schema), checked against ${modelDescription}.`,
  );
  sentences.push(`Register checks: ${count(register.errors, 'error')}, ${count(register.warnings, 'warning')}.`);
  sentences.push(
    conversion.skipped.length === 0
      ? 'No records were skipped.'
      : `Skipped ${count(conversion.skipped.length, 'record')}: ${describeSkipped(conversion.skipped)}.`,
  );
  sentences.push(`Funding organisation: ${conversion.funder.name} (${conversion.funder.id}${orgIdProblem(conversion.funder.id) ? ', not a real org-id' : ''}).`);
  const recipients = conversion.internalOrganisations.filter((o) => o.role === 'recipient');
  const funders = conversion.internalOrganisations.filter((o) => o.role === 'funder');
  if (recipients.length > 0) {
    sentences.push(
      `${count(recipients.length, 'recipient')} ${recipients.length === 1 ? 'needs' : 'need'} a real org-id (published under an internal id such as ${recipients[0].id}): ${recipients.map((o) => o.name).join('; ')}.`,
    );
  }
  if (funders.length > 0) {
    sentences.push(`${count(funders.length, 'other funder')} ${funders.length === 1 ? 'needs' : 'need'} a real org-id: ${funders.map((o) => o.name).join('; ')}.`);
  }
  if (conversion.adjustedIds.length > 0) {
    sentences.push(
      `${count(conversion.adjustedIds.length, 'grant id')} had to be adjusted to the 360Giving identifier rules: ${conversion.adjustedIds.map((a) => `${a.record.id} → ${a.grantId}`).join('; ')}.`,
    );
  }
  if (conversion.roundedAmounts.length > 0) {
    sentences.push(`${count(conversion.roundedAmounts.length, 'amount')} had fractions of a penny and ${conversion.roundedAmounts.length === 1 ? 'was' : 'were'} published rounded to the penny.`);
  }
  return sentences.join(' ');
}
