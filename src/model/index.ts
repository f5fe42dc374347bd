/** The commissioning model: types, validation, JSON load/save and the default, name matching, the Model sheet. */
export * from './types';
export {
  ModelError,
  type ModelProblem,
  validateModel,
  findModelProblems,
  formatProblem,
  isFiscalYear,
  fiscalYearSpan,
  isAmount,
  UNIT_IDS,
  VARIANCE_CONVENTIONS,
  ROUNDING_POLICIES,
} from './validate';
export { loadModelJson, saveModelJson, defaultModel, describeJsonError, locateJsonError } from './json';
export {
  normaliseName,
  resolveName,
  closestName,
  buildNameIndex,
  allowedEdits,
  editDistance,
  type Nameable,
  type NameIndex,
  type NameMatch,
} from './names';
export { writeModelSheet, readModelSheet, canonicalYearText, MODEL_SHEET_NAME, TABLE_TITLES } from './model-sheet';
