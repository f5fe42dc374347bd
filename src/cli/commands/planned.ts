/**
 * Commands of the DESIGN.md contract whose engine has not landed yet: they take their documented
 * arguments, validate them and read the workbook, then say plainly that the command is not in this version.
 */
import type { Command } from '../command';
import { EXIT_USAGE } from '../command';
import { OptionSpec, UsageError, parseArgs } from '../args';
import { readWorkbookFile } from '../read-workbook';

export function plannedCommand(spec: {
  name: string;
  summary: string;
  usage: string;
  help: string;
  options: OptionSpec;
  required: readonly string[];
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    help: spec.help,
    async run(argv, io) {
      const args = parseArgs(spec.name, argv, spec.options);
      if (args.positionals.length !== 1) throw new UsageError(`${spec.name}: give exactly one workbook (.xlsx)`);
      for (const option of spec.required) {
        if (!args.options.has(option)) throw new UsageError(`${spec.name}: --${option} is required`);
      }
      await readWorkbookFile(io, args.positionals[0]);
      io.err(`commissioning ${spec.name}: not available in this version yet; the workbook was read and left unchanged.\n`);
      return EXIT_USAGE;
    },
  };
}
