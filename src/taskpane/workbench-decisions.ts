/**
 * Deciding on a finding from the pane: the engine records the decision and lays it over the last check
 * (nothing is read or checked again), then the host keeps it: Excel writes the hidden decisions sheet;
 * outside Excel the decision stays in the pane until the user downloads the workbook with its decisions.
 */
import type { DecisionTarget } from '../checks/decisions';
import type { FindingDecision } from '../checks/finding';
import type { LoadedWorkbook } from './engine/protocol';
import type { ActionNeeds, Checked } from './workbench-actions';

export interface DecisionActions {
  /** Records `decision` on the finding at `target` (null removes it); false when it could not be kept. */
  decide(target: DecisionTarget, decision: FindingDecision | null): Promise<boolean>;
  /** Outside Excel: downloads a copy of the workbook with the decisions sheet. */
  downloadWithDecisions(): Promise<void>;
}

/**
 * `checked` is the check shown and `workbook` the workbook it was made on: a decision is laid over that
 * check by the engine, without reading the workbook from Excel again.
 */
export function decisionActions(needs: ActionNeeds, checked: Checked | null, workbook: LoadedWorkbook | null): DecisionActions {
  const { host, engine, work, choice, loadCurrent, setChecked } = needs;
  return {
    decide: async (target, decision) => {
      const label = decision === null ? 'Removing the decision' : decision.kind === 'accepted' ? 'Accepting the finding' : 'Ignoring the rule here';
      const outcome = await work.run(label, async (onProgress) => {
        const loaded = workbook ?? (await loadCurrent(onProgress));
        const args = choice.argsFor(loaded);
        const scope = checked?.scope;
        const call = (next: FindingDecision | null) =>
          engine.call('decide', { ...args, ...(scope !== undefined ? { sheet: scope } : {}), target, decision: next });
        const decided = await call(decision);
        try {
          const kept = await host.saveDecisions(decided.sheet);
          setChecked({ view: decided.view, scope, modelKey: JSON.stringify(args.model) });
          return kept;
        } catch (caught) {
          // Not written: the engine forgets it too, so the pane never shows a decision the workbook lacks.
          const previous = checked?.view.findings.find((f) => f.rule === target.rule && f.sheet === target.sheet && f.cell === target.cell)?.decision;
          await call(previous ?? null);
          throw caught;
        }
      });
      if (outcome) work.setNotice(outcome.message);
      return outcome !== undefined;
    },

    downloadWithDecisions: async () => {
      const outcome = await work.run('Writing the workbook with decisions', async (onProgress) => {
        const loaded = await loadCurrent(onProgress);
        const result = await host.downloadWithDecisions(engine);
        // The engine now counts the decisions as in the file: show the check saying so.
        const args = choice.argsFor(loaded);
        const scope = checked?.scope;
        const view = await engine.call('check', { ...args, ...(scope !== undefined ? { sheet: scope } : {}) }, onProgress);
        setChecked({ view, scope, modelKey: JSON.stringify(args.model) });
        return result;
      });
      if (outcome) work.setNotice(outcome.message);
    },
  };
}
