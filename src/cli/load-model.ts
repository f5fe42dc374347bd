/** Picks the model in effect: --model JSON, then the workbook's own Model sheet, then the default. */
import type { GridWorkbook } from '../sheet/grid';
import { findSheet } from '../sheet/grid';
import type { ModelInEffect } from '../model/types';
import { defaultModel, loadModelJson } from '../model/json';
import { readModelSheet } from '../model/model-sheet';
import type { CliIo } from './io';

export const MODEL_SHEET_NAME = 'Model';

export async function loadModelInEffect(
  io: CliIo,
  options: { readonly modelPath?: string; readonly workbook?: GridWorkbook; readonly workbookPath?: string },
): Promise<ModelInEffect> {
  if (options.modelPath !== undefined) {
    const bytes = await io.readFile(options.modelPath);
    const text = new TextDecoder('utf-8').decode(bytes);
    return { model: loadModelJson(text, options.modelPath), origin: { kind: 'json', path: options.modelPath } };
  }
  const sheet = options.workbook ? findSheet(options.workbook, MODEL_SHEET_NAME) : undefined;
  if (sheet) {
    return {
      model: readModelSheet(sheet, sheet.name),
      origin: { kind: 'workbook', path: options.workbookPath ?? 'the workbook', sheet: sheet.name },
    };
  }
  return { model: defaultModel(), origin: { kind: 'default' } };
}

export function describeOrigin(inEffect: ModelInEffect): string {
  const origin = inEffect.origin;
  switch (origin.kind) {
    case 'default':
      return 'the default model, built from the MOPAC audit-panel reports of January 2020 and October 2021';
    case 'json':
      return `the model file ${origin.path}`;
    case 'workbook':
      return `the "${origin.sheet}" sheet of ${origin.path}`;
  }
}
