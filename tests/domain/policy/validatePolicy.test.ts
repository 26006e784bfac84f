// Validation rules, one table row per rule, asserted by JSON pointer and diagnostic code.
// AWS: "IAM JSON policy elements reference" https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// "IAM JSON policy elements: Sid" (unique, A-Z a-z 0-9), "AWS JSON policy elements: Principal / NotPrincipal",
// "IAM JSON policy elements: Resource", "IAM and AWS STS quotas" (document character set),
// Organizations "SCP syntax" and "RCP syntax" (elements summary; RCP Allow only in RCPFullAWSAccess).
import { describe, expect, it } from 'vitest';
import type { Json, PolicyKind } from '../../../src/lib/domain/policy';
import { diagnosticCodes, validatePolicy } from '../../../src/lib/domain/policy';

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const doc = (...statements: Json[]): Json => ({ Version: '2012-10-17', Statement: statements });
const trustStatement = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
const bucketStatement = { ...allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' } };

function codesAt(document: Json, kind: PolicyKind): string[] {
  return validatePolicy(document, kind).map((d) => `${d.path} ${d.code}`);
}

describe('valid documents produce no diagnostics', () => {
  it.each<[string, PolicyKind, Json]>([
    ['identity with one statement object', 'identity', { Version: '2012-10-17', Statement: allow }],
    ['identity with lists and conditions', 'identity', doc({ Sid: 'ReadOnly1', Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: ['*'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': true }, NumericLessThan: { 's3:max-keys': 10 } } })],
    ['identity with NotAction and NotResource', 'identity', doc({ Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::111122223333:user/${aws:username}' })],
    ['boundary', 'boundary', doc({ Effect: 'Allow', Action: '*', Resource: '*' })],
    ['session', 'session', doc(allow)],
    ['scp deny with condition', 'scp', doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } })],
    ['rcp deny with Principal "*"', 'rcp', doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
    ['RCPFullAWSAccess', 'rcp', doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })],
    ['bucket policy', 'resource', doc(bucketStatement)],
    ['bucket policy with NotPrincipal and Deny', 'resource', doc({ ...allow, Effect: 'Deny', NotPrincipal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:role/Admin'] } })],
    ['trust policy for a service', 'trust', doc(trustStatement)],
    ['trust policy for a SAML provider', 'trust', doc({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' })],
    ['trust policy for an OIDC host', 'trust', doc({ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' })],
    ['trust policy for an assumed-role session and a federated user', 'trust', doc({ Effect: 'Allow', Principal: { AWS: ['arn:aws:sts::111122223333:assumed-role/Dev/alice', 'arn:aws:sts::111122223333:federated-user/bob'] }, Action: 'sts:AssumeRole' })],
    ['Version 2008-10-17 without variables', 'identity', { Version: '2008-10-17', Id: 'policy-1', Statement: [allow] }],
  ])('%s', (_name, kind, document) => {
    expect(validatePolicy(document, kind)).toEqual([]);
  });
});

describe('document rules', () => {
  it.each<[string, PolicyKind, Json, string]>([
    ['not an object', 'identity', [], ' policy.document.notObject'],
    ['a string', 'identity', 'hello', ' policy.document.notObject'],
    ['unknown top-level element', 'identity', { Version: '2012-10-17', Statement: allow, Statements: [] }, '/Statements policy.document.unknownElement'],
    ['missing Version', 'identity', { Statement: allow }, '/Version policy.version.missing'],
    ['wrong Version', 'identity', { Version: '2012-10-18', Statement: allow }, '/Version policy.version.invalid'],
    ['numeric Version', 'identity', { Version: 2012, Statement: allow }, '/Version policy.version.invalid'],
    ['old Version with a policy variable', 'identity', { Version: '2008-10-17', Statement: { ...allow, Resource: 'arn:aws:s3:::b/${aws:username}' } }, '/Version policy.version.old'],
    ['Id not a string', 'identity', { Version: '2012-10-17', Id: 3, Statement: allow }, '/Id policy.id.invalid'],
    ['missing Statement', 'identity', { Version: '2012-10-17' }, '/Statement policy.statement.missing'],
    ['empty Statement array', 'identity', { Version: '2012-10-17', Statement: [] }, '/Statement policy.statement.empty'],
    ['Statement a string', 'identity', { Version: '2012-10-17', Statement: 'Allow' }, '/Statement policy.statement.invalid'],
    ['statement not an object', 'identity', doc(allow, 'Deny'), '/Statement/1 policy.statement.notObject'],
    ['unknown statement element', 'identity', doc({ ...allow, Actions: 's3:*' }), '/Statement/0/Actions policy.statement.unknownElement'],
    ['character outside the IAM set', 'identity', doc({ ...allow, Sid: 'Caf\u00e9', Resource: 'arn:aws:s3:::b/\u4e2d' }), '/Statement/0/Resource policy.document.invalidCharacter'],
  ])('%s', (_name, kind, document, expected) => {
    expect(codesAt(document, kind)).toContain(expected);
  });

  it('a missing Version is a warning, a wrong one an error', () => {
    const [missing] = validatePolicy({ Statement: allow }, 'identity');
    const [wrong] = validatePolicy({ Version: 'latest', Statement: allow }, 'identity');
    expect(missing?.severity).toBe('warning');
    expect(wrong?.severity).toBe('error');
    expect(wrong?.params).toEqual({ value: '"latest"' });
  });

  it('the IAM character set does not apply to bucket policies (S3 stores them)', () => {
    expect(validatePolicy(doc({ ...bucketStatement, Resource: 'arn:aws:s3:::b/\u4e2d' }), 'resource')).toEqual([]);
  });
});

describe('statement rules', () => {
  it.each<[string, PolicyKind, Json, string]>([
    ['Sid not a string', 'identity', doc({ ...allow, Sid: 1 }), '/Statement/0/Sid policy.statement.sid.invalid'],
    ['Sid with a space in an identity policy', 'identity', doc({ ...allow, Sid: 'Read only' }), '/Statement/0/Sid policy.statement.sid.notAlphanumeric'],
    ['Sid with a dash in a boundary', 'boundary', doc({ ...allow, Sid: 'read-only' }), '/Statement/0/Sid policy.statement.sid.notAlphanumeric'],
    ['duplicate Sid', 'identity', doc({ ...allow, Sid: 'A' }, { ...allow, Sid: 'B' }, { ...allow, Sid: 'A' }), '/Statement/2/Sid policy.statement.sid.duplicate'],
    ['duplicate Sid in a bucket policy', 'resource', doc({ ...bucketStatement, Sid: 'x 1' }, { ...bucketStatement, Sid: 'x 1' }), '/Statement/1/Sid policy.statement.sid.duplicate'],
    ['missing Effect', 'identity', doc({ Action: '*', Resource: '*' }), '/Statement/0/Effect policy.statement.effect.missing'],
    ['lower-case Effect', 'identity', doc({ ...allow, Effect: 'allow' }), '/Statement/0/Effect policy.statement.effect.invalid'],
    ['Allow in an RCP', 'rcp', doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }), '/Statement/0/Effect policy.statement.effect.notAllowed'],
    ['no Action nor NotAction', 'identity', doc({ Effect: 'Allow', Resource: '*' }), '/Statement/0 policy.statement.action.missing'],
    ['both Action and NotAction', 'identity', doc({ ...allow, NotAction: 'iam:*' }), '/Statement/0/NotAction policy.statement.action.both'],
    ['Action a number', 'identity', doc({ ...allow, Action: 3 }), '/Statement/0/Action policy.statement.action.invalid'],
    ['Action item not a string', 'identity', doc({ ...allow, Action: ['s3:GetObject', null] }), '/Statement/0/Action/1 policy.statement.action.invalid'],
    ['empty Action list', 'identity', doc({ ...allow, Action: [] }), '/Statement/0/Action policy.statement.action.empty'],
    ['action without a service prefix', 'identity', doc({ ...allow, Action: ['s3:GetObject', 'GetObject'] }), '/Statement/0/Action/1 policy.statement.action.malformed'],
    ['action with a space', 'identity', doc({ ...allow, Action: 's3:Get Object' }), '/Statement/0/Action policy.statement.action.malformed'],
    ['NotAction in an RCP', 'rcp', doc({ Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' }), '/Statement/0/NotAction policy.statement.forbiddenElement'],
    ['no Resource in an identity policy', 'identity', doc({ Effect: 'Allow', Action: '*' }), '/Statement/0 policy.statement.resource.missing'],
    ['no Resource in an SCP', 'scp', doc({ Effect: 'Deny', Action: '*' }), '/Statement/0 policy.statement.resource.missing'],
    ['no Resource in a bucket policy', 'resource', doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }), '/Statement/0 policy.statement.resource.missing'],
    ['both Resource and NotResource', 'identity', doc({ ...allow, NotResource: '*' }), '/Statement/0/NotResource policy.statement.resource.both'],
    ['Resource an object', 'identity', doc({ ...allow, Resource: { arn: '*' } }), '/Statement/0/Resource policy.statement.resource.invalid'],
    ['empty Resource list', 'identity', doc({ ...allow, Resource: [] }), '/Statement/0/Resource policy.statement.resource.empty'],
    ['bucket name instead of an ARN', 'identity', doc({ ...allow, Resource: ['arn:aws:s3:::ok', 'my-bucket'] }), '/Statement/0/Resource/1 policy.statement.resource.malformedArn'],
    ['ARN with too few parts', 'identity', doc({ ...allow, Resource: 'arn:aws:s3' }), '/Statement/0/Resource policy.statement.resource.malformedArn'],
    ['ARN with an empty resource', 'identity', doc({ ...allow, Resource: 'arn:aws:s3:::' }), '/Statement/0/Resource policy.statement.resource.malformedArn'],
    ['Resource in a trust policy', 'trust', doc({ ...trustStatement, Resource: '*' }), '/Statement/0/Resource policy.statement.forbiddenElement'],
    ['NotResource in a trust policy', 'trust', doc({ ...trustStatement, NotResource: '*' }), '/Statement/0/NotResource policy.statement.forbiddenElement'],
    ['Principal in an identity policy', 'identity', doc({ ...allow, Principal: '*' }), '/Statement/0/Principal policy.statement.forbiddenElement'],
    ['Principal in a boundary', 'boundary', doc({ ...allow, Principal: '*' }), '/Statement/0/Principal policy.statement.forbiddenElement'],
    ['Principal in a session policy', 'session', doc({ ...allow, Principal: '*' }), '/Statement/0/Principal policy.statement.forbiddenElement'],
    ['NotPrincipal in an SCP', 'scp', doc({ ...allow, NotPrincipal: { AWS: '111122223333' } }), '/Statement/0/NotPrincipal policy.statement.forbiddenElement'],
    ['no Principal in a bucket policy', 'resource', doc(allow), '/Statement/0 policy.statement.principal.missing'],
    ['no Principal in a trust policy', 'trust', doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), '/Statement/0 policy.statement.principal.missing'],
    ['no Principal in an RCP', 'rcp', doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }), '/Statement/0 policy.statement.principal.missing'],
    ['both Principal and NotPrincipal', 'resource', doc({ ...bucketStatement, Effect: 'Deny', NotPrincipal: '*' }), '/Statement/0/NotPrincipal policy.statement.principal.both'],
    ['NotPrincipal in a trust policy', 'trust', doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }), '/Statement/0/NotPrincipal policy.statement.forbiddenElement'],
    ['NotPrincipal in an RCP', 'rcp', doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }), '/Statement/0/NotPrincipal policy.statement.forbiddenElement'],
    ['NotPrincipal with Allow', 'resource', doc({ ...allow, NotPrincipal: { AWS: '111122223333' } }), '/Statement/0/NotPrincipal policy.statement.principal.notPrincipalWithAllow'],
    ['RCP naming a principal', 'rcp', doc({ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }), '/Statement/0/Principal policy.statement.principal.onlyAnyone'],
    ['wide-open trust policy', 'trust', doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), '/Statement/0/Principal policy.statement.principal.wildcardTrust'],
  ])('%s', (_name, kind, document, expected) => {
    expect(codesAt(document, kind)).toContain(expected);
  });

  it('a wide-open trust policy narrowed by a condition is not flagged', () => {
    const narrowed = doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } });
    expect(validatePolicy(narrowed, 'trust')).toEqual([]);
  });

  it('reports a missing Effect without also inventing other errors', () => {
    expect(codesAt(doc({ Action: 's3:GetObject', Resource: '*' }), 'identity')).toEqual(['/Statement/0/Effect policy.statement.effect.missing']);
  });

  it('the Sid character rule is IAM-only: SQS-style Sids pass in resource policies', () => {
    expect(validatePolicy(doc({ ...bucketStatement, Sid: 'Allow read-only (public)' }), 'resource')).toEqual([]);
  });
});

describe('principal values', () => {
  const withAws = (value: Json) => doc({ ...allow, Principal: { AWS: value } });
  it.each<[string]>([
    ['*'],
    ['111122223333'],
    ['arn:aws:iam::111122223333:root'],
    ['arn:aws:iam::111122223333:user/alice'],
    ['arn:aws:iam::111122223333:user/division/team/alice'],
    ['arn:aws:iam::111122223333:role/service-role/Deployer'],
    ['arn:aws-cn:iam::111122223333:role/Deployer'],
    ['arn:aws:sts::111122223333:assumed-role/Deployer/session-1'],
    ['arn:aws:sts::111122223333:federated-user/bob'],
  ])('accepts AWS principal %s', (value) => {
    expect(validatePolicy(withAws(value), 'resource')).toEqual([]);
  });

  it.each<[string, string]>([
    ['arn:aws:iam::111122223333:group/Admins', 'group'],
    ['arn:aws:iam::111122223333:user/*', 'wildcard'],
    ['arn:aws:iam::*:root', 'wildcard'],
    ['11112222333', '12-digit'],
    ['alice', '12-digit'],
    ['arn:aws:iam::1111:root', '12 digits'],
    ['arn:aws:iam::111122223333:policy/Admin', 'not an IAM principal'],
    ['arn:aws:sts::111122223333:assumed-role/Deployer', 'not an STS principal'],
    ['arn:aws:s3:::bucket', 'no principals'],
    ['arn:aws:iam:us-east-1:111122223333:root', 'no region'],
  ])('rejects AWS principal %s with "Invalid principal in policy"', (value, reasonFragment) => {
    const [diagnostic, ...rest] = validatePolicy(withAws(['111122223333', value]), 'resource');
    expect(rest).toEqual([]);
    expect(diagnostic?.code).toBe('policy.statement.principal.invalid');
    expect(diagnostic?.path).toBe('/Statement/0/Principal/AWS/1');
    expect(diagnostic?.message).toMatch(/^Invalid principal in policy/);
    expect(String(diagnostic?.params?.['reason'])).toContain(reasonFragment);
  });

  it.each<[string, Json, string]>([
    ['a bare ARN string', 'arn:aws:iam::111122223333:root', '/Statement/0/Principal policy.statement.principal.shape'],
    ['an array', ['*'], '/Statement/0/Principal policy.statement.principal.shape'],
    ['an empty object', {}, '/Statement/0/Principal policy.statement.principal.empty'],
    ['an unknown principal type', { User: 'alice' }, '/Statement/0/Principal/User policy.statement.principal.unknownType'],
    ['an empty AWS list', { AWS: [] }, '/Statement/0/Principal/AWS policy.statement.principal.empty'],
    ['a number', { AWS: 111122223333 }, '/Statement/0/Principal/AWS policy.statement.principal.shape'],
    ['a malformed service', { Service: 'ec2' }, '/Statement/0/Principal/Service policy.statement.principal.invalid'],
    ['a wildcard service', { Service: '*' }, '/Statement/0/Principal/Service policy.statement.principal.invalid'],
    ['a bad canonical user', { CanonicalUser: 'abc' }, '/Statement/0/Principal/CanonicalUser policy.statement.principal.invalid'],
    ['a federated role ARN', { Federated: 'arn:aws:iam::111122223333:role/x' }, '/Statement/0/Principal/Federated policy.statement.principal.invalid'],
  ])('rejects %s', (_name, principal, expected) => {
    expect(codesAt(doc({ ...allow, Principal: principal }), 'resource')).toContain(expected);
  });

  it('accepts a canonical user id and a China-region service principal', () => {
    const principal = { CanonicalUser: 'a'.repeat(64), Service: ['s3.amazonaws.com', 'ec2.amazonaws.com.cn'] };
    expect(validatePolicy(doc({ ...allow, Principal: principal }), 'resource')).toEqual([]);
  });
});

describe('condition rules', () => {
  const withCondition = (condition: Json) => doc({ ...allow, Condition: condition });
  it.each<[string, Json, string]>([
    ['Condition a list', [], '/Statement/0/Condition policy.statement.condition.invalid'],
    ['unknown operator', { StringEqual: { 'aws:username': 'alice' } }, '/Statement/0/Condition/StringEqual policy.statement.condition.unknownOperator'],
    ['Null with IfExists', { NullIfExists: { 'aws:TokenIssueTime': 'true' } }, '/Statement/0/Condition/NullIfExists policy.statement.condition.unknownOperator'],
    ['unknown set qualifier', { 'ForSomeValues:StringLike': { 'aws:TagKeys': 'a*' } }, '/Statement/0/Condition/ForSomeValues:StringLike policy.statement.condition.unknownOperator'],
    ['operator value a string', { StringEquals: 'aws:username' }, '/Statement/0/Condition/StringEquals policy.statement.condition.block'],
    ['operator with no keys', { StringEquals: {} }, '/Statement/0/Condition/StringEquals policy.statement.condition.emptyBlock'],
    ['key without a prefix', { StringEquals: { username: 'alice' } }, '/Statement/0/Condition/StringEquals/username policy.statement.condition.key'],
    ['empty value list', { StringEquals: { 'aws:username': [] } }, '/Statement/0/Condition/StringEquals/aws:username policy.statement.condition.emptyValues'],
    ['null value', { StringEquals: { 'aws:username': null } }, '/Statement/0/Condition/StringEquals/aws:username policy.statement.condition.value'],
    ['object in the value list', { StringEquals: { 'aws:username': ['alice', { b: 1 }] } }, '/Statement/0/Condition/StringEquals/aws:username/1 policy.statement.condition.value'],
  ])('%s', (_name, condition, expected) => {
    expect(codesAt(withCondition(condition), 'identity')).toContain(expected);
  });

  it('accepts qualified, IfExists and case-variant operators with scalar values', () => {
    const condition = {
      'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['team-*'] },
      'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' },
      stringequals: { 'aws:PrincipalTag/team': 'red' },
      DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
      IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] },
      Null: { 'aws:TokenIssueTime': false },
    };
    expect(validatePolicy(withCondition(condition), 'identity')).toEqual([]);
  });
});

describe('size quotas', () => {
  const padded = (length: number) => doc({ ...allow, Resource: `arn:aws:s3:::${'b'.repeat(length)}` });
  it.each<[string, PolicyKind, 'managed' | 'userInline' | 'bucket' | undefined, number, boolean]>([
    ['managed under 6,144', 'identity', 'managed', 5000, false],
    ['managed over 6,144', 'identity', 'managed', 6200, true],
    ['user inline over 2,048', 'identity', 'userInline', 2100, true],
    ['no limit by default for identity policies', 'identity', undefined, 9000, false],
    ['bucket over 20 KB', 'resource', 'bucket', 21000, true],
  ])('%s', (_name, kind, limit, length, exceeded) => {
    const document = kind === 'resource' ? doc({ ...bucketStatement, Resource: `arn:aws:s3:::${'b'.repeat(length)}` }) : padded(length);
    const found = validatePolicy(document, kind, undefined, limit ? { limit } : {}).filter((d) => d.code === 'policy.size.exceeded');
    expect(found.length).toBe(exceeded ? 1 : 0);
    if (exceeded) expect(found[0]?.severity).toBe('warning');
  });

  it('trust policies are held to 2,048 characters by default, not counting whitespace', () => {
    const statement = { ...trustStatement, Condition: { StringEquals: { 'sts:ExternalId': 'x'.repeat(1800) } } };
    const document = doc(statement);
    expect(validatePolicy(document, 'trust').map((d) => d.code)).toEqual([]);
    const bigger = doc({ ...statement, Condition: { StringEquals: { 'sts:ExternalId': 'x'.repeat(2100) } } });
    expect(validatePolicy(bigger, 'trust').map((d) => d.code)).toEqual(['policy.size.exceeded']);
    const indented = JSON.stringify(document, null, 8);
    expect(validatePolicy(document, 'trust', undefined, { text: indented })).toEqual([]);
  });

  it('SCPs count whitespace too: the same document fits compact and not indented', () => {
    const document = doc({ Effect: 'Deny', Action: Array.from({ length: 180 }, (_, i) => `ec2:Action${i}`), Resource: '*' });
    const compact = JSON.stringify(document);
    const indented = JSON.stringify(document, null, 4);
    expect(compact.length).toBeLessThan(5120);
    expect(validatePolicy(document, 'scp', undefined, { text: compact })).toEqual([]);
    expect(validatePolicy(document, 'scp', undefined, { text: indented }).map((d) => d.code)).toEqual(['policy.size.exceeded']);
  });
});

describe('the code table', () => {
  it('every code is dotted, starts with policy. and every diagnostic uses a code from the table', () => {
    for (const code of Object.keys(diagnosticCodes)) expect(code).toMatch(/^policy(\.[a-zA-Z]+)+$/);
    const everything = validatePolicy({ Version: 1, Statement: [{ Effect: 1, Action: [], Principal: {}, Condition: { X: 1 } }], Extra: 1 }, 'identity');
    expect(everything.length).toBeGreaterThan(3);
    for (const d of everything) {
      expect(Object.keys(diagnosticCodes)).toContain(d.code);
      expect(d.message).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('trust policy actions', () => {
  it.each<[string, boolean]>([
    ['sts:AssumeRole', true],
    ['sts:AssumeRoleWithWebIdentity', true],
    ['sts:TagSession', true],
    ['sts:*', true],
    ['*', true],
    ['s3:GetObject', false],
    ['iam:PassRole', false],
  ])('%s allowed: %s', (action, allowed) => {
    const codes = validatePolicy(doc({ ...trustStatement, Action: ['sts:AssumeRole', action] }), 'trust').map((d) => `${d.path} ${d.code}`);
    expect(codes).toEqual(allowed ? [] : ['/Statement/0/Action/1 policy.statement.action.trustNotSts']);
  });

  it('NotAction in a trust policy is not limited to STS names (it lists what is excluded)', () => {
    expect(validatePolicy(doc({ Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject' }), 'trust')).toEqual([]);
  });
});

describe('principals that do not exist', () => {
  const existing = new Set(['arn:aws:iam::111122223333:role/Deployer']);
  const principalExists = (arn: string) => existing.has(arn);

  it('rejects an unknown role with AWS wording and accepts a known one', () => {
    const document = doc({ ...trustStatement, Principal: { AWS: ['arn:aws:iam::111122223333:role/Deployer', 'arn:aws:iam::111122223333:role/Gone'] } });
    const diagnostics = validatePolicy(document, 'trust', undefined, { principalExists });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'policy.statement.principal.invalid', path: '/Statement/0/Principal/AWS/1' });
    expect(diagnostics[0]?.message).toBe(
      'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:role/Gone" (no user or role with this ARN exists).',
    );
  });

  it('does not ask about accounts, roots or sessions', () => {
    const asked: string[] = [];
    const document = doc({ ...trustStatement, Principal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws:sts::111122223333:assumed-role/R/s'] } });
    expect(validatePolicy(document, 'trust', undefined, { principalExists: (arn) => (asked.push(arn), false) })).toEqual([]);
    expect(asked).toEqual([]);
  });
});

describe('documents built in code', () => {
  it('treats members set to undefined as absent', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Principal: undefined, NotAction: undefined, Condition: undefined };
    expect(validatePolicy({ Version: '2012-10-17', Id: undefined, Statement: statement } as unknown as Json, 'identity')).toEqual([]);
  });

  it('survives a document nested far deeper than any parser would allow', () => {
    let deep: Json = '${aws:username}';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const diagnostics = validatePolicy({ Version: '2008-10-17', Statement: allow, Id: deep }, 'identity');
    expect(diagnostics.map((d) => d.code)).toEqual(['policy.version.old', 'policy.id.invalid']);
  });

  it('reports disallowed characters in document order', () => {
    const document = doc({ Sid: 'A\u0100', Effect: 'Allow', Action: ['s3:\u0101', 's3:\u0102'], Resource: '*' });
    const paths = validatePolicy(document, 'identity').filter((d) => d.code === 'policy.document.invalidCharacter').map((d) => d.path);
    expect(paths).toEqual(['/Statement/0/Sid', '/Statement/0/Action/0', '/Statement/0/Action/1']);
  });
});

describe('condition values that can never match (warnings)', () => {
  const withCondition = (operator: string, value: Json) => doc({ ...allow, Condition: { [operator]: { 'aws:SomeKey': value } } });
  it.each<[string, Json, boolean]>([
    ['NumericLessThan', 10, true],
    ['NumericLessThan', '-2.5', true],
    ['NumericEquals', 'ten', false],
    ['ForAnyValue:NumericGreaterThanIfExists', ['1', 'x'], false],
    ['DateGreaterThan', '2024-01-01T00:00:00Z', true],
    ['DateLessThan', '2024-01-01', true],
    ['DateLessThan', 1700000000, true],
    ['DateEquals', 'yesterday', false],
    ['Bool', true, true],
    ['Bool', 'TRUE', true],
    ['Bool', 'yes', false],
    ['Null', 'false', true],
    ['Null', 'maybe', false],
    ['IpAddress', '203.0.113.0/24', true],
    ['NotIpAddress', '2001:db8::/32', true],
    ['IpAddress', '300.1.1.1', false],
    ['IpAddress', 'office', false],
    ['BinaryEquals', 'QmluYXJ5', true],
    ['BinaryEquals', 'not base64!', false],
    ['StringEquals', 'anything at all', true],
    ['NumericEquals', '${aws:PrincipalTag/limit}', true],
  ])('%s with %j fits: %s', (operator, value, fits) => {
    const found = validatePolicy(withCondition(operator, value), 'identity');
    if (fits) expect(found).toEqual([]);
    else expect(found).toEqual([expect.objectContaining({ severity: 'warning', code: 'policy.statement.condition.valueType' })]);
  });
});

describe('policy variables where AWS does not replace them', () => {
  // AWS: "IAM policy elements: Variables and tags" — Resource and Condition only.
  it.each<[string, Json, PolicyKind, string]>([
    ['in Action', doc({ ...allow, Action: 's3:${aws:username}' }), 'identity', '/Statement/0/Action'],
    ['in an AWS principal', doc({ ...bucketStatement, Principal: { AWS: 'arn:aws:iam::111122223333:user/${aws:username}' } }), 'resource', '/Statement/0/Principal/AWS'],
  ])('%s is a warning, not an error', (_name, document, kind, path) => {
    expect(validatePolicy(document, kind)).toEqual([expect.objectContaining({ severity: 'warning', code: 'policy.statement.variable.literal', path })]);
  });
});
