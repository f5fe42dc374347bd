/**
 * Builds the task pane, the engine's Web Worker, the ribbon's function file and its summary dialog into dist/.
 *
 *   npx webpack --mode production     office.js from Microsoft's CDN; ADDIN_BASE_URL (required) rewrites the manifest's
 *                                     URLs; ADDIN_BASE_URL=https://localhost:3000 builds for the dev host on purpose
 *   npx webpack --mode development    office.js from a local copy (dist/office/), source maps
 *   OFFICE_JS=local                   use the local office.js in a production build too (offline browser tests);
 *   OFFICE_JS=cdn                     use the CDN in a development build
 *
 * tools/dev-server.js runs this config through webpack-dev-server with env.WEBPACK_SERVE set.
 */
'use strict';

const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, parseBaseUrl, rewriteManifestUrls } = require('./tools/addin-base-url');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// Relative, so the pages find it wherever the add-in is hosted. office.js loads its host scripts and locale
// files from its own folder, hence the whole dist folder is served beside it.
const OFFICE_JS_LOCAL = 'office/office.js';
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/** Libraries the engine worker takes from their own minified builds (the package.json "browser" files). */
const PREBUILT_CHUNK = 'engine-prebuilt';
const PREBUILT_MODULES = /[\\/]node_modules[\\/](exceljs|jszip)[\\/]dist[\\/]/;

/**
 * Marks the prebuilt chunk as minified, so Terser skips a megabyte it could not shrink: without this,
 * a production build takes three times as long.
 */
class SkipMinifyingPrebuilt {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SkipMinifyingPrebuilt', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SkipMinifyingPrebuilt', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== PREBUILT_CHUNK) continue;
          for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
    });
  }
}

/**
 * A production build is what gets deployed, and the manifest names the dev server (https://localhost:3000)
 * until ADDIN_BASE_URL rewrites it: without one, the build would ship an add-in that loads from the
 * user's own machine. Building for localhost on purpose (local or offline testing) says so explicitly.
 */
const MISSING_BASE_URL = [
  'ADDIN_BASE_URL is not set: a production build without it ships a manifest pointing at https://localhost:3000.',
  'Set it to the https address the add-in is served from, e.g. ADDIN_BASE_URL=https://example.org/commissioning npm run build;',
  'to build for the local dev server on purpose, set ADDIN_BASE_URL=https://localhost:3000, or use npm run build:dev.',
].join('\n');

function useLocalOfficeJs(development) {
  const choice = process.env.OFFICE_JS;
  if (choice === 'local') return true;
  if (choice === 'cdn') return false;
  if (choice !== undefined && choice !== '') {
    throw new Error(`OFFICE_JS must be "local" or "cdn", got "${choice}"`);
  }
  return development;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const development = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = useLocalOfficeJs(development);
  const officeJsUrl = localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const addinBaseUrl = development ? '' : process.env.ADDIN_BASE_URL || '';
  if (addinBaseUrl)
    parseBaseUrl(addinBaseUrl); // fail before building, with the reason
  else if (!development && !serving) throw new Error(MISSING_BASE_URL);

  const copyPatterns = [
    { from: 'assets/icons', to: 'assets/icons' },
    // The manifest's SupportUrl: a static help page, no scripts.
    { from: 'src/taskpane/support.html', to: 'support.html' },
    { from: 'assets/samples/commissioning-2019-20.xlsx', to: 'assets/samples/', noErrorOnMissing: true },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      // For the dev host (the explicit opt-in), the manifest is copied as it is.
      transform: (content) =>
        addinBaseUrl && parseBaseUrl(addinBaseUrl).base !== DEV_BASE_URL ? rewriteManifestUrls(content.toString('utf8'), addinBaseUrl) : content,
    },
  ];
  // The dev server serves office.js straight from node_modules (see devServer.static) instead of copying 86 MB.
  // Marked as minimized: Microsoft ships it minified, and Terser on its 700 files would take minutes.
  if (localOfficeJs && !serving) copyPatterns.push({ from: OFFICE_JS_DIST, to: 'office', info: { minimized: true } });

  return {
    mode,
    context: __dirname,
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: development ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The engine (ExcelJS, checks, reports) runs in a Web Worker the pane starts on first use, so the
      // pane's first load stays small and a long check never freezes it.
      'engine-worker': { import: './src/taskpane/engine/worker.ts', chunkLoading: 'import-scripts' },
      commands: './src/commands/commands.ts',
      // The "Check workbook" command's summary dialog.
      summary: './src/commands/summary-dialog.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // Split-off parts of the pane and the function file, loaded on demand.
      chunkFilename: '[name].[contenthash:8].js',
      enabledChunkLoadingTypes: ['jsonp', 'import-scripts'],
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          prebuilt: { test: PREBUILT_MODULES, name: PREBUILT_CHUNK, chunks: 'all', enforce: true },
        },
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json emits CommonJS for Node; ES modules let webpack tree-shake Fluent UI.
              compilerOptions: { module: 'esnext', sourceMap: development },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: 'summary.html',
        template: './src/commands/summary.html',
        chunks: ['summary'],
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new SkipMinifyingPrebuilt(),
    ],
    // The 350 KB gzip budget for the pane's first load is checked by test/build, on compressed sizes.
    performance: { hints: false },
    devServer: {
      port: 3000,
      // Only this machine: the dev build is not for the network.
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: localOfficeJs ? [{ directory: OFFICE_JS_DIST, publicPath: '/office', watch: false }] : false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
