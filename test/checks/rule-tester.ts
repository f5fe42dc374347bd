/**
 * A rule's tests as data, the way ESLint's RuleTester takes them: valid workbooks where the rule says nothing,
 * invalid ones with the findings it must make (cell, severity, message). Each finding's message is also
 * checked against the rule's own templates, so a rule cannot word a finding its meta does not declare.
 */
import { checkWorkbook } from '../../src/checks/runner';
import type { Finding, RagStatus, RuleId, Severity } from '../../src/checks/finding';
import { ALSO_EXPLAINS } from '../../src/checks/rules/formulas/explained';
import { ruleMeta } from '../../src/checks/rules/registry';
import { defaultModel } from '../../src/model/json';
import type { CommissioningModel } from '../../src/model/types';
import type { Grid } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';

type Rows = Parameters<typeof gridOf>[1];

export interface RuleCase {
  readonly name: string;
  /** One sheet's rows (named "Sheet1"), or several sheets by name. */
  readonly sheet?: Rows;
  readonly sheets?: Readonly<Record<string, Rows>>;
  readonly model?: CommissioningModel;
  /** The date "today" is taken to be (register dates); 22 November 2026 unless given. */
  readonly today?: Date;
}

export interface ExpectedFinding {
  readonly cell: string;
  readonly sheet?: string;
  readonly severity?: Severity;
  /** The whole message, or a pattern it must match. */
  readonly message?: string | RegExp;
  readonly expected?: string;
  readonly actual?: string;
  readonly suggestion?: string;
  /** The RAG status the finding must carry; 'none' where it must carry none. */
  readonly status?: RagStatus | 'none';
  /** The findings it must name as about the same difference, as "Sheet!A1 rule"; [] where it must name none. */
  readonly related?: readonly string[];
}

export interface InvalidCase extends RuleCase {
  readonly findings: readonly ExpectedFinding[];
}

export interface RuleCases {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidCase[];
}

const TODAY = new Date(Date.UTC(2026, 10, 22));

function gridsOf(c: RuleCase): Grid[] {
  if (c.sheets) return Object.entries(c.sheets).map(([name, rows]) => gridOf(name, rows));
  if (c.sheet) return [gridOf('Sheet1', c.sheet)];
  throw new Error(`Case "${c.name}" gives neither sheet nor sheets`);
}

/** The findings `rule` makes on the case's workbook, after every other rule has run as in a real check. */
export function findingsOf(rule: RuleId, c: RuleCase): Finding[] {
  const result = checkWorkbook({ sheets: gridsOf(c) }, c.model ?? defaultModel(), { today: c.today ?? TODAY });
  return result.findings.filter((f) => f.rule === rule);
}

/** A template as a pattern: its fixed words literally, each placeholder as any text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

/** True when the message is one of the rule's templates filled in, or one with the "also why the total…" ending. */
export function matchesATemplate(rule: RuleId, message: string): boolean {
  const meta = ruleMeta(rule);
  if (!meta) return false;
  const templates = Object.values(meta.messages);
  const withEnding = templates.map((template) => ALSO_EXPLAINS.replace('{message}', () => template));
  return [...templates, ...withEnding].some((template) => templatePattern(template).test(message));
}

function expectFinding(actual: Finding, wanted: ExpectedFinding): void {
  expect(actual.cell).toBe(wanted.cell);
  if (wanted.sheet !== undefined) expect(actual.sheet).toBe(wanted.sheet);
  if (wanted.severity !== undefined) expect(actual.severity).toBe(wanted.severity);
  if (typeof wanted.message === 'string') expect(actual.message).toBe(wanted.message);
  else if (wanted.message) expect(actual.message).toMatch(wanted.message);
  for (const field of ['expected', 'actual', 'suggestion'] as const) {
    if (wanted[field] !== undefined) expect(actual[field]).toBe(wanted[field]);
  }
  if (wanted.status !== undefined) expect(actual.status ?? 'none').toBe(wanted.status);
  if (wanted.related !== undefined) expect((actual.related ?? []).map((r) => `${r.sheet}!${r.cell} ${r.rule}`)).toEqual(wanted.related);
}

/** Declares a jest block for one rule: each valid case gives no finding, each invalid case exactly the findings listed. */
export function testRule(rule: RuleId, cases: RuleCases): void {
  describe(`rule ${rule}`, () => {
    it('declares its meta in the registry: a title, sentences on what, why and how to fix, and its messages', () => {
      const meta = ruleMeta(rule);
      expect(meta?.id).toBe(rule);
      expect(meta?.title).toMatch(/^\S.{2,60}$/);
      for (const sentence of [meta?.checks, meta?.why, meta?.fix]) expect(sentence).toMatch(/^[A-Z“(=`'].{10,}[.)”]$/s);
      expect(Object.keys(meta?.messages ?? {}).length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`says nothing: ${c.name}`, () => expect(findingsOf(rule, c)).toEqual([]));
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const found = findingsOf(rule, c);
        expect(found.map((f) => f.cell)).toEqual(c.findings.map((f) => f.cell));
        found.forEach((f, i) => {
          expectFinding(f, c.findings[i]);
          expect(matchesATemplate(rule, f.message)).toBe(true);
        });
      });
    }
  });
}
