/**
 * Bundles the tests' fake Office (test/workbook/office/fake-office.ts, with the fake Excel it wraps) into
 * one script for page.addInitScript. The script puts the module's exports on `window.__fakeOffice`; the
 * test then calls `installFakeOffice(window, options)` and keeps the fake on `window.__fakeExcel`.
 */
import * as fs from 'fs';
import * as path from 'path';
import webpack from 'webpack';
import type { FakeOffice, FakeOfficeOptions } from '../workbook/office/fake-office';

declare global {
  interface Window {
    __fakeOffice?: typeof import('../workbook/office/fake-office');
    __fakeExcel?: FakeOffice;
  }
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ENTRY = path.join(REPO_ROOT, 'test', 'workbook', 'office', 'fake-office.ts');

export async function bundleFakeOffice(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: REPO_ROOT,
    target: 'web',
    entry: ENTRY,
    output: { path: outDir, filename: 'fake-office.js', library: { name: '__fakeOffice', type: 'window' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: path.join(REPO_ROOT, 'tsconfig.json'), compilerOptions: { module: 'esnext', sourceMap: false } },
          },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
  return fs.readFileSync(path.join(outDir, 'fake-office.js'), 'utf8');
}

/** The init script for a page "inside Excel": the bundle, then the fake installed with these options. */
export function fakeOfficeInitScript(bundle: string, options: FakeOfficeOptions): string {
  return `${bundle}\nwindow.__fakeExcel = window.__fakeOffice.installFakeOffice(window, ${JSON.stringify(options)});`;
}
