/** A check of a workbook against the model that applies to it, with the user's saved settings laid over that model. */
import { checkWorkbook, type CheckOptions, type CheckResult } from '../checks/runner';
import type { ModelInEffect } from '../model/types';
import type { GridWorkbook } from '../sheet/grid';
import { chooseModel, type ModelSources } from './model-in-effect';
import { withSettings, type PaneSettings } from './settings';

interface CheckedWorkbook {
  /** The model as chosen, without the settings (where it came from is what people are told). */
  readonly inEffect: ModelInEffect;
  readonly result: CheckResult;
}

/** A Model sheet that cannot be read throws its problems (ModelError), as everywhere a workbook's model is chosen. */
export function checkWithModel(workbook: GridWorkbook, sources: ModelSources, settings: PaneSettings | null, options: CheckOptions = {}): CheckedWorkbook {
  const inEffect = chooseModel(workbook, sources);
  return { inEffect, result: checkWorkbook(workbook, withSettings(inEffect.model, settings), options) };
}
