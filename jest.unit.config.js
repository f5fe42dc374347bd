/**
 * The fast loop (`npm run test:unit`): the unit project of jest.config.js without the suites that build
 * the pane with webpack or schema-check the manifest (test/build, test/manifest); e2e is a project of
 * its own and not included. `npm test` still runs everything.
 */
const [unit] = require('./jest.config.js').projects;

module.exports = {
  ...unit,
  testPathIgnorePatterns: [...unit.testPathIgnorePatterns, '<rootDir>/test/build/', '<rootDir>/test/manifest/'],
};
