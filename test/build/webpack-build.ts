/** Runs the real webpack CLI, as `npm run build` does, into a chosen folder. */
import { spawnSync } from 'child_process';
import { REPO_ROOT } from '../manifest/xmllint';

/**
 * The explicit opt-in to a production build whose manifest keeps pointing at the dev server: what the
 * tests build (they serve dist/ locally). Without ADDIN_BASE_URL a production build fails (webpack.config.js).
 */
export const LOCAL_BASE_URL = 'https://localhost:3000';

/** Long enough for a cold production build of the pane with Fluent UI on a 2-core CI machine. */
export const BUILD_TIMEOUT_MS = 300_000;

export interface BuildResult {
  readonly status: number | null;
  readonly output: string;
}

/**
 * Builds with `npx webpack --mode <mode>`; `env` replaces ADDIN_BASE_URL and OFFICE_JS (unset unless given)
 * so the caller's shell cannot change what is built.
 */
export function runWebpack(options: {
  mode: 'production' | 'development';
  outputPath?: string;
  env?: { ADDIN_BASE_URL?: string; OFFICE_JS?: string };
}): BuildResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ADDIN_BASE_URL;
  delete env.OFFICE_JS;
  Object.assign(env, options.env ?? {});
  const args = ['webpack', '--mode', options.mode];
  if (options.outputPath) args.push('--output-path', options.outputPath);
  const result = spawnSync('npx', ['--no-install', ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Throws with webpack's own output when a build that must succeed fails. */
export function buildOrThrow(options: Parameters<typeof runWebpack>[0]): void {
  const result = runWebpack(options);
  if (result.status !== 0) {
    throw new Error(`webpack --mode ${options.mode} failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
  }
}
