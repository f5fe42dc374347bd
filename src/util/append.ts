/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an argument
 * and overflows the call stack past about 100,000 items, which a 200,000-line budget reaches.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
