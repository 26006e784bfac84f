// The case-file loader: format v1 checks with clear problems, the mapping to EvaluationInput, folder walking.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseFileError, loadCaseFiles, parseCase, toEvaluationInput } from '../../scripts/lib/caseFile';

const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function validCase(): Record<string, unknown> {
  return {
    name: 'a user with an allow-all policy reads an object',
    source: 'IAM User Guide: Policy evaluation logic',
    request: {
      principal: 'arn:aws:iam::111122223333:user/alice',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::amzn-s3-demo-bucket/key',
      resourceAccount: '111122223333',
      context: { 'aws:username': 'alice', 'aws:TagKeys': ['a', 'b'] },
    },
    policies: { identity: [allowAll] },
    expect: { decision: 'allowed' },
  };
}

function problemOf(json: unknown): string {
  try {
    parseCase(json, 'x.json');
  } catch (error) {
    if (error instanceof CaseFileError) return error.problem;
    throw error;
  }
  throw new Error('parseCase accepted a malformed case');
}

describe('parseCase', () => {
  it('accepts a well-formed case and keeps its fields', () => {
    const c = parseCase(validCase(), 'x.json');
    expect(c.name).toBe('a user with an allow-all policy reads an object');
    expect(c.request.context).toEqual({ 'aws:username': 'alice', 'aws:TagKeys': ['a', 'b'] });
    expect(c.policies.identity).toEqual([allowAll]);
    expect(c.expect.decision).toBe('allowed');
  });

  const without = (path: string[]): Record<string, unknown> => {
    const c = structuredClone(validCase());
    let owner = c as Record<string, unknown>;
    for (const key of path.slice(0, -1)) owner = owner[key] as Record<string, unknown>;
    delete owner[path[path.length - 1] as string];
    return c;
  };
  const withValue = (path: string[], value: unknown): Record<string, unknown> => {
    const c = structuredClone(validCase());
    let owner = c as Record<string, unknown>;
    for (const key of path.slice(0, -1)) owner = owner[key] as Record<string, unknown>;
    owner[path[path.length - 1] as string] = value;
    return c;
  };

  it.each([
    ['no name', without(['name']), 'missing field "name"'],
    ['no source', without(['source']), 'missing field "source"'],
    ['no request', without(['request']), 'missing field "request"'],
    ['no action', without(['request', 'action']), 'missing field "request.action"'],
    ['no principal', without(['request', 'principal']), 'missing field "request.principal"'],
    ['no policies', without(['policies']), 'missing field "policies"'],
    ['no expect', without(['expect']), 'missing field "expect"'],
    ['no decision', without(['expect', 'decision']), 'missing field "expect.decision"'],
    ['a bad decision', withValue(['expect', 'decision'], 'deny'), '"expect.decision" must be one of allowed, explicitDeny, implicitDeny (got "deny")'],
    ['a numeric context value', withValue(['request', 'context', 'aws:EpochTime'], 5), '"request.context.aws:EpochTime" must be a string or an array of strings'],
    ['identity not a list', withValue(['policies', 'identity'], allowAll), '"policies.identity" must be an array of policy documents'],
    ['an SCP level that is not a list', withValue(['policies', 'scps'], [allowAll]), '"policies.scps[0]" must be an array of policies (one organization level)'],
    ['a short resource account', withValue(['request', 'resourceAccount'], '1234'), '"request.resourceAccount" must be a 12-digit account id'],
    ['an array at the top', [validCase()], 'a case file must hold one JSON object'],
  ])('rejects a case with %s', (_what, json, problem) => {
    expect(problemOf(json)).toBe(problem);
  });
});

describe('toEvaluationInput', () => {
  it('names every policy after where it sits in the case and keeps the request as given', () => {
    const doc = (sid: string) => ({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: '*', Resource: '*' }] });
    const c = parseCase(
      {
        ...validCase(),
        policies: {
          identity: [doc('i0'), doc('i1')],
          permissionsBoundary: doc('pb'),
          scps: [[doc('root')], [doc('ou'), doc('ou2')], [doc('acct')]],
          rcps: [[doc('rcp')]],
          resource: doc('res'),
          session: doc('sess'),
        },
      },
      'x.json',
    );
    const input = toEvaluationInput(c);
    expect(input.request).toEqual({
      principal: { kind: 'user', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::amzn-s3-demo-bucket/key',
      resourceAccount: '111122223333',
      context: { 'aws:username': 'alice', 'aws:TagKeys': ['a', 'b'] },
    });
    const p = input.policies;
    expect(p.identity.map((x) => x.id)).toEqual(['identity[0]', 'identity[1]']);
    expect(p.identity[1]?.document).toEqual(doc('i1'));
    expect(p.permissionsBoundary?.id).toBe('permissionsBoundary');
    expect(p.scps?.map((level) => [level.id, level.policies.map((x) => x.id)])).toEqual([
      ['scps[0]', ['scps[0][0]']],
      ['scps[1]', ['scps[1][0]', 'scps[1][1]']],
      ['scps[2]', ['scps[2][0]']],
    ]);
    expect(p.scps?.[2]?.policies[0]?.document).toEqual(doc('acct'));
    expect(p.rcps?.map((level) => level.id)).toEqual(['rcps[0]']);
    expect(p.resource).toEqual({ id: 'resource', document: doc('res') });
    expect(p.session).toEqual([{ id: 'session', document: doc('sess') }]);
  });

  it('leaves out the policy types a case does not give', () => {
    const p = toEvaluationInput(parseCase(validCase(), 'x.json')).policies;
    expect(Object.keys(p)).toEqual(['identity']);
  });

  it('maps "*" to an anonymous principal', () => {
    const c = parseCase({ ...validCase(), request: { ...(validCase().request as object), principal: '*' } }, 'x.json');
    expect(toEvaluationInput(c).request.principal).toEqual({ kind: 'anonymous' });
  });
});

describe('loadCaseFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iamlab-casefile-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks folders recursively, keeps only *.json, sorts, and reports broken files without throwing', () => {
    mkdirSync(join(dir, 'b', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'b', 'deep', '001-x.json'), JSON.stringify({ ...validCase(), name: 'deep' }));
    writeFileSync(join(dir, 'a', '002-y.json'), JSON.stringify({ ...validCase(), name: 'first' }));
    writeFileSync(join(dir, 'a', 'readme.md'), '# not a case');
    writeFileSync(join(dir, 'a', '003-broken.json'), '{ "name": ');
    writeFileSync(join(dir, 'a', '004-nodecision.json'), JSON.stringify({ ...validCase(), expect: {} }));
    const loaded = loadCaseFiles(['.', 'a/002-y.json', 'missing'], dir);
    expect(loaded.map((l) => [l.kind, l.file])).toEqual([
      ['error', 'missing'],
      ['case', join('a', '002-y.json')],
      ['error', join('a', '003-broken.json')],
      ['error', join('a', '004-nodecision.json')],
      ['case', join('b', 'deep', '001-x.json')],
    ]);
    const problems = loaded.flatMap((l) => (l.kind === 'error' ? [l.problem] : []));
    expect(problems[0]).toBe('no such file or folder');
    expect(problems[1]).toMatch(/^not valid JSON/);
    expect(problems[2]).toBe('missing field "expect.decision"');
  });
});
