#!/usr/bin/env node
/**
 * npm run dev-server: the development build served at https://localhost:3000, the address the manifest names.
 * HTTPS uses the Office add-in developer certificate (office-addin-dev-certs). Where that certificate cannot be
 * created or trusted (no certificate store, no sudo, a container) it falls back to plain http, which is enough to
 * open the pane in a browser but not to load it into Office.
 */
'use strict';

const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const createConfig = require('../webpack.config.js');

const PORT = 3000;

async function httpsServer() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(
      [
        '',
        `dev-server: no trusted HTTPS certificate for localhost (${reason}).`,
        `dev-server: serving over plain HTTP instead: http://localhost:${PORT}/taskpane.html`,
        'dev-server: Office loads add-ins only over HTTPS, so sideloading manifest.xml will not work until',
        'dev-server: `npx office-addin-dev-certs install` succeeds on this machine.',
        '',
      ].join('\n'),
    );
    return { type: 'http' };
  }
}

async function main() {
  const config = createConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
  const server = await httpsServer();
  const devServerOptions = { ...config.devServer, port: PORT, server };
  const compiler = webpack(config);
  const devServer = new WebpackDevServer(devServerOptions, compiler);

  const stop = () => {
    devServer.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await devServer.start();
  console.log(`dev-server: task pane at ${server.type}://localhost:${PORT}/taskpane.html`);
}

main().catch((error) => {
  console.error(`dev-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
