/**
 * Browser tests (test/e2e): the built task pane in Debian's Chromium, driven by playwright-core.
 * Run alone with `npx jest --config jest.e2e.config.js`; `npm test` runs them too (jest.config.js
 * lists this file as a project).
 */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
