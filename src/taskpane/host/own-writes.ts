/**
 * Which changes Excel reports are the add-in's own: the product's sheets (report sheets, the decisions
 * sheet, the Apply log) are never the user's work, so changes to them never make a check stale; the
 * Model sheet is the user's to edit, so only a change heard while the add-in is writing (or just after:
 * Excel delivers change events after the request that caused them) is taken for the add-in's own.
 * A change to any other sheet counts, the add-in's Apply included: its cell is the user's.
 */
import { GENERATED_SHEET_NAMES, MODEL_SHEET_NAME } from '../../sheet/reserved-sheet-names';
import type { ExcelRunner } from '../../workbook/office/requests';

/** How long after a request ends its change events may still arrive. */
export const OWN_WRITE_GRACE_MS = 2_000;

/** "Findings", "Findings (2)", "Workbench log": names the product writes its own sheets under. */
const PRODUCT_SHEET = new RegExp(`^(${GENERATED_SHEET_NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})( \\(\\d+\\))?$`, 'i');

export class OwnWrites {
  private running = 0;
  private quietAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** `runner`, with every request it runs counted as the add-in's own activity. */
  tracking(runner: ExcelRunner): ExcelRunner {
    return async (batch, options) => {
      this.running++;
      try {
        return await runner(batch, options);
      } finally {
        this.running--;
        this.quietAt = this.now() + OWN_WRITE_GRACE_MS;
      }
    };
  }

  /** True while a request runs, and for a moment after the last one. */
  active(): boolean {
    return this.running > 0 || this.now() < this.quietAt;
  }

  /** Whether a change to `sheet` is the add-in's own, not the user's. */
  isOwnChange(sheet: string): boolean {
    const name = sheet.trim();
    if (PRODUCT_SHEET.test(name)) return true;
    return name.toLowerCase() === MODEL_SHEET_NAME.toLowerCase() && this.active();
  }
}
