/** A check of a workbook against the model that applies to it, with the user's saved settings laid over that model. */
import type { CheckOptions } from '../checks/runner';
import type { ModelInEffect } from '../model/types';
import type { GridWorkbook } from '../sheet/grid';
import { checkWithDecisions, type DecidedCheck } from './decisions';
import { chooseModel, type ModelSources } from './model-in-effect';
import { withSettings, type PaneSettings } from './settings';

interface CheckedWorkbook {
  /** The model as chosen, without the settings (where it came from is what people are told). */
  readonly inEffect: ModelInEffect;
  /** With the decisions the workbook keeps laid over it (app/decisions.ts). */
  readonly result: DecidedCheck;
}

/** A Model sheet that cannot be read throws its problems (ModelError), as everywhere a workbook's model is chosen. */
export function checkWithModel(workbook: GridWorkbook, sources: ModelSources, settings: PaneSettings | null, options: CheckOptions = {}): CheckedWorkbook {
  const inEffect = chooseModel(workbook, sources);
  return { inEffect, result: checkWithDecisions(workbook, withSettings(inEffect.model, settings), options) };
}
