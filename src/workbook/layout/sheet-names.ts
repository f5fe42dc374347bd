/**
 * The name a generated sheet is written under, the same in a report copy and inside Excel: the sheet
 * the product made for it on an earlier run (the first of "Register", "Register (2)", … that our owner
 * name marks), else the first of those names no sheet has, as Excel names a copy. A user's own sheet
 * of a generated name is never written over.
 */

/** `wanted` sheet names to the names to write them under; sheet names compare without case, as Excel's do. */
export function chooseGeneratedSheetNames(wanted: readonly string[], existing: readonly string[], ours: ReadonlySet<string>): string[] {
  const taken = new Set(existing.map((name) => name.toUpperCase()));
  const chosen = new Set<string>();
  const candidate = (name: string, n: number): string => (n === 1 ? name : `${name} (${n})`);
  return wanted.map((want) => {
    let name: string | undefined;
    for (let n = 1; n <= existing.length + 1 && name === undefined; n++) {
      const key = candidate(want, n).toUpperCase();
      if (taken.has(key) && ours.has(key) && !chosen.has(key)) name = candidate(want, n);
    }
    for (let n = 1; name === undefined; n++) {
      const key = candidate(want, n).toUpperCase();
      if (!taken.has(key) && !chosen.has(key)) name = candidate(want, n);
    }
    chosen.add(name.toUpperCase());
    return name;
  });
}
