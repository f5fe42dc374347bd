/**
 * What a sheet says its own shorthand means. GSS tables explain the bracketed markers they use in a
 * note above the table ("[n] indicates that no air traffic was reported", "[x] = not available",
 * "[c] confidential"); a marker the sheet explains as nothing reported adds nothing to a total, where
 * an unexplained one is read, cautiously, as a figure not available.
 */
import type { MissingReason } from '../../money/parse';

/** Each explained marker, lower case with its brackets ("[n]"), and what the sheet says it means. */
export type ShorthandLegend = ReadonlyMap<string, MissingReason>;

export const NO_LEGEND: ShorthandLegend = new Map();

/** A bracketed marker of a few letters, where a note defines it. */
const MARKER = /\[([a-z]{1,4})\]/gi;

/** Words that say a figure was not there to give: these markers keep the cautious reading. */
const NOT_GIVEN_WORDS = /\b(not available|unavailable|not known|unknown|no data|not collected|missing|not (?:yet )?published)\b/i;
const SUPPRESSED_WORDS = /\b(confidential|suppressed|disclos\w*)\b/i;
/** Words that say there was nothing: nil, zero, not applicable, no traffic reported. */
const NOTHING_WORDS =
  /\b(nil|zero|none|not applicable|does not apply)\b|\bno\s+(?:\w+\s+){0,3}(?:was|were|is|are|has been|have been)\s+(?:reported|recorded|made|paid|received)\b/i;

/** Reads every marker a note defines: "[x] = not available, [z] = not applicable". */
export function readShorthandLegend(notes: readonly string[]): ShorthandLegend {
  const legend = new Map<string, MissingReason>();
  for (const text of notes) {
    const markers = [...text.matchAll(MARKER)];
    markers.forEach((m, k) => {
      const from = (m.index ?? 0) + m[0].length;
      const to = markers[k + 1]?.index ?? text.length;
      const meaning = meaningOf(text.slice(from, to));
      if (meaning) legend.set(m[0].toLowerCase(), meaning);
    });
  }
  return legend;
}

function meaningOf(explanation: string): MissingReason | undefined {
  // The explanation runs to the end of its sentence.
  const sentence = explanation.split(/[.;]\s/)[0];
  if (!/\w/.test(sentence)) return undefined;
  if (NOT_GIVEN_WORDS.test(sentence)) return 'not-available';
  if (SUPPRESSED_WORDS.test(sentence)) return 'suppressed';
  if (NOTHING_WORDS.test(sentence)) return 'not-applicable';
  return undefined;
}
