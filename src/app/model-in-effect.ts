/**
 * Which model a workbook is checked against, and how to say where it came from: the one place both are
 * decided, for the command line, the pane and the ribbon command. A model file the user chose comes
 * first, then the workbook's own Model sheet, then the default model, but the default only where the
 * workbook names its priority areas and funds (model/scope.ts); otherwise no model applies and the
 * workbook is checked without one. With no workbook at all, the default model is shown as it is.
 */
import { toA1 } from '../sheet/a1';
import { findSheet, type GridWorkbook } from '../sheet/grid';
import { defaultModel } from '../model/json';
import { readModelSheet } from '../model/model-sheet';
import { MODEL_SHEET_NAME } from '../sheet/reserved-sheet-names';
import { neutralModel } from '../model/neutral';
import { describeEvidence, EVIDENCE, modelEvidence, type ModelEvidence } from '../model/scope';
import type { CommissioningModel, ModelInEffect } from '../model/types';

/** Whether the default model describes a workbook, and why not when it does not. */
type DefaultVerdict = { readonly applies: true } | { readonly applies: false; readonly reason: string };

/** A Model sheet as read: its name and the model it holds. */
interface ModelSheet {
  readonly sheet: string;
  readonly model: CommissioningModel;
}

/**
 * Where a model may come from, as a front door knows it. The workbook's parts are asked for only when
 * nothing before them decides, so a model file wins over a Model sheet that cannot be read, and the
 * default model's evidence is looked for only when it is needed.
 */
interface ModelChoices {
  /** A model file the user chose (`--model`, or chosen in the pane), already read. */
  readonly file?: { readonly model: CommissioningModel; readonly path: string };
  /** The workbook, when there is one. */
  readonly workbook?: {
    /** How the workbook is named in messages: its path or label. */
    readonly label: string;
    readonly modelSheet: () => ModelSheet | undefined;
    readonly defaultVerdict: () => DefaultVerdict;
  };
  /** The workbook's organisation when no model applies (`--organisation`). */
  readonly organisation?: string;
}

export function decideModel(choices: ModelChoices): ModelInEffect {
  if (choices.file) return { model: choices.file.model, origin: { kind: 'json', path: choices.file.path } };
  const workbook = choices.workbook;
  if (!workbook) return { model: defaultModel(), origin: { kind: 'default' } };
  const sheet = workbook.modelSheet();
  if (sheet) return { model: sheet.model, origin: { kind: 'workbook', path: workbook.label, sheet: sheet.sheet } };
  const verdict = workbook.defaultVerdict();
  if (verdict.applies) return { model: defaultModel(), origin: { kind: 'default' } };
  return { model: neutralModel(choices.organisation), origin: { kind: 'none', reason: verdict.reason } };
}

export interface ModelSources {
  /** A model file the user chose, already read. */
  readonly file?: { readonly model: CommissioningModel; readonly path: string };
  /** How the workbook is named in messages: its path or label. */
  readonly workbookLabel: string;
  /** The workbook's organisation when no model applies (`--organisation`). */
  readonly organisation?: string;
}

/** The model for a workbook read as grids (none: the default model as it is, unless a file was chosen). */
export function chooseModel(workbook: GridWorkbook | undefined, sources: ModelSources): ModelInEffect {
  return decideModel({
    ...(sources.file ? { file: sources.file } : {}),
    ...(workbook
      ? { workbook: { label: sources.workbookLabel, modelSheet: () => modelSheetOf(workbook), defaultVerdict: () => defaultVerdict(workbook) } }
      : {}),
    ...(sources.organisation !== undefined ? { organisation: sources.organisation } : {}),
  });
}

/** The workbook's Model sheet, read. One that cannot be read throws its problems (ModelError): never a silent fallback. */
export function modelSheetOf(workbook: GridWorkbook): ModelSheet | undefined {
  const grid = findSheet(workbook, MODEL_SHEET_NAME);
  return grid ? { sheet: grid.name, model: readModelSheet(grid, grid.name) } : undefined;
}

/** Whether the default model applies: where the workbook names enough of its priority areas and funds. */
export function defaultVerdict(workbook: GridWorkbook): DefaultVerdict {
  const model = defaultModel();
  const evidence = modelEvidence(workbook, model, (grid) => grid.name.trim().toLowerCase() === MODEL_SHEET_NAME.toLowerCase());
  return evidence.applies ? { applies: true } : { applies: false, reason: whyNotDefault(model, evidence) };
}

function whyNotDefault(model: CommissioningModel, evidence: ModelEvidence): string {
  const who = model.organisation.shortName || model.organisation.name;
  const needed = `${EVIDENCE.entries} of its priority areas, funds or its name, one of them a priority area`;
  if (evidence.named.length === 0) return `the workbook names none of the default model's (${who}) priority areas or funds`;
  const named = describeEvidence(evidence.named, (n) => `${n.sheet}!${toA1(n.cell.row, n.cell.col)}`);
  return `the workbook names only ${named} of the default model's (${who}), where ${needed} would show the model describes it`;
}

/**
 * How a description reads: `phrase` fits into a line of the command line's output; `sentence` stands on
 * its own, with what to do when no model applies (the pane's Model page); `brief` is a few words (the
 * ribbon command's dialog).
 */
type OriginWording = 'phrase' | 'sentence' | 'brief';

const DEFAULT_MODEL_IN_WORDS = 'the default model, built from the MOPAC audit-panel reports of January 2020 and October 2021';

/** What the workbook was checked against, in words for people. */
export function describeOrigin(inEffect: Pick<ModelInEffect, 'origin'>, wording: OriginWording = 'phrase'): string {
  const origin = inEffect.origin;
  if (wording === 'brief') return briefly(origin);
  if (wording === 'sentence') return inASentence(origin);
  switch (origin.kind) {
    case 'default':
      return DEFAULT_MODEL_IN_WORDS;
    case 'json':
      return `the model file ${origin.path}`;
    case 'workbook':
      return `the "${origin.sheet}" sheet of ${origin.path}`;
    case 'none':
      return `no model (${origin.reason})`;
  }
}

function inASentence(origin: ModelInEffect['origin']): string {
  switch (origin.kind) {
    case 'none':
      return `No model: ${origin.reason}. The workbook is checked for structure, arithmetic, notation and registers; choose a model file, insert a Model sheet, or create a model from this workbook to check it against one.`;
    case 'default':
      return `The${DEFAULT_MODEL_IN_WORDS.slice('the'.length)}.`;
    case 'json':
      return `The model file ${origin.path}, chosen in this pane (it takes precedence over the workbook's Model sheet).`;
    case 'workbook':
      return `The "${origin.sheet}" sheet of ${origin.path}.`;
  }
}

function briefly(origin: ModelInEffect['origin']): string {
  switch (origin.kind) {
    case 'none':
      return 'no model (the default model does not describe this workbook)';
    case 'default':
      return 'the default model';
    case 'json':
      return `the model file ${origin.path}`;
    case 'workbook':
      return `the "${origin.sheet}" sheet`;
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
