/**
 * ESLint 9 flat config: typescript-eslint's recommended rules plus the Office add-in rules
 * (load before read, sync after load, no sync in loops, isNullObject tests...).
 *
 * eslint-plugin-office-addins' own flat config cannot be spread in as a whole: it registers its private copy
 * of @typescript-eslint (8.8), which clashes with the project's typescript-eslint ("Cannot redefine plugin"),
 * and it enforces Prettier formatting, which this project does not use. So the plugin is registered here and
 * its recommended office-addins/* rules are taken from its config, staying in step with the plugin's version.
 */
'use strict';

const js = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const layers = require('./tools/eslint/layers');

const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules || {})).filter(([rule]) => rule.startsWith('office-addins/')),
);

// Globals for the build, tool and bench scripts: whatever this Node defines globally, plus the CommonJS
// module wrapper's names. Read from the runtime, so no globals list to keep up to date.
const nodeGlobals = Object.fromEntries(
  [...Object.getOwnPropertyNames(globalThis), 'require', 'module', 'exports', '__dirname', '__filename'].map((name) => [name, 'readonly']),
);

module.exports = defineConfig(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'test-artifacts/', 'bench/.build/'] },
  js.configs.recommended,
  // Typed lint: rules that need the type checker (a promise nobody awaits, any leaking out of a parse, a
  // needless assertion), over every TypeScript file, with the project's tsconfig.
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinRules,
  },
  {
    // Functions a reader can hold at once.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Layers that only point down: the order is in tools/eslint/layers.js.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: layers.plugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
