/**
 * layers/imports: a module under src/ may import only from its own layer or a lower one. The order,
 * lowest first; the layers of one tier are siblings and may not import each other:
 *
 *   util → money → sheet → model → budget → checks | analysis → reports → workbook/layout
 *     → workbook/xlsx | workbook/office → app → cli | taskpane | commands | samples | bench
 *
 * budget holds what checks and analysis both start from (the workbook's tables as the model reads them,
 * measure sets, RAG status); workbook/layout what both workbook adapters write, free of either's types.
 * samples (builds the sample workbook) and bench (generates benchmark budgets) are tools beside the front
 * doors: nothing in src imports them. Type-only imports count: a layer should not know a higher one's
 * types either. Every file under src must be in a layer, so a new directory has to be placed here.
 */
'use strict';

const path = require('path');

/** Tiers, lowest first; the layers in one tier are siblings. A layer is a directory under src. */
const LAYER_ORDER = [
  ['util'],
  ['money'],
  ['sheet'],
  ['model'],
  ['budget'],
  ['checks', 'analysis'],
  ['reports'],
  ['workbook/layout'],
  ['workbook/xlsx', 'workbook/office'],
  ['app'],
  ['cli', 'taskpane', 'commands', 'samples', 'bench'],
];

const TIER_OF = new Map(LAYER_ORDER.flatMap((tier, index) => tier.map((layer) => [layer, index])));
/** Longest first, so src/workbook/layout/x is in workbook/layout and not in a shorter layer that prefixes it. */
const LAYERS_BY_LENGTH = [...TIER_OF.keys()].sort((a, b) => b.length - a.length);

/** The layer of a path relative to src ('analysis/lines.ts', or 'reports' for its index), or undefined when it is in none. */
function layerOf(relative) {
  const posix = relative.split(path.sep).join('/');
  return LAYERS_BY_LENGTH.find((layer) => posix === layer || posix.startsWith(`${layer}/`));
}

function isInside(relative) {
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules under src import only from their own layer or a lower one (tools/eslint/layers.js).' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      upward: 'src/{{from}} may not import src/{{to}}: {{to}} is above {{from}} in the layer order',
      siblings: 'src/{{from}} may not import src/{{to}}: {{to}} and {{from}} are siblings',
      fileInNoLayer: 'src/{{file}} is in no layer: add its directory to the layer order in tools/eslint/layers.js',
      importInNoLayer: 'src/{{from}} imports src/{{target}}, which is in no layer: add its directory to the layer order in tools/eslint/layers.js',
    },
  },
  create(context) {
    const root = path.resolve(context.cwd, (context.options[0] && context.options[0].root) || 'src');
    const file = path.relative(root, context.filename);
    if (!isInside(file)) return {};
    const from = layerOf(file);
    if (from === undefined) {
      return {
        Program(node) {
          context.report({ node, messageId: 'fileInNoLayer', data: { file: file.split(path.sep).join('/') } });
        },
      };
    }

    function check(source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source.value));
      if (!isInside(target)) return;
      const to = layerOf(target);
      if (to === undefined) {
        context.report({ node: source, messageId: 'importInNoLayer', data: { from, target: target.split(path.sep).join('/') } });
        return;
      }
      if (to === from) return;
      const fromTier = TIER_OF.get(from);
      const toTier = TIER_OF.get(to);
      if (toTier > fromTier) context.report({ node: source, messageId: 'upward', data: { from, to } });
      else if (toTier === fromTier) context.report({ node: source, messageId: 'siblings', data: { from, to } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // import x = require('./y'), and the type in `typeof import('./y')`
      TSExternalModuleReference: (node) => check(node.expression),
      TSImportType: (node) => check(node.argument && node.argument.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node.arguments[0]);
      },
    };
  },
};

module.exports = {
  LAYER_ORDER,
  layerOf,
  plugin: { meta: { name: 'layers' }, rules: { imports: importsRule } },
};
