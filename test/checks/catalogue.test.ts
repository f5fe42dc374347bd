/**
 * docs/rules.md is generated from the rules' meta (`npm run docs:rules`); these fail when the committed
 * file has drifted from the rules, or a rule id has no entry in it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../../src/checks/finding';
import { ruleCatalogueMarkdown } from '../../src/checks/rules/catalogue';

const FILE = path.join(__dirname, '..', '..', 'docs', 'rules.md');

/** Where two texts first differ, as a reviewer would look for it: the line number and both lines. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}: the file has ${JSON.stringify(a[at] ?? '(end of file)')}, the rules give ${JSON.stringify(b[at] ?? '(end of file)')}`;
}

describe('the rule catalogue, docs/rules.md', () => {
  it('is what the rules’ meta generates', () => {
    if (!fs.existsSync(FILE)) throw new Error('docs/rules.md is missing. Run `npm run docs:rules` and commit docs/rules.md.');
    const committed = fs.readFileSync(FILE, 'utf8');
    const generated = ruleCatalogueMarkdown();
    if (committed !== generated) {
      throw new Error(
        `docs/rules.md is out of date with the rules' meta (${firstDifference(committed, generated)}). Run \`npm run docs:rules\` and commit docs/rules.md.`,
      );
    }
    expect(committed).toBe(generated);
  });

  it('has a row and a section for every rule id', () => {
    const generated = ruleCatalogueMarkdown();
    const missing = RULE_IDS.filter((id) => !generated.includes(`| [\`${id}\`](#${id}) |`) || !generated.includes(`\n### ${id}\n`));
    expect(missing).toEqual([]);
  });
});
