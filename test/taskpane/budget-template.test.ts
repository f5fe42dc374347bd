/** The budget template: columns the checker reads, the model's lists, names that never clash. */
import { defaultModel } from '../../src/model/json';
import { roleFromHeader } from '../../src/sheet/tables/header-roles';
import {
  DATA_VALIDATION_ERROR_MAX,
  DATA_VALIDATION_TITLE_MAX,
  budgetTemplate,
  fitTitle,
  freeSheetName,
  lineRange,
  listSource,
  listsSheetRows,
  validationAlert,
} from '../../src/taskpane/budget-template';

const model = defaultModel();

test('every header is one the checker reads, with the role its drop-down lists', () => {
  const template = budgetTemplate(model);
  const roles = template.columns.map((c) => roleFromHeader(c.header)?.role);
  expect(roles).toEqual([
    'ref',
    undefined,
    'priority-area',
    'funding-stream',
    'programme',
    'borough',
    'commissioning-model',
    'year',
    'budget',
    'forecast',
    'actual',
    'notes',
  ]);
  const listed = template.columns.filter((c) => c.list !== undefined).map((c) => [roleFromHeader(c.header)?.role, template.lists[c.list!].title]);
  expect(listed).toEqual([
    ['priority-area', 'Priority areas'],
    ['funding-stream', 'Funding streams'],
    ['programme', 'Programmes'],
    ['borough', 'Boroughs'],
    ['commissioning-model', 'Commissioning models'],
    ['year', 'Years'],
  ]);
});

test("the lists are the model's names", () => {
  const template = budgetTemplate(model);
  expect(template.lists[0].values).toEqual(model.priorityAreas.map((p) => p.name));
  expect(template.lists[3].values).toHaveLength(33);
  expect(template.lists[5].values).toEqual(model.years);
});

test('list sources and line ranges are absolute A1 on the lists sheet', () => {
  const template = budgetTemplate(model);
  expect(listSource(template, 0)).toBe(`='Budget template lists'!$A$2:$A$${model.priorityAreas.length + 1}`);
  expect(listSource(template, 3)).toBe("='Budget template lists'!$D$2:$D$34");
  expect(lineRange(template, 2)).toBe('C2:C501');
  const rows = listsSheetRows(template);
  expect(rows[0]).toEqual(template.lists.map((l) => l.title));
  expect(rows).toHaveLength(34);
  expect(rows[1][3]).toBe(model.boroughs[0].name);
  expect(rows[33][0]).toBe('');
});

test('sheet names step aside from existing ones, Excel-style (case-insensitive, at most 31 characters)', () => {
  expect(freeSheetName('Budget template', ['Budget lines'])).toBe('Budget template');
  expect(freeSheetName('Budget template', ['budget TEMPLATE'])).toBe('Budget template (2)');
  expect(freeSheetName('Budget template', ['Budget template', 'Budget template (2)'])).toBe('Budget template (3)');
  const long = 'A'.repeat(31);
  expect(freeSheetName(long, [long])).toBe(`${'A'.repeat(27)} (2)`);
  const template = budgetTemplate(model, ['Budget template']);
  expect(template.sheet).toBe('Budget template (2)');
  expect(template.listsSheet).toBe('Budget template (2) lists');
});

describe("the drop-downs' warnings fit Excel's limits (issue item 2)", () => {
  // Excel limits errorTitle and promptTitle to 32 characters (MS-OI29500 §2.1.613; the ECMA-376 schema's
  // ST_Xstring has no limit): a longer one makes office.js refuse the errorAlert and Excel repair an .xlsx.
  test('every list has an error title of at most 32 characters, and the message is within 224', () => {
    const template = budgetTemplate(model);
    expect(template.lists.map((_, i) => validationAlert(template, i).title)).toEqual([
      'Unknown priority area',
      'Unknown funding stream',
      'Unknown programme',
      'Unknown borough',
      'Unknown commissioning model',
      'Unknown year',
    ]);
    for (const [i, list] of template.lists.entries()) {
      expect(list.errorTitle.length).toBeLessThanOrEqual(DATA_VALIDATION_TITLE_MAX);
      expect(validationAlert(template, i).message.length).toBeLessThanOrEqual(DATA_VALIDATION_ERROR_MAX);
    }
    expect(DATA_VALIDATION_TITLE_MAX).toBe(32);
  });

  test('fitTitle cuts a longer title to 32 characters with an ellipsis, and keeps a short one', () => {
    expect(fitTitle("Not one of the model's commissioning models")).toBe("Not one of the model's commissi…");
    expect(fitTitle('x'.repeat(40))).toHaveLength(32);
    expect(fitTitle('Unknown year')).toBe('Unknown year');
    // Excel counts UTF-16 units: an emoji is two, and is never cut in half.
    expect(fitTitle('é'.repeat(30) + '😀😀')).toBe(`${'é'.repeat(30)}…`);
  });
});
