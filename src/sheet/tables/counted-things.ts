/**
 * Whether a table's figures count things (people, places, tonnes) rather than money, where their
 * headers name no kind: the one place that decides it from the title, the notes above the table, the
 * table above, and the other headers. Counts show structure but are never reconciled as money.
 */
import { kindFromHeader } from './column-kinds';
import type { ColumnDraft } from './columns';
import { headerWords } from './header-roles';
import { namesCurrency } from '../../money/units';
import type { Column } from './types';

/**
 * The title names a count, or the table is untitled under one that counts with the same headers, or
 * a header declares a count and none states a unit of money ("Number of fatal injuries" beside
 * "Agriculture", "Construction" …).
 */
export function countsThings(title: string | undefined, drafts: readonly ColumnDraft[], above: readonly Column[] | undefined): boolean {
  if (namesCount(title) || (!title && countsLikeAbove(drafts, above))) return true;
  if (drafts.some((d) => d.headerUnit !== undefined)) return false;
  return drafts.some((d) => d.header !== '' && namesCount(d.header));
}

/** Units of things and measures a note may give for a table's figures. */
const MEASURE_UNITS = /\b(tonnes|tons|kilograms|kg|litres|hectares|acres|kilometres|km|miles|passengers|movements|people|persons|pupils|number of)\b/i;

/** A note above the table saying what its figures are: "Figures in this table are … in thousand tonnes". */
export function preambleCounts(notes: readonly string[]): boolean {
  return notes.some((text) => {
    const aboutFigures = /\b(figures|data|numbers?|values)\b.{0,40}\b(this|the) (table|worksheet|sheet)\b|\bpresented as\b|\bmeasured in\b/i.test(text);
    return aboutFigures && !namesCurrency(text) && (MEASURE_UNITS.test(text) || namesCount(text));
  });
}

/** A title or header that names people or things counted ("Number of cattle", "Prison population") and no money. */
function namesCount(text: string | undefined): boolean {
  return text !== undefined && kindFromHeader(text, headerWords(text)) === 'count';
}

/** An untitled table under one that counts things, with the same column headers: the same count, split another way. */
function countsLikeAbove(drafts: readonly ColumnDraft[], above: readonly Column[] | undefined): boolean {
  if (!above?.some((c) => c.kind === 'count')) return false;
  const headers = new Map(above.map((c) => [c.col, c.header]));
  const named = drafts.filter((d) => d.header !== '');
  return named.length >= 2 && named.every((d) => headers.get(d.col) === d.header);
}
