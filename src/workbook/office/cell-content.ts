/** One cell as office.js reports it, and how a person reads it: kept apart from the writers so the pane can show it without loading them. */

type OfficeValue = string | number | boolean;

/** A cell as office.js reports it: its value, and its formula (the value again for a constant). */
export interface CellContent {
  readonly value: OfficeValue;
  readonly formula: OfficeValue;
}

function isFormulaContent(content: CellContent): boolean {
  return typeof content.formula === 'string' && content.formula.startsWith('=') && content.formula !== content.value;
}

/** A cell's content as a person reads it: its formula, else its value; "nothing" for a blank. */
export function describeContent(content: CellContent): string {
  if (isFormulaContent(content)) return String(content.formula);
  return content.value === '' ? 'nothing' : String(content.value);
}
