/**
 * Settling a proposal's figures: one per year, and one per priority area and year, from the candidates
 * the workbook's tables give (propose-figures.ts), and the notes on those passed over.
 */
import { Money } from '../money/decimal';
import type { FigureDraft } from './propose-figures';
import { NAMES_SHOWN, count, pounds } from './propose-words';
import type { CommissioningModel } from './types';

/** Figures for one year (or one area and year) that were not used because another was preferred. */
interface Passed {
  readonly kept: FigureDraft;
  readonly others: FigureDraft[];
}

/** How strongly a figure is the model's total for its year (lower is stronger); see FigureBasis. */
const TOTAL_RANK: Partial<Record<FigureDraft['basis'], number>> = { 'area-table-total': 0, 'year-line': 1, 'table-total': 2 };

/**
 * One figure per year, and per area and year. An area's figure is the first the workbook states. The
 * yearly total is the strongest kind of total found, and among tables' grand totals the largest, since
 * the total of all spend is larger than the total of any one fund. Figures that differ from the one
 * used are kept for the notes.
 */
export function settleFigures(drafts: readonly FigureDraft[]): {
  totals: Map<string, FigureDraft>;
  areaFigures: Map<number, Map<string, FigureDraft>>;
  passed: Map<string, Passed>;
} {
  const totals = new Map<string, FigureDraft>();
  const areaFigures = new Map<number, Map<string, FigureDraft>>();
  const candidates = new Map<string, FigureDraft[]>();
  const passed = new Map<string, Passed>();
  for (const draft of drafts) {
    if (draft.area === undefined) {
      candidates.set(draft.year, [...(candidates.get(draft.year) ?? []), draft]);
      continue;
    }
    const held = areaFigures.get(draft.area) ?? new Map<string, FigureDraft>();
    areaFigures.set(draft.area, held);
    const kept = held.get(draft.year);
    if (!kept) held.set(draft.year, draft);
    else if (!new Money(kept.amount).equals(draft.amount)) notePassed(passed, `area ${draft.area} ${draft.year}`, kept, draft);
  }
  for (const [year, list] of candidates) {
    const ranked = [...list].sort((a, b) => (TOTAL_RANK[a.basis] ?? 9) - (TOTAL_RANK[b.basis] ?? 9) || new Money(b.amount).comparedTo(a.amount));
    const kept = ranked[0];
    totals.set(year, kept);
    for (const other of ranked.slice(1)) if (!new Money(kept.amount).equals(other.amount)) notePassed(passed, `total ${year}`, kept, other);
  }
  return { totals, areaFigures, passed };
}

function notePassed(passed: Map<string, Passed>, key: string, kept: FigureDraft, other: FigureDraft): void {
  const held = passed.get(key) ?? { kept, others: [] };
  held.others.push(other);
  passed.set(key, held);
}

const BASIS_WORDS: Record<FigureDraft['basis'], string> = {
  'area-table-total': 'the total of a table by priority area',
  'year-line': 'a line of a table of spend by year',
  'table-total': "the largest of the tables' totals",
  'area-total': 'a total of its lines',
  'area-line': 'a line of a summary by priority area',
};

export function figureNotes(model: CommissioningModel, withoutYear: number, passed: ReadonlyMap<string, Passed>, areaName: (i: number) => string): string[] {
  const notes: string[] = [];
  const areaFigures = model.priorityAreas.reduce((n, a) => n + a.figures.length, 0);
  if (model.totals.length + areaFigures === 0) {
    notes.push(
      "No headline figures: no money table has a total whose year could be read. Add the figures the organisation states by hand (totals, and each priority area's figures).",
    );
  } else {
    notes.push(
      `Figures are the workbook's own, as stated, each quoting its row: ${count(model.totals.length, 'yearly total')} and ${count(areaFigures, 'priority-area figure')}. Keep those that are headline figures, and change any the organisation states differently.`,
    );
  }
  if (withoutYear > 0) {
    notes.push(
      `${count(withoutYear, 'total')} left out because no year could be read for ${withoutYear === 1 ? 'it' : 'them'} (none in the column's header, the table's title or its lines).`,
    );
  }
  const entries = [...passed.values()];
  for (const { kept, others } of entries.slice(0, NAMES_SHOWN)) {
    const what = kept.area === undefined ? `The total for ${kept.year}` : `${areaName(kept.area)}'s figure for ${kept.year}`;
    const listed = others.slice(0, 3).map((o) => `${o.cell} ${pounds(o.amount)}`);
    const rest = others.length > 3 ? ` and ${others.length - 3} more` : '';
    notes.push(
      `${what} is ${kept.cell} (${pounds(kept.amount)}), ${BASIS_WORDS[kept.basis]}; ${others.length === 1 ? '1 other figure for it differs' : `${others.length} other figures for it differ`} (${listed.join(', ')}${rest}): check which the model should hold.`,
    );
  }
  if (entries.length > NAMES_SHOWN) notes.push(`… and ${entries.length - NAMES_SHOWN} more figures with others that differ.`);
  return notes;
}
