/** Bundles the in-page fake Office (page.ts and the project's fake Excel) into one script for page.addInitScript. */
import * as fs from 'fs';
import * as path from 'path';
import webpack from 'webpack';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export async function bundleFakeOffice(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: REPO_ROOT,
    target: 'web',
    entry: path.join(__dirname, 'page.ts'),
    output: { path: outDir, filename: 'fake-office.js', iife: true },
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
