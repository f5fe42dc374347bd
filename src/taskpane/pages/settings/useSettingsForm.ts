/**
 * The Settings page's form: display unit and decimals, rounding policy and RAG thresholds as typed,
 * starting from the settings in effect; "Save" keeps them, "Use the model's settings" drops them.
 */
import { useEffect, useState } from 'react';
import { settingsOf, type PaneSettings } from '../../../app/settings';
import type { RagThresholds, RoundingPolicy } from '../../../model/types';
import type { NegativeStyle } from '../../../money/format';
import type { UnitId } from '../../../money/units';
import { ragDraftOf, type RagDraft } from '../../components/RagFields';
import { ragFromInputs, sameSettings, type RagKey } from '../../settings';
import { useWorkbench } from '../../workbench';

export interface SettingsForm {
  readonly unit: UnitId;
  readonly decimals: number;
  readonly rounding: RoundingPolicy;
  readonly negatives: NegativeStyle;
  readonly rag: RagDraft;
  readonly problems: Partial<Record<RagKey, string>>;
  setUnit: (unit: UnitId) => void;
  setDecimals: (decimals: number) => void;
  setRounding: (rounding: RoundingPolicy) => void;
  setNegatives: (negatives: NegativeStyle) => void;
  setRag: (rag: RagDraft) => void;
  /** Checks the thresholds as typed (on leaving a field): each problem shows under its field. */
  checkRag: () => void;
  save: () => void;
  reset: () => void;
}

export function useSettingsForm(): SettingsForm {
  const workbench = useWorkbench().from('settings');
  const { settings } = workbench;
  const [unit, setUnit] = useState<UnitId>(settings.displayUnit);
  const [decimals, setDecimals] = useState(settings.displayDecimals);
  const [rounding, setRounding] = useState<RoundingPolicy>(settings.roundingPolicy);
  const [negatives, setNegatives] = useState<NegativeStyle>(settings.negatives);
  const [rag, setRag] = useState<RagDraft>(() => ragDraftOf(settings.rag));
  const [problems, setProblems] = useState<Partial<Record<RagKey, string>>>({});
  const modelSettings = settingsOf(workbench.modelInUse.model);
  // Thresholds saved on the Analyse page replace the ones shown here, so "Save settings" never puts old ones back.
  const savedRag = JSON.stringify(settings.rag);
  useEffect(() => {
    setRag(ragDraftOf(JSON.parse(savedRag) as RagThresholds));
    setProblems({});
  }, [savedRag]);

  const reset = () => {
    setUnit(modelSettings.displayUnit);
    setDecimals(modelSettings.displayDecimals);
    setRounding(modelSettings.roundingPolicy);
    setNegatives(modelSettings.negatives);
    setRag(ragDraftOf(modelSettings.rag));
    setProblems({});
    void workbench.saveSettings(null);
  };

  const save = () => {
    const read = ragFromInputs(rag);
    setProblems(read.problems);
    if (!read.rag) return;
    const next: PaneSettings = { displayUnit: unit, displayDecimals: decimals, roundingPolicy: rounding, rag: read.rag, negatives };
    // Settings equal to the model's own are not worth keeping: the model may change later.
    void workbench.saveSettings(sameSettings(next, modelSettings) ? null : next);
  };

  const checkRag = () => setProblems(ragFromInputs(rag).problems);

  return { unit, decimals, rounding, negatives, rag, problems, setUnit, setDecimals, setRounding, setNegatives, setRag, checkRag, save, reset };
}
