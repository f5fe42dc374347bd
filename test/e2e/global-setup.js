'use strict';
/**
 * Builds the pane (production) and the tests' fake Office once per run, for every e2e file: each file
 * would otherwise spend a minute on its own webpack build. The folder is passed on in PANE_E2E_BUILD.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const harness = require('./harness.js');

module.exports = async function buildOnce() {
  if (process.env.PANE_E2E_BUILD && fs.existsSync(path.join(process.env.PANE_E2E_BUILD, 'dist', 'taskpane.html'))) return;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-e2e-'));
  harness.buildPane(path.join(work, 'dist'), 'production');
  process.env.PANE_E2E_BUILD = work;
  process.env.PANE_E2E_BUILD_OWNED = '1';
};
