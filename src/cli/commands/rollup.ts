import { plannedCommand } from './planned';

export const rollupCommand = plannedCommand({
  name: 'rollup',
  summary: 'spend, variance and RAG rolled up by priority area, fund, borough or year',
  usage: 'commissioning rollup <workbook.xlsx> --by priority-area[,year|funding-stream|programme|borough] [--json]',
  help: [
    'Rolls the workbook\'s budget lines up by the dimensions named in --by, with budget, forecast,',
    'actual, variance, variance %, share of total and RAG status per group.',
    '',
    'Options:',
    '  --by DIMS      comma-separated: priority-area, funding-stream, programme, borough, commissioning-model, year',
    '  --model FILE   use this JSON model instead of the workbook\'s Model sheet or the default',
    '  --json         print the rollup as JSON (amounts as exact decimal strings in pounds)',
  ].join('\n'),
  options: { valued: ['by', 'model'], flags: ['json'] },
  required: ['by'],
});
