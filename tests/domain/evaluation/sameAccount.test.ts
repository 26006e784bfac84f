// Same-account evaluation: an Allow in identity-based OR resource-based policies suffices, and what a
// resource-based policy names decides whether identity policies, boundary and session policy can limit it.
// AWS: Policy evaluation logic, "How AWS enforcement code logic evaluates requests to allow or deny access"
// (Resource-based policies: IAM role / IAM role session / IAM user / AWS STS federated user principal)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
// and "Policy evaluation for requests within a single account" ("If either the identity-based policy or the
// resource-based policy within the same account allows the request and the other doesn't, the request is
// still allowed"); IAM JSON policy elements: Principal, "AWS account principals".
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import type { Decision, PolicySet, StageName } from '../../../src/lib/domain/evaluation/types';
import { ALICE, FEDERATED, ROLE, SESSION, allowAll, enteredStages, grant, input, policy, statement, resourcePolicy } from './support';

const ACCOUNT = '111122223333';
const ACCOUNT_ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const resourceNaming = (who: string) => resourcePolicy('bucket', grant('Allow', { AWS: who }, 's3:GetObject'));
const denyOtherBoundary = policy('boundary', statement('Allow', 'ec2:*'));
const denyOtherSession = [policy('session', statement('Allow', 'ec2:*'))];

function decide(principal: string, policies: Partial<PolicySet>): { decision: Decision; stage: StageName | null } {
  const r = evaluate(input(principal, policies));
  if (r.kind !== 'decision') throw new Error(r.message);
  return { decision: r.decision, stage: r.decisiveStage };
}

describe('same account: identity OR resource', () => {
  it.each([
    ['identity only', { identity: [policy('id', statement('Allow', 's3:GetObject'))] }, 'allowed'],
    ['resource only, naming the user', { resource: resourceNaming(ALICE) }, 'allowed'],
    ['both', { identity: [allowAll()], resource: resourceNaming(ALICE) }, 'allowed'],
    ['neither', { resource: resourceNaming('arn:aws:iam::111122223333:user/bob') }, 'implicitDeny'],
    ['resource allows, identity denies', { identity: [policy('id', statement('Deny', 's3:*'))], resource: resourceNaming(ALICE) }, 'explicitDeny'],
    ['identity allows, resource denies', { identity: [allowAll()], resource: resourcePolicy('bucket', grant('Deny', '*', 's3:*')) }, 'explicitDeny'],
  ] as const)('user: %s → %s', (_name, policies, expected) => {
    expect(decide(ALICE, policies).decision).toBe(expected);
  });
});

// The table of "Resource-based policies and implicit denies in other policy types (same account)".
describe('same account: what the resource-based policy names', () => {
  it.each([
    // IAM user ARN: not limited by an implicit deny in identity-based policies or the permissions boundary.
    ['user ARN, no identity allow', ALICE, { resource: resourceNaming(ALICE) }, 'allowed', 'resource'],
    ['user ARN, boundary allows nothing here', ALICE, { resource: resourceNaming(ALICE), permissionsBoundary: denyOtherBoundary }, 'allowed', 'resource'],
    // Role session ARN: granted directly to the session, not limited by identity, boundary or session policy.
    ['session ARN, no identity allow', SESSION, { resource: resourceNaming(SESSION) }, 'allowed', 'resource'],
    ['session ARN, boundary and session policy allow nothing here', SESSION, { resource: resourceNaming(SESSION), permissionsBoundary: denyOtherBoundary, session: denyOtherSession }, 'allowed', 'resource'],
    // Role ARN: identity need not allow, but the boundary and session policy limit it.
    ['role ARN, no identity allow', SESSION, { resource: resourceNaming(ROLE) }, 'allowed', 'identity'],
    ['role ARN, boundary allows nothing here', SESSION, { resource: resourceNaming(ROLE), permissionsBoundary: denyOtherBoundary }, 'implicitDeny', 'permissionsBoundary'],
    ['role ARN, session policy allows nothing here', SESSION, { resource: resourceNaming(ROLE), session: denyOtherSession }, 'implicitDeny', 'session'],
    ['role ARN, boundary and session allow', SESSION, { resource: resourceNaming(ROLE), permissionsBoundary: allowAll('b'), session: [allowAll('s')] }, 'allowed', 'session'],
    // Federated user session ARN: granted directly to the session.
    ['federated-user ARN, no session policy', FEDERATED, { resource: resourceNaming(FEDERATED) }, 'allowed', 'resource'],
    // Everyone ("*"): boundaries and session policies do not limit a wildcard-principal grant.
    ['"*", session policy allows nothing here', SESSION, { resource: resourcePolicy('bucket', grant('Allow', '*', 's3:GetObject')), session: denyOtherSession }, 'allowed', 'resource'],
    // The account: delegates to the account's IAM policies, so the identity side must allow.
    ['account root ARN, no identity allow', ALICE, { resource: resourceNaming(ACCOUNT_ROOT) }, 'implicitDeny', 'identity'],
    ['account id, identity allows', ALICE, { resource: resourceNaming(ACCOUNT), identity: [allowAll()] }, 'allowed', 'identity'],
  ] as const)('%s → %s at %s', (_name, principal, policies, expected, stage) => {
    expect(decide(principal, policies)).toEqual({ decision: expected, stage });
  });

  it('a direct grant ends evaluation after the resource stage: the trace says why', () => {
    const r = evaluate(input(ALICE, { resource: resourceNaming(ALICE), permissionsBoundary: denyOtherBoundary }));
    if (r.kind !== 'decision') throw new Error('malformed');
    expect(enteredStages(r.trace)).toEqual(['denyEvaluation', 'resource']);
    const result = r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'resource');
    expect(result).toMatchObject({ outcome: 'allow', because: 'resource.grantsDirectly', params: { grant: 'direct', mode: 'sameAccount' } });
    expect(r.reasons).toEqual([{ stage: 'resource', policyId: 'bucket', statementIndex: 0, effect: 'Allow' }]);
  });

  it('a grant to the role leaves the identity stage not needed, and says so', () => {
    const r = evaluate(input(SESSION, { resource: resourceNaming(ROLE) }));
    if (r.kind !== 'decision') throw new Error('malformed');
    expect(r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'identity')).toMatchObject({ outcome: 'notApplicable', because: 'identity.notNeeded' });
  });

  it('a resource policy that allows nothing here defers to the identity side', () => {
    const r = evaluate(input(ALICE, { resource: resourceNaming('arn:aws:iam::111122223333:user/bob'), identity: [allowAll()] }));
    if (r.kind !== 'decision') throw new Error('malformed');
    expect(r.decision).toBe('allowed');
    expect(r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'resource')).toMatchObject({ outcome: 'notApplicable', because: 'resource.noAllow' });
  });
});

// AWS: Permissions boundaries for IAM entities ("allows it to perform only the actions that are allowed by both
// its identity-based policies and its permissions boundaries"); Policy types, "Session policies".
describe('limits on the identity side', () => {
  it.each([
    ['boundary alone grants nothing', ALICE, { permissionsBoundary: allowAll('b') }, 'implicitDeny', 'identity'],
    ['identity ∩ boundary', ALICE, { identity: [allowAll()], permissionsBoundary: policy('b', statement('Allow', 's3:Get*')) }, 'allowed', 'permissionsBoundary'],
    ['boundary does not cover the action', ALICE, { identity: [allowAll()], permissionsBoundary: denyOtherBoundary }, 'implicitDeny', 'permissionsBoundary'],
    ['session policy alone grants nothing', SESSION, { session: [allowAll('s')] }, 'implicitDeny', 'identity'],
    ['identity ∩ session policy', SESSION, { identity: [allowAll()], session: [policy('s', statement('Allow', 's3:GetObject'))] }, 'allowed', 'session'],
    ['session policy does not cover the action', SESSION, { identity: [allowAll()], session: denyOtherSession }, 'implicitDeny', 'session'],
    ['any of several session policies may allow', SESSION, { identity: [allowAll()], session: [...denyOtherSession, policy('s2', statement('Allow', 's3:*'))] }, 'allowed', 'session'],
    ['role session without session policy', SESSION, { identity: [allowAll()] }, 'allowed', 'identity'],
    // AWS STS API reference, GetFederationToken: without session policies the federated session has no permissions.
    ['federated user without session policy', FEDERATED, { identity: [allowAll()] }, 'implicitDeny', 'session'],
    ['federated user with a session policy', FEDERATED, { identity: [allowAll()], session: [allowAll('s')] }, 'allowed', 'session'],
    ['session policies do not apply to IAM users', ALICE, { identity: [allowAll()], session: denyOtherSession }, 'allowed', 'identity'],
  ] as const)('%s → %s at %s', (_name, principal, policies, expected, stage) => {
    expect(decide(principal, policies)).toEqual({ decision: expected, stage });
  });

  it('a Deny in the boundary or a session policy is an explicit deny', () => {
    expect(decide(ALICE, { identity: [allowAll()], permissionsBoundary: policy('b', statement('Allow', '*'), statement('Deny', 's3:GetObject')) }).decision).toBe('explicitDeny');
    expect(decide(SESSION, { identity: [allowAll()], session: [policy('s', statement('Deny', 's3:*'))] }).decision).toBe('explicitDeny');
  });
});
