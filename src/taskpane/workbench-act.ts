/**
 * Acting on one finding: "Go to" (in Excel the cell is selected; outside Excel the engine sends the
 * finding's row, as the check read it, to show in the card) and "Apply" (Excel only: a preview of the
 * cell as it is and what will be written, then, on the user's click, the write and its log row). What
 * happened is kept here, by finding, so the card says it beside the finding, not in a notice far away.
 */
import { useState } from 'react';
import type { Finding, FindingApply } from '../checks/finding';
import type { ApplyResult, CellContent } from '../workbook/office/apply';
import type { RowInPlace } from './engine/row-in-place';
import { explainError, sentence } from './explain-error';
import type { ActionNeeds } from './workbench-actions';

type GoToOutcome =
  | { readonly kind: 'selected'; readonly message: string }
  /** Outside Excel: the row holding the cell (null when no table the check read holds it). */
  | { readonly kind: 'row'; readonly row: RowInPlace | null }
  | { readonly kind: 'failed'; readonly message: string };

interface GoneTo {
  readonly sheet: string;
  readonly cell: string;
  readonly outcome: GoToOutcome;
}

/** What "Apply…" shows before anything is written. */
export interface ApplyPreview {
  readonly finding: Finding;
  /** The cell as it is now. */
  readonly before: CellContent;
  readonly write: FindingApply;
}

/** The last Apply: for the card of its finding. */
interface Applied {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: Finding['rule'];
  readonly message: string;
}

export interface FindingActs {
  readonly goneTo: GoneTo | null;
  readonly applied: Applied | null;
  /** "Go to": selects the cell in Excel; outside Excel, fetches its row to show in the card. */
  select(sheet: string, cell: string): Promise<void>;
  /** Reads the cell for the preview; a string says why there is none. */
  previewApply(finding: Finding): Promise<ApplyPreview | string>;
  /** Writes what the preview showed, if the cell has not changed since; a string says why nothing was written. */
  apply(preview: ApplyPreview): Promise<Applied | string>;
}

/** A reason in one sentence with what to do: for the card. */
function problem(caught: unknown, doing: string): string {
  const explained = explainError(caught, doing);
  return `${sentence(explained.message)} ${explained.next}`.trim();
}

function appliedText(result: ApplyResult, cell: string): string {
  const after = result.after;
  const holds = typeof after.formula === 'string' && after.formula.startsWith('=') ? after.formula : String(after.value);
  return `Applied: ${cell} now ${holds}. Logged in ${result.logSheet}.`;
}

/** `markChanged` hears the sheet an Apply wrote: the check is stale for it. `scope` is the sheet the check covered, if one. */
export function useFindingActs(needs: ActionNeeds, scope: () => string | undefined, markChanged: (sheet: string) => void): FindingActs {
  const { host, engine, choice, loadCurrent } = needs;
  const [goneTo, setGoneTo] = useState<GoneTo | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);

  const rowOf = async (sheet: string, cell: string): Promise<GoToOutcome> => {
    const loaded = await loadCurrent(() => {});
    const checked = scope();
    const row = await engine.call('rowAt', { ...choice.argsFor(loaded), ...(checked !== undefined ? { sheet: checked } : {}), at: { sheet, cell } });
    return { kind: 'row', row };
  };

  return {
    goneTo,
    applied,
    select: async (sheet, cell) => {
      let outcome: GoToOutcome;
      try {
        outcome = host.kind === 'excel' ? { kind: 'selected', message: (await host.select(sheet, cell)).message } : await rowOf(sheet, cell);
      } catch (caught) {
        outcome = { kind: 'failed', message: problem(caught, `Going to ${sheet}!${cell}`) };
      }
      setGoneTo({ sheet, cell, outcome });
    },
    previewApply: async (finding) => {
      if (!finding.apply || !host.readCell) return 'Apply works in Excel.';
      try {
        return { finding, before: await host.readCell(finding.sheet, finding.cell), write: finding.apply };
      } catch (caught) {
        return problem(caught, `Reading ${finding.sheet}!${finding.cell}`);
      }
    },
    apply: async ({ finding, before, write }) => {
      if (!host.applyToCell) return 'Apply works in Excel.';
      try {
        const request = { sheet: finding.sheet, cell: finding.cell, before, write, rule: finding.rule, message: finding.message, when: new Date() };
        const result = await host.applyToCell(request);
        const done = { sheet: finding.sheet, cell: finding.cell, rule: finding.rule, message: appliedText(result, finding.cell) };
        setApplied(done);
        markChanged(finding.sheet);
        return done;
      } catch (caught) {
        return problem(caught, `Applying the suggestion to ${finding.sheet}!${finding.cell}`);
      }
    },
  };
}
