/** Reads the model file a command was given, then lets the application layer decide which model applies. */
import type { GridWorkbook } from '../sheet/grid';
import type { ModelInEffect } from '../model/types';
import { loadModelJson } from '../model/json';
import { chooseModel } from '../app/model-in-effect';
import type { CliIo } from './io';

export async function loadModelInEffect(
  io: CliIo,
  options: {
    readonly modelPath?: string | undefined;
    readonly workbook?: GridWorkbook | undefined;
    readonly workbookPath?: string | undefined;
    readonly organisation?: string | undefined;
  },
): Promise<ModelInEffect> {
  let file: { model: ReturnType<typeof loadModelJson>; path: string } | undefined;
  if (options.modelPath !== undefined) {
    const text = new TextDecoder('utf-8').decode(await io.readFile(options.modelPath));
    file = { model: loadModelJson(text, options.modelPath), path: options.modelPath };
  }
  return chooseModel(options.workbook, {
    ...(file ? { file } : {}),
    workbookLabel: options.workbookPath ?? 'the workbook',
    ...(options.organisation !== undefined ? { organisation: options.organisation } : {}),
  });
}
