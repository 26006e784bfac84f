// `npm run lab`: options, lab files, and exit statuses (0 when the script ran even if commands failed,
// 2 when the script or the options are malformed).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseLabArgs, readLab, runLab } from '../../scripts/lab';
import { webCrypto } from '../../src/lib/domain/authentication/crypto';
import { createLabFile, serializeLabFile } from '../../src/lib/domain/sharing';
import { createDefaultLab, createEmptyWorld } from '../../src/lib/domain/world';

const run = promisify(execFile);

describe('parseLabArgs', () => {
  it.each([
    [['s.txt'], { as: { kind: 'root' }, seed: 2026, script: 's.txt' }],
    [['--as', 'user/bob', 's.txt'], { as: { kind: 'user', userName: 'bob' }, script: 's.txt' }],
    [['--lab', 'lab.json', '--as', 'root', '--seed', '7', 's.txt'], { lab: 'lab.json', as: { kind: 'root' }, seed: 7, script: 's.txt' }],
  ])('%j', (argv, expected) => {
    expect(parseLabArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [[], 'a script file is required'],
    [['--as', 'admin', 's.txt'], '--as takes root or user/NAME'],
    [['--as'], '--as needs a value'],
    [['--seed', 'x', 's.txt'], '--seed takes a whole number'],
    [['--verbose', 's.txt'], 'unknown option --verbose'],
    [['a.txt', 'b.txt'], 'only one script file'],
  ])('%j is refused', (argv, message) => {
    const r = parseLabArgs(argv);
    expect(typeof r === 'string' && r).toContain(message);
  });
});

describe('readLab and runLab', () => {
  it('reads a world, a world under "world", or an IAM Lab export file, and refuses anything else', async () => {
    const world = createEmptyWorld();
    expect(readLab(JSON.stringify(world))).toEqual(world);
    expect(readLab(JSON.stringify({ world }))).toEqual(world);
    const lab = await createDefaultLab({ crypto: webCrypto(), passwordIterations: 1000 });
    const file = createLabFile([{ id: 'lab-1', name: 'Mine', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', world: lab, records: [] }], '2026-01-02T00:00:00Z');
    expect(readLab(serializeLabFile(file))).toEqual(lab);
    expect(readLab(JSON.stringify({ ...file, labs: [] }))).toContain('not a valid IAM Lab export');
    expect(readLab('{oops')).toContain('not JSON');
    expect(readLab('{"version": 99}')).toContain('not a valid lab');
  });

  it('runs against an exported lab as one of its users', async () => {
    const world = await createDefaultLab({ crypto: webCrypto(), passwordIterations: 1000 });
    const files: Record<string, string> = { 'lab.json': JSON.stringify(world), 's.txt': 'aws sts get-caller-identity --query Arn --output text\n' };
    const r = await runLab({ lab: 'lab.json', as: { kind: 'user', userName: 'carol' }, seed: 1, script: 's.txt' }, (p) => files[p] ?? '');
    expect(r).toEqual({ ok: true, transcript: '$ aws sts get-caller-identity --query Arn --output text\narn:aws:iam::111122223333:user/carol\n' });
  });

  it.each([
    [{ as: { kind: 'user', userName: 'nobody' } }, 'no IAM user named nobody'],
    [{ lab: 'missing.json' }, 'cannot read the lab missing.json'],
    [{ script: 'missing.txt' }, 'cannot read the script missing.txt'],
  ] as const)('reports %j', async (extra, message) => {
    const r = await runLab({ as: { kind: 'root' }, seed: 1, script: 's.txt', ...extra }, (p) => {
      if (p === 's.txt') return 'aws sts get-caller-identity\n';
      throw new Error('ENOENT');
    });
    expect(r.ok === false && r.error).toContain(message);
  });
});

describe('npm run lab', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-lab-'));
  const script = join(dir, 'script.txt');
  writeFileSync(script, '# a failing command still lets the script finish\naws iam get-user --user-name nobody\naws sts get-caller-identity --query Account --output text\n');

  it('exits 0 when the script ran, printing failures as the terminal would', async () => {
    const { stdout } = await run('npx', ['tsx', 'scripts/lab.ts', script]);
    expect(stdout).toBe(
      [
        '$ aws iam get-user --user-name nobody',
        '',
        'An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.',
        '$ aws sts get-caller-identity --query Account --output text',
        '111122223333',
        '',
      ].join('\n'),
    );
  }, 30_000);

  it('exits 2 on malformed options', async () => {
    await expect(run('npx', ['tsx', 'scripts/lab.ts', '--as', 'someone', script])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--as takes root or user/NAME') });
  }, 30_000);
});
