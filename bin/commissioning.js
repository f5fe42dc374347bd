#!/usr/bin/env node
'use strict';
// The CLI is compiled to lib/ by `npm install` (the prepare script); this shim only starts it.
let main;
try {
  ({ main } = require('../lib/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('commissioning: the CLI is not built yet; run `npm install` (or `npm run build:cli`) first\n');
    process.exit(2);
  }
  throw err;
}
// Output piped into a reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
