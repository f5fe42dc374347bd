/**
 * Generated line-level budgets for benchmarks and large-input tests: a realistic mix of the model's
 * names, years and figures, deterministic for a given size.
 */
import type { CommissioningModel } from '../model/types';
import { Grid } from '../sheet/grid';

export const LINE_HEADERS = ['Ref', 'Line', 'Priority area', 'Funding stream', 'Programme', 'Borough', 'Year', 'Budget £', 'Forecast £', 'Variance £'];

/** A small linear congruential generator: the same lines for the same seed, without Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function* generateLines(model: CommissioningModel, count: number, seed = 2019): Generator<(string | number)[]> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const activities = ['Victim support', 'Youth outreach', 'Advocacy', 'Triage', 'Mentoring', 'Rescue and response', 'Counselling', 'Training'];
  for (let i = 0; i < count; i++) {
    const budgetPence = Math.floor(next() * 50_000_000) + 100_000; // £1,000 to £501,000
    const budget = budgetPence / 100;
    // Most lines run to budget; about one in seven drifts by up to 15% either way, as real budgets do.
    const drift = next() < 0.85 ? 0 : Math.floor((next() - 0.5) * budgetPence * 0.3);
    const forecast = (budgetPence + drift) / 100;
    yield [
      `L${String(i + 1).padStart(7, '0')}`,
      `${pick(activities)} ${i + 1}`,
      pick(model.priorityAreas).name,
      pick(model.fundingStreams).name,
      pick(model.programmes).name,
      pick(model.boroughs).name,
      pick(model.years),
      budget,
      forecast,
      drift / 100,
    ];
  }
}

/** A "Budget lines" sheet of `count` generated lines under a header row. */
export function generateBudgetGrid(model: CommissioningModel, count: number, seed = 2019): Grid {
  const grid = new Grid('Budget lines');
  LINE_HEADERS.forEach((h, c) => grid.set(0, c, h));
  let row = 1;
  for (const values of generateLines(model, count, seed)) {
    values.forEach((v, c) => grid.set(row, c, v));
    row++;
  }
  return grid;
}
