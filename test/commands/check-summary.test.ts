/** The ribbon command's summary: what the dialog is told, kept short enough for a dialog URL. */
import type { Finding } from '../../src/checks/finding';
import { TOP_FINDINGS, decodeSummary, encodeSummary, readinessLine, summarise } from '../../src/commands/check-summary';

function finding(severity: Finding['severity'], cell: string, message = `message at ${cell}`): Finding {
  return { rule: 'total-mismatch', severity, sheet: 'LCPF boroughs', cell, message };
}

test('lists the first errors, or the first warnings when there are no errors', () => {
  const errors = summarise(
    16,
    [finding('warning', 'A1'), finding('error', 'B2'), finding('error', 'C3')],
    { errors: 2, warnings: 1, info: 0 },
    'the default model',
  );
  expect(errors.top.map((t) => t.where)).toEqual(['LCPF boroughs!B2', 'LCPF boroughs!C3']);
  const warnings = summarise(1, [finding('info', 'A1'), finding('warning', 'D4')], { errors: 0, warnings: 1, info: 1 }, 'the default model');
  expect(warnings.top.map((t) => t.where)).toEqual(['LCPF boroughs!D4']);
  const many = summarise(
    1,
    Array.from({ length: 10 }, (_, i) => finding('error', `A${i + 1}`)),
    { errors: 10, warnings: 0, info: 0 },
    'm',
  );
  expect(many.top).toHaveLength(TOP_FINDINGS);
});

test('round-trips through the URL, and stays under 2,000 characters however long the messages', () => {
  const long = 'x'.repeat(5000);
  const summary = summarise(
    3,
    [finding('error', 'A1', long), finding('error', 'A2', long), finding('error', 'A3', long)],
    { errors: 3, warnings: 4, info: 5 },
    'the "Model" sheet',
  );
  const query = encodeSummary(summary);
  expect(query.length).toBeLessThanOrEqual(1800);
  const back = decodeSummary(query);
  expect(back.tables).toBe(3);
  expect(back.summary).toEqual({ errors: 3, warnings: 4, info: 5 });
  expect(back.model).toBe('the "Model" sheet');
  expect(back.top[0].message.endsWith('…')).toBe(true);
  expect(back.top[0].message.length).toBeLessThanOrEqual(180);
});

test('a failure travels too', () => {
  const back = decodeSummary(
    encodeSummary({ tables: 0, summary: { errors: 0, warnings: 0, info: 0 }, model: '', top: [], failure: 'Model!B4: "x" is not an amount' }),
  );
  expect(back.failure).toBe('Model!B4: "x" is not an amount');
});

test('nonsense in the URL reads as zero, never as NaN', () => {
  expect(decodeSummary('errors=lots&warnings=-2').summary).toEqual({ errors: 0, warnings: 0, info: 0 });
});

test('the readiness line', () => {
  expect(readinessLine({ errors: 1, warnings: 0, info: 0 })).toBe('1 error open: not ready for the panel');
  expect(readinessLine({ errors: 4, warnings: 2, info: 0 })).toBe('4 errors open: not ready for the panel');
  expect(readinessLine({ errors: 0, warnings: 9, info: 0 })).toBe('No errors open');
});
