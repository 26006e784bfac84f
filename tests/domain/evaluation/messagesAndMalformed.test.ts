// AWS-style denial messages, one policy type per message, and MalformedPolicyDocument for a policy with
// error diagnostics. AWS: Troubleshooting access denied error messages, "Access denied error message examples"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html); IAM API errors,
// MalformedPolicyDocument ("The request was rejected because the policy document was malformed").
import { describe, expect, it } from 'vitest';
import { denialMessage } from '../../../src/lib/domain/evaluation/denialMessage';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import { principalFromArn } from '../../../src/lib/domain/evaluation/principalFromArn';
import type { AuthorizationRequest, PolicySet } from '../../../src/lib/domain/evaluation/types';
import { ALICE, SESSION, allowAll, grant, input, policy, statement, resourcePolicy } from './support';

const head = 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k';

describe('denial messages from evaluate', () => {
  it.each([
    ['no identity allow', {}, `${head} because no identity-based policy allows the s3:GetObject action`],
    ['identity deny', { identity: [policy('d', statement('Deny', '*'))] }, `${head} with an explicit deny in an identity-based policy`],
    ['resource deny', { identity: [allowAll()], resource: resourcePolicy('r', grant('Deny', '*', '*')) }, `${head} with an explicit deny in a resource-based policy`],
    ['SCP deny', { identity: [allowAll()], scps: [{ id: 'root', policies: [policy('s', statement('Allow', '*'), statement('Deny', '*'))] }] }, `${head} with an explicit deny in a service control policy`],
    ['SCP without allow (still worded explicit)', { identity: [allowAll()], scps: [{ id: 'root', policies: [policy('s', statement('Allow', 'ec2:*'))] }] }, `${head} with an explicit deny in a service control policy`],
    ['boundary without allow', { identity: [allowAll()], permissionsBoundary: policy('b', statement('Allow', 'ec2:*')) }, `${head} because no permissions boundary allows the s3:GetObject action`],
    ['boundary deny', { identity: [allowAll()], permissionsBoundary: policy('b', statement('Deny', '*')) }, `${head} with an explicit deny in a permissions boundary`],
  ] as const)('%s', (_name, policies, message) => {
    expect(evaluate(input(ALICE, policies as Partial<PolicySet>))).toMatchObject({ kind: 'decision', message });
  });

  it('names the session ARN for role sessions, and session policies', () => {
    const sessionHead = `User: ${SESSION} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k`;
    expect(evaluate(input(SESSION, { identity: [allowAll()], session: [policy('s', statement('Allow', 'ec2:*'))] }))).toMatchObject({
      message: `${sessionHead} because no session policy allows the s3:GetObject action`,
    });
    expect(evaluate(input(SESSION, { identity: [allowAll()], session: [policy('s', statement('Deny', '*'))] }))).toMatchObject({
      message: `${sessionHead} with an explicit deny in a session policy`,
    });
  });

  it('leaves out the resource for actions that have none', () => {
    const request: AuthorizationRequest = { principal: principalFromArn(ALICE), action: 'iam:ListUsers', resource: '*', context: {} };
    expect(denialMessage(request, 'implicitDeny', 'identity', false)).toBe(
      'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:ListUsers because no identity-based policy allows the iam:ListUsers action',
    );
  });

  it('has no message when allowed', () => {
    const r = evaluate(input(ALICE, { identity: [allowAll()] }));
    expect(r.kind === 'decision' && 'message' in r && r.message !== undefined).toBe(false);
  });
});

describe('malformed policies', () => {
  it.each([
    ['an identity policy with a bad Effect', { identity: [{ id: 'bad', document: { Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] } }] }, 'bad'],
    ['JSON text with a syntax error', { identity: [{ id: 'text', document: '{ "Version": "2012-10-17", ' }] }, 'text'],
    ['an identity policy with a Principal', { identity: [resourcePolicy('p', grant('Allow', '*', '*', '*'))] }, 'p'],
    ['an SCP at some level', { identity: [allowAll()], scps: [{ id: 'root', policies: [{ id: 'scp', document: { Statement: [] } }] }] }, 'scp'],
  ] as const)('%s → MalformedPolicyDocument naming the policy', (_name, policies, policyId) => {
    const r = evaluate(input(ALICE, policies as Partial<PolicySet>));
    expect(r.kind).toBe('malformed');
    if (r.kind !== 'malformed') return;
    expect(r.code).toBe('MalformedPolicyDocument');
    expect(r.policyId).toBe(policyId);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(r.message).toBe(r.diagnostics.find((d) => d.severity === 'error')!.message);
  });

  it('accepts JSON text and parsed JSON alike', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } });
    expect(evaluate(input(ALICE, { identity: [{ id: 't', document: text }] }))).toMatchObject({ decision: 'allowed', reasons: [{ policyId: 't', statementIndex: 0 }] });
  });
});
