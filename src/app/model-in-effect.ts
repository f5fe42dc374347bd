/**
 * Which model a workbook is checked against: the one place this is decided, for the command line, the
 * pane's engine and the ribbon command. A model file the user chose comes first, then the workbook's
 * own Model sheet, then the default model, but the default only where the workbook names its priority
 * areas and funds (model/scope.ts); otherwise no model applies and the workbook is checked without one.
 */
import { toA1 } from '../sheet/a1';
import { findSheet, type GridWorkbook } from '../sheet/grid';
import { defaultModel } from '../model/json';
import { MODEL_SHEET_NAME, readModelSheet } from '../model/model-sheet';
import { neutralModel } from '../model/neutral';
import { describeEvidence, EVIDENCE, modelEvidence, type ModelEvidence } from '../model/scope';
import type { CommissioningModel, ModelInEffect } from '../model/types';

export interface ModelSources {
  /** A model file the user chose (`--model`, or chosen in the pane), already read. */
  readonly file?: { readonly model: CommissioningModel; readonly path: string };
  /** How the workbook is named in messages: its path or label. */
  readonly workbookLabel: string;
  /** The workbook's organisation when no model applies (`--organisation`). */
  readonly organisation?: string;
}

export function chooseModel(workbook: GridWorkbook, sources: ModelSources): ModelInEffect {
  if (sources.file) return { model: sources.file.model, origin: { kind: 'json', path: sources.file.path } };
  const sheet = findSheet(workbook, MODEL_SHEET_NAME);
  // A Model sheet that cannot be read fails with its problems (ModelError): never a silent fallback.
  if (sheet) return { model: readModelSheet(sheet, sheet.name), origin: { kind: 'workbook', path: sources.workbookLabel, sheet: sheet.name } };
  return defaultModelIfItApplies(workbook, sources.organisation);
}

/** The default model where the workbook names its priority areas and funds; otherwise none. */
export function defaultModelIfItApplies(workbook: GridWorkbook, organisation?: string): ModelInEffect {
  const model = defaultModel();
  const evidence = modelEvidence(workbook, model, (grid) => grid.name.trim().toLowerCase() === MODEL_SHEET_NAME.toLowerCase());
  if (evidence.applies) return { model, origin: { kind: 'default' } };
  return { model: neutralModel(organisation), origin: { kind: 'none', reason: whyNotDefault(model, evidence) } };
}

function whyNotDefault(model: CommissioningModel, evidence: ModelEvidence): string {
  const who = model.organisation.shortName || model.organisation.name;
  const needed = `${EVIDENCE.entries} of its priority areas, funds or its name, one of them a priority area`;
  if (evidence.named.length === 0) return `the workbook names none of the default model's (${who}) priority areas or funds`;
  const named = describeEvidence(evidence.named, (n) => `${n.sheet}!${toA1(n.cell.row, n.cell.col)}`);
  return `the workbook names only ${named} of the default model's (${who}), where ${needed} would show the model describes it`;
}

/** One line for people: what the workbook was checked against. */
export function describeOrigin(inEffect: ModelInEffect): string {
  const origin = inEffect.origin;
  switch (origin.kind) {
    case 'default':
      return 'the default model, built from the MOPAC audit-panel reports of January 2020 and October 2021';
    case 'json':
      return `the model file ${origin.path}`;
    case 'workbook':
      return `the "${origin.sheet}" sheet of ${origin.path}`;
    case 'none':
      return `no model (${origin.reason})`;
  }
}

/** The one-line notice a check without a model prints, and what to do for one. */
export function noModelNotice(inEffect: ModelInEffect): string | undefined {
  if (inEffect.origin.kind !== 'none') return undefined;
  return (
    `No model applies: ${inEffect.origin.reason}. Checked for structure, arithmetic, notation and registers; ` +
    'to check against a model, pass --model, add a Model sheet, or propose one with `commissioning model init`.'
  );
}
