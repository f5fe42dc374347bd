#!/usr/bin/env node
/**
 * npm start: the Office ecosystem's "start" (build, serve, sideload). Sideloading into desktop Excel needs
 * office-addin-debugging, which the project does not depend on; if it is installed globally or in the project
 * it is used, otherwise this prints how to sideload by hand. Either way it starts the dev server.
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

function sideloadCommand() {
  try {
    require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    return ['npx', ['--no-install', 'office-addin-debugging', 'start', MANIFEST, 'desktop', '--app', 'excel', '--no-debug']];
  } catch {
    return null;
  }
}

function printSideloadSteps() {
  console.log(
    [
      '',
      'Sideload Commissioning Workbench by hand once the dev server below is running:',
      '',
      '  Excel on the web',
      '    Open a workbook, then Insert > Add-ins > Upload My Add-in (in some tenants: Home > Add-ins >',
      `    More Add-ins > My Add-ins > Upload My Add-in) and choose ${path.relative(process.cwd(), MANIFEST)}`,
      '    (or dist/manifest.xml after `npm run build`).',
      '',
      '  Excel on Windows (desktop)',
      '    1. Share a folder on this machine or the network and copy manifest.xml into it.',
      '    2. File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs: add the',
      '       folder\'s \\\\server\\share path, tick "Show in Menu", OK, and restart Excel.',
      '    3. Insert > My Add-ins > Shared Folder > Commissioning Workbench > Add.',
      '',
      '  Excel on Mac',
      '    Copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.',
      '',
      '  The button appears on the Home tab: Commissioning.',
      '  Office loads add-ins only over https://localhost:3000, which needs the developer certificate:',
      '  npx office-addin-dev-certs install',
      '  (For automatic desktop sideloading, install office-addin-debugging; npm start then uses it.)',
      '',
    ].join('\n'),
  );
}

function main() {
  const sideload = sideloadCommand();
  if (sideload) {
    console.log('start: sideloading into desktop Excel with office-addin-debugging (it also starts the dev server).');
    const result = spawnSync(sideload[0], sideload[1], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    process.exit(result.status ?? 1);
  }
  printSideloadSteps();
  const devServer = spawn(process.execPath, [path.join(__dirname, 'dev-server.js')], { cwd: ROOT, stdio: 'inherit' });
  const forward = (signal) => devServer.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  devServer.on('exit', (code) => process.exit(code ?? 0));
}

main();
