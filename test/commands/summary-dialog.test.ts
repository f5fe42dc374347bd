/** @jest-environment jsdom */
/** The summary dialog page: what it shows, and that Close asks the command to close it. */
import '@testing-library/jest-dom';
import { getByRole, getByText } from '@testing-library/dom';
import { renderSummary } from '../../src/commands/summary-dialog';

test('shows the readiness line, the counts, the first errors, and says nothing was changed', () => {
  const root = document.createElement('main');
  document.body.append(root);
  let closed = 0;
  renderSummary(
    root,
    {
      tables: 16,
      summary: { errors: 4, warnings: 20, info: 23 },
      model: 'the default model',
      top: [{ where: 'Budget lines!H1', message: 'All lines sum to £53.8m' }],
    },
    () => closed++,
  );
  expect(getByText(root, '4 errors open: not ready for the panel')).toHaveClass('bad');
  expect(getByText(root, '16 tables checked against the default model: 4 errors, 20 warnings, 23 info.')).toBeInTheDocument();
  expect(getByRole(root, 'listitem')).toHaveTextContent('Budget lines!H1: All lines sum to £53.8m');
  expect(getByText(root, /Nothing in the workbook was changed/)).toBeInTheDocument();
  const close = getByRole(root, 'button', { name: 'Close' });
  expect(close).toHaveFocus();
  close.click();
  expect(closed).toBe(1);
});

test('a check that could not run says so and what to do', () => {
  const root = document.createElement('main');
  document.body.append(root);
  renderSummary(root, { tables: 0, summary: { errors: 0, warnings: 0, info: 0 }, model: '', top: [], failure: 'Model!B4: "x" is not an amount' }, () => {});
  expect(getByText(root, 'The check could not run.')).toBeInTheDocument();
  expect(getByText(root, 'Model!B4: "x" is not an amount')).toBeInTheDocument();
  expect(getByText(root, /Open the Commissioning pane/)).toBeInTheDocument();
});
