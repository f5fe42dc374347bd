import { checkWorkbook } from '../../src/checks/runner';
import { rollupWorkbook } from '../../src/analysis/rollup';
import { generateBudgetGrid } from '../../src/bench/generate';
import { defaultModel } from '../../src/model/json';

describe('a 200,000-line budget', () => {
  it('is checked and rolled up without overflowing anything, every line counted', () => {
    const model = defaultModel();
    const workbook = { sheets: [generateBudgetGrid(model, 200_000)] };
    const check = checkWorkbook(workbook, model);
    const rollup = rollupWorkbook(workbook, model, ['priority-area'], { tables: check.tables });
    expect(rollup.total.lines).toBe(200_000);
    expect(check.tables).toHaveLength(1);
  }, 120_000);
});
