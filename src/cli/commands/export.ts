import { plannedCommand } from './planned';

export const exportCommand = plannedCommand({
  name: 'export',
  summary: 'export the contracts and grants register as 360Giving JSON or CSV',
  usage: 'commissioning export <workbook.xlsx> --format 360giving --out <grants.json|grants.csv> --prefix 360G-…',
  help: [
    'Exports the workbook\'s contracts and grants register in the 360Giving data standard. The register',
    'checks run first; an export with errors says so.',
    '',
    'Options:',
    '  --format 360giving   the only format',
    '  --out FILE           grants.json (a 360Giving package) or grants.csv',
    '  --prefix PREFIX      your 360Giving identifier prefix, such as 360G-mopac',
  ].join('\n'),
  options: { valued: ['format', 'out', 'prefix'], flags: [] },
  required: ['format', 'out', 'prefix'],
});
