/**
 * The rule catalogue as Markdown, generated from the rules' own meta (docs/rules.md; `npm run docs:rules`).
 * A test regenerates it and fails when the committed file has drifted from the rules.
 */
import type { RuleGroup, RuleMeta } from './meta';
import { RULES } from './registry';

// The pane's Rule help page imports it lazily, which the tool does not follow.
// ts-unused-exports:disable-next-line
export const GROUP_TITLES: Readonly<Record<RuleGroup, string>> = {
  figures: 'Figures that cannot be used as they stand',
  totals: 'Totals, headlines and ratios',
  variances: 'Variances',
  names: 'Names, years and repeats',
  register: 'Contracts and grants register',
  reconciliation: 'Figures against the model and other tables',
  formulas: 'Formulas',
  calculation: 'Calculation',
};

// Imported lazily by the pane's Rule help page.
// ts-unused-exports:disable-next-line
export const GROUP_ORDER = Object.keys(GROUP_TITLES) as RuleGroup[];

/** A table cell's text: pipes escaped and line breaks joined, so a sentence never breaks the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function severityText(meta: RuleMeta): string {
  return meta.otherSeverities ? `${meta.severity}; ${meta.otherSeverities}` : meta.severity;
}

function summaryRow(meta: RuleMeta): string {
  return `| [\`${meta.id}\`](#${meta.id}) | ${cell(severityText(meta))} | ${cell(meta.checks)} | ${cell(meta.reportedAt)} |`;
}

function ruleSection(meta: RuleMeta): string[] {
  return [
    `### ${meta.id}`,
    '',
    `**${meta.title}.** ${meta.checks}`,
    '',
    `- **Severity:** ${severityText(meta)}.`,
    `- **Reported at:** ${meta.reportedAt}.`,
    `- **Why it matters:** ${meta.why}`,
    `- **How to fix:** ${meta.fix}`,
    '',
  ];
}

/** The whole catalogue: a summary table (DESIGN.md's columns), then a section per rule, grouped. */
export function ruleCatalogueMarkdown(rules: readonly RuleMeta[] = RULES): string {
  const lines = [
    '# Rule catalogue',
    '',
    "<!-- Generated from the rules' meta (src/checks/rules/**) by `npm run docs:rules`; do not edit by hand. -->",
    '',
    'The ids are a public contract: the CLI, the pane, the Findings sheet and the tests use them.',
    '',
    '| rule | default severity | fires when | reported at |',
    '|---|---|---|---|',
    ...rules.map(summaryRow),
    '',
  ];
  for (const group of GROUP_ORDER) {
    const members = rules.filter((meta) => meta.group === group);
    if (members.length === 0) continue;
    lines.push(`## ${GROUP_TITLES[group]}`, '', ...members.flatMap(ruleSection));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
