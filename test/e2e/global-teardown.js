'use strict';
/** Removes the build global-setup.js made (one passed in from outside is left alone). */
const fs = require('fs');

module.exports = async function removeBuild() {
  if (process.env.PANE_E2E_BUILD_OWNED === '1' && process.env.PANE_E2E_BUILD) fs.rmSync(process.env.PANE_E2E_BUILD, { recursive: true, force: true });
};
