/**
 * Short codes for names proposed from a workbook: "Adult Social Care" → "ASC", "Housing" → "HOUS",
 * "Violence Against Women and Girls (VAWG)" → "VAWG". Deterministic, so proposing twice from the
 * same workbook gives the same model; unique within a list, and never a name or alias of another
 * entry of the list once normalised, as validateModel requires.
 */
import { withoutParenthetical } from './model-names';
import { normaliseName } from './names';

/** Words that carry no meaning in an initialism: "Children and Families" is "CF", not "CAF". */
const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** A code the name already states in brackets at its end: "(VAWG)", "(A&E)", "(CYP1)". */
const STATED_CODE = /\(([A-Z0-9][A-Z0-9&/_-]{0,9})\)\s*$/;

const LONGEST_INITIALISM = 6;
const SINGLE_WORD_LENGTH = 4;

/** The code a name suggests, before uniqueness is settled. */
export function suggestCode(name: string): string {
  const stated = STATED_CODE.exec(name);
  if (stated && /[A-Z]/.test(stated[1])) return stated[1];
  const words = significantWords(name);
  if (words.length === 0) return 'ENTRY';
  if (words.length === 1) return words[0].slice(0, SINGLE_WORD_LENGTH).toUpperCase();
  return initialsOf(words.slice(0, LONGEST_INITIALISM));
}

/** "Young Londoners Fund" → "YLF"; undefined for a name of one word, which has no initialism. */
export function initialism(name: string): string | undefined {
  const words = significantWords(name);
  return words.length < 2 ? undefined : initialsOf(words);
}

function significantWords(name: string): string[] {
  return normaliseName(withoutParenthetical(name))
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
}

/** Numbers stay whole ("Phase 2" → "P2"), so "Year 1" and "Year 10" do not both become "Y1". */
function initialsOf(words: readonly string[]): string {
  return words
    .map((w) => (/^\d+$/.test(w) ? w : w[0]))
    .join('')
    .toUpperCase();
}

/**
 * Codes for the entries of one list, in order. `keysOf(i)` gives entry i's normalised name and aliases:
 * a code may equal its own entry's name ("CCTV") but not another entry's, or it would name two entries.
 */
export function assignCodes(names: readonly string[], keysOf: (index: number) => readonly string[]): string[] {
  const owners = new Map<string, number>();
  names.forEach((_, i) => {
    for (const key of keysOf(i)) if (!owners.has(key)) owners.set(key, i);
  });
  const taken = new Set<string>();
  return names.map((name, i) => {
    const base = suggestCode(name);
    for (let n = 1; ; n++) {
      const code = n === 1 ? base : `${base}${n}`;
      const owner = owners.get(normaliseName(code));
      if (taken.has(code.toUpperCase()) || (owner !== undefined && owner !== i)) continue;
      taken.add(code.toUpperCase());
      return code;
    }
  });
}
