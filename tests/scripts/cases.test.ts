// The case runner (scripts/cases.ts): its lines, tally, exit codes and JSON report, in-process and as a real CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, usage } from '../../scripts/cases';
import type { CaseReport } from '../../scripts/cases';

const repo = fileURLToPath(new URL('../..', import.meta.url));

const allowGet = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

function aCase(name: string, decision: string, identity: unknown[] = [allowGet]): string {
  return JSON.stringify({
    name,
    source: 'IAM User Guide: Policy evaluation logic',
    request: {
      principal: 'arn:aws:iam::111122223333:user/alice',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::amzn-s3-demo-bucket/key',
      resourceAccount: '111122223333',
      context: {},
    },
    policies: { identity },
    expect: { decision },
  });
}

let dir: string;
let out: string[];
let err: string[];
const run = (...argv: string[]) => runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamlab-cases-'));
  out = [];
  err = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('runCli', () => {
  it('prints only the tally and exits 0 when every case reaches its decision', () => {
    writeFileSync(join(dir, '001-ok.json'), aCase('allowed by the identity policy', 'allowed'));
    writeFileSync(join(dir, '002-ok.json'), aCase('no policy at all', 'implicitDeny', []));
    expect(run('.')).toBe(0);
    expect(out).toEqual(['2 passed, 0 failed']);
  });

  it('prints a FAIL line with expected, got and decisive stage, and exits 1', () => {
    writeFileSync(join(dir, '001-ok.json'), aCase('allowed by the identity policy', 'allowed'));
    writeFileSync(join(dir, '002-wrong.json'), aCase('nothing allows it but the case says so', 'allowed', []));
    expect(run('001-ok.json', '002-wrong.json')).toBe(1);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      /^FAIL nothing allows it but the case says so \(002-wrong\.json\): expected allowed, got implicitDeny, decided at \S+$/,
    );
    expect(out[1]).toBe('1 passed, 1 failed');
  });

  it('reports a malformed case file as ERROR and counts it as failed', () => {
    writeFileSync(join(dir, '001-bad.json'), JSON.stringify({ name: 'x', source: 'y' }));
    expect(run('.')).toBe(1);
    expect(out).toEqual(['ERROR 001-bad.json: missing field "request"', '0 passed, 1 failed']);
  });

  it('reports a malformed policy as MalformedPolicyDocument naming the policy, counted as failed', () => {
    const badEffect = { Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: 's3:GetObject', Resource: '*' }] };
    writeFileSync(join(dir, '001-badpolicy.json'), aCase('a policy with a bad effect', 'allowed', [allowGet, badEffect]));
    expect(run('.')).toBe(1);
    expect(out[0]).toMatch(/^ERROR a policy with a bad effect: MalformedPolicyDocument in identity\[1\]: .+/);
    expect(out[1]).toBe('0 passed, 1 failed');
  });

  it('writes the --json report with one result per case', () => {
    writeFileSync(join(dir, '001-ok.json'), aCase('allowed by the identity policy', 'allowed'));
    writeFileSync(join(dir, '002-wrong.json'), aCase('wrongly expected deny', 'explicitDeny'));
    writeFileSync(join(dir, '003-bad.json'), '[]');
    expect(run('.', '--json', 'report.json')).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CaseReport;
    expect(report.passed).toBe(1);
    expect(report.failed).toBe(2);
    expect(report.results.map((r) => [r.file, r.name, r.expected, r.got, r.status])).toEqual([
      ['001-ok.json', 'allowed by the identity policy', 'allowed', 'allowed', 'passed'],
      ['002-wrong.json', 'wrongly expected deny', 'explicitDeny', 'allowed', 'failed'],
      ['003-bad.json', null, null, null, 'error'],
    ]);
    expect(report.results[0]?.decisiveStage).toEqual(expect.any(String));
    expect(out.at(-1)).toBe('1 passed, 2 failed');
  });

  it.each([[[]], [['--json', 'r.json']], [['--json']], [['--verbose', '.']]])('exits 2 with the usage for %j', (argv) => {
    expect(run(...argv)).toBe(2);
    expect(err).toContain(usage);
    expect(out).toEqual([]);
  });
});

describe('npm run cases (the real command line)', () => {
  it('exits 1 and ends with the tally when a case fails', () => {
    writeFileSync(join(dir, '001-wrong.json'), aCase('expected allowed without a policy', 'allowed', []));
    const res = spawnSync(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), join(repo, 'scripts/cases.ts'), dir], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^FAIL expected allowed without a policy \(.*001-wrong\.json\): expected allowed, got implicitDeny/);
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
  }, 30_000);

  it('exits 2 with a usage message when given no arguments', () => {
    const res = spawnSync(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), join(repo, 'scripts/cases.ts')], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(usage);
  }, 30_000);
});
