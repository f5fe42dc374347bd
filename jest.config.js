/**
 * Two projects, both run by `npm test`: unit, property and adapter tests (test/, jsdom per file where a
 * test renders the pane), and the browser tests in test/e2e with their own config (jest.e2e.config.js).
 */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
      transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
      },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    },
    '<rootDir>/jest.e2e.config.js',
  ],
};
