import type { Command } from '../command';
import { EXIT_OK } from '../command';
import { UsageError, parseArgs } from '../args';
import { loadModelInEffect } from '../load-model';
import { readWorkbookFile } from '../read-workbook';
import { readWorkbookStructure } from '../../budget/tables';
import { describeTable, describeUnread, renderTable } from '../../sheet/tables/describe';

export const tablesCommand: Command = {
  name: 'tables',
  summary: 'show how each table was read: range, title, unit, columns, lines, sections and totals',
  usage: 'commissioning tables <workbook.xlsx> [--model m.json] [--json]',
  help: [
    'Prints every table found in the workbook as the checker reads it: sheet and range, title, the unit',
    'and where it came from, header rows, the column naming each line, every column with its kind',
    '(money, percent, count, identifier, year, date, text), role and unit, the lines and sections, each',
    'total with the rows it adds up and what showed them (a formula, the arithmetic or its words), and',
    'totals across columns. Regions of figures no table was read from are listed as not understood.',
    '',
    'Options:',
    "  --model FILE   read section headings with this JSON model's priority areas",
    '  --json         print {workbook, tables, unread} as JSON',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs('tables', argv, { valued: ['model'], flags: ['json'] });
    if (args.positionals.length !== 1) throw new UsageError('tables: give exactly one workbook (.xlsx)');
    const workbookPath = args.positionals[0];
    const workbook = await readWorkbookFile(io, workbookPath);
    const { model } = await loadModelInEffect(io, { modelPath: args.options.get('model'), workbook, workbookPath });
    const structure = readWorkbookStructure(workbook, model);
    const tables = structure.tables.map(describeTable);
    const unread = structure.unread.map(describeUnread);
    if (args.flags.has('json')) {
      io.out(`${JSON.stringify({ workbook: workbookPath, tables, unread }, null, 2)}\n`);
      return EXIT_OK;
    }
    const out = [`${workbookPath}: ${tables.length} table${tables.length === 1 ? '' : 's'} read.`];
    for (const t of tables) out.push('', ...renderTable(t));
    if (unread.length > 0) {
      out.push('', 'Not understood (figures no table was read from; nothing in them was checked):');
      for (const u of unread) out.push(`  ${u.sheet}!${u.range}: ${u.reason}`);
    }
    io.out(`${out.join('\n')}\n`);
    return EXIT_OK;
  },
};
