/**
 * The formula audit: what a reviewer checks in a table's formulas (ranges that miss lines, a formula
 * unlike its neighbours, a constant plugged into arithmetic, a typed figure among formulas, double
 * counting, arithmetic over blanks or text). Each rule module looks at one table.
 */
import { appendAll } from '../../../util/append';
import type { Finding } from '../../finding';
import type { TableRule } from '../rule';
import { constantRuleDefinitions, constantRules } from './constants';
import { inputRuleDefinitions, inputRules } from './inputs';
import { operandRuleDefinitions, operandRules } from './operands';
import { rangeRules } from './ranges';
import { rangeRuleDefinitions } from './ranges.meta';
import { shapeRuleDefinitions, shapeRules } from './shapes';

/** The formula audit's rules, as they describe themselves, in RULE_IDS order. */
export const formulaRuleDefinitions = [
  ...rangeRuleDefinitions,
  ...shapeRuleDefinitions,
  ...constantRuleDefinitions,
  ...inputRuleDefinitions,
  ...operandRuleDefinitions,
] as const;

const FORMULA_RULES: readonly TableRule[] = [rangeRules, inputRules, shapeRules, constantRules, operandRules];

export const formulaRules: TableRule = (table, ctx) => {
  const findings: Finding[] = [];
  for (const rule of FORMULA_RULES) appendAll(findings, rule(table, ctx));
  return findings;
};
