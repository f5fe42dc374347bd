#!/usr/bin/env node
/**
 * npm run docs:rules: writes docs/rules.md, the rule catalogue, from the rules' own meta
 * (src/checks/rules/catalogue.ts, run from the built lib/; the npm script builds it first).
 * test/checks/catalogue.test.ts fails when the committed file differs from what this writes.
 *
 *   node tools/write-rule-catalogue.js [out.md]   (LIB=<dir> runs another build of lib/)
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIB = process.env.LIB ? path.resolve(process.env.LIB) : path.join(ROOT, 'lib');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs', 'rules.md'));

function main() {
  const catalogue = path.join(LIB, 'checks', 'rules', 'catalogue.js');
  if (!fs.existsSync(catalogue)) {
    console.error(`${path.relative(ROOT, catalogue)} not found: build first (npx tsc -p tsconfig.build.json), or run npm run docs:rules`);
    return 2;
  }
  const { ruleCatalogueMarkdown } = require(catalogue);
  const markdown = ruleCatalogueMarkdown();
  const before = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : undefined;
  const where = OUT.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, OUT) : OUT;
  if (before === markdown) {
    console.log(`${where} is up to date.`);
    return 0;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, markdown);
  const rules = (markdown.match(/^### /gm) ?? []).length;
  console.log(`Wrote ${where}: ${rules} rules.`);
  return 0;
}

process.exitCode = main();
