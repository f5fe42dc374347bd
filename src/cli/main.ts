/** `commissioning <command>`: the front door for people and pipelines without Excel. */
import type { Command } from './command';
import { EXIT_USAGE } from './command';
import { UsageError } from './args';
import { CliIo, FileNotReadableError, nodeIo } from './io';
import { UnreadableWorkbookError } from '../workbook/xlsx/errors';
import { ModelError } from '../model/validate';
import { modelCommand } from './commands/model';
import { checkCommand } from './commands/check';
import { rollupCommand } from './commands/rollup';
import { reportCommand } from './commands/report';
import { exportCommand } from './commands/export';
import { tablesCommand } from './commands/tables';

const COMMANDS: readonly Command[] = [checkCommand, tablesCommand, rollupCommand, reportCommand, exportCommand, modelCommand];

function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'commissioning: check commissioning budget workbooks, roll up spend, write panel reports.',
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `commissioning <command> --help` for a command's options.",
    'Exit status: 0 no errors found, 1 errors found, 2 bad usage or an unreadable file.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(topLevelHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`commissioning: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.err(`${oneLineMessage(command.name, err)}\n`);
    return EXIT_USAGE;
  }
}

/** Every failure the user can act on is one line; anything else is still one line, never a stack trace. */
function oneLineMessage(commandName: string, err: unknown): string {
  if (err instanceof UsageError) return `commissioning ${err.message} (see: commissioning ${commandName} --help)`;
  if (err instanceof UnreadableWorkbookError || err instanceof FileNotReadableError || err instanceof ModelError) {
    return `commissioning ${commandName}: ${err.message}`;
  }
  const text = err instanceof Error ? err.message : String(err);
  if (process.env.COMMISSIONING_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return `commissioning ${commandName}: unexpected failure: ${text.split('\n')[0]} (set COMMISSIONING_DEBUG=1 for details)`;
}
