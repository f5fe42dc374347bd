/** A figure stated in a title or section label, "A Better Criminal Justice Service (£17.9m)": read, or taken off to leave the name. */
import type { Money } from '../../money/decimal';
import { parseAmount } from '../../money/parse';
import type { UnitId } from '../../money/units';

const STATED_FIGURE = /\(\s*([-−]?\s*£\s*[\d.,]+\s*(?:m|k|bn|million|thousand)?)\s*\)\s*$/i;

/** A label's bracketed money note at its end, read or not: "(£15.0m)", "(£ see note)". */
const BRACKETED_MONEY_NOTE = /\(\s*[-−]?\s*£[^)]*\)\s*$/;

/** A section's name, its label without the figure it states: "Keeping … Safe (£15.0m)" → "Keeping … Safe". */
export function sectionName(label: string): string {
  return label.replace(BRACKETED_MONEY_NOTE, '').trim();
}

export function headlineFromText(text: string, unit: UnitId): { pounds: Money; step: Money } | undefined {
  const m = STATED_FIGURE.exec(text);
  if (!m) return undefined;
  // Brackets here enclose the figure; they do not make it negative as they would in a figure cell.
  const parsed = parseAmount(m[1], unit);
  return parsed.kind === 'amount' ? { pounds: parsed.pounds, step: parsed.step } : undefined;
}
