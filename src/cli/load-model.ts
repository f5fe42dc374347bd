/** Reads the model file a command was given, then lets the application layer decide which model applies. */
import type { GridWorkbook } from '../sheet/grid';
import type { ModelInEffect } from '../model/types';
import { defaultModel, loadModelJson } from '../model/json';
import { chooseModel } from '../app/model-in-effect';
import type { CliIo } from './io';

export { describeOrigin, noModelNotice } from '../app/model-in-effect';

export async function loadModelInEffect(
  io: CliIo,
  options: { readonly modelPath?: string; readonly workbook?: GridWorkbook; readonly workbookPath?: string; readonly organisation?: string },
): Promise<ModelInEffect> {
  let file: { model: ReturnType<typeof loadModelJson>; path: string } | undefined;
  if (options.modelPath !== undefined) {
    const text = new TextDecoder('utf-8').decode(await io.readFile(options.modelPath));
    file = { model: loadModelJson(text, options.modelPath), path: options.modelPath };
  }
  // With no workbook there is nothing for the default model to describe or not: it is shown as it is.
  if (!options.workbook && !file) return { model: defaultModel(), origin: { kind: 'default' } };
  return chooseModel(options.workbook ?? { sheets: [] }, {
    ...(file ? { file } : {}),
    workbookLabel: options.workbookPath ?? 'the workbook',
    ...(options.organisation !== undefined ? { organisation: options.organisation } : {}),
  });
}
