/**
 * The formula audit: what a reviewer checks in a table's formulas (ranges that miss lines, a formula
 * unlike its neighbours, a constant plugged into arithmetic, a typed figure among formulas, double
 * counting, arithmetic over blanks or text). Each rule module looks at one table.
 */
import { appendAll } from '../../../util/append';
import type { Finding } from '../../finding';
import type { TableRule } from '../rule';
import { constantRules } from './constants';
import { inputRules } from './inputs';
import { operandRules } from './operands';
import { rangeRules } from './ranges';
import { shapeRules } from './shapes';

const FORMULA_RULES: readonly TableRule[] = [rangeRules, inputRules, shapeRules, constantRules, operandRules];

export const formulaRules: TableRule = (table, ctx) => {
  const findings: Finding[] = [];
  for (const rule of FORMULA_RULES) appendAll(findings, rule(table, ctx));
  return findings;
};
