/** A figure stated in a title or section label: "A Better Criminal Justice Service (£17.9m)". */
import type { Money } from '../../money/decimal';
import { parseAmount } from '../../money/parse';
import type { UnitId } from '../../money/units';

const STATED_FIGURE = /\(\s*([-−]?\s*£\s*[\d.,]+\s*(?:m|k|bn|million|thousand)?)\s*\)\s*$/i;

export function headlineFromText(text: string, unit: UnitId): { pounds: Money; step: Money } | undefined {
  const m = STATED_FIGURE.exec(text);
  if (!m) return undefined;
  // Brackets here enclose the figure; they do not make it negative as they would in a figure cell.
  const parsed = parseAmount(m[1], unit);
  return parsed.kind === 'amount' ? { pounds: parsed.pounds, step: parsed.step } : undefined;
}
