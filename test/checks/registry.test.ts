/**
 * The rule registry is the one description of the rules: every id has exactly one definition, every
 * definition is complete, and every finding the checker makes on real workbooks is worded by its rule's templates.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { readWorkbookFile } from '../../src/app/read-workbook';
import { RULE_IDS } from '../../src/checks/finding';
import { fillTemplate, placeholdersOf } from '../../src/checks/rules/meta';
import { RULES, ruleMeta } from '../../src/checks/rules/registry';
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import { matchesATemplate } from './rule-tester';

const ROOT = join(__dirname, '..', '..');
const WORKBOOKS = [
  join(ROOT, 'assets', 'samples', 'commissioning-2019-20.xlsx'),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'public'))
    .filter((name) => name.endsWith('.xlsx'))
    .map((name) => join(ROOT, 'test', 'fixtures', 'public', name)),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'public', 'formulas'))
    .filter((name) => name.endsWith('.xlsx'))
    .map((name) => join(ROOT, 'test', 'fixtures', 'public', 'formulas', name)),
];

describe('rule registry', () => {
  it('defines every rule id exactly once, in RULE_IDS order', () => {
    expect(RULES.map((meta) => meta.id)).toEqual([...RULE_IDS]);
  });

  it.each(RULE_IDS.map((id) => [id]))('%s says what it checks, why, how to fix and where, in sentences', (id) => {
    const meta = ruleMeta(id)!;
    expect(meta.title.length).toBeGreaterThan(3);
    for (const text of [meta.checks, meta.why, meta.fix]) expect(text).toMatch(/[.)”]$/);
    expect(meta.reportedAt).toMatch(/^the |^each /);
    expect(['error', 'warning', 'info']).toContain(meta.severity);
  });

  it('has templates whose placeholders all fill', () => {
    for (const meta of RULES) {
      for (const template of Object.values(meta.messages)) {
        const data = Object.fromEntries(placeholdersOf(template).map((name) => [name, `<${name}>`]));
        expect(fillTemplate(template, data)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('refuses a template given too few or too many values, so no finding says half a sentence', () => {
    expect(() => fillTemplate('Total {label} is {amount}.', { label: 'A' })).toThrow(/\{amount\}/);
    expect(() => fillTemplate('Total {label}.', { label: 'A', amount: '1' })).toThrow(/no place for \{amount\}/);
    expect(fillTemplate('Total {label} is {amount}.', { label: 'A', amount: '£1' })).toBe('Total A is £1.');
  });

  it('words every finding on the sample and the public workbooks by one of its rule’s templates', async () => {
    const unmatched: string[] = [];
    let checked = 0;
    for (const file of WORKBOOKS) {
      const workbook = await readWorkbookFile(new Uint8Array(readFileSync(file)), file, undefined);
      for (const finding of checkWorkbook(workbook, defaultModel(), { today: new Date(Date.UTC(2026, 10, 22)) }).findings) {
        checked++;
        if (!matchesATemplate(finding.rule, finding.message)) unmatched.push(`${finding.rule}: ${finding.message}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(unmatched).toEqual([]);
  }, 120_000);
});
