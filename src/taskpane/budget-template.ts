/**
 * An empty line-level budget sheet for a team to fill in: the columns the checker reads as a budget
 * table, with the model's names offered as drop-downs so lines use names the checker knows. Pure: the
 * office.js host and the .xlsx download lay out the same template.
 */
import { excelNumberFormat } from '../money/format';
import type { CommissioningModel } from '../model/types';
import { columnLetters, quoteSheetName } from '../sheet/a1';

const BUDGET_TEMPLATE_SHEET = 'Budget template';
/** Rows that get drop-downs and formats: enough for a year of lines; the user may copy further down. */
const TEMPLATE_LINE_ROWS = 500;

interface TemplateColumn {
  /** Header text the table detector reads as the column's role. */
  readonly header: string;
  readonly width: number;
  /** Excel number format for the lines, for money columns. */
  readonly numFmt?: string;
  /** Index into BudgetTemplate.lists: the drop-down offered in this column. */
  readonly list?: number;
}

interface TemplateList {
  readonly title: string;
  readonly values: readonly string[];
  /**
   * Title of the warning shown when a line's value is not in the list: at most DATA_VALIDATION_TITLE_MAX
   * characters, since Excel refuses a longer one (the host's errorAlert) or repairs the file (an .xlsx).
   */
  readonly errorTitle: string;
}

/**
 * Excel's limit on a data validation's error and prompt titles, in characters. The ECMA-376 schema types
 * errorTitle and promptTitle as ST_Xstring, an unrestricted xsd:string, so only Excel's limit applies:
 * MS-OI29500 §2.1.613 ("Office limits the length of the value of the errorTitle attribute to 32
 * characters", the same for promptTitle; https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64)
 * and MS-XLSB §2.5.37 DValStrings. office.js's Excel.DataValidationErrorAlert.title
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationerroralert) documents no
 * limit but is held to the same one by Excel.
 */
export const DATA_VALIDATION_TITLE_MAX = 32;
/** Excel's limit on a data validation's error message (MS-OI29500 §2.1.613: 224 characters). */
export const DATA_VALIDATION_ERROR_MAX = 224;

/**
 * `text` cut to `max` characters, with an ellipsis when cut. Characters as Excel counts them: UTF-16
 * code units (an emoji counts two), never splitting a surrogate pair.
 */
export function fitTitle(text: string, max = DATA_VALIDATION_TITLE_MAX): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}

/** The warning a list column's drop-down shows for a value not in the list, within Excel's limits. */
interface ValidationAlert {
  readonly title: string;
  readonly message: string;
}

const VALIDATION_MESSAGE = 'Choose from the list, or add the name to the model (Model sheet) so the checker knows it.';

/** The warning for list `index` of the template, as both the office.js host and the .xlsx download show it. */
export function validationAlert(template: BudgetTemplate, index: number): ValidationAlert {
  return { title: fitTitle(template.lists[index].errorTitle), message: fitTitle(VALIDATION_MESSAGE, DATA_VALIDATION_ERROR_MAX) };
}

export interface BudgetTemplate {
  readonly sheet: string;
  readonly listsSheet: string;
  readonly columns: readonly TemplateColumn[];
  readonly lists: readonly TemplateList[];
  /** Rows below the header that get drop-downs and formats. */
  readonly lineRows: number;
}

/** The template for a model; `existingSheets` makes the sheet names unique in the workbook. */
export function budgetTemplate(model: CommissioningModel, existingSheets: readonly string[] = []): BudgetTemplate {
  // Error titles say what the value is not, within Excel's 32-character limit; the message says what to do.
  const lists: TemplateList[] = [
    { title: 'Priority areas', values: model.priorityAreas.map((p) => p.name), errorTitle: 'Unknown priority area' },
    { title: 'Funding streams', values: model.fundingStreams.map((f) => f.name), errorTitle: 'Unknown funding stream' },
    { title: 'Programmes', values: model.programmes.map((p) => p.name), errorTitle: 'Unknown programme' },
    { title: 'Boroughs', values: model.boroughs.map((b) => b.name), errorTitle: 'Unknown borough' },
    { title: 'Commissioning models', values: model.commissioningModels.map((c) => c.name), errorTitle: 'Unknown commissioning model' },
    { title: 'Years', values: [...model.years], errorTitle: 'Unknown year' },
  ];
  const pounds = excelNumberFormat('£', 0);
  const columns: TemplateColumn[] = [
    { header: 'Ref', width: 10 },
    { header: 'Line', width: 40 },
    { header: 'Priority area', width: 34, list: 0 },
    { header: 'Funding stream', width: 28, list: 1 },
    { header: 'Programme', width: 28, list: 2 },
    { header: 'Borough', width: 20, list: 3 },
    { header: 'Commissioning model', width: 22, list: 4 },
    { header: 'Year', width: 10, list: 5 },
    { header: 'Budget £', width: 14, numFmt: pounds },
    { header: 'Forecast £', width: 14, numFmt: pounds },
    { header: 'Actual £', width: 14, numFmt: pounds },
    { header: 'Notes', width: 40 },
  ];
  const sheet = freeSheetName(BUDGET_TEMPLATE_SHEET, existingSheets);
  const listsSheet = freeSheetName(`${sheet} lists`.slice(0, 31), existingSheets);
  return { sheet, listsSheet, columns, lists, lineRows: TEMPLATE_LINE_ROWS };
}

/** "Budget template", or "Budget template (2)" and so on when the name is taken (case-insensitive, as Excel compares). */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The cells holding list `index` on the lists sheet, absolute, for a data-validation source: ='Budget template lists'!$A$2:$A$6. */
export function listSource(template: BudgetTemplate, index: number): string {
  const column = columnLetters(index);
  const count = Math.max(1, template.lists[index].values.length);
  return `=${quoteSheetName(template.listsSheet)}!$${column}$2:$${column}$${count + 1}`;
}

/** The lists sheet as rows: titles across the top, each list down its column. */
export function listsSheetRows(template: BudgetTemplate): string[][] {
  const height = Math.max(...template.lists.map((l) => l.values.length));
  const rows: string[][] = [template.lists.map((l) => l.title)];
  for (let i = 0; i < height; i++) rows.push(template.lists.map((l) => l.values[i] ?? ''));
  return rows;
}

/** Where the line rows of a column are: "C2:C501". */
export function lineRange(template: BudgetTemplate, columnIndex: number): string {
  const column = columnLetters(columnIndex);
  return `${column}2:${column}${template.lineRows + 1}`;
}
