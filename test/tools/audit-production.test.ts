/**
 * tools/audit-production.js against canned `npm audit` answers: a stand-in `npm` on PATH prints what
 * the registry would, so every verdict is exercised without the network.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'tools', 'audit-production.js');

function auditWith(answer: unknown, ...args: string[]): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-npm-'));
  const answerFile = path.join(dir, 'answer.json');
  fs.writeFileSync(answerFile, JSON.stringify(answer));
  fs.writeFileSync(path.join(dir, 'npm'), `#!/bin/sh\ncat '${answerFile}'\nexit 1\n`, { mode: 0o755 });
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH}` } });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const counts = (high: number, critical: number, low = 0) => ({ info: 0, low, moderate: 0, high, critical, total: high + critical + low });

describe('audit:prod', () => {
  it('fails on a high or critical advisory and names the package', () => {
    const r = auditWith({ vulnerabilities: { tmp: { name: 'tmp', severity: 'high' } }, metadata: { vulnerabilities: counts(1, 0) } });
    expect(r.status).toBe(1);
    expect(r.out).toContain('FAILED');
    expect(r.out).toContain('tmp (high)');
  });

  it('passes when only low or moderate advisories remain', () => {
    const r = auditWith({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0, 2) } });
    expect(r.status).toBe(0);
    expect(r.out).toContain('passed: 0 critical, 0 high, 0 moderate, 2 low');
  });

  it('says the check was not made when the registry refuses the audit endpoint', () => {
    const refused = { message: '405 Method Not Allowed', statusCode: 405 };
    expect(auditWith(refused)).toEqual({ status: 0, out: expect.stringContaining('NOT VERIFIED: the registry answered 405') as unknown });
    expect(auditWith(refused, '--strict').status).toBe(1);
  });
});
