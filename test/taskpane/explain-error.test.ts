/** Errors as the message bar shows them: what failed, why, and what to do next. */
import { ModelError } from '../../src/model/validate';
import { UnreadableWorkbookError } from '../../src/workbook/xlsx/errors';
import { NotOurSheetError } from '../../src/workbook/layout/errors';
import { EngineError, errorData } from '../../src/taskpane/engine/errors';
import { explainError, sentence } from '../../src/taskpane/explain-error';

/** As the pane receives them: rebuilt from what the worker sent. */
function viaWorker(error: Error): EngineError {
  return new EngineError(errorData(error));
}

test('an unreadable workbook: the reader says why, the pane says what to open instead', () => {
  const shown = explainError(viaWorker(new UnreadableWorkbookError('notes.xlsx is empty (0 bytes), so there is no workbook to read.')), 'Opening the workbook');
  expect(shown.title).toBe('The workbook could not be read');
  expect(shown.message).toBe('notes.xlsx is empty (0 bytes), so there is no workbook to read.');
  expect(shown.next).toMatch(/Open an \.xlsx workbook/);
});

test("a model's problems are listed, one per line", () => {
  const shown = explainError(viaWorker(new ModelError(['years[0]: "2019" is not a fiscal year', 'boroughs[2].gss: missing'])), 'Reading the model file m.json');
  expect(shown.title).toBe('The model cannot be used');
  expect(shown.details).toEqual(['years[0]: "2019" is not a fiscal year', 'boroughs[2].gss: missing']);
});

test('a sheet the add-in does not own is left alone, and the user is told to rename it', () => {
  const shown = explainError(viaWorker(new NotOurSheetError('Findings')), 'Writing the report');
  expect(shown.title).toBe('Nothing was written');
  expect(shown.message).toMatch(/^A sheet named "Findings" already exists and was not made by Commissioning Workbench/);
  expect(shown.next).toMatch(/Rename/);
});

test('Excel refusals name the Excel error code and the usual ways out', () => {
  const shown = explainError(
    { name: 'RichApi.Error', code: 'InvalidOperation', message: 'The operation is not allowed while editing a cell' },
    'Writing the report',
  );
  expect(shown.title).toBe('Excel refused: writing the report failed');
  expect(shown.message).toBe('The operation is not allowed while editing a cell. (Excel error InvalidOperation)');
  expect(shown.next).toMatch(/press Esc/);
});

test('anything else: what failed and to try again', () => {
  const shown = explainError(new Error('boom'), 'Checking the workbook');
  expect(shown).toEqual({ title: 'Checking the workbook failed', message: 'Boom.', next: 'Try again. If it keeps failing, reload the pane.', details: [] });
});

test('sentences start with a capital unless they start with a name', () => {
  expect(sentence('a sheet named "X" exists')).toBe('A sheet named "X" exists.');
  expect(sentence('notes.xlsx is empty.')).toBe('notes.xlsx is empty.');
  expect(sentence('360G-x is not a prefix')).toBe('360G-x is not a prefix.');
});
