import type { Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { loadModelInEffect, noModelNotice } from '../load-model';
import { isSameFile } from '../io';
import { readWorkbookBytes } from '../read-workbook';
import { resolveDimensions, splitDimensions } from './rollup';
import { defaultDimensions } from '../../analysis/dimensions';
import { checkWorkbook } from '../../checks/runner';
import { rollupWorkbook } from '../../analysis/rollup';
import { readRegisterRecords } from '../../reports/register-records';
import { buildReportSheets } from '../../reports';
import { UnreadableWorkbookError } from '../../workbook/port';
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
    '  --model FILE   use this JSON model instead of the workbook\'s Model sheet or the default',
    '  --by DIMS      dimensions of the Rollup sheet: model dimensions or the workbook\'s own columns',
    '                 (default: priority-area where a model applies, else the first column of names)',
    '  --organisation NAME  whose workbook it is, for titles and the register when no model applies',
    '',
    'Exit status: 0 written and no finding is an error, 1 written with errors open, 2 nothing written.',
  ].join('\n'),
  async run(argv, io) {
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
    const { bytes, workbook } = await readWorkbookBytes(io, input);
    // Excel opens a file only under the extension its kind has, and never a macro-enabled one as .xlsx.
    const inKind = packageKindOf(bytes, (data) => inflateRawSync(data));
    if (inKind !== undefined && isMacroEnabled(inKind) !== isMacroEnabled(outKind)) {
      throw new UsageError(
        isMacroEnabled(inKind)
          ? `report: ${input} is a macro-enabled workbook (.${inKind}), which Excel will not open as .xlsx; name an .xlsm output (--out ${out.replace(/\.xlsx$/i, '.xlsm')})`
          : `report: ${input} has no macros, and Excel will not open it as .xlsm; name an .xlsx output (--out ${out.replace(/\.xlsm$/i, '.xlsx')})`,
      );
    }
    const organisation = args.options.get('organisation');
    const inEffect = await loadModelInEffect(io, { modelPath: args.options.get('model'), workbook, workbookPath: input, ...(organisation !== undefined ? { organisation } : {}) });
    const today = new Date();
    const check = checkWorkbook(workbook, inEffect.model, { today });
    const by = byNames ? resolveDimensions(byNames, check.tables, 'report') : defaultDimensions(inEffect.origin.kind !== 'none', check.tables);
    const rollup = rollupWorkbook(workbook, inEffect.model, by, { tables: check.tables });
    const records = readRegisterRecords(check.tables, workbook, inEffect.model);
    const sheets = buildReportSheets({ workbook, model: inEffect.model, modelOrigin: inEffect.origin, check, rollup, records, today });
    let written: { bytes: Uint8Array; sheetNames: readonly string[] };
    try {
      // The writer (and ExcelJS) loads here, not at start-up: other commands never need it.
      const { writeReport } = await import('../../workbook/xlsx/write');
      written = await writeReport(bytes, sheets, { generatedAt: today, kind: outKind });
    } catch (err) {
      if (err instanceof Error && (err.name === 'NotOurSheetError' || err.name === 'SheetSpecError' || err.name === 'OutputKindError')) {
        throw new UnreadableWorkbookError(`${err.message}; nothing was written`);
      }
      throw err;
    }
    await io.writeFileAtomic(out, written.bytes);
    const s = check.summary;
    const errorsOpen = `${s.errors} ${s.errors === 1 ? 'error' : 'errors'} open`;
    const readiness = s.errors === 0 ? 'No errors open' : inEffect.origin.kind === 'none' ? errorsOpen : `${errorsOpen}: not ready for the panel`;
    // Without a model there is no panel appendix: say why once, so its absence is not a surprise.
    if (inEffect.origin.kind === 'none') io.out(`${noModelNotice(inEffect)} No Panel report is written.\n`);
    // A sheet of the user's with a generated sheet's name is kept; the generated one is "Register (2)".
    const renamed = sheets.filter((sheet, i) => written.sheetNames[i] !== sheet.name).map((sheet) => sheet.name);
    if (renamed.length > 0) {
      io.out(`The workbook has its own ${renamed.map((name) => `"${name}"`).join(', ')} ${renamed.length === 1 ? 'sheet, which is' : 'sheets, which are'} kept as ${renamed.length === 1 ? 'it is' : 'they are'}.\n`);
    }
    io.out(`Wrote ${out} with ${written.sheetNames.join(', ')} (${readiness}; ${s.warnings} warnings, ${s.info} info). ${input} is unchanged.\n`);
    return s.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
