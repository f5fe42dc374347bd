/**
 * What `commissioning check` prints about reviewers' decisions: the decided findings in their own
 * section after the open ones (each with its decision, reason and date), decisions that no longer match
 * a finding, and anything in the decisions sheet that could not be read.
 */
import { unmatchedText, type DecisionsOutcome } from '../app/decisions';
import { decisionKindWord } from '../checks/decisions';
import type { Finding, FindingDecision, FindingSummary } from '../checks/finding';

/** "Accepted 2020-01-08: Rounding explained"; an ignored finding may have no reason. */
function decisionText(decision: FindingDecision): string {
  const reason = decision.reason.trim();
  return `${decisionKindWord(decision.kind)} ${decision.date}${reason ? `: ${reason}` : ''}`;
}

/** The Decided section: empty when no finding is decided. */
export function decidedSection(findings: readonly Finding[]): string[] {
  const decided = findings.filter((f) => f.decision);
  if (decided.length === 0) return [];
  const lines = ['', `Decided (${decided.length}, not counted as open)`];
  for (const f of decided) {
    lines.push(`  ${`${f.sheet}!${f.cell}`} ${f.severity} ${f.rule}`);
    lines.push(`         ${f.message}`);
    lines.push(`         ${decisionText(f.decision!)}`);
  }
  return lines;
}

/** "; 1 decided" after the summary's counts, nothing when no finding is decided (the counts are then as ever). */
export function decidedSuffix(summary: FindingSummary): string {
  return summary.decided ? `; ${summary.decided} decided` : '';
}

/** Decisions that no longer match, and decisions sheet problems, one line each. */
export function decisionNotes(outcome: DecisionsOutcome): string[] {
  const lines: string[] = [];
  const unmatched = unmatchedText(outcome);
  if (unmatched) {
    const where = outcome.unmatched.map((d) => `${d.sheet}!${d.cell} ${d.rule}`).join(', ');
    lines.push(`  ${unmatched} (a figure changed or the finding went): ${where}`);
  }
  for (const problem of outcome.problems) lines.push(`  decisions: ${problem}`);
  return lines;
}

/** The decisions part of `check --json`: undefined when the workbook keeps no decisions and there is nothing to say. */
export function decisionsJson(outcome: DecisionsOutcome): unknown {
  if (outcome.sheet === undefined && outcome.problems.length === 0) return undefined;
  return { sheet: outcome.sheet ?? null, decisions: outcome.all.length, unmatched: outcome.unmatched, problems: outcome.problems };
}
