/** Later occurrences of a key already seen: what the duplicate rules report, each with the first occurrence. */
export function* repeats<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): Generator<{ item: T; first: T }> {
  const firstByKey = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined || key === '') continue;
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, item);
    else yield { item, first };
  }
}
