import type { Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { describeOrigin, noModelNotice } from '../../app/model-in-effect';
import { loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import { checkWithDecisions, type DecidedCheck } from '../../app/decisions';
import { decidedSection, decidedSuffix, decisionNotes, decisionsJson } from '../decided-lines';
import type { Finding } from '../../checks/finding';
import { rangeToA1 } from '../../sheet/a1';
import { describeTable, describeUnread } from '../../sheet/tables/describe';
import { coverageLines } from '../../checks/coverage';
import { describeValue } from '../../checks/rules/calculation';
import type { FormulaReport } from '../../sheet/formulas/report';
import { fewOf } from '../short-list';
import { csvOutPath, writeFindingsCsv } from '../findings-csv';
import { findingLines, negativesOption } from '../finding-lines';
import type { ModelInEffect } from '../../model/types';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a workbook against the commissioning model: totals, variances, names, years, register',
  usage: 'commissioning check <workbook.xlsx> [--model m.json] [--negatives brackets|minus] [--json] [--csv findings.csv]',
  help: [
    'Finds the tables in every sheet and checks them: totals and variances (telling rounding from real',
    'errors), blanks and placeholders, names the model does not know, years, duplicates, the register,',
    "and figures against the model's stated figures. The default model (MOPAC's) is used only where the",
    'workbook names its priority areas and funds; otherwise the workbook is checked without a model and',
    'the first line says so.',
    '',
    'Options:',
    "  --model FILE   use this JSON model instead of the workbook's Model sheet or the default",
    "  --negatives brackets|minus   write negative amounts as (£1.0m) or -£1.0m (default: the model's setting, else minus)",
    '  --json         print {workbook, model, tables, unread, findings, summary, decisions, coverage, formulas} as JSON',
    '  --csv FILE     also write every finding to FILE (.csv, never the workbook): the pane\'s "Export findings (CSV)"',
    '',
    'Decisions made in the task pane (Accept, Ignore this rule here) are kept in the workbook on the hidden',
    '"Workbench decisions" sheet: a decided finding is listed after the open ones and not counted as open.',
    '',
    'Exit status: 0 when no open finding is an error, 1 when any is, 2 for bad usage or an unreadable file.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs('check', argv, { valued: ['model', 'negatives', 'csv'], flags: ['json'] });
    const negatives = negativesOption(args.options.get('negatives'), 'check');
    if (args.positionals.length !== 1) throw new UsageError('check: give exactly one workbook (.xlsx)');
    const workbookPath = args.positionals[0];
    const csvPath = await csvOutPath(io, args.options.get('csv'), workbookPath);
    const workbook = await readWorkbookFile(io, workbookPath);
    const loaded = await loadModelInEffect(io, { modelPath: args.options.get('model'), workbook, workbookPath });
    const inEffect = negatives ? { ...loaded, model: { ...loaded.model, settings: { ...loaded.model.settings, negatives } } } : loaded;
    const result = checkWithDecisions(workbook, inEffect.model);
    io.out(args.flags.has('json') ? `${JSON.stringify(checkJson(workbookPath, inEffect, result), null, 2)}\n` : renderCheck(workbookPath, inEffect, result));
    if (csvPath !== undefined) {
      const wrote = await writeFindingsCsv(
        io,
        csvPath,
        result.findings,
        workbook.sheets.map((sheet) => sheet.name),
      );
      // With --json, standard output is the JSON alone.
      if (args.flags.has('json')) io.err(wrote);
      else io.out(wrote);
    }
    return result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

function checkJson(workbookPath: string, inEffect: ModelInEffect, result: DecidedCheck): unknown {
  const decisions = decisionsJson(result.decisions);
  return {
    workbook: workbookPath,
    model: { ...inEffect.origin, description: describeOrigin(inEffect) },
    tables: result.tables.map(describeTable),
    unread: result.unread.map(describeUnread),
    findings: result.findings,
    summary: result.summary,
    ...(decisions !== undefined ? { decisions } : {}),
    coverage: result.coverage,
    ...(result.formulas ? { formulas: formulasJson(result.formulas) } : {}),
  };
}

/** The formulas not understood and the stale results, each at its cell (the counts are in coverage). */
function formulasJson(report: FormulaReport): unknown {
  return {
    notUnderstood: report.notUnderstood,
    stale: report.stale.map((s) => ({ ...s, saved: describeValue(s.saved), computed: describeValue(s.computed) })),
  };
}

/** Formulas kept at their saved result because the evaluator could not confirm them (those without one are findings). */
function unconfirmedLines(report: FormulaReport | undefined): string[] {
  const kept = (report?.notUnderstood ?? []).filter((f) => f.saved).map((f) => `${f.sheet}!${f.cell} =${f.formula} (${f.reason})`);
  return kept.length === 0 ? [] : [`  saved results not confirmed: ${fewOf(kept, 'with --json')}`];
}

/** Findings grouped by sheet, each with its cell, the rule, the message, and expected and actual figures. */
function renderCheck(workbookPath: string, inEffect: ModelInEffect, result: DecidedCheck): string {
  const lines: string[] = [];
  const tables = `${result.tables.length} ${result.tables.length === 1 ? 'table' : 'tables'}`;
  const notice = noModelNotice(inEffect);
  lines.push(notice ? `${workbookPath}: ${tables} checked without a model.` : `${workbookPath}: ${tables} checked against ${describeOrigin(inEffect)}.`);
  if (notice) lines.push(notice);
  const bySheet = new Map<string, Finding[]>();
  // Decided findings are listed after the open ones, in their own section (decided-lines.ts).
  for (const f of result.findings.filter((finding) => !finding.decision)) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  for (const [sheet, findings] of bySheet) {
    lines.push('', `${sheet}`);
    for (const f of findings) {
      lines.push(...findingLines(f, inEffect.model.settings.negatives ?? 'minus'));
    }
  }
  lines.push(...decidedSection(result.findings));
  const s = result.summary;
  lines.push(
    '',
    `Summary: ${s.errors} ${s.errors === 1 ? 'error' : 'errors'}, ${s.warnings} ${s.warnings === 1 ? 'warning' : 'warnings'}, ${s.info} info${decidedSuffix(s)}.`,
  );
  lines.push(...decisionNotes(result.decisions));
  lines.push(...coverageLines(result.coverage, result.findings.length));
  for (const u of result.unread) lines.push(`  not understood: ${u.sheet}!${rangeToA1(u.range)} (${u.reason})`);
  lines.push(...unconfirmedLines(result.formulas));
  return `${lines.join('\n')}\n`;
}
