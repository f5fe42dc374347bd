/**
 * The checker on the generated corpus: every clean table is read as expected and draws no error or
 * warning but the model's own, and an injected arithmetic fault is reported at its cell. The few
 * cases the structure layer does not read right yet are named with the reason, and the test fails
 * when one of them starts to pass, so the list only shrinks.
 */
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { scoreTable } from '../structure/score';
import { LAYOUTS, injectFault, supportedFaults } from './index';
import type { CorpusCase } from './types';

const TODAY = new Date(Date.UTC(2026, 10, 22));
const SEEDS = [1, 2, 3, 4, 5, 6];
/** Findings about the model rather than the arithmetic: allowed on a clean workbook. */
const MODEL_RULES = new Set([
  'reconciliation-mismatch',
  'unknown-priority-area',
  'unknown-funding-stream',
  'unknown-programme',
  'unknown-borough',
  'variance-threshold',
]);

const KNOWN_GAPS: Readonly<Record<string, string>> = {};

function problemsWith(c: CorpusCase, seed: number): string[] {
  const result = checkWorkbook(c.workbook, defaultModel(), { today: TODAY });
  const alarms = result.findings
    .filter((f) => f.severity !== 'info' && !MODEL_RULES.has(f.rule))
    .map((f) => `false alarm ${f.sheet}!${f.cell} ${f.rule}: ${f.message}`);
  const misread = c.tables.flatMap((t) => scoreTable(t, result.tables).problems.map((p) => `misread ${t.sheet}!${t.range}: ${p}`));
  const missed: string[] = [];
  if (supportedFaults(c).length > 0) {
    const { case: faulty, fault } = injectFault(c, seed);
    const found = checkWorkbook(faulty.workbook, defaultModel(), { today: TODAY }).findings;
    // A broken variance (variance = forecast − budget) is the variance rule's to report, at the same cell.
    const rules = fault.rule === 'total-mismatch' ? ['total-mismatch', 'variance-mismatch'] : [fault.rule];
    if (!found.some((f) => f.sheet === fault.sheet && f.cell === fault.cell && rules.includes(f.rule))) missed.push(`fault missed: ${fault.description}`);
  }
  return [...alarms, ...misread, ...missed];
}

describe.each(Object.keys(LAYOUTS))('corpus layout %s', (layout) => {
  it.each(SEEDS)('reads seed %i as expected, with no false alarm, and finds an injected fault at its cell', (seed) => {
    const problems = problemsWith(LAYOUTS[layout](seed), seed);
    const gap = KNOWN_GAPS[`${layout} ${seed}`];
    if (gap) expect(problems.length).toBeGreaterThan(0);
    else expect(problems).toEqual([]);
  });
});

it('names only known gaps that exist', () => {
  for (const key of Object.keys(KNOWN_GAPS)) expect(Object.keys(LAYOUTS)).toContain(key.split(' ')[0]);
});
