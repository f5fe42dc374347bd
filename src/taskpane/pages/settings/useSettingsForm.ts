/**
 * The Settings page's form: display unit and decimals, rounding policy and RAG thresholds as typed,
 * starting from the settings in effect; "Save" keeps them, "Use the model's settings" drops them.
 */
import { useState } from 'react';
import { settingsOf, type PaneSettings } from '../../../app/settings';
import type { RoundingPolicy } from '../../../model/types';
import type { UnitId } from '../../../money/units';
import { ragDraftOf, type RagDraft } from '../../components/RagFields';
import { ragFromInputs, sameSettings, type RagKey } from '../../settings';
import { useWorkbench } from '../../workbench';

export interface SettingsForm {
  readonly unit: UnitId;
  readonly decimals: number;
  readonly rounding: RoundingPolicy;
  readonly rag: RagDraft;
  readonly problems: Partial<Record<RagKey, string>>;
  setUnit: (unit: UnitId) => void;
  setDecimals: (decimals: number) => void;
  setRounding: (rounding: RoundingPolicy) => void;
  setRag: (rag: RagDraft) => void;
  save: () => void;
  reset: () => void;
}

export function useSettingsForm(): SettingsForm {
  const workbench = useWorkbench();
  const { settings } = workbench;
  const [unit, setUnit] = useState<UnitId>(settings.displayUnit);
  const [decimals, setDecimals] = useState(settings.displayDecimals);
  const [rounding, setRounding] = useState<RoundingPolicy>(settings.roundingPolicy);
  const [rag, setRag] = useState<RagDraft>(() => ragDraftOf(settings.rag));
  const [problems, setProblems] = useState<Partial<Record<RagKey, string>>>({});
  const modelSettings = settingsOf(workbench.modelInUse.model);

  const reset = () => {
    setUnit(modelSettings.displayUnit);
    setDecimals(modelSettings.displayDecimals);
    setRounding(modelSettings.roundingPolicy);
    setRag(ragDraftOf(modelSettings.rag));
    setProblems({});
    void workbench.saveSettings(null);
  };

  const save = () => {
    const read = ragFromInputs(rag);
    setProblems(read.problems);
    if (!read.rag) return;
    const next: PaneSettings = { displayUnit: unit, displayDecimals: decimals, roundingPolicy: rounding, rag: read.rag };
    // Settings equal to the model's own are not worth keeping: the model may change later.
    void workbench.saveSettings(sameSettings(next, modelSettings) ? null : next);
  };

  return { unit, decimals, rounding, rag, problems, setUnit, setDecimals, setRounding, setRag, save, reset };
}
