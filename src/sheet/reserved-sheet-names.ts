/**
 * The sheets the product writes into a workbook, named once for every layer that writes, reads or
 * steps around them: the report sheets it generates and the Model sheet that holds the model.
 */

/** Sheets the product owns: it replaces them on every run and refuses to write over anything else. */
export const GENERATED_SHEET_NAMES = ['Findings', 'Rollup', 'Register', 'Panel report', 'Audit log', 'Workbench decisions', 'Workbench log'] as const;
export type GeneratedSheetName = (typeof GENERATED_SHEET_NAMES)[number];

/**
 * The hidden sheet that keeps reviewers' decisions on findings (checks/decisions-sheet.ts). Named so a
 * user's own sheet is unlikely to share it; hidden, not very hidden, so an auditor can unhide and read it.
 */
export const DECISIONS_SHEET_NAME: GeneratedSheetName = 'Workbench decisions';

/**
 * The hidden sheet where "Apply" in the pane logs each cell it wrote (workbook/office/apply.ts): one row
 * per change, appended, never rewritten; owner-marked like the generated sheets so no check reads it.
 */
export const APPLY_LOG_SHEET_NAME: GeneratedSheetName = 'Workbench log';

/** The sheet that holds the commissioning model as tables a user edits (model/model-sheet.ts). */
export const MODEL_SHEET_NAME = 'Model';

/** Every name the product writes a sheet under: a workbook of the user's own should not use them. */
export const RESERVED_SHEET_NAMES = [...GENERATED_SHEET_NAMES, MODEL_SHEET_NAME] as const;
