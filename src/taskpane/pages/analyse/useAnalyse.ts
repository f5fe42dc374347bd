/**
 * The Analyse page's state: the RAG thresholds as typed, what is wrong with them, and the last rollup;
 * "Roll up" and "Write rollup" both save changed thresholds first.
 */
import { useEffect, useState } from 'react';
import { settingsOf } from '../../../app/settings';
import { ragDraftOf, type RagDraft } from '../../components/RagFields';
import type { RagThresholds } from '../../../model/types';
import type { RollupView } from '../../engine/protocol';
import { ragFromInputs, type RagKey } from '../../settings';
import { useWorkbench } from '../../workbench';

interface Analyse {
  readonly draft: RagDraft;
  readonly problems: Partial<Record<RagKey, string>>;
  readonly rollup: RollupView | null;
  setDraft: (draft: RagDraft) => void;
  /** Checks the thresholds as typed (on leaving a field): each problem shows under its field. */
  checkDraft: () => void;
  rollUp: () => Promise<void>;
  writeRollup: () => Promise<void>;
}

export function useAnalyse(): Analyse {
  const workbench = useWorkbench().from('analyse');
  const [draft, setDraft] = useState<RagDraft>(() => ragDraftOf(workbench.settings.rag));
  const [problems, setProblems] = useState<Partial<Record<RagKey, string>>>({});
  const [rollup, setRollup] = useState<RollupView | null>(null);
  // Thresholds saved elsewhere (the Settings page) replace what this page shows, so "Roll up" never saves old ones back.
  const saved = JSON.stringify(workbench.settings.rag);
  useEffect(() => {
    setDraft(ragDraftOf(JSON.parse(saved) as RagThresholds));
    setProblems({});
  }, [saved]);

  /** Saves changed thresholds first, so the grid, the Rollup sheet and the Settings page agree. */
  const applyThresholds = async (): Promise<boolean> => {
    const read = ragFromInputs(draft);
    setProblems(read.problems);
    const rag = read.rag;
    if (!rag) return false;
    const current = workbench.model.settings.rag;
    const changed = (Object.keys(rag) as RagKey[]).some((k) => rag[k] !== current[k]);
    if (changed) await workbench.saveSettings({ ...settingsOf(workbench.model), rag });
    return true;
  };

  const rollUp = async () => {
    if (!(await applyThresholds())) return;
    const result = await workbench.ask('Rolling up the budget lines', 'rollup', { by: workbench.rollupBy });
    if (result) setRollup(result);
  };

  const writeRollup = async () => {
    if (await applyThresholds()) await workbench.write(['Rollup']);
  };

  const checkDraft = () => setProblems(ragFromInputs(draft).problems);

  return { draft, problems, rollup, setDraft, checkDraft, rollUp, writeRollup };
}
