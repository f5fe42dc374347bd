/**
 * Reviewers' decisions laid over a check, the one way every front door does it (the command line's
 * check and report, the pane, the ribbon): decided findings carry their decision and leave the open
 * counts, decisions that no longer match a finding are listed, and a decisions sheet that cannot be
 * read says why.
 */
import { applyDecisions, type Decision } from '../checks/decisions';
import { readDecisions, type DecisionsRead } from '../checks/decisions-sheet';
import { summarise } from '../checks/finding';
import { checkWorkbook, type CheckOptions, type CheckResult } from '../checks/runner';
import type { CommissioningModel } from '../model/types';
import type { GridWorkbook } from '../sheet/grid';

export interface DecisionsOutcome {
  /** The decisions sheet read, as the workbook names it; undefined when there is none. */
  readonly sheet?: string;
  /** Every decision in effect, matched or not (what a decisions sheet written now would hold). */
  readonly all: readonly Decision[];
  /** Decisions that match no finding of the sheets checked: a figure changed, or the finding went. */
  readonly unmatched: readonly Decision[];
  /** What in the decisions sheet could not be read. */
  readonly problems: readonly string[];
}

export interface DecidedCheck extends CheckResult {
  readonly decisions: DecisionsOutcome;
}

export function isDecidedCheck(result: CheckResult): result is DecidedCheck {
  return 'decisions' in result;
}

/**
 * `result` with `decisions` laid over it. `sheets`, when given, are the sheets checked (a check of one
 * sheet reports no decision about another as unmatched).
 */
export function withDecisions(result: CheckResult, decisions: DecisionsRead, sheets?: readonly string[]): DecidedCheck {
  const applied = applyDecisions(result.findings, decisions.decisions, sheets);
  return {
    ...result,
    findings: applied.findings,
    summary: summarise(applied.findings),
    decisions: {
      ...(decisions.sheet !== undefined ? { sheet: decisions.sheet } : {}),
      all: decisions.decisions,
      unmatched: applied.unmatched,
      problems: decisions.problems,
    },
  };
}

/** A check of the workbook with the decisions its decisions sheet keeps. */
export function checkWithDecisions(workbook: GridWorkbook, model: CommissioningModel, options: CheckOptions = {}): DecidedCheck {
  return withDecisions(
    checkWorkbook(workbook, model, options),
    readDecisions(workbook),
    workbook.sheets.map((g) => g.name),
  );
}

/** "2 decisions no longer match a finding", or undefined when every decision matches one. */
export function unmatchedText(outcome: DecisionsOutcome): string | undefined {
  const n = outcome.unmatched.length;
  if (n === 0) return undefined;
  return `${n} ${n === 1 ? 'decision no longer matches' : 'decisions no longer match'} a finding`;
}
