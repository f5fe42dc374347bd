import type { Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { noModelNotice } from '../../app/model-in-effect';
import { buildReport } from '../../app/report';
import { loadModelInEffect } from '../load-model';
import { isSameFile, type CliIo } from '../io';
import { readWorkbookBytes } from '../read-workbook';
import { resolveDimensions, splitDimensions } from './rollup';
import type { FindingSummary } from '../../checks/finding';
import type { ModelInEffect } from '../../model/types';
import type { SheetSpec } from '../../reports/spec';
import type { Table } from '../../sheet/tables/types';
import { UnreadableWorkbookError } from '../../workbook/xlsx/errors';
import { isMacroEnabled, kindOfFileName, packageKindOf } from '../../workbook/xlsx/package-kind';
import { inflateRawSync } from 'zlib';

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a copy of the workbook with Findings, Rollup, Register and Panel report sheets',
  usage: 'commissioning report <workbook.xlsx> --out <new.xlsx> [--model m.json]',
  help: [
    'Writes a copy of the workbook with the generated sheets added or replaced: Findings (every finding,',
    'linked to its cell), Rollup (by priority area unless --by says otherwise), Register (the contracts',
    'and grants register, publication-ready) and Panel report (the audit-panel appendix, readiness first).',
    '',
    'The input is never changed: --out must be a different file, and the copy is written to a temporary',
    'file and renamed, so a reader never sees half a workbook. A sheet of one of those names that the',
    'product did not make is never overwritten: the generated sheet is named "Register (2)" and so on.',
    'A macro-enabled workbook (.xlsm) is written as .xlsm, any other as .xlsx.',
    '',
    'Options:',
    '  --out FILE     the new workbook to write (.xlsx; .xlsm for a workbook with macros)',
    "  --model FILE   use this JSON model instead of the workbook's Model sheet or the default",
    "  --by DIMS      dimensions of the Rollup sheet: model dimensions or the workbook's own columns",
    '                 (default: priority-area where a model applies, else the first column of names)',
    '  --organisation NAME  whose workbook it is, for titles and the register when no model applies',
    '',
    'Exit status: 0 written and no finding is an error, 1 written with errors open, 2 nothing written.',
  ].join('\n'),
  async run(argv, io) {
    const request = await reportRequest(argv, io);
    const { bytes, workbook } = await readWorkbookBytes(io, request.input);
    refuseKindChange(bytes, request);
    const inEffect = await loadModelInEffect(io, {
      modelPath: request.modelPath,
      workbook,
      workbookPath: request.input,
      ...(request.organisation !== undefined ? { organisation: request.organisation } : {}),
    });
    const today = new Date();
    const byNames = request.byNames;
    const by = byNames ? (tables: readonly Table[]) => resolveDimensions(byNames, tables, 'report') : [];
    const { check, sheets } = buildReport(workbook, inEffect, { by, today });
    const written = await writeSheets(bytes, sheets, today, request.outKind);
    await io.writeFileAtomic(request.out, written.bytes);
    io.out(reportLines(request, inEffect, check.summary, sheets, written.sheetNames));
    return check.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

interface ReportRequest {
  readonly input: string;
  readonly out: string;
  readonly outKind: 'xlsx' | 'xlsm';
  readonly modelPath: string | undefined;
  readonly organisation: string | undefined;
  readonly byNames: string[] | undefined;
}

async function reportRequest(argv: readonly string[], io: CliIo): Promise<ReportRequest> {
  const args = parseArgs('report', argv, { valued: ['out', 'model', 'by', 'organisation'], flags: [] });
  if (args.positionals.length !== 1) throw new UsageError('report: give exactly one workbook (.xlsx)');
  const out = args.options.get('out');
  if (out === undefined) throw new UsageError('report: --out is required (the new workbook to write)');
  const input = args.positionals[0];
  const outKind = kindOfFileName(out);
  if (outKind !== 'xlsx' && outKind !== 'xlsm') throw new UsageError('report: --out must name an .xlsx file (an .xlsm file for a workbook with macros)');
  if (await isSameFile(io.resolve(input), io.resolve(out))) {
    throw new UsageError('report: --out is the input workbook; the report never overwrites its input, so name a new file');
  }
  const byNames = args.options.has('by') ? splitDimensions(args.options.get('by'), 'report') : undefined;
  return { input, out, outKind, modelPath: args.options.get('model'), organisation: args.options.get('organisation'), byNames };
}

/** Excel opens a file only under the extension its kind has, and never a macro-enabled one as .xlsx. */
function refuseKindChange(bytes: Uint8Array, request: ReportRequest): void {
  const { input, out, outKind } = request;
  const inKind = packageKindOf(bytes, (data) => inflateRawSync(data));
  if (inKind === undefined || isMacroEnabled(inKind) === isMacroEnabled(outKind)) return;
  throw new UsageError(
    isMacroEnabled(inKind)
      ? `report: ${input} is a macro-enabled workbook (.${inKind}), which Excel will not open as .xlsx; name an .xlsm output (--out ${out.replace(/\.xlsx$/i, '.xlsm')})`
      : `report: ${input} has no macros, and Excel will not open it as .xlsm; name an .xlsx output (--out ${out.replace(/\.xlsm$/i, '.xlsx')})`,
  );
}

async function writeSheets(
  bytes: Uint8Array,
  sheets: readonly SheetSpec[],
  today: Date,
  kind: 'xlsx' | 'xlsm',
): Promise<{ bytes: Uint8Array; sheetNames: readonly string[] }> {
  try {
    // The writer (and ExcelJS) loads here, not at start-up: other commands never need it.
    const { writeReport } = await import('../../workbook/xlsx/write');
    return await writeReport(bytes, sheets, { generatedAt: today, kind });
  } catch (err) {
    if (err instanceof Error && (err.name === 'NotOurSheetError' || err.name === 'SheetSpecError' || err.name === 'OutputKindError')) {
      throw new UnreadableWorkbookError(`${err.message}; nothing was written`);
    }
    throw err;
  }
}

/** What was written, how ready it is, and any sheet of the user's that was kept. */
function reportLines(request: ReportRequest, inEffect: ModelInEffect, s: FindingSummary, sheets: readonly SheetSpec[], sheetNames: readonly string[]): string {
  const lines: string[] = [];
  const errorsOpen = `${s.errors} ${s.errors === 1 ? 'error' : 'errors'} open`;
  const readiness = s.errors === 0 ? 'No errors open' : inEffect.origin.kind === 'none' ? errorsOpen : `${errorsOpen}: not ready for the panel`;
  // Without a model there is no panel appendix: say why once, so its absence is not a surprise.
  if (inEffect.origin.kind === 'none') lines.push(`${noModelNotice(inEffect)} No Panel report is written.\n`);
  // A sheet of the user's with a generated sheet's name is kept; the generated one is "Register (2)".
  const renamed = sheets.filter((sheet, i) => sheetNames[i] !== sheet.name).map((sheet) => sheet.name);
  if (renamed.length > 0) {
    lines.push(
      `The workbook has its own ${renamed.map((name) => `"${name}"`).join(', ')} ${renamed.length === 1 ? 'sheet, which is' : 'sheets, which are'} kept as ${renamed.length === 1 ? 'it is' : 'they are'}.\n`,
    );
  }
  lines.push(
    `Wrote ${request.out} with ${sheetNames.join(', ')} (${readiness}; ${s.warnings} warnings, ${s.info} info${s.decided ? `; ${s.decided} decided` : ''}). ${request.input} is unchanged.\n`,
  );
  return lines.join('');
}
