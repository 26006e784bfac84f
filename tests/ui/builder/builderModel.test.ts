// Builder ↔ JSON: every template round-trips exactly and is a valid policy of its kind; parts the builder
// cannot show are listed by path. AWS: IAM JSON policy element reference.
import { describe, expect, it } from 'vitest';
import { fromPolicyJson, toPolicyJson, emptyStatement } from '../../../src/lib/domain/checks';
import type { BuilderPolicy } from '../../../src/lib/domain/checks';
import { compilePolicy } from '../../../src/lib/domain/policy';
import type { Json } from '../../../src/lib/domain/policy';
import { policyTemplates } from '../../../src/lib/ui/builder/templates';
import type { TemplateParams } from '../../../src/lib/ui/builder/templates';

const params: TemplateParams = { bucket: 'example-corp-app-data', accountId: '111122223333', otherAccountId: '444455556666', cidr: '203.0.113.0/24', tagKey: 'team' };

describe('templates', () => {
  it('has the seven templates the brief names', () => {
    expect(policyTemplates.map((t) => t.id)).toEqual(['readOnlyBucket', 'homeFolder', 'denyWithoutMfa', 'ipAllowList', 'abacByTags', 'crossAccountTrust', 'publicReadBucket']);
  });

  it.each(policyTemplates.map((t) => [t.id, t] as const))('%s round-trips through the builder and compiles without findings', (_id, t) => {
    const doc = t.build(params);
    const { model, unsupported } = fromPolicyJson(doc);
    expect(unsupported).toEqual([]);
    expect(toPolicyJson(model)).toEqual(doc);
    const compiled = compilePolicy(JSON.stringify(doc), t.kind);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.ok).toBe(true);
  });

  it('puts the parameters where they belong', () => {
    const text = policyTemplates.map((t) => JSON.stringify(t.build(params))).join('\n');
    expect(text).toContain('arn:aws:s3:::example-corp-app-data/home/${aws:username}/*');
    expect(text).toContain('arn:aws:iam::444455556666:root');
    expect(text).toContain('"aws:ResourceTag/team":"${aws:PrincipalTag/team}"');
    expect(text).toContain('203.0.113.0/24');
  });
});

describe('fromPolicyJson / toPolicyJson', () => {
  it('writes one-item lists as strings and groups conditions by operator', () => {
    const model: BuilderPolicy = {
      version: '2012-10-17',
      statements: [
        {
          ...emptyStatement,
          actions: ['s3:GetObject'],
          resources: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'],
          conditions: [
            { operator: 'StringEquals', key: 'aws:username', values: ['alice'] },
            { operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: ['a', 'b'] },
          ],
        },
      ],
    };
    expect(toPolicyJson(model)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'],
          Condition: { StringEquals: { 'aws:username': 'alice', 'aws:PrincipalTag/team': ['a', 'b'] } },
        },
      ],
    });
  });

  it('reads a single Statement object and principals of every supported kind', () => {
    const { model, unsupported } = fromPolicyJson({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root'], Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    });
    expect(unsupported).toEqual([]);
    expect(model.statements[0]?.principal).toEqual({ kind: 'list', aws: ['arn:aws:iam::1:root'], service: ['ec2.amazonaws.com'], federated: [] });
  });

  it.each<[string, Json, string, string]>([
    ['NotAction', { Statement: [{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }] }, '/Statement/0/NotAction', 'notElement'],
    ['NotResource', { Statement: [{ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::a' }] }, '/Statement/0/NotResource', 'notElement'],
    ['NotPrincipal', { Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: 'x' }, Action: '*' }] }, '/Statement/0/NotPrincipal', 'notElement'],
    ['CanonicalUser', { Statement: [{ Effect: 'Allow', Principal: { CanonicalUser: 'abc' }, Action: '*' }] }, '/Statement/0/Principal/CanonicalUser', 'canonicalUser'],
    ['nested values', { Statement: [{ Effect: 'Allow', Action: [['s3:*']], Resource: '*' }] }, '/Statement/0/Action/0', 'notString'],
    ['an unknown element', { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Extra: 1 }] }, '/Statement/0/Extra', 'unknownElement'],
    ['a statement that is not an object', { Statement: ['x'] }, '/Statement/0', 'shape'],
    ['a document that is not an object', [], '', 'shape'],
  ])('lists %s as something it cannot show', (_name, doc, path, reason) => {
    expect(fromPolicyJson(doc).unsupported).toContainEqual(expect.objectContaining({ path, reason }));
  });

  it('keeps what it can show when some parts do not fit', () => {
    const { model } = fromPolicyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }] });
    expect(model.statements[0]).toMatchObject({ effect: 'Deny', resources: ['*'], conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', values: ['false'] }] });
  });
});
