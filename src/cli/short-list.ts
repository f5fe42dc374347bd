/** Lists for the terminal: a few items, then how many more and where to see them all. */

/** Items shown before the rest are counted. */
export const ITEMS_SHOWN = 5;

/**
 * "a; b; c; d; e … and 12 more (all of them with --json)": every item when there are few, otherwise the
 * first few and a count, so one long register never floods the terminal.
 */
export function fewOf(items: readonly string[], whereAll: string, shown = ITEMS_SHOWN): string {
  if (items.length <= shown) return items.join('; ');
  return `${items.slice(0, shown).join('; ')} … and ${items.length - shown} more (all of them ${whereAll})`;
}
