import { plannedCommand } from './planned';

export const reportCommand = plannedCommand({
  name: 'report',
  summary: 'write a copy of the workbook with Findings, Rollup, Register and Panel report sheets',
  usage: 'commissioning report <workbook.xlsx> --out <new.xlsx> [--model m.json]',
  help: [
    'Writes a copy of the workbook with the generated sheets added or replaced. The input is never',
    'overwritten (--out must be a different file), and the copy is written atomically.',
    '',
    'Options:',
    '  --out FILE     the new workbook to write',
    '  --model FILE   use this JSON model instead of the workbook\'s Model sheet or the default',
  ].join('\n'),
  options: { valued: ['out', 'model'], flags: [] },
  required: ['out'],
});
