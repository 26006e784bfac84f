// Cross-account requests need both sides; anonymous callers, services and identity providers only the
// resource policy; the root user needs no identity policy; role trust and KMS key policies must allow
// even inside the account.
// AWS: Cross-account policy evaluation logic
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html);
// AWS account root user (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html);
// IAM roles, "Role trust policy"; AWS KMS, "Key policies" / "Allows access to the AWS account and enables IAM policies"
// (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html); Policy evaluation logic
// ("IAM role trust policies and KMS key policies are exceptions to this logic").
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import type { EvaluationInput, PolicyInput, PolicySet, RequestPrincipal } from '../../../src/lib/domain/evaluation/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { ALICE, OTHER_USER, ROLE, ROOT, SESSION, allowAll, enteredStages, grant, input, policy, statement } from './support';

const resourcePolicy = (...statements: Parameters<typeof grant>[]): PolicyInput => ({
  id: 'resource',
  document: { Version: '2012-10-17', Statement: statements.map((s) => grant(...s)) },
});

function decisionOf(i: EvaluationInput) {
  const r = evaluate(i);
  if (r.kind !== 'decision') throw new Error(r.message);
  return r;
}

describe('cross-account: both sides must allow', () => {
  const inOtherAccount = (policies: Partial<PolicySet>) => input(OTHER_USER, policies);
  it.each([
    ['identity only', { identity: [allowAll()] }, 'implicitDeny', 'resource'],
    ['resource only (naming the user)', { resource: resourcePolicy(['Allow', { AWS: OTHER_USER }, 's3:GetObject']) }, 'implicitDeny', 'identity'],
    ['both', { identity: [allowAll()], resource: resourcePolicy(['Allow', { AWS: '444455556666' }, 's3:GetObject']) }, 'allowed', 'identity'],
    ['both, but the boundary does not allow', { identity: [allowAll()], permissionsBoundary: policy('b', statement('Allow', 'ec2:*')), resource: resourcePolicy(['Allow', { AWS: OTHER_USER }, 's3:*']) }, 'implicitDeny', 'permissionsBoundary'],
    ['resource policy names someone else', { identity: [allowAll()], resource: resourcePolicy(['Allow', { AWS: ALICE }, 's3:*']) }, 'implicitDeny', 'resource'],
  ] as const)('%s → %s at %s', (_name, policies, decision, stage) => {
    const r = decisionOf(inOtherAccount(policies));
    expect([r.decision, r.decisiveStage]).toEqual([decision, stage]);
  });

  it('says which side is missing in the trace and the message', () => {
    const r = decisionOf(inOtherAccount({ identity: [allowAll()] }));
    expect(r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'resource')).toMatchObject({ outcome: 'implicitDeny', because: 'resource.crossAccountRequired' });
    expect(r.message).toBe(
      'User: arn:aws:iam::444455556666:user/carol is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no resource-based policy allows the s3:GetObject action',
    );
  });

  it('takes the resource account from the ARN when none is given', () => {
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders';
    const r = decisionOf(input(OTHER_USER, { identity: [allowAll()] }, { action: 'dynamodb:GetItem', resource: table }));
    expect(r.decision).toBe('implicitDeny');
    expect(r.decisiveStage).toBe('resource');
  });
});

describe('anonymous callers', () => {
  it.each([
    ['no resource policy', {}, 'implicitDeny'],
    ['public bucket policy', { resource: resourcePolicy(['Allow', '*', 's3:GetObject']) }, 'allowed'],
    ['{"AWS":"*"} is public too', { resource: resourcePolicy(['Allow', { AWS: '*' }, 's3:GetObject']) }, 'allowed'],
    ['a policy naming an account does not cover anonymous', { resource: resourcePolicy(['Allow', { AWS: '111122223333' }, 's3:GetObject']) }, 'implicitDeny'],
    ['identity policies are not looked at', { identity: [allowAll()] }, 'implicitDeny'],
    ['a public deny wins', { resource: resourcePolicy(['Allow', '*', 's3:*'], ['Deny', '*', 's3:GetObject']) }, 'explicitDeny'],
  ] as const)('%s → %s', (_name, policies, decision) => {
    expect(decisionOf(input('*', policies)).decision).toBe(decision);
  });

  it('enters no identity, boundary, session or SCP stage and words the message for an anonymous caller', () => {
    const r = decisionOf(input('*', { identity: [allowAll()], scps: [{ id: 'root', policies: [allowAll('scp')] }] }));
    expect(enteredStages(r.trace)).toEqual(['denyEvaluation', 'resource']);
    expect(r.message).toBe('User: anonymous is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no resource-based policy allows the s3:GetObject action');
  });
});

describe('the root user', () => {
  it.each([
    ['no policy at all, own account', input(ROOT, {}), 'allowed'],
    ['SCP level without allow', input(ROOT, { scps: [{ id: 'root', policies: [allowAll('full')] }, { id: 'ou', policies: [policy('ec2', statement('Allow', 'ec2:*'))] }] }), 'implicitDeny'],
    ['explicit deny in an SCP', input(ROOT, { scps: [{ id: 'root', policies: [policy('scp', statement('Allow', '*'), statement('Deny', 's3:*'))] }] }), 'explicitDeny'],
    ['explicit deny in a bucket policy', input(ROOT, { resource: resourcePolicy(['Deny', '*', 's3:*']) }), 'explicitDeny'],
    ['another account, no resource policy', input('arn:aws:iam::444455556666:root', {}), 'implicitDeny'],
    ['another account, resource policy names that account', input('arn:aws:iam::444455556666:root', { resource: resourcePolicy(['Allow', { AWS: '444455556666' }, 's3:GetObject']) }), 'allowed'],
  ] as const)('%s → %s', (_name, i, decision) => {
    expect(decisionOf(i).decision).toBe(decision);
  });

  it('reports its implicit full access in the identity stage', () => {
    const r = decisionOf(input(ROOT, {}));
    expect(r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'identity')).toMatchObject({ outcome: 'allow', because: 'identity.rootFullAccess' });
  });
});

describe('role trust policies', () => {
  const assume = (principal: string, policies: Partial<PolicySet>, action = 'sts:AssumeRole') =>
    decisionOf(input(principal, policies, { action, resource: 'arn:aws:iam::111122223333:role/Admin' }));
  const trust = (principal: Json, action = 'sts:AssumeRole'): PolicyInput => ({
    id: 'trust',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action }] },
  });

  it.each([
    ['identity allows, no trust policy', ALICE, { identity: [allowAll()] }, 'implicitDeny', 'resource'],
    ['identity allows, trust names someone else', ALICE, { identity: [allowAll()], resource: trust({ AWS: 'arn:aws:iam::111122223333:user/bob' }) }, 'implicitDeny', 'resource'],
    ['trust names the user', ALICE, { resource: trust({ AWS: ALICE }) }, 'allowed', 'resource'],
    ['trust names the account: identity must allow', ALICE, { resource: trust({ AWS: '111122223333' }) }, 'implicitDeny', 'identity'],
    ['trust names the account and identity allows', ALICE, { resource: trust({ AWS: '111122223333' }), identity: [policy('id', statement('Allow', 'sts:AssumeRole'))] }, 'allowed', 'identity'],
    ['cross-account: trust and identity', OTHER_USER, { resource: trust({ AWS: '444455556666' }), identity: [allowAll()] }, 'allowed', 'identity'],
    ['cross-account: trust only', OTHER_USER, { resource: trust({ AWS: OTHER_USER }) }, 'implicitDeny', 'identity'],
    ['role chaining: trust names the role of the session', SESSION, { resource: trust({ AWS: ROLE }) }, 'allowed', 'identity'],
  ] as const)('%s → %s at %s', (_name, principal, policies, decision, stage) => {
    const r = assume(principal, policies);
    expect([r.decision, r.decisiveStage]).toEqual([decision, stage]);
  });

  it('a service principal is judged by the trust policy alone', () => {
    const ec2: RequestPrincipal = { kind: 'service', service: 'ec2.amazonaws.com' };
    const base = input(ALICE, { resource: trust({ Service: 'ec2.amazonaws.com' }) }, { action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/Admin' });
    expect(evaluate({ ...base, request: { ...base.request, principal: ec2 } })).toMatchObject({ decision: 'allowed', decisiveStage: 'resource' });
    const other = input(ALICE, { resource: trust({ Service: 'lambda.amazonaws.com' }) }, { action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/Admin' });
    expect(evaluate({ ...other, request: { ...other.request, principal: ec2 } })).toMatchObject({ decision: 'implicitDeny', decisiveStage: 'resource' });
  });

  it('a web-identity caller needs the trust policy to name its provider', () => {
    const caller: RequestPrincipal = { kind: 'webIdentity', provider: 'accounts.google.com' };
    const base = input(ALICE, { resource: trust({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity') }, { action: 'sts:AssumeRoleWithWebIdentity', resource: 'arn:aws:iam::111122223333:role/Admin' });
    expect(evaluate({ ...base, request: { ...base.request, principal: caller } })).toMatchObject({ decision: 'allowed' });
  });

  it('words the denial as a role trust policy', () => {
    expect(assume(ALICE, { identity: [allowAll()] }).message).toBe(
      'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/Admin because no role trust policy allows the sts:AssumeRole action',
    );
    const denied = assume(ALICE, { resource: { id: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }] } } });
    expect(denied.message).toMatch(/with an explicit deny in the role trust policy$/);
  });
});

describe('KMS key policies', () => {
  const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const decrypt = (principal: string, policies: Partial<PolicySet>) => decisionOf(input(principal, policies, { action: 'kms:Decrypt', resource: KEY }));
  const keyPolicy = (principal: Json): PolicyInput => ({
    id: 'key',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'kms:*', Resource: '*' }] },
  });
  it.each([
    ['IAM policy alone is not enough', ALICE, { identity: [allowAll()] }, 'implicitDeny'],
    ['key policy names the account root: IAM policies are enabled', ALICE, { identity: [allowAll()], resource: keyPolicy({ AWS: 'arn:aws:iam::111122223333:root' }) }, 'allowed'],
    ['key policy names the account root, no IAM allow', ALICE, { resource: keyPolicy({ AWS: 'arn:aws:iam::111122223333:root' }) }, 'implicitDeny'],
    ['key policy names the user', ALICE, { resource: keyPolicy({ AWS: ALICE }) }, 'allowed'],
    ['root user needs the key policy too', ROOT, {}, 'implicitDeny'],
    ['root user with the default key policy', ROOT, { resource: keyPolicy({ AWS: 'arn:aws:iam::111122223333:root' }) }, 'allowed'],
  ] as const)('%s → %s', (_name, principal, policies, decision) => {
    expect(decrypt(principal, policies).decision).toBe(decision);
  });
});
