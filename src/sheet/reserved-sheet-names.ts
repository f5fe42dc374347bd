/**
 * The sheets the product writes into a workbook, named once for every layer that writes, reads or
 * steps around them: the report sheets it generates and the Model sheet that holds the model.
 */

/** Sheets the product owns: it replaces them on every run and refuses to write over anything else. */
export const GENERATED_SHEET_NAMES = ['Findings', 'Rollup', 'Register', 'Panel report', 'Audit log'] as const;
export type GeneratedSheetName = (typeof GENERATED_SHEET_NAMES)[number];

/** The sheet that holds the commissioning model as tables a user edits (model/model-sheet.ts). */
export const MODEL_SHEET_NAME = 'Model';

/** Every name the product writes a sheet under: a workbook of the user's own should not use them. */
export const RESERVED_SHEET_NAMES = [...GENERATED_SHEET_NAMES, MODEL_SHEET_NAME] as const;
