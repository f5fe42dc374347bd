/** The pane's settings: read from typed thresholds, checked, stored, and laid over the model. */
import { defaultModel } from '../../src/model/json';
import { parseStoredSettings, settingsOf, settingsProblems, withSettings, type PaneSettings } from '../../src/app/settings';
import { ragFromInputs, sameSettings, thresholdFromInput } from '../../src/taskpane/settings';

const base: PaneSettings = settingsOf(defaultModel());

test('thresholds typed as people type them', () => {
  expect(thresholdFromInput('5', 'percent')).toBe('5');
  expect(thresholdFromInput(' 7.5% ', 'percent')).toBe('7.5');
  expect(thresholdFromInput('£100,000', 'pounds')).toBe('100000');
  expect(thresholdFromInput('£0.5m', 'pounds')).toBe('500000');
  expect(thresholdFromInput('£400k', 'pounds')).toBe('400000');
  expect(thresholdFromInput('', 'pounds')).toBeUndefined();
  expect(thresholdFromInput('five', 'percent')).toBeUndefined();
  expect(thresholdFromInput('-5', 'percent')).toBeUndefined();
});

test('RAG inputs: each bad field named, and red may not come before amber', () => {
  expect(ragFromInputs({ amberPct: '5', redPct: '10', amberAbs: '£100k', redAbs: '£0.5m' })).toEqual({
    rag: { amberPct: '5', redPct: '10', amberAbs: '100000', redAbs: '500000' },
    problems: {},
  });
  const bad = ragFromInputs({ amberPct: 'x', redPct: '10', amberAbs: '600000', redAbs: '500000' });
  expect(bad.rag).toBeUndefined();
  expect(Object.keys(bad.problems).sort()).toEqual(['amberPct', 'redAbs']);
  expect(bad.problems.redAbs).toBe('Red must be at or above amber.');
});

test('settings problems in words', () => {
  expect(settingsProblems(base)).toEqual([]);
  expect(settingsProblems({ ...base, displayDecimals: 7 })).toEqual(['Decimal places must be a whole number from 0 to 4.']);
  expect(settingsProblems({ ...base, rag: { ...base.rag, amberPct: '20' } })).toEqual(['Amber % must not be above red %: amber warns before red.']);
});

test('stored settings are used only when whole and valid', () => {
  const changed: PaneSettings = { ...base, displayUnit: '£k', displayDecimals: 0 };
  expect(parseStoredSettings(JSON.stringify(changed))).toEqual(changed);
  expect(parseStoredSettings(null)).toBeNull();
  expect(parseStoredSettings('{not json')).toBeNull();
  expect(parseStoredSettings(JSON.stringify({ ...changed, rag: { amberPct: '5' } }))).toBeNull();
  expect(parseStoredSettings(JSON.stringify({ ...changed, displayDecimals: 12 }))).toBeNull();
  expect(parseStoredSettings(JSON.stringify({ ...changed, roundingPolicy: 'banker' }))).toBeNull();
  expect(parseStoredSettings(JSON.stringify({ ...changed, negatives: 'red' }))).toBeNull();
  expect(parseStoredSettings(JSON.stringify({ ...changed, negatives: 'brackets' }))?.negatives).toBe('brackets');
  // Saved before negatives could be chosen: shown with a minus, as they were then.
  const older = JSON.stringify(changed, (key, value: unknown) => (key === 'negatives' ? undefined : value));
  expect(older).not.toContain('negatives');
  expect(parseStoredSettings(older)?.negatives).toBe('minus');
});

test('laid over a model, settings replace its display and thresholds but not its variance convention', () => {
  const model = defaultModel();
  const changed: PaneSettings = {
    displayUnit: '£',
    displayDecimals: 2,
    roundingPolicy: 'largest-remainder',
    rag: { amberPct: '1', redPct: '2', amberAbs: '3', redAbs: '4' },
    negatives: 'brackets',
  };
  const over = withSettings(model, changed);
  expect(over.settings).toEqual({ ...changed, varianceConvention: model.settings.varianceConvention });
  expect(over.priorityAreas).toBe(model.priorityAreas);
  expect(withSettings(model, null)).toBe(model);
  expect(sameSettings(settingsOf(over), changed)).toBe(true);
  expect(sameSettings(base, changed)).toBe(false);
});
