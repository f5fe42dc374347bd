/**
 * Excel table names for generated tables: "CW_" and then letters, digits and underscores, unique
 * within a report. Excel refuses names that look like cell references (A1, R1C1), start with a digit,
 * hold spaces or exceed 255 characters; the CW_ prefix keeps clear of all of those and of user tables.
 */

const TABLE_NAME_PREFIX = 'CW_';
const MAX_TABLE_NAME = 255;
/** Room left for a "_2" suffix when a name repeats. */
const MAX_BASE_NAME = 80;

/** Why Excel would refuse `name` as a table name, or undefined when it would accept it. */
export function tableNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a table name cannot be empty';
  if (name.length > MAX_TABLE_NAME) return `a table name is at most ${MAX_TABLE_NAME} characters, and "${name.slice(0, 20)}…" has ${name.length}`;
  if (!/^[A-Za-z]/.test(name)) return `table name "${name}" must start with a letter`;
  if (!/^[A-Za-z0-9_]+$/.test(name)) return `table name "${name}" may hold only letters, digits and underscores`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) {
    return `table name "${name}" looks like a cell reference`;
  }
  return undefined;
}

/** "London Crime Prevention Fund 2019/20" → "LondonCrimePreventionFund201920". */
export function namePart(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/[^A-Za-z0-9\s]/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** Hands out table names for one report, never the same name twice. */
export class TableNames {
  private readonly taken = new Set<string>();

  /** `CW_<Part><Part>…` ("CW_RollupByPriorityArea"), each part made safe; "_2", "_3"… when the name is taken. */
  name(...parts: readonly string[]): string {
    const base = `${TABLE_NAME_PREFIX}${parts.map(namePart).join('') || 'Table'}`.slice(0, MAX_BASE_NAME);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    const problem = tableNameProblem(candidate);
    if (problem) throw new Error(problem);
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
