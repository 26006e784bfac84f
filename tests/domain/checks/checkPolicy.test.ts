// Policy checks: each security warning and suggestion fires where it should and stays quiet otherwise.
// AWS: Access Analyzer policy check reference (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../src/lib/domain/checks';
import type { Catalog } from '../../../src/lib/domain/catalog';
import type { Json, PolicyKind } from '../../../src/lib/domain/policy';
import { loadedCatalog } from '../catalog/nodeCatalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadedCatalog('s3', 'iam');
});

const text = (...statements: Json[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const codes = (t: string, kind: PolicyKind = 'identity'): string[] => checkPolicy(t, kind, catalog).findings.map((f) => f.code);
const bucketWide = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' };

describe('checkPolicy', () => {
  it.each<[string, string, PolicyKind, string]>([
    ['PassRole on *', text({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }), 'identity', 'check.passRole.star'],
    ['PassRole through iam:*', text({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }), 'identity', 'check.passRole.star'],
    ['NotAction with Allow', text({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), 'identity', 'check.notAction.allow'],
    ['public principal without conditions', text(bucketWide), 'resource', 'check.principal.public'],
    ['public trust policy', text({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), 'trust', 'check.principal.public'],
    [
      'world-writable bucket',
      text({ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::site/*' }),
      'resource',
      'check.bucket.worldWritable',
    ],
    [
      'redundant statement',
      text({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      'identity',
      'check.statement.redundant',
    ],
    ['redundant action', text({ Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*'], Resource: '*' }), 'identity', 'check.action.redundant'],
    ['wildcard that names one action', text({ Effect: 'Allow', Action: 's3:GetObjectAc*', Resource: '*' }), 'identity', 'check.wildcard.single'],
    ['syntax error', '{ "Version": "2012-10-17", ', 'identity', 'policy.json.syntax'],
    ['catalog warning', text({ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }), 'identity', 'catalog.action.unknown'],
  ])('reports %s', (_name, policy, kind, code) => {
    expect(codes(policy, kind)).toContain(code);
  });

  it.each<[string, string, PolicyKind]>([
    ['PassRole on named roles', text({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }), 'identity'],
    ['Deny with NotAction', text({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), 'identity'],
    [
      'public principal narrowed by a condition',
      text({ ...bucketWide, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
      'resource',
    ],
    ['two different statements', text({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::a/*' }), 'identity'],
    [
      'a broader statement with a condition',
      text({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      'identity',
    ],
  ])('finds nothing to say about %s', (_name, policy, kind) => {
    expect(checkPolicy(policy, kind, catalog).findings).toEqual([]);
  });

  it('reports each of two identical statements once, on the later one', () => {
    const st = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    const found = checkPolicy(text(st, st), 'identity', catalog).findings.filter((f) => f.code === 'check.statement.redundant');
    expect(found.map((f) => f.path)).toEqual(['/Statement/1']);
  });

  it('locates findings in the text and links an AWS page', () => {
    const policy = text({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' });
    const f = checkPolicy(policy, 'identity', catalog).findings.find((x) => x.code === 'check.passRole.star');
    expect(f?.kind).toBe('securityWarning');
    expect(f?.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const line = policy.split('\n').findIndex((l) => l.includes('"Resource"')) + 1;
    expect(f?.line).toBe(line);
  });

  it('orders errors before security warnings before suggestions', () => {
    const policy = text({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*'], Resource: '*' });
    const kinds = checkPolicy(policy, 'identity', catalog).findings.map((f) => f.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['error', 'securityWarning', 'warning', 'suggestion'].indexOf(a) - ['error', 'securityWarning', 'warning', 'suggestion'].indexOf(b)));
    expect(kinds).toContain('securityWarning');
    expect(kinds).toContain('suggestion');
  });

  it('works without a catalog (no catalog warnings)', () => {
    expect(checkPolicy(text({ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }), 'identity').findings).toEqual([]);
  });
});
