/**
 * Name matching: how "Hammersmith & Fulham", "hammersmith and fulham" and "LB Hammersmith and Fulham"
 * come to mean the same borough, and how "Lambet" earns a "did you mean Lambeth?".
 *
 * Normalising handles spelling noise only (case, spacing, punctuation, "&", apostrophes, accents,
 * a leading "The"). Prefixes such as "London Borough of" are aliases in the model instead, so a user
 * who edits the model sees, and can change, every way a name is recognised.
 */

interface Nameable {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly code?: string;
}

interface NameMatch<T> {
  readonly entry: T;
  /** Edits (insertions, deletions, substitutions, swaps of neighbours) between the normalised texts; 0 for an exact match. */
  readonly distance: number;
}

export interface NameIndex<T> {
  /** The entry whose name, alias or code equals the text after normalising. */
  resolve(text: string): T | undefined;
  /** The exact match, else the nearest name or alias when it is close enough to be a likely typo. */
  closest(text: string): NameMatch<T> | undefined;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc`\u00b4]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** "The Royal Borough of Kensington & Chelsea" → "royal borough of kensington and chelsea". */
export function normaliseName(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    // Apostrophes vanish rather than split words: "People's" and "Peoples" are the same word.
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .replace(NOT_ALPHANUMERIC, ' ')
    .trim();
  return plain.startsWith('the ') ? plain.slice(4) : plain;
}

/** Exact match after normalising, against each entry's name, aliases and code. For repeated lookups use buildNameIndex. */
export function resolveName<T extends Nameable>(entries: readonly T[], text: string): T | undefined {
  const wanted = normaliseName(text);
  if (wanted === '') return undefined;
  return entries.find((entry) => keysOf(entry).includes(wanted));
}

/** The nearest entry when one is close (see buildNameIndex); undefined when nothing is. */
export function closestName<T extends Nameable>(entries: readonly T[], text: string): NameMatch<T> | undefined {
  return buildNameIndex(entries).closest(text);
}

/**
 * Edits allowed between a text and a known name before the match stops being a likely typo: none for
 * names of up to 3 characters (acronyms collide too easily), 1 up to 5, 2 up to 10, then 20% of the length.
 */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return Math.floor(length * 0.2);
}

/** Cached lookups stop growing past this many distinct texts; the cache is then started afresh. */
const MAX_CACHED = 50_000;

interface FuzzyKey<T> {
  readonly key: string;
  readonly letters: Int16Array;
  readonly entry: T;
}

const BINS = 37; // a-z, 0-9, space: all a normalised name holds

/** How many times each character occurs: two texts need at least bagDistance edits between them. */
function letterCounts(key: string): Int16Array {
  const counts = new Int16Array(BINS);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    counts[c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36]++;
  }
  return counts;
}

/** A cheap lower bound on the edit distance, so most far-off names are dismissed without the full comparison. */
function bagDistance(a: Int16Array, b: Int16Array): number {
  let surplus = 0;
  let deficit = 0;
  for (let i = 0; i < BINS; i++) {
    const d = a[i] - b[i];
    if (d > 0) surplus += d;
    else deficit -= d;
  }
  return Math.max(surplus, deficit);
}

/**
 * Precomputes normalised keys so that lookups cost one normalisation and a map probe, and caches every
 * answer by the raw text: a 100,000-line budget repeats the same few hundred names.
 */
export function buildNameIndex<T extends Nameable>(entries: readonly T[]): NameIndex<T> {
  const exact = new Map<string, T>();
  const fuzzy: FuzzyKey<T>[] = [];
  for (const entry of entries) {
    for (const key of keysOf(entry)) {
      if (key === '') continue;
      if (!exact.has(key)) exact.set(key, entry);
    }
    // Codes are matched exactly only: fuzzy matching of short codes suggests nonsense.
    for (const text of [entry.name, ...entry.aliases]) {
      const key = normaliseName(text);
      if (key !== '') fuzzy.push({ key, letters: letterCounts(key), entry });
    }
  }

  const resolved = new Map<string, T | undefined>();
  const nearest = new Map<string, NameMatch<T> | undefined>();

  const resolve = (text: string): T | undefined => {
    if (resolved.has(text)) return resolved.get(text);
    if (resolved.size >= MAX_CACHED) resolved.clear();
    const entry = exact.get(normaliseName(text));
    resolved.set(text, entry);
    return entry;
  };

  const closest = (text: string): NameMatch<T> | undefined => {
    if (nearest.has(text)) return nearest.get(text);
    if (nearest.size >= MAX_CACHED) nearest.clear();
    const match = findClosest(text);
    nearest.set(text, match);
    return match;
  };

  const findClosest = (text: string): NameMatch<T> | undefined => {
    const wanted = normaliseName(text);
    if (wanted === '') return undefined;
    const hit = exact.get(wanted);
    if (hit) return { entry: hit, distance: 0 };
    const letters = letterCounts(wanted);
    let best: NameMatch<T> | undefined;
    for (const { key, letters: keyLetters, entry } of fuzzy) {
      const limit = Math.min(allowedEdits(wanted.length), allowedEdits(key.length), best ? best.distance - 1 : Infinity);
      if (limit < 1 || Math.abs(wanted.length - key.length) > limit || bagDistance(letters, keyLetters) > limit) continue;
      const distance = editDistance(wanted, key, limit);
      if (distance <= limit) best = { entry, distance };
    }
    return best;
  };

  return { resolve, closest };
}

function keysOf(entry: Nameable): string[] {
  const keys = [entry.name, ...entry.aliases].map(normaliseName);
  if (entry.code !== undefined) keys.push(normaliseName(entry.code));
  return keys;
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbouring characters), giving up
 * as soon as it must exceed `limit`: then it returns limit + 1.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let beforePrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, beforePrevious[j - 2] + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length], limit + 1);
}
