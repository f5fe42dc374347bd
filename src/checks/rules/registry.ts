/**
 * Every rule the checker has, with what it says about itself (meta.ts). The catalogue (docs/rules.md) and the
 * pane's rule help are generated from this list; a test fails if a rule id has no definition here.
 */
import { RULE_IDS, type RuleId } from '../finding';
import { calculationRuleDefinitions } from './calculation';
import { cellRuleDefinitions } from './cells.meta';
import { duplicateRuleDefinitions } from './duplicates';
import { formulaRuleDefinitions } from './formulas';
import type { Rule, RuleMeta } from './meta';
import { nameRuleDefinitions } from './names.meta';
import { ratioRuleDefinitions } from './ratios';
import { reconciliationRuleDefinitions } from './reconciliation.meta';
import { registerRuleDefinitions } from './register';
import { totalRuleDefinitions } from './totals.meta';
import { varianceRuleDefinitions } from './variance';

const DEFINITIONS: readonly Rule<string>[] = [
  ...cellRuleDefinitions,
  ...totalRuleDefinitions,
  ...ratioRuleDefinitions,
  ...varianceRuleDefinitions,
  ...nameRuleDefinitions,
  ...duplicateRuleDefinitions,
  ...registerRuleDefinitions,
  ...reconciliationRuleDefinitions,
  ...formulaRuleDefinitions,
  ...calculationRuleDefinitions,
];

/** The rules' meta in RULE_IDS order. */
export const RULES: readonly RuleMeta[] = RULE_IDS.flatMap((id) => DEFINITIONS.filter((d) => d.meta.id === id).map((d) => d.meta));

const BY_ID = new Map<RuleId, RuleMeta>(RULES.map((meta) => [meta.id, meta]));

/** What a rule says about itself; undefined only for an id no rule defines (a test forbids that). */
export function ruleMeta(id: RuleId): RuleMeta | undefined {
  return BY_ID.get(id);
}
