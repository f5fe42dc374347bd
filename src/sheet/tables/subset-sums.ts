/**
 * Which sets of a few candidate rows add up to a row's figure, screened in floats: a row may total
 * some of the headlines below it, and weighing every set exactly would cost too much. Exact
 * comparison follows, in the caller, only for the sets that pass here.
 */

/**
 * The sets (as index lists into each screen's values) of at least two candidates whose sum is the
 * target, to a float's tolerance, in at least one screen column: largest sets first. `values[s][k]` is
 * candidate k's figure in screen column s (NaN where it has none); `targets[s]` the row's own.
 */
export function subsetsSummingTo(targets: readonly number[], values: readonly (readonly number[])[], count: number): number[][] {
  const found: number[][] = [];
  for (let mask = 1; mask < 1 << count; mask++) {
    if (!passesAnyScreen(mask, targets, values, count)) continue;
    const members: number[] = [];
    for (let k = 0; k < count; k++) if (mask & (1 << k)) members.push(k);
    if (members.length >= 2) found.push(members);
  }
  return found.sort((a, b) => b.length - a.length);
}

function passesAnyScreen(mask: number, targets: readonly number[], values: readonly (readonly number[])[], count: number): boolean {
  return targets.some((target, s) => {
    let sum = 0;
    for (let k = 0; k < count; k++) if (mask & (1 << k)) sum += values[s][k];
    return Math.abs(sum - target) <= 0.01 + Math.abs(target) * 1e-9;
  });
}
