/**
 * Browser tests (test/e2e): the built task pane in Debian's Chromium, driven by playwright-core.
 * Run alone with `npx jest --config jest.e2e.config.js`; `npm test` runs them too (jest.config.js
 * lists this file as a project). The pane is built once per run (test/e2e/global-setup.js); set
 * PANE_E2E_BUILD to a folder holding dist/ from an earlier run to skip the build while working on tests.
 */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/test/e2e/global-setup.js',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.js',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
