/** A small argument parser: the CLI's contract is narrow enough that a dependency would add more than it saves. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

interface OptionSpec {
  /** Options that take a value: --model m.json, --by priority-area. */
  readonly valued: readonly string[];
  /** Options that are on or off: --json. */
  readonly flags: readonly string[];
}

interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export function parseArgs(command: string, argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`${command}: --${name} takes no value`);
      flags.add(name);
    } else if (spec.valued.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
        throw new UsageError(`${command}: --${name} needs a value`);
      }
      if (options.has(name)) throw new UsageError(`${command}: --${name} given twice`);
      options.set(name, value);
    } else {
      const known = [...spec.valued, ...spec.flags, 'help'].map((o) => `--${o}`).join(', ');
      throw new UsageError(`${command}: unknown option --${name} (options: ${known})`);
    }
  }
  return { positionals, options, flags };
}
