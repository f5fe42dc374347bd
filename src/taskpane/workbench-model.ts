/**
 * The model the pane uses: a model file chosen here, else what the workbook the engine loaded allows
 * (app/model-in-effect.ts decides, as for every front door), with the settings the user saved laid over it.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { decideModel } from '../app/model-in-effect';
import { settingsOf, withSettings, type PaneSettings } from '../app/settings';
import { loadModelJson } from '../model/json';
import type { CommissioningModel, ModelInEffect } from '../model/types';
import type { LoadedWorkbook, ModelArgs } from './engine/protocol';
import { explainError } from './explain-error';
import type { PaneHost } from './host/types';
import type { Work } from './workbench-work';

interface ModelFile {
  readonly model: CommissioningModel;
  readonly fileName: string;
}

/** Which model the pane uses for a workbook the engine loaded (its Model sheet only when it can be read). */
export function modelInUseFor(loaded: LoadedWorkbook | null, modelFile: ModelFile | null): ModelInEffect {
  const sheet = loaded?.modelSheet;
  return decideModel({
    ...(modelFile ? { file: { model: modelFile.model, path: modelFile.fileName } } : {}),
    ...(loaded
      ? { workbook: { label: loaded.label, modelSheet: () => (sheet && 'model' in sheet ? sheet : undefined), defaultVerdict: () => loaded.defaultModel } }
      : {}),
  });
}

type Messages = Pick<Work, 'setError' | 'setNotice'>;

/** The model file chosen in the pane. The ref is what actions read: it may have changed a moment before, in the same event. */
function useModelFile(messages: Messages) {
  const [modelFile, setModelFile] = useState<ModelFile | null>(null);
  const modelFileRef = useRef(modelFile);
  const { setError, setNotice } = messages;
  const chooseModelFile = (fileName: string, text: string): void => {
    try {
      const chosen = { model: loadModelJson(text, fileName), fileName };
      modelFileRef.current = chosen;
      setModelFile(chosen);
      setError(null);
      setNotice(`Using the model file ${fileName}.`);
    } catch (caught) {
      setError(explainError(caught, `Reading the model file ${fileName}`));
    }
  };
  const forgetModelFile = (): void => {
    modelFileRef.current = null;
    setModelFile(null);
    setNotice('The model file is no longer used.');
  };
  return { modelFile, modelFileRef, chooseModelFile, forgetModelFile };
}

/** The settings the user saved, over the model's own. As for the model file, actions read the ref. */
function useSavedSettings(host: PaneHost, messages: Messages) {
  const [savedSettings, setSavedSettings] = useState<PaneSettings | null>(() => host.loadSettings());
  const savedSettingsRef = useRef(savedSettings);
  const { setError, setNotice } = messages;
  const saveSettings = async (next: PaneSettings | null): Promise<boolean> => {
    savedSettingsRef.current = next;
    try {
      await host.saveSettings(next);
      setSavedSettings(next);
      setError(null);
      setNotice(next ? `Settings saved ${host.settingsPlace}.` : "Settings reset: the model's own settings apply.");
      return true;
    } catch (caught) {
      // Still use them for this session: the user asked for them.
      setSavedSettings(next);
      setError(explainError(caught, 'Saving the settings'));
      return false;
    }
  };
  return { savedSettings, savedSettingsRef, saveSettings };
}

export function useModelChoice(host: PaneHost, workbook: LoadedWorkbook | null, messages: Messages) {
  const file = useModelFile(messages);
  const saved = useSavedSettings(host, messages);
  const { modelFile, modelFileRef } = file;
  const { savedSettings, savedSettingsRef } = saved;
  const modelInUse = useMemo(() => modelInUseFor(workbook, modelFile), [modelFile, workbook]);
  const model = useMemo(() => withSettings(modelInUse.model, savedSettings), [modelInUse, savedSettings]);
  const settings = useMemo(() => settingsOf(model), [model]);
  // Compared by content: re-reading the workbook from Excel rebuilds an identical model.
  const modelKey = useMemo(() => JSON.stringify(model), [model]);

  /** The model args for a workbook just loaded: its Model sheet may have changed which model is in effect. */
  const argsFor = useCallback(
    (loaded: LoadedWorkbook): ModelArgs => {
      const inUse = modelInUseFor(loaded, modelFileRef.current);
      return { model: withSettings(inUse.model, savedSettingsRef.current), origin: inUse.origin };
    },
    [modelFileRef, savedSettingsRef],
  );

  return {
    modelInUse,
    model,
    settings,
    modelKey,
    settingsSaved: savedSettings !== null,
    argsFor,
    chooseModelFile: file.chooseModelFile,
    forgetModelFile: file.forgetModelFile,
    saveSettings: saved.saveSettings,
  };
}

export type ModelChoice = ReturnType<typeof useModelChoice>;
